"""The `connections` operations: the resources `Connections` (`client.connections`) and `AsyncConnections`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.connection_list_response import ConnectionListResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET
from . import (
    list_connections,
)


class Connections(SyncResource):
    """The `connections` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "ConnectionsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return ConnectionsWithRawResponse(self._client)

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> ConnectionListResponse:
        """List connections.

        Get a list of the account's connections (bots and integrations). The page titles this
        section "Getting a list of communication channels", but the answer lists connections,
        whose ids are the `connection_id` of a person's accounts.

        `GET /connections` (operation `list_connections`).

        Args:
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
        return list_connections.sync(
            client=self._with(timeout, extra_headers, extra_query),
        )


class ConnectionsWithRawResponse(SyncResource):
    """The `connections` operations returning a `RawResponse`: `client.connections.with_raw_response`."""

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[ConnectionListResponse]:
        """List connections, with the answer's status, headers, request id and time.

        Get a list of the account's connections (bots and integrations). The page titles this
        section "Getting a list of communication channels", but the answer lists connections,
        whose ids are the `connection_id` of a person's accounts.

        `GET /connections` (operation `list_connections`).

        Args:
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
        detailed = list_connections.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_connections._unwrap(detailed))


class AsyncConnections(AsyncResource):
    """The `connections` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncConnectionsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncConnectionsWithRawResponse(self._client)

    async def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> ConnectionListResponse:
        """List connections.

        Get a list of the account's connections (bots and integrations). The page titles this
        section "Getting a list of communication channels", but the answer lists connections,
        whose ids are the `connection_id` of a person's accounts.

        `GET /connections` (operation `list_connections`).

        Args:
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
        return await list_connections.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
        )


class AsyncConnectionsWithRawResponse(AsyncResource):
    """The `connections` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[ConnectionListResponse]:
        """List connections, with the answer's status, headers, request id and time.

        Get a list of the account's connections (bots and integrations). The page titles this
        section "Getting a list of communication channels", but the answer lists connections,
        whose ids are the `connection_id` of a person's accounts.

        `GET /connections` (operation `list_connections`).

        Args:
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
        detailed = await list_connections.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_connections._unwrap(detailed))


__all__ = [
    "AsyncConnections",
    "AsyncConnectionsWithRawResponse",
    "Connections",
    "ConnectionsWithRawResponse",
    "list_connections",
]
