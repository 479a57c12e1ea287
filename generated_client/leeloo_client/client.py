"""The HTTP client of the Leeloo.ai API: token header, base URL, timeouts and retries.

Every operation module (`leeloo_client.api.*`) takes a `LeelooClient`. The client owns one
`httpx.Client` and one `httpx.AsyncClient`, built on first use, whose transports retry what is
safe to retry (see `RetryPolicy`). The token is sent in the `X-Leeloo-AuthToken` header as it is
and never appears in `repr()`, in log records or in exception messages.
"""

import asyncio
import email.utils
import logging
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .errors import APIConnectionError, APITimeoutError, ConfigurationError

DEFAULT_BASE_URL = "https://api.leeloo.ai/api/v2"
AUTH_HEADER_NAME = "X-Leeloo-AuthToken"
TOKEN_ENV_VAR = "LEELOO_AUTH_TOKEN"
BASE_URL_ENV_VAR = "LEELOO_BASE_URL"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

_logger = logging.getLogger("leeloo_client")

# HTTP methods that may be repeated without changing the result; the API uses GET and PUT.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Statuses worth a retry of an idempotent request.
_RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Errors raised before a byte of the request was sent: any request may be retried after them.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


@define(frozen=True, kw_only=True)
class RetryPolicy:
    """When to repeat a request and how long to wait first.

    Idempotent requests (GET, PUT) are retried on connection errors, timeouts, 408, 429 and
    5xx. A POST acts on the server (`create_order` creates an order), so it is retried only
    when the request provably did not act: it was never sent (connect error), or the server
    refused it with 429, or with 503 and a `Retry-After` header. The wait is the server's
    `Retry-After` when it gives one (capped by `max_retry_after`), otherwise an exponential
    backoff with jitter.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def retries_error(self, method: str, error: httpx.TransportError) -> bool:
        """Whether a request that failed with `error` before an answer may be repeated."""
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return method.upper() in _IDEMPOTENT_METHODS

    def retries_response(self, method: str, response: httpx.Response) -> bool:
        """Whether a request answered with `response` may be repeated."""
        status = response.status_code
        if method.upper() in _IDEMPOTENT_METHODS:
            return status in _RETRYABLE_STATUSES or 500 <= status < 600
        if status == 429:
            return True
        return status == 503 and "retry-after" in response.headers

    def delay(self, retry_number: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait before retry `retry_number` (0 for the first retry)."""
        if response is not None:
            retry_after = _retry_after_seconds(response.headers)
            if retry_after is not None and retry_after <= self.max_retry_after:
                return retry_after
        backoff = min(self.initial_delay * 2.0**retry_number, self.max_delay)
        return backoff * (1.0 - self.jitter * random.random())


def _retry_after_seconds(headers: httpx.Headers) -> float | None:
    """The `Retry-After` header (seconds or an HTTP date) in seconds from now, if valid."""
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _log_retry(request: httpx.Request, attempt: int, delay: float, reason: str) -> None:
    # Method and URL only: the headers carry the token.
    _logger.info(
        "retrying %s %s in %.2f s (retry %d): %s", request.method, request.url, delay, attempt, reason
    )


class RetryTransport(httpx.BaseTransport):
    """A sync transport that repeats requests as its `RetryPolicy` allows."""

    def __init__(
        self, wrapped: httpx.BaseTransport, policy: RetryPolicy, sleep: Callable[[float], None]
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retry = 0
        while True:
            try:
                response = self._wrapped.handle_request(request)
            except httpx.TransportError as error:
                if retry >= self._policy.max_retries or not self._policy.retries_error(request.method, error):
                    raise
                delay = self._policy.delay(retry)
                reason = type(error).__name__
            else:
                if retry >= self._policy.max_retries or not self._policy.retries_response(
                    request.method, response
                ):
                    return response
                delay = self._policy.delay(retry, response)
                reason = f"status {response.status_code}"
                response.close()
            retry += 1
            _log_retry(request, retry, delay, reason)
            self._sleep(delay)

    def close(self) -> None:
        self._wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of `RetryTransport`."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retry = 0
        while True:
            try:
                response = await self._wrapped.handle_async_request(request)
            except httpx.TransportError as error:
                if retry >= self._policy.max_retries or not self._policy.retries_error(request.method, error):
                    raise
                delay = self._policy.delay(retry)
                reason = type(error).__name__
            else:
                if retry >= self._policy.max_retries or not self._policy.retries_response(
                    request.method, response
                ):
                    return response
                delay = self._policy.delay(retry, response)
                reason = f"status {response.status_code}"
                await response.aclose()
            retry += 1
            _log_retry(request, retry, delay, reason)
            await self._sleep(delay)

    async def aclose(self) -> None:
        await self._wrapped.aclose()


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
