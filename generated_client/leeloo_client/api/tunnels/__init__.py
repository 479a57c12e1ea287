"""The `tunnels` operations: the resources `Tunnels` (`client.tunnels`) and `AsyncTunnels`, and one module per operation."""

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
from ...models.tunnel import Tunnel
from ...models.tunnel_include import TunnelInclude, check_tunnel_include
from ...models.tunnel_list_response import TunnelListResponse
from ...models.tunnel_response import TunnelResponse
from ...models.tunnel_stats import TunnelStats
from ...models.tunnel_stats_list_response import TunnelStatsListResponse
from . import (
    get_tunnel,
    get_tunnel_stats,
    list_tunnel_stats,
    list_tunnels,
)


class Tunnels(SyncResource):
    """The `tunnels` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "TunnelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return TunnelsWithRawResponse(self)

    def get(
        self,
        tunnel_id: str,
        *,
        include: TunnelInclude | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TunnelResponse:
        """Get a tunnel.

        Get information about a tunnel. `include=leadgentools` adds the tunnel's lead-gen tools
        in a block the page calls `linked` (not `included`, as GET /people/{person_id} does);
        the spec follows the page. The `//` comment lists the lead-gen tool types, which became
        an enum.

        `GET /tunnels/{tunnel_id}` (operation `get_tunnel`).

        Args:
            tunnel_id: Id of the tunnel.
            include: Related resources to embed in `linked`; only `leadgentools` is known.
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
            get_tunnel.ENDPOINT,
            get_tunnel.request(
                tunnel_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                include=include,
            ),
        )

    def get_stats(
        self,
        tunnel_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TunnelStatsListResponse:
        """Get statistics for one tunnel.

        Get statistics for one tunnel. The page shows the same one-element list as for all
        tunnels, so the answer is a list here too. Its example lacks several commas; repaired.

        `GET /tunnels/{tunnel_id}/stats` (operation `get_tunnel_stats`).

        Args:
            tunnel_id: Id of the tunnel.
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
            get_tunnel_stats.ENDPOINT,
            get_tunnel_stats.request(
                tunnel_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    def list_stats(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TunnelStatsListResponse:
        """Get statistics for all tunnels.

        Get statistics for all tunnels. The page's example lacks several commas and has `//`
        comments; repaired.

        `GET /tunnels/stats` (operation `list_tunnel_stats`).

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
            list_tunnel_stats.ENDPOINT,
            list_tunnel_stats.request(
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
    ) -> TunnelListResponse:
        """List tunnels.

        Get a list of tunnels. The page's example has a trailing comma and timestamps without
        seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

        `GET /tunnels` (operation `list_tunnels`).

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
            list_tunnels.ENDPOINT,
            list_tunnels.request(
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
    ) -> Iterator[Tunnel]:
        """List tunnels: every item of every page.

        Get a list of tunnels. The page's example has a trailing comma and timestamps without
        seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

        `GET /tunnels` (operation `list_tunnels`).
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
            Each `Tunnel` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        build = functools.partial(
            list_tunnels.request,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
        )
        return self._iterate(list_tunnels.ENDPOINT, build, offset, limit)


class AsyncTunnels(AsyncResource):
    """The `tunnels` operations of `AsyncLeelooClient`: the methods of `Tunnels`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncTunnelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncTunnelsWithRawResponse(self)

    get = awaitable(Tunnels.get)
    get_stats = awaitable(Tunnels.get_stats)
    list_stats = awaitable(Tunnels.list_stats)
    list = awaitable(Tunnels.list)
    iterate = async_iterator(Tunnels.iterate)
    aiterate = iterate


class TunnelsWithRawResponse:
    """The `tunnels` operations returning a `RawResponse`: `client.tunnels.with_raw_response`."""

    def __init__(self, resource: Tunnels) -> None:
        self._resource = resource
        self.get = to_raw_response_wrapper(resource.get)
        self.get_stats = to_raw_response_wrapper(resource.get_stats)
        self.list_stats = to_raw_response_wrapper(resource.list_stats)
        self.list = to_raw_response_wrapper(resource.list)


class AsyncTunnelsWithRawResponse:
    """The `tunnels` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncTunnels) -> None:
        self._resource = resource
        self.get = async_to_raw_response_wrapper(resource.get)
        self.get_stats = async_to_raw_response_wrapper(resource.get_stats)
        self.list_stats = async_to_raw_response_wrapper(resource.list_stats)
        self.list = async_to_raw_response_wrapper(resource.list)


__all__ = [
    "AsyncTunnels",
    "AsyncTunnelsWithRawResponse",
    "Tunnels",
    "TunnelsWithRawResponse",
    "get_tunnel",
    "get_tunnel_stats",
    "list_tunnel_stats",
    "list_tunnels",
]
