"""The transports under the client: retries, the token kept on its origin, a cap on answer size.

Every request the client sends carries its `CallSettings` in the request's extensions (httpx
keeps them across redirects). The transports read them to decide, per operation, whether a
request may be repeated, how long to wait, which origin may see the token and how many bytes
an answer may have.
"""

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import httpx
from attrs import define, field

from ._http import origin_of, retry_after_seconds, safe_url
from .errors import ResponseTooLargeError

DEFAULT_MAX_RETRIES = 2
# Answers of the API are a few kilobytes to a few megabytes; past this the client refuses to read.
DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
# The request extension that carries `CallSettings`.
CALL_SETTINGS = "leeloo_client.call"
AUTH_HEADER_NAME = "X-Leeloo-AuthToken"

_logger = logging.getLogger("leeloo_client")

# HTTP methods that may be repeated without changing the result, unless the spec says otherwise
# for an operation (`x-idempotent: false`, e.g. the PUT that adds a comment to a person).
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Statuses worth a retry of an idempotent request.
_RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Errors raised before a byte of the request was sent: any request may be retried after them.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def is_idempotent_method(method: str) -> bool:
    """Whether requests with this HTTP method may be repeated when the spec says nothing else."""
    return method.upper() in _IDEMPOTENT_METHODS


@define(frozen=True, kw_only=True)
class RetryPolicy:
    """When to repeat a request and how long to wait first.

    Idempotent operations (GET and PUT, unless the spec marks the operation `x-idempotent:
    false`) are retried on connection errors, timeouts, 408, 429 and 5xx. The others act on the
    server (`create_order` creates an order, `add_comment_to_person` adds a comment), so they are
    retried only when the request provably did not act: it was never sent (connect error), or
    the server refused it with 429, or with 503 and a `Retry-After` header.

    The wait is the server's `Retry-After` when it gives a usable one, otherwise an exponential
    backoff with jitter. A `Retry-After` above `max_retry_after` is not waited out: the client
    gives up at once and the error says how long the server asked to wait
    (`RateLimitError.retry_after`).
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def retries_error(
        self, method: str, error: httpx.TransportError, *, idempotent: bool | None = None
    ) -> bool:
        """Whether a request that failed with `error` before an answer may be repeated."""
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return is_idempotent_method(method) if idempotent is None else idempotent

    def retries_response(
        self, method: str, response: httpx.Response, *, idempotent: bool | None = None
    ) -> bool:
        """Whether a request answered with `response` may be repeated."""
        status = response.status_code
        retry_after = retry_after_seconds(response.headers)
        if retry_after is not None and retry_after > self.max_retry_after:
            return False
        if is_idempotent_method(method) if idempotent is None else idempotent:
            return status in _RETRYABLE_STATUSES or 500 <= status < 600
        if status == 429:
            return True
        return status == 503 and "retry-after" in response.headers

    def delay(self, retry_number: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait before retry `retry_number` (0 for the first retry)."""
        if response is not None:
            retry_after = retry_after_seconds(response.headers)
            if retry_after is not None:
                return min(retry_after, self.max_retry_after)
        backoff = min(self.initial_delay * 2.0**retry_number, self.max_delay)
        return float(backoff * (1.0 - self.jitter * random.random()))


@define(frozen=True, kw_only=True)
class CallSettings:
    """What the transports need to know about one call; carried in the request's extensions."""

    operation: str
    policy: RetryPolicy
    idempotent: bool | None = None
    origin: tuple[str, str, int | None] | None = None
    max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)


def _settings(request: httpx.Request, default: RetryPolicy) -> CallSettings:
    found = request.extensions.get(CALL_SETTINGS)
    if isinstance(found, CallSettings):
        return found
    return CallSettings(operation=f"{request.method} {request.url.path}", policy=default)


def _keep_token_on_origin(request: httpx.Request, settings: CallSettings) -> None:
    """Drop the token from a request bound elsewhere than the API's origin (a followed redirect)."""
    if settings.origin is not None and origin_of(request.url) != settings.origin:
        request.headers.pop(AUTH_HEADER_NAME, None)


def _refuse_declared_size(response: httpx.Response, settings: CallSettings) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_response_size:
        raise ResponseTooLargeError(settings.operation, settings.max_response_size)


class _CappedStream(httpx.SyncByteStream):
    def __init__(self, wrapped: httpx.SyncByteStream, settings: CallSettings) -> None:
        self._wrapped = wrapped
        self._settings = settings

    def __iter__(self) -> Iterator[bytes]:
        received = 0
        for chunk in self._wrapped:
            received += len(chunk)
            if received > self._settings.max_response_size:
                raise ResponseTooLargeError(self._settings.operation, self._settings.max_response_size)
            yield chunk

    def close(self) -> None:
        self._wrapped.close()


class _AsyncCappedStream(httpx.AsyncByteStream):
    def __init__(self, wrapped: httpx.AsyncByteStream, settings: CallSettings) -> None:
        self._wrapped = wrapped
        self._settings = settings

    async def __aiter__(self) -> AsyncIterator[bytes]:
        received = 0
        async for chunk in self._wrapped:
            received += len(chunk)
            if received > self._settings.max_response_size:
                raise ResponseTooLargeError(self._settings.operation, self._settings.max_response_size)
            yield chunk

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def _capped(response: httpx.Response, settings: CallSettings) -> httpx.Response:
    _refuse_declared_size(response, settings)
    stream = response.stream
    if isinstance(stream, httpx.SyncByteStream):
        response.stream = _CappedStream(stream, settings)
    return response


def _async_capped(response: httpx.Response, settings: CallSettings) -> httpx.Response:
    _refuse_declared_size(response, settings)
    stream = response.stream
    if isinstance(stream, httpx.AsyncByteStream):
        response.stream = _AsyncCappedStream(stream, settings)
    return response


def _log_retry(request: httpx.Request, attempt: int, delay: float, reason: str) -> None:
    # Method and URL only: the headers carry the token.
    _logger.info(
        "retrying %s %s in %.2f s (retry %d): %s",
        request.method,
        safe_url(request.url),
        delay,
        attempt,
        reason,
    )


class RetryTransport(httpx.BaseTransport):
    """A sync transport that repeats requests as the call's `RetryPolicy` allows.

    It also drops the token from requests to another origin and refuses answers larger than
    the call's `max_response_size`.
    """

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy or RetryPolicy()
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        settings = _settings(request, self._policy)
        policy = settings.policy
        sleep = settings.sleep if CALL_SETTINGS in request.extensions else self._sleep
        _keep_token_on_origin(request, settings)
        retry = 0
        while True:
            try:
                response = self._wrapped.handle_request(request)
            except httpx.TransportError as error:
                if retry >= policy.max_retries or not policy.retries_error(
                    request.method, error, idempotent=settings.idempotent
                ):
                    raise
                delay = policy.delay(retry)
                reason = type(error).__name__
            else:
                if retry >= policy.max_retries or not policy.retries_response(
                    request.method, response, idempotent=settings.idempotent
                ):
                    return _capped(response, settings)
                delay = policy.delay(retry, response)
                reason = f"status {response.status_code}"
                response.close()
            retry += 1
            _log_retry(request, retry, delay, reason)
            sleep(delay)

    def close(self) -> None:
        self._wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of `RetryTransport`."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy or RetryPolicy()
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        settings = _settings(request, self._policy)
        policy = settings.policy
        sleep = settings.async_sleep if CALL_SETTINGS in request.extensions else self._sleep
        _keep_token_on_origin(request, settings)
        retry = 0
        while True:
            try:
                response = await self._wrapped.handle_async_request(request)
            except httpx.TransportError as error:
                if retry >= policy.max_retries or not policy.retries_error(
                    request.method, error, idempotent=settings.idempotent
                ):
                    raise
                delay = policy.delay(retry)
                reason = type(error).__name__
            else:
                if retry >= policy.max_retries or not policy.retries_response(
                    request.method, response, idempotent=settings.idempotent
                ):
                    return _async_capped(response, settings)
                delay = policy.delay(retry, response)
                reason = f"status {response.status_code}"
                await response.aclose()
            retry += 1
            _log_retry(request, retry, delay, reason)
            await sleep(delay)

    async def aclose(self) -> None:
        await self._wrapped.aclose()
