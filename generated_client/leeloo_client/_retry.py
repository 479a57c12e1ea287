"""Retries: which requests may be repeated, how long to wait, and the transports that repeat them."""

import email.utils
import logging
import random
import time
from collections.abc import Awaitable, Callable

import httpx
from attrs import define

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
