"""The `users` operations: the resources `Users` (`client.users`) and `AsyncUsers`, and one module per operation."""

import builtins
import functools
from collections.abc import Iterator, Mapping
from typing import Any, Required, TypedDict, overload

from ..._base_client import TimeoutTypes
from ..._resource import (
    AsyncResource,
    SyncResource,
    async_iterator,
    async_to_raw_response_wrapper,
    awaitable,
    missing_arguments,
    plain_date,
    to_raw_response_wrapper,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.user import User
from ...models.user_list_response import UserListResponse
from ...models.user_response import UserResponse
from . import (
    get_user,
    list_users,
)


class Users(SyncResource):
    """The `users` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "UsersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return UsersWithRawResponse(self)

    def get(
        self,
        user_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> UserResponse:
        """Get a platform user.

        Get information on a specific platform user.

        `GET /users/{user_id}` (operation `get_user`).

        Args:
            user_id: Id of the platform user.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Returns:
            The model of the 2xx answer (awaited on `AsyncLeelooClient`; `with_raw_response` adds
            status, headers, request id, body and time).

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return self._call(
            get_user.ENDPOINT,
            get_user.request(
                user_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
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
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Returns:
            The model of the 2xx answer (awaited on `AsyncLeelooClient`; `with_raw_response` adds
            status, headers, request id, body and time).

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return self._call(
            list_users.ENDPOINT,
            list_users.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                limit=limit,
                offset=offset,
            ),
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
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
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Yields:
            Each `User` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        build = functools.partial(
            list_users.request,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
        )
        return self._iterate(list_users.ENDPOINT, build, offset, limit)


class AsyncUsers(AsyncResource):
    """The `users` operations of `AsyncLeelooClient`: the methods of `Users`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncUsersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncUsersWithRawResponse(self)

    get = awaitable(Users.get)
    list = awaitable(Users.list)
    iterate = async_iterator(Users.iterate)
    aiterate = iterate


class UsersWithRawResponse:
    """The `users` operations returning a `RawResponse`: `client.users.with_raw_response`."""

    def __init__(self, resource: Users) -> None:
        self._resource = resource
        self.get = to_raw_response_wrapper(resource.get)
        self.list = to_raw_response_wrapper(resource.list)


class AsyncUsersWithRawResponse:
    """The `users` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncUsers) -> None:
        self._resource = resource
        self.get = async_to_raw_response_wrapper(resource.get)
        self.list = async_to_raw_response_wrapper(resource.list)


__all__ = [
    "AsyncUsers",
    "AsyncUsersWithRawResponse",
    "Users",
    "UsersWithRawResponse",
    "get_user",
    "list_users",
]
