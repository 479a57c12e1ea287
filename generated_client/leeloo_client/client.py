"""The HTTP client of the Leeloo.ai API: token header, base URL, timeouts and retries.

Every operation module (`leeloo_client.api.*`) takes a `LeelooClient`. The client owns one
`httpx.Client` and one `httpx.AsyncClient`, built on first use, whose transports retry what is
safe to retry (see `RetryPolicy`). The token is sent in the `X-Leeloo-AuthToken` header as it is
and never appears in `repr()`, in log records or in exception messages.
"""

import asyncio
import os
import ssl
import time
from collections.abc import Awaitable, Callable
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from ._retry import DEFAULT_MAX_RETRIES, AsyncRetryTransport, RetryPolicy, RetryTransport
from .errors import APIConnectionError, APITimeoutError, ConfigurationError

DEFAULT_BASE_URL = "https://api.leeloo.ai/api/v2"
AUTH_HEADER_NAME = "X-Leeloo-AuthToken"
TOKEN_ENV_VAR = "LEELOO_AUTH_TOKEN"
BASE_URL_ENV_VAR = "LEELOO_BASE_URL"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


@define(kw_only=True)
class LeelooClient:
    """Connection settings and the underlying httpx clients for calls to the Leeloo.ai API.

    Use it as a context manager (`with` / `async with`) or call `close()` / `aclose()`.

    Attributes:
        token: The account's API token, sent as `X-Leeloo-AuthToken`. Never shown by `repr()`.
        base_url: Where the API lives; the production API by default.
        timeout: Connect 5 s, read/write/pool 60 s by default.
        max_retries: How often a failed request is repeated (see `RetryPolicy`); 0 disables.
        retry_policy: Full control over retries (delays, caps); when given, `max_retries` is ignored.
        headers: Extra headers for every request.
        verify_ssl: Certificate verification, as httpx's `verify`.
        transport, async_transport: Replace the network transports (tests pass `httpx.MockTransport`);
            retries wrap them too.
        sleep, async_sleep: How to wait between retries (tests pass a function that records).
    """

    token: str = field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    retry_policy: RetryPolicy | None = field(default=None, repr=False)
    headers: dict[str, str] = field(factory=dict, repr=False)
    verify_ssl: str | bool | ssl.SSLContext = field(default=True, repr=False)
    follow_redirects: bool = field(default=False, repr=False)
    transport: httpx.BaseTransport | None = field(default=None, repr=False)
    async_transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

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

    def with_options(self, **changes: Any) -> Self:
        """A copy with some settings changed (`max_retries=0`, `timeout=...`), with its own connections.

        For example `list_tags.sync(client=client.with_options(max_retries=5))`.
        """
        return evolve(self, **changes)

    def _policy(self) -> RetryPolicy:
        return self.retry_policy or RetryPolicy(max_retries=self.max_retries)

    def _all_headers(self) -> dict[str, str]:
        return {**self.headers, AUTH_HEADER_NAME: self.token}

    def get_httpx_client(self) -> httpx.Client:
        """The underlying `httpx.Client`, built on first use."""
        if self._client is None:
            wrapped = self.transport or httpx.HTTPTransport(verify=self.verify_ssl)
            self._client = httpx.Client(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self.timeout,
                follow_redirects=self.follow_redirects,
                transport=RetryTransport(wrapped, self._policy(), self.sleep),
            )
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying `httpx.AsyncClient`, built on first use."""
        if self._async_client is None:
            wrapped = self.async_transport or httpx.AsyncHTTPTransport(verify=self.verify_ssl)
            self._async_client = httpx.AsyncClient(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self.timeout,
                follow_redirects=self.follow_redirects,
                transport=AsyncRetryTransport(wrapped, self._policy(), self.async_sleep),
            )
        return self._async_client

    def send(self, operation: str, request: dict[str, Any]) -> httpx.Response:
        """Send one request of `operation`; network failures become `APIConnectionError`."""
        try:
            return self.get_httpx_client().request(**request)
        except httpx.TimeoutException as error:
            raise APITimeoutError(operation, error) from error
        except httpx.TransportError as error:
            raise APIConnectionError(operation, error) from error

    async def asend(self, operation: str, request: dict[str, Any]) -> httpx.Response:
        """The async twin of `send`."""
        try:
            return await self.get_async_httpx_client().request(**request)
        except httpx.TimeoutException as error:
            raise APITimeoutError(operation, error) from error
        except httpx.TransportError as error:
            raise APIConnectionError(operation, error) from error

    def close(self) -> None:
        """Close the sync httpx client, if it was built."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the async httpx client, if it was built."""
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args)


AuthenticatedClient = LeelooClient
"""The name openapi-python-client's documentation uses for the same class."""

__all__ = [
    "AUTH_HEADER_NAME",
    "BASE_URL_ENV_VAR",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV_VAR",
    "AsyncRetryTransport",
    "AuthenticatedClient",
    "LeelooClient",
    "RetryPolicy",
    "RetryTransport",
]
