"""The `users` operations: the resources `Users` (`client.users`) and `AsyncUsers`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.error_envelope import ErrorEnvelope
from ...models.user import User
from ...models.user_list_response import UserListResponse
from ...models.user_response import UserResponse
from ...types import UNSET, Unset
from . import (
    get_user,
    list_users,
)


class Users(SyncResource):
    """The `users` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "UsersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return UsersWithRawResponse(self._client)

    def get(
        self,
        user_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> UserResponse:
        """Get a platform user.

        Get information on a specific platform user.

        `GET /users/{user_id}` (operation `get_user`).

        Args:
            user_id: Id of the platform user.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return get_user.sync(
            user_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> UserListResponse:
        """List platform users.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_users.sync(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Iterator[User]:
        """List platform users: every item of every page.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Yields:
            Each `User` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_users.iterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )


class UsersWithRawResponse(SyncResource):
    """The `users` operations returning a `RawResponse`: `client.users.with_raw_response`."""

    def get(
        self,
        user_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[UserResponse]:
        """Get a platform user, with the answer's status, headers, request id and time.

        Get information on a specific platform user.

        `GET /users/{user_id}` (operation `get_user`).

        Args:
            user_id: Id of the platform user.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = get_user.sync_detailed(
            user_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_user._unwrap(detailed))

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[UserListResponse]:
        """List platform users, with the answer's status, headers, request id and time.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = list_users.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_users._unwrap(detailed))


class AsyncUsers(AsyncResource):
    """The `users` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncUsersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncUsersWithRawResponse(self._client)

    async def get(
        self,
        user_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> UserResponse:
        """Get a platform user.

        Get information on a specific platform user.

        `GET /users/{user_id}` (operation `get_user`).

        Args:
            user_id: Id of the platform user.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await get_user.asyncio(
            user_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    async def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> UserListResponse:
        """List platform users.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await list_users.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncIterator[User]:
        """List platform users: every item of every page.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Yields:
            Each `User` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_users.aiterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    aiterate = iterate


class AsyncUsersWithRawResponse(AsyncResource):
    """The `users` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def get(
        self,
        user_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[UserResponse]:
        """Get a platform user, with the answer's status, headers, request id and time.

        Get information on a specific platform user.

        `GET /users/{user_id}` (operation `get_user`).

        Args:
            user_id: Id of the platform user.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = await get_user.asyncio_detailed(
            user_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_user._unwrap(detailed))

    async def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[UserListResponse]:
        """List platform users, with the answer's status, headers, request id and time.

        Get a list of platform users. The page's example has trailing commas and timestamps without
        seconds; repaired.

        `GET /users` (operation `list_users`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = await list_users.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_users._unwrap(detailed))


__all__ = [
    "AsyncUsers",
    "AsyncUsersWithRawResponse",
    "Users",
    "UsersWithRawResponse",
    "get_user",
    "list_users",
]
