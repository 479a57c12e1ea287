"""The ASGI shell around the pipeline: read the request, run the pipeline, send, log one line.

Plain ASGI rather than a framework keeps the per-request overhead to what the pipeline needs.
A failure inside the pipeline is logged with its traceback and answered with a problem body;
the server keeps serving.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any, TextIO

from mock_server._config import DEFAULT_CORS_ORIGINS
from mock_server.server.admin import (
    Admin,
    RequestJournal,
    is_admin_path,
    is_loopback_client,
    is_loopback_origin,
)
from mock_server.server.guard import CorsGrant, HostPolicy, OriginPolicy
from mock_server.stages import problems
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline, problem_response
from mock_server.stages.problems import Issue

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Handler = Callable[[MockRequest], Awaitable[MockResponse]]

logger = logging.getLogger("leeloo_mock")


class BodyTooLarge(Exception):
    """The request body exceeds ``max_body_size``."""


class ClientDisconnected(Exception):
    """The client went away before its whole body arrived: the request is not acted on."""


DISCONNECTED_STATUS = 499  # the access log's mark for a request dropped unanswered (nginx's code)


class AccessLog:
    """One line per request, written straight to the stream: ``GET /tags 200 0.21ms``.

    Skipping the logging module's record machinery keeps the log from halving throughput, as
    Prism's does.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled

    def write(self, method: str, path: str, status: int, started: float) -> None:
        """Log one finished request."""
        if self.enabled:
            self.stream.write(f"{method} {path} {status} {(time.perf_counter() - started) * 1000:.2f}ms\n")


async def _read_body(receive: Receive, limit: int, declared: int | None) -> bytes:
    if declared is not None and declared > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":  # half a body is no request: never act on it
            raise ClientDisconnected
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge
            chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


class MockApp:
    """An ASGI application answering with ``pipeline`` (or an async ``handler``, as the proxy is)."""

    def __init__(
        self,
        pipeline: Pipeline,
        *,
        cors: bool = True,
        max_body_size: int = 1024 * 1024,
        access_log: AccessLog | None = None,
        handler: Handler | None = None,
        on_shutdown: Sequence[Callable[[], Awaitable[None]]] = (),
        cors_origins: Sequence[str] = DEFAULT_CORS_ORIGINS,
        allowed_hosts: Sequence[str] = (),
        journal: RequestJournal | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.journal = journal if journal is not None else RequestJournal()
        self.admin = Admin(self.journal, self.reset_store)
        self.cors = cors
        self.origins = OriginPolicy(cors_origins)
        self.hosts = HostPolicy(allowed_hosts)
        self.max_body_size = max_body_size
        self.access_log = access_log if access_log is not None else AccessLog(enabled=False)
        self.handler = handler
        self.on_shutdown = tuple(on_shutdown)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        method: str = scope["method"]
        raw_path = scope.get("raw_path")  # still percent-encoded: a %2F stays inside its segment
        path: str = raw_path.decode("latin-1") if raw_path else scope["path"]
        headers: dict[str, str] = {}
        for raw_name, raw_value in scope["headers"]:
            name = raw_name.decode("latin-1").lower()
            value = raw_value.decode("latin-1")
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        origin = headers.get("origin")
        query_string = scope["query_string"].decode("latin-1")
        refusal = self._refusal(scope, headers.get("host"), origin, path)
        admin = is_admin_path(scope["path"])
        if (
            refusal is None
            and admin
            and not (is_loopback_client(scope.get("client")) and is_loopback_origin(origin))
        ):
            refusal = Admin.refused(path)
        if refusal is not None:  # answered before the body is read or anything runs
            await self._send(send, refusal, None)
            self.access_log.write(method, path, refusal.status, started)
            if not admin:
                self.journal.record(MockRequest(method, path, query_string, headers), refusal, started)
            return
        request: MockRequest | None = None  # made once, with its body (frozen: each costs ~1 us)
        try:
            declared = headers.get("content-length")
            size = int(declared) if declared and declared.isdigit() else None
            # ASGI does not promise a Content-Length header, so the body is always received
            body = await _read_body(receive, self.max_body_size, size)
            request = MockRequest(method, path, query_string, headers, body)
            if admin:  # never the spec's nor the proxy's: the mock's own endpoints
                response = self.admin.handle(request)
            elif self.handler is not None:
                response = await self.handler(request)
            else:
                response = self.pipeline.handle(request)
        except ClientDisconnected:
            self.access_log.write(method, path, DISCONNECTED_STATUS, started)
            return
        except BodyTooLarge:
            response = problem_response(
                413,
                f"The request body is larger than {self.max_body_size} bytes.",
                problems.BODY_TOO_LARGE,
                path,
                (Issue("body", "", f"At most {self.max_body_size} bytes are accepted."),),
            )
        except Exception as exc:  # the mock must keep serving whatever went wrong
            logger.exception("internal error answering %s %s", method, path)
            response = problem_response(
                500, f"The mock failed to answer: {type(exc).__name__}.", problems.INTERNAL_ERROR, path
            )
        await self._send(send, response, self.origins.grant(origin) if self.cors else None)
        self.access_log.write(method, path, response.status, started)
        if not admin:
            asked = request or MockRequest(method, path, query_string, headers)
            self.journal.record(asked, response, started)

    def replace_pipeline(self, pipeline: Pipeline) -> None:
        """Answer from ``pipeline`` from the next request on (a reloaded spec); the proxy's too."""
        self.pipeline = pipeline
        if self.handler is not None and hasattr(self.handler, "pipeline"):
            self.handler.pipeline = pipeline

    def reset_store(self) -> int | None:
        """The ``--stateful`` store back to its seed; the records it holds then (None: not stateful)."""
        store = self.pipeline.store
        reset = getattr(store, "reset", None)
        return int(reset()) if callable(reset) else None

    def _refusal(self, scope: Scope, host: str | None, origin: str | None, path: str) -> MockResponse | None:
        """421 for a Host that does not name this server, 403 for an origin not allowed; else None."""
        if not self.hosts.allows(host, scope.get("server")):
            return problem_response(
                421,
                f"This server does not answer to the host {host!r}; start it with --allowed-host NAME "
                "to answer that name.",
                "about:blank",
                path,
            )
        if not self.origins.allows(origin):
            return problem_response(
                403,
                f"Requests from the origin {origin!r} are not allowed; start the mock with "
                "--cors-origin ORIGIN to allow it.",
                "about:blank",
                path,
            )
        return None

    async def _send(self, send: Send, response: MockResponse, grant: CorsGrant | None) -> None:
        raw_headers: list[tuple[bytes, bytes]] = []
        has_length = False
        for name, value in response.headers:
            has_length = has_length or name.lower() == "content-length"
            raw_headers.append((name.encode("latin-1"), value.encode("latin-1")))
        if response.media_type is not None:
            raw_headers.append((b"content-type", response.media_type.encode("latin-1")))
        if not has_length and response.status not in (204, 304):  # RFC 9110: no length on 204
            raw_headers.append((b"content-length", str(len(response.body)).encode()))
        if grant is not None:
            raw_headers.append((b"access-control-allow-origin", grant.allow_origin.encode("latin-1")))
            raw_headers.append((b"access-control-expose-headers", b"*"))
            if grant.credentials:  # never with "*": browsers refuse that pair, and it would be unsafe
                raw_headers.append((b"access-control-allow-credentials", b"true"))
                raw_headers.append((b"vary", b"Origin"))  # the grant names the request's origin
        await send({"type": "http.response.start", "status": response.status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": response.body})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                # what start-up built (the spec, its validators, the check) lives as long as the
                # server: frozen out of the collector's reach, a full collection no longer walks
                # it in the middle of a request (a p99 spike of several milliseconds)
                gc.collect()
                gc.freeze()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                for close in self.on_shutdown:
                    await close()
                await send({"type": "lifespan.shutdown.complete"})
                return
