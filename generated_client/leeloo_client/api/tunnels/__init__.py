"""The `tunnels` operations: the resources `Tunnels` (`client.tunnels`) and `AsyncTunnels`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.error_envelope import ErrorEnvelope
from ...models.tunnel import Tunnel
from ...models.tunnel_include import TunnelInclude, check_tunnel_include
from ...models.tunnel_list_response import TunnelListResponse
from ...models.tunnel_response import TunnelResponse
from ...models.tunnel_stats import TunnelStats
from ...models.tunnel_stats_list_response import TunnelStatsListResponse
from ...types import UNSET, Unset
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
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return TunnelsWithRawResponse(self._client)

    def get(
        self,
        tunnel_id: str,
        *,
        include: TunnelInclude | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return get_tunnel.sync(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
            include=UNSET if include is None else include,
        )

    def get_stats(
        self,
        tunnel_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return get_tunnel_stats.sync(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    def list_stats(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TunnelStatsListResponse:
        """Get statistics for all tunnels.

        Get statistics for all tunnels. The page's example lacks several commas and has `//`
        comments; repaired.

        `GET /tunnels/stats` (operation `list_tunnel_stats`).

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
        return list_tunnel_stats.sync(
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_tunnels.sync(
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

        Yields:
            Each `Tunnel` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_tunnels.iterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )


class TunnelsWithRawResponse(SyncResource):
    """The `tunnels` operations returning a `RawResponse`: `client.tunnels.with_raw_response`."""

    def get(
        self,
        tunnel_id: str,
        *,
        include: TunnelInclude | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelResponse]:
        """Get a tunnel, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = get_tunnel.sync_detailed(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
            include=UNSET if include is None else include,
        )
        return RawResponse.of(detailed, get_tunnel._unwrap(detailed))

    def get_stats(
        self,
        tunnel_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelStatsListResponse]:
        """Get statistics for one tunnel, with the answer's status, headers, request id and time.

        Get statistics for one tunnel. The page shows the same one-element list as for all
        tunnels, so the answer is a list here too. Its example lacks several commas; repaired.

        `GET /tunnels/{tunnel_id}/stats` (operation `get_tunnel_stats`).

        Args:
            tunnel_id: Id of the tunnel.
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
        detailed = get_tunnel_stats.sync_detailed(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_tunnel_stats._unwrap(detailed))

    def list_stats(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelStatsListResponse]:
        """Get statistics for all tunnels, with the answer's status, headers, request id and time.

        Get statistics for all tunnels. The page's example lacks several commas and has `//`
        comments; repaired.

        `GET /tunnels/stats` (operation `list_tunnel_stats`).

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
        detailed = list_tunnel_stats.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_tunnel_stats._unwrap(detailed))

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelListResponse]:
        """List tunnels, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = list_tunnels.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_tunnels._unwrap(detailed))


class AsyncTunnels(AsyncResource):
    """The `tunnels` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncTunnelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncTunnelsWithRawResponse(self._client)

    async def get(
        self,
        tunnel_id: str,
        *,
        include: TunnelInclude | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await get_tunnel.asyncio(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
            include=UNSET if include is None else include,
        )

    async def get_stats(
        self,
        tunnel_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await get_tunnel_stats.asyncio(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    async def list_stats(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TunnelStatsListResponse:
        """Get statistics for all tunnels.

        Get statistics for all tunnels. The page's example lacks several commas and has `//`
        comments; repaired.

        `GET /tunnels/stats` (operation `list_tunnel_stats`).

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
        return await list_tunnel_stats.asyncio(
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await list_tunnels.asyncio(
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
    ) -> AsyncIterator[Tunnel]:
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

        Yields:
            Each `Tunnel` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_tunnels.aiterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    aiterate = iterate


class AsyncTunnelsWithRawResponse(AsyncResource):
    """The `tunnels` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def get(
        self,
        tunnel_id: str,
        *,
        include: TunnelInclude | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelResponse]:
        """Get a tunnel, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = await get_tunnel.asyncio_detailed(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
            include=UNSET if include is None else include,
        )
        return RawResponse.of(detailed, get_tunnel._unwrap(detailed))

    async def get_stats(
        self,
        tunnel_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelStatsListResponse]:
        """Get statistics for one tunnel, with the answer's status, headers, request id and time.

        Get statistics for one tunnel. The page shows the same one-element list as for all
        tunnels, so the answer is a list here too. Its example lacks several commas; repaired.

        `GET /tunnels/{tunnel_id}/stats` (operation `get_tunnel_stats`).

        Args:
            tunnel_id: Id of the tunnel.
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
        detailed = await get_tunnel_stats.asyncio_detailed(
            tunnel_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_tunnel_stats._unwrap(detailed))

    async def list_stats(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelStatsListResponse]:
        """Get statistics for all tunnels, with the answer's status, headers, request id and time.

        Get statistics for all tunnels. The page's example lacks several commas and has `//`
        comments; repaired.

        `GET /tunnels/stats` (operation `list_tunnel_stats`).

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
        detailed = await list_tunnel_stats.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_tunnel_stats._unwrap(detailed))

    async def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TunnelListResponse]:
        """List tunnels, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = await list_tunnels.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_tunnels._unwrap(detailed))


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
