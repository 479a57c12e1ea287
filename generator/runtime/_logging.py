"""`LEELOO_LOG=info|debug`: one log line per request and retry, as `OPENAI_LOG` does for openai.

The lines go to the `leeloo_client` logger; with `LEELOO_LOG` set the client gives that logger a
handler on stderr at that level (once, on first use), otherwise it stays silent unless the
application configures logging itself. `info` logs each attempt (method, URL without secrets,
status or error, elapsed time, attempt number, operation) and each retry; `debug` adds the
request's and the answer's headers, the token and other credentials masked.
"""

import logging
import os
import time
from collections.abc import Iterable

import httpx

from ._http import MASK, SECRET_HEADERS, safe_url
from ._retry import CALL_SETTINGS, CallSettings

LOG_ENV_VAR = "LEELOO_LOG"
LOGGER_NAME = "leeloo_client"
# The request extension where the logging transport counts the attempts of one request.
_ATTEMPT = "leeloo_client.attempt"
_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}

_logger = logging.getLogger(LOGGER_NAME)


def setup_logging() -> None:
    """Give the `leeloo_client` logger a stderr handler at the level `LEELOO_LOG` names, once.

    An unknown value is ignored (the client must not fail over a log setting).
    """
    level = _LEVELS.get(os.environ.get(LOG_ENV_VAR, "").strip().lower())
    if level is None or any(getattr(h, "_leeloo_log", False) for h in _logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    handler._leeloo_log = True  # type: ignore[attr-defined]
    _logger.addHandler(handler)
    _logger.setLevel(level)


def safe_headers(headers: Iterable[tuple[str, str]]) -> str:
    """Headers as `Name: value` pairs, credentials masked."""
    return ", ".join(
        f"{name}: {MASK if name.lower() in SECRET_HEADERS else value}" for name, value in headers
    )


def _attempt(request: httpx.Request) -> int:
    attempt = int(request.extensions.get(_ATTEMPT, 0)) + 1
    request.extensions[_ATTEMPT] = attempt
    return attempt


def _operation(request: httpx.Request) -> str:
    settings = request.extensions.get(CALL_SETTINGS)
    return settings.operation if isinstance(settings, CallSettings) else "-"


def _log(
    request: httpx.Request, attempt: int, started: float, outcome: str, answer: httpx.Response | None
) -> None:
    elapsed = time.perf_counter() - started
    _logger.info(
        "%s %s -> %s in %.3f s (attempt %d, %s)",
        request.method,
        safe_url(request.url),
        outcome,
        elapsed,
        attempt,
        _operation(request),
    )
    if _logger.isEnabledFor(logging.DEBUG):
        _logger.debug("request headers: %s", safe_headers(request.headers.multi_items()))
        if answer is not None:
            _logger.debug("answer headers: %s", safe_headers(answer.headers.multi_items()))


class LoggingTransport(httpx.BaseTransport):
    """Logs every attempt that passes through it (it sits inside the retrying transport)."""

    def __init__(self, wrapped: httpx.BaseTransport) -> None:
        self._wrapped = wrapped

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not _logger.isEnabledFor(logging.INFO):
            return self._wrapped.handle_request(request)
        attempt = _attempt(request)
        started = time.perf_counter()
        try:
            answer = self._wrapped.handle_request(request)
        except httpx.TransportError as error:
            _log(request, attempt, started, type(error).__name__, None)
            raise
        _log(request, attempt, started, str(answer.status_code), answer)
        return answer

    def close(self) -> None:
        self._wrapped.close()


class AsyncLoggingTransport(httpx.AsyncBaseTransport):
    """The async twin of `LoggingTransport`."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport) -> None:
        self._wrapped = wrapped

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not _logger.isEnabledFor(logging.INFO):
            return await self._wrapped.handle_async_request(request)
        attempt = _attempt(request)
        started = time.perf_counter()
        try:
            answer = await self._wrapped.handle_async_request(request)
        except httpx.TransportError as error:
            _log(request, attempt, started, type(error).__name__, None)
            raise
        _log(request, attempt, started, str(answer.status_code), answer)
        return answer

    async def aclose(self) -> None:
        await self._wrapped.aclose()


__all__ = [
    "LOGGER_NAME",
    "LOG_ENV_VAR",
    "AsyncLoggingTransport",
    "LoggingTransport",
    "safe_headers",
    "safe_url",
    "setup_logging",
]
