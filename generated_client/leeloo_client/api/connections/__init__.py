"""The `connections` operations: the resources `Connections` (`client.connections`) and `AsyncConnections`, and one module per operation."""

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
from ...models.connection_list_response import ConnectionListResponse
from ...models.error_envelope import ErrorEnvelope
from . import (
    list_connections,
)


class Connections(SyncResource):
    """The `connections` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "ConnectionsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return ConnectionsWithRawResponse(self)

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
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
            list_connections.ENDPOINT,
            list_connections.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )


class AsyncConnections(AsyncResource):
    """The `connections` operations of `AsyncLeelooClient`: the methods of `Connections`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncConnectionsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncConnectionsWithRawResponse(self)

    list = awaitable(Connections.list)


class ConnectionsWithRawResponse:
    """The `connections` operations returning a `RawResponse`: `client.connections.with_raw_response`."""

    def __init__(self, resource: Connections) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)


class AsyncConnectionsWithRawResponse:
    """The `connections` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncConnections) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)


__all__ = [
    "AsyncConnections",
    "AsyncConnectionsWithRawResponse",
    "Connections",
    "ConnectionsWithRawResponse",
    "list_connections",
]
