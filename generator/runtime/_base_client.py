"""The HTTP core of the Leeloo.ai clients: token header, base URL, timeouts, retries, pools.

`LeelooClient` and `AsyncLeelooClient` (in `client.py`, generated with one resource attribute per
tag of the spec) both derive from `BaseClient`, and every operation module (`leeloo_client.api.*`)
takes any `BaseClient`. A client owns one `httpx.Client` and one `httpx.AsyncClient`, built on
first use and shared by every copy `with_options()` makes, whose transports retry what is safe to
retry (see `RetryPolicy`), keep the token on the API's origin and cap the size of an answer. The
token is sent in the `X-Leeloo-AuthToken` header as it is and never appears in `repr()`, in log
records or in exception messages.
"""

import asyncio
import copy
import os
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from ._http import origin_of
from ._logging import AsyncLoggingTransport, LoggingTransport, setup_logging
from ._retry import (
    AUTH_HEADER_NAME,
    CALL_SETTINGS,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    AsyncRetryTransport,
    CallSettings,
    RetryPolicy,
    RetryTransport,
)
from .errors import APIConnectionError, APITimeoutError, ConfigurationError

DEFAULT_BASE_URL = "https://api.leeloo.ai/api/v2"
TOKEN_ENV_VAR = "LEELOO_AUTH_TOKEN"
BASE_URL_ENV_VAR = "LEELOO_BASE_URL"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)

TimeoutTypes = float | httpx.Timeout


class _Pools:
    """The httpx clients of a client and of every copy `with_options()` made of it."""

    def __init__(self) -> None:
        self.sync: httpx.Client | None = None
        self.async_: httpx.AsyncClient | None = None
        # A user's own httpx client (`http_client=`) is theirs to close.
        self.owns_sync = True
        self.owns_async = True


class _AdoptedRetryTransport(RetryTransport):
    """Our retries, origin rule and size cap around a transport of a user's httpx.Client, for our
    requests only: the user's own requests through the same client pass untouched."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if CALL_SETTINGS not in request.extensions:
            return self._wrapped.handle_request(request)
        return super().handle_request(request)


class _AdoptedAsyncRetryTransport(AsyncRetryTransport):
    """The async twin of `_AdoptedRetryTransport`."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if CALL_SETTINGS not in request.extensions:
            return await self._wrapped.handle_async_request(request)
        return await super().handle_async_request(request)


_ADOPTED = "_leeloo_client_adopted"


def _adopt(client: Any, wrap: Callable[[Any], Any]) -> None:
    """Wrap every transport of a user's httpx client (its default one and its mounts, where
    proxies live) once, however many Leeloo clients share it. httpx has no public way to add a
    transport layer to a built client, so this sets its `_transport` and `_mounts` (httpx 0.28)."""
    if getattr(client, _ADOPTED, False):
        return
    client._transport = wrap(client._transport)
    client._mounts = {
        pattern: None if transport is None else wrap(transport)
        for pattern, transport in client._mounts.items()
    }
    setattr(client, _ADOPTED, True)


def _as_timeout(value: TimeoutTypes) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


@define(kw_only=True, slots=False)
class BaseClient:
    """Connection settings and the underlying httpx clients for calls to the Leeloo.ai API.

    Use it as a context manager (`with` / `async with`) or call `close()` / `aclose()`.

    Attributes:
        token: The account's API token, sent as `X-Leeloo-AuthToken`. Never shown by `repr()`.
        base_url: Where the API lives; the production API by default.
        timeout: Connect 5 s, read/write/pool 60 s by default; a number sets all four.
        max_retries: How often a failed request is repeated (see `RetryPolicy`); 0 disables.
        retry_policy: Full control over retries (delays, caps); when given, `max_retries` is ignored.
        headers: Extra headers for every request.
        verify_ssl: Certificate verification, as httpx's `verify`.
        follow_redirects: Follow 3xx answers; the token is sent to the base URL's origin only.
        max_response_size: The largest answer, in bytes, the client reads (64 MiB by default);
            a larger one raises `ResponseTooLargeError`.
        transport, async_transport: Replace the network transports (tests pass `httpx.MockTransport`);
            retries wrap them too.
        http_client: Your own `httpx.Client` (for `LeelooClient`) or `httpx.AsyncClient` (for
            `AsyncLeelooClient`): its proxies, mTLS, event hooks and headers apply, and our
            retries, token origin rule, size cap and logging wrap its transports for our requests
            only. This client's `timeout` and `follow_redirects` still apply per request. You
            close it; `close()` leaves it open.
        sleep, async_sleep: How to wait between retries (tests pass a function that records).
    """

    token: str = field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, converter=_as_timeout)
    max_retries: int = DEFAULT_MAX_RETRIES
    retry_policy: RetryPolicy | None = field(default=None, repr=False)
    headers: dict[str, str] = field(factory=dict, repr=False)
    verify_ssl: str | bool | ssl.SSLContext = field(default=True, repr=False)
    follow_redirects: bool = field(default=False, repr=False)
    max_response_size: int = field(default=DEFAULT_MAX_RESPONSE_SIZE, repr=False)
    transport: httpx.BaseTransport | None = field(default=None, repr=False)
    async_transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)
    http_client: httpx.Client | httpx.AsyncClient | None = field(default=None, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    _pools: _Pools = field(factory=_Pools, init=False, repr=False, eq=False)
    # What one call adds (`timeout=`, `extra_headers=`, `extra_query=`, `extra_body=` of a resource method).
    _call_headers: dict[str, str] = field(factory=dict, init=False, repr=False, eq=False)
    _call_query: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)
    _call_body: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)

    @classmethod
    def from_env(cls, **options: Any) -> Self:
        """A client whose token comes from `LEELOO_AUTH_TOKEN` and base URL from `LEELOO_BASE_URL`.

        `LEELOO_BASE_URL` is optional (the production API by default); other settings are
        passed through as keyword arguments.
        """
        token = os.environ.get(TOKEN_ENV_VAR, "").strip()
        if not token:
            raise ConfigurationError(f"set {TOKEN_ENV_VAR} to the account's API token")
        base_url = os.environ.get(BASE_URL_ENV_VAR, "").strip() or DEFAULT_BASE_URL
        options.setdefault("base_url", base_url)
        return cls(token=token, **options)

    def with_options(
        self,
        *,
        token: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        follow_redirects: bool | None = None,
        max_response_size: int | None = None,
    ) -> Self:
        """A copy with some settings changed, sharing this client's connection pools.

        For example `client.with_options(max_retries=5).people.list()`. An argument left out
        (None) keeps this client's value; `headers` are added to this client's headers. The
        copy needs no closing of its own: closing the original closes the pools of both.
        """
        changed = copy.copy(self)
        if token is not None:
            changed.token = token
        if base_url is not None:
            changed.base_url = base_url
        if timeout is not None:
            changed.timeout = _as_timeout(timeout)
        if max_retries is not None:
            changed.max_retries = max_retries
            if self.retry_policy is not None:
                changed.retry_policy = evolve(self.retry_policy, max_retries=max_retries)
        if retry_policy is not None:
            changed.retry_policy = retry_policy
        if headers is not None:
            changed.headers = {**self.headers, **headers}
        if follow_redirects is not None:
            changed.follow_redirects = follow_redirects
        if max_response_size is not None:
            changed.max_response_size = max_response_size
        return changed

    def _for_call(
        self,
        timeout: TimeoutTypes | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """This client, or a copy sharing its pools that adds one call's options."""
        if timeout is None and not extra_headers and not extra_query and not extra_body:
            return self
        changed = copy.copy(self)
        if timeout is not None:
            changed.timeout = _as_timeout(timeout)
        changed._call_headers = {**self._call_headers, **(extra_headers or {})}
        changed._call_query = {**self._call_query, **(extra_query or {})}
        changed._call_body = {**self._call_body, **(extra_body or {})}
        return changed

    def _policy(self) -> RetryPolicy:
        return self.retry_policy or RetryPolicy(max_retries=self.max_retries)

    def _all_headers(self) -> dict[str, str]:
        return {**self.headers, AUTH_HEADER_NAME: self.token}

    def get_httpx_client(self) -> httpx.Client:
        """The underlying `httpx.Client`, built on first use and shared with `with_options()` copies."""
        if self._pools.sync is None:
            setup_logging()
            if isinstance(self.http_client, httpx.Client):
                _adopt(
                    self.http_client,
                    lambda inner: _AdoptedRetryTransport(LoggingTransport(inner), self._policy(), self.sleep),
                )
                self._pools.sync, self._pools.owns_sync = self.http_client, False
                return self.http_client
            wrapped = LoggingTransport(self.transport or httpx.HTTPTransport(verify=self.verify_ssl))
            self._pools.sync = httpx.Client(
                base_url=self.base_url,
                timeout=self.timeout,
                follow_redirects=self.follow_redirects,
                transport=RetryTransport(wrapped, self._policy(), self.sleep),
            )
        return self._pools.sync

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying `httpx.AsyncClient`, built on first use and shared like the sync one."""
        if self._pools.async_ is None:
            setup_logging()
            if isinstance(self.http_client, httpx.AsyncClient):
                _adopt(
                    self.http_client,
                    lambda inner: _AdoptedAsyncRetryTransport(
                        AsyncLoggingTransport(inner), self._policy(), self.async_sleep
                    ),
                )
                self._pools.async_, self._pools.owns_async = self.http_client, False
                return self.http_client
            wrapped = AsyncLoggingTransport(
                self.async_transport or httpx.AsyncHTTPTransport(verify=self.verify_ssl)
            )
            self._pools.async_ = httpx.AsyncClient(
                base_url=self.base_url,
                timeout=self.timeout,
                follow_redirects=self.follow_redirects,
                transport=AsyncRetryTransport(wrapped, self._policy(), self.async_sleep),
            )
        return self._pools.async_

    def _url(self, path: str) -> httpx.URL:
        """The base URL with the operation's path (already percent-encoded) appended."""
        base = httpx.URL(self.base_url)
        raw_path = base.raw_path.split(b"?", 1)[0].rstrip(b"/") + b"/" + path.encode("ascii").lstrip(b"/")
        return base.copy_with(raw_path=raw_path)

    def _request(self, operation: str, request: Mapping[str, Any], idempotent: bool | None) -> dict[str, Any]:
        """The arguments of `httpx.Client.request` for one request of `operation`."""
        arguments = dict(request)
        url = self._url(str(arguments.pop("url")))
        arguments["url"] = url
        headers = {**self._all_headers(), **arguments.get("headers", {}), **self._call_headers}
        headers[AUTH_HEADER_NAME] = self.token
        arguments["headers"] = headers
        if self._call_query:
            arguments["params"] = {**arguments.get("params", {}), **self._call_query}
        if self._call_body:
            # `extra_body=`: fields added to (or replacing those of) the JSON body, sent even
            # by an operation that has none.
            arguments["json"] = {**arguments.get("json", {}), **self._call_body}
            headers.setdefault("Content-Type", "application/json")
        arguments["timeout"] = self.timeout
        arguments["follow_redirects"] = self.follow_redirects
        arguments["extensions"] = {
            CALL_SETTINGS: CallSettings(
                operation=operation,
                policy=self._policy(),
                idempotent=idempotent,
                origin=origin_of(url),
                max_response_size=self.max_response_size,
                sleep=self.sleep,
                async_sleep=self.async_sleep,
            )
        }
        return arguments

    def send(
        self, operation: str, request: Mapping[str, Any], *, idempotent: bool | None = None
    ) -> httpx.Response:
        """Send one request of `operation`; network failures become `APIConnectionError`.

        `idempotent` says whether the operation may be repeated after a failure that may have
        acted (a read timeout, a 5xx); None decides by the HTTP method.
        """
        arguments = self._request(operation, request, idempotent)
        try:
            return self.get_httpx_client().request(**arguments)
        except httpx.TimeoutException as error:
            raise APITimeoutError(operation, error) from error
        except httpx.TransportError as error:
            raise APIConnectionError(operation, error) from error

    async def asend(
        self, operation: str, request: Mapping[str, Any], *, idempotent: bool | None = None
    ) -> httpx.Response:
        """The async twin of `send`."""
        arguments = self._request(operation, request, idempotent)
        try:
            return await self.get_async_httpx_client().request(**arguments)
        except httpx.TimeoutException as error:
            raise APITimeoutError(operation, error) from error
        except httpx.TransportError as error:
            raise APIConnectionError(operation, error) from error

    def close(self) -> None:
        """Close the sync httpx client, if it was built (for this client and its copies)."""
        if self._pools.sync is not None and self._pools.owns_sync:
            self._pools.sync.close()

    async def aclose(self) -> None:
        """Close both httpx clients, if they were built (for this client and its copies)."""
        if self._pools.async_ is not None and self._pools.owns_async:
            await self._pools.async_.aclose()
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()


__all__ = [
    "AUTH_HEADER_NAME",
    "BASE_URL_ENV_VAR",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV_VAR",
    "AsyncRetryTransport",
    "BaseClient",
    "RetryPolicy",
    "RetryTransport",
    "TimeoutTypes",
]
