"""The ASGI shell around the pipeline: read the request, run the pipeline, send, log one line.

Plain ASGI rather than a framework keeps the per-request overhead to what the pipeline needs.
A failure inside the pipeline is logged with its traceback and answered with a problem body;
the server keeps serving.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from mock_server.faults.admin import FAULTS_PATH, FaultsEndpoint
from mock_server.faults.delivery import deliver
from mock_server.faults.injector import FaultInjector, FaultPlan
from mock_server.pages import INSPECTOR_PATH, InspectorEndpoint, ReferenceEndpoint, is_docs_path
from mock_server.server.admin import Admin, RequestJournal, admin_allowed, is_admin_path
from mock_server.server.config import DEFAULT_CORS_ORIGINS
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


class WrappingHandler:
    """A handler in front of another (``inner``: the proxy, the recorder) or of the pipeline; a
    reloaded pipeline (:meth:`MockApp.replace_pipeline`) reaches the inner handler too."""

    def __init__(self, pipeline: Pipeline, inner: Handler | None = None) -> None:
        self._pipeline = pipeline
        self.inner = inner

    @property
    def pipeline(self) -> Pipeline:
        return self._pipeline

    @pipeline.setter
    def pipeline(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        if self.inner is not None and hasattr(self.inner, "pipeline"):
            self.inner.pipeline = pipeline

    def reset(self) -> None:
        """Back to where it started (``POST /__admin/reset``): a handler that keeps state between
        requests (the replay's turns) overrides it; the inner handler is reset too."""
        inner_reset = getattr(self.inner, "reset", None)
        if callable(inner_reset):
            inner_reset()

    async def pass_on(self, request: MockRequest) -> MockResponse:
        """The inner handler's answer, else the pipeline's."""
        if self.inner is not None:
            return await self.inner(request)
        return self._pipeline.handle(request)


@dataclass(slots=True)
class Arrival:
    """A request's head as the app read it, before its body: what both lanes (ASGI, and the
    server's direct lane) answer from."""

    method: str
    path: str  # as sent: still percent-encoded
    query_string: str
    headers: dict[str, str]  # names lower-case; a repeated header's values joined with ", "
    origin: str | None
    admin: bool  # under /__admin: the mock's own endpoints
    docs: bool  # the API reference's pages
    answer_id: str  # the answer's x-request-id
    started: float  # perf_counter() when the head was read
    refusal: MockResponse | None  # the answer it gets before its body is read, if any

    def request(self, body: bytes) -> MockRequest:
        return MockRequest(self.method, self.path, self.query_string, self.headers, body)


class BodyTooLarge(Exception):
    """The request body exceeds ``max_body_size``."""


class ClientDisconnected(Exception):
    """The client went away before its whole body arrived: the request is not acted on."""


DISCONNECTED_STATUS = 499  # the access log's mark for a request dropped unanswered (nginx's code)
REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")  # a client's own id is echoed when it looks like one


_ID_PREFIX = os.urandom(8).hex()  # this process's; a counter makes each answer's id its own
_ID_COUNTER = itertools.count(1)


def request_id(sent: str | None) -> str:
    """The ``x-request-id`` of an answer: the client's own when it sent a plausible one (an id of at
    most 128 letters, digits and ``._:-``), else a new one: 32 hex digits, a random prefix of this
    process and a counter (unique without a system call per answer). Whether Leeloo sends the
    header, and in what form, is a guess (the spec's evidence register says so); clients read it
    as ``RawResponse.request_id`` and ``APIStatusError.request_id``."""
    if sent is not None and _REQUEST_ID.fullmatch(sent):
        return sent
    return f"{_ID_PREFIX}{next(_ID_COUNTER):016x}"


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
        faults: FaultInjector | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.journal = journal if journal is not None else RequestJournal()
        self.faults = faults if faults is not None else FaultInjector(None, pipeline.compiled)
        faults_endpoint = FaultsEndpoint(self.faults, lambda: self.pipeline.compiled)
        self.docs = ReferenceEndpoint(lambda: self.pipeline.compiled.spec.document)
        inspector = InspectorEndpoint(lambda: self.pipeline.compiled.spec.document)
        self.admin = Admin(
            self.journal, self.reset, {FAULTS_PATH: faults_endpoint, INSPECTOR_PATH: inspector}
        )
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
        raw_path = scope.get("raw_path")  # still percent-encoded: a %2F stays inside its segment
        arrival = self.arrive(
            scope["method"],
            raw_path.decode("latin-1") if raw_path else scope["path"],
            scope["path"],
            scope["query_string"].decode("latin-1"),
            scope["headers"],
            scope.get("client"),
            scope.get("server"),
        )
        if arrival.refusal is not None:  # answered before the body is read or anything runs
            await self._send(send, arrival.refusal, None, arrival.answer_id)
            self._note(arrival, None, arrival.refusal)
            return
        request: MockRequest | None = None  # made once, with its body (frozen: each costs ~1 us)
        plan: FaultPlan | None = None
        try:
            declared = arrival.headers.get("content-length")
            size = int(declared) if declared and declared.isdigit() else None
            # ASGI does not promise a Content-Length header, so the body is always received
            body = await _read_body(receive, self.max_body_size, size)
            request = arrival.request(body)
            if arrival.admin:  # never the spec's nor the proxy's: the mock's own endpoints
                response = await self.admin.answer(request)
            elif arrival.docs:
                response = self.docs(request)
            else:  # an injected failure replaces the answer: the pipeline (and the store) never run
                plan, injected = self.faults.intercept(request, self.pipeline)
                if injected is not None:
                    response = injected
                elif self.handler is not None:
                    response = await self.handler(request)
                else:
                    response = self.pipeline.handle(request)
        except ClientDisconnected:
            self.access_log.write(arrival.method, arrival.path, DISCONNECTED_STATUS, arrival.started)
            return
        except BodyTooLarge:
            response = self._body_too_large(arrival.path)
        except Exception as exc:  # the mock must keep serving whatever went wrong
            response = self._internal_error(arrival, exc)
        grant = self.origins.grant(arrival.origin) if self.cors else None
        try:
            if plan is None:
                await self._send(send, response, grant, arrival.answer_id)
            else:  # late, dribbled or broken (see mock_server.faults)
                start = self._start(response, grant, arrival.answer_id)
                await deliver(plan, scope, send, start, response.body)
        finally:
            self._note(arrival, request, response, plan)

    # ---- the two lanes' shared parts ----------------------------------------------------------

    def arrive(
        self,
        method: str,
        path: str,
        unquoted_path: str,
        query_string: str,
        raw_headers: Iterable[tuple[bytes, bytes]],
        client: Sequence[Any] | None,
        server: tuple[str, int | None] | None,
    ) -> Arrival:
        """A request's head as the app reads it (``path`` still percent-encoded), with the refusal
        it gets before its body is read (a Host, an Origin, an admin request from afar), if any."""
        started = time.perf_counter()
        headers: dict[str, str] = {}
        for raw_name, raw_value in raw_headers:
            name = raw_name.decode("latin-1").lower()
            value = raw_value.decode("latin-1")
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        origin = headers.get("origin")
        refusal = self._host_or_origin_refusal(server, headers.get("host"), origin, path)
        admin = is_admin_path(unquoted_path)
        if refusal is None and admin and not admin_allowed(client, origin, headers.get("host")):
            refusal = Admin.not_from_this_machine(path)
        return Arrival(
            method,
            path,
            query_string,
            headers,
            origin,
            admin,
            is_docs_path(unquoted_path),  # the reference (mock_server.pages): never the spec's
            request_id(headers.get(REQUEST_ID_HEADER)),
            started,
            refusal,
        )

    def _note(
        self,
        arrival: Arrival,
        request: MockRequest | None,
        response: MockResponse,
        plan: FaultPlan | None = None,
    ) -> None:
        """The access log's line and (except for the mock's own endpoints) the journal's entry."""
        self.access_log.write(arrival.method, arrival.path, response.status, arrival.started)
        if not (arrival.admin or arrival.docs):
            asked = request or arrival.request(b"")
            self.journal.record(asked, response, arrival.started, plan.as_json() if plan else None)

    def _body_too_large(self, path: str) -> MockResponse:
        return problem_response(
            413,
            f"The request body is larger than {self.max_body_size} bytes.",
            problems.BODY_TOO_LARGE,
            path,
            (Issue("body", "", f"At most {self.max_body_size} bytes are accepted."),),
        )

    @staticmethod
    def _internal_error(arrival: Arrival, exc: Exception) -> MockResponse:
        logger.exception("internal error answering %s %s", arrival.method, arrival.path, exc_info=exc)
        return problem_response(
            500, f"The mock failed to answer: {type(exc).__name__}.", problems.INTERNAL_ERROR, arrival.path
        )

    # ---- the direct lane: an answer the server writes at once, without the ASGI round trip -----

    def answers_at_once(self, arrival: Arrival) -> bool:
        """Whether the answer to ``arrival`` can be computed at once when its body is there: an
        answer of the spec's (or a refusal, or the reference) that no fault, proxy, recorder or
        replay takes part in, nor the admin endpoints. Nothing runs to decide it."""
        return (
            self.handler is None
            and not arrival.admin
            and self.faults.leaves_alone(arrival.headers, arrival.query_string)
        )

    def answer_at_once(self, arrival: Arrival, body: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """The status, headers and body of the answer to ``arrival`` (one :meth:`answers_at_once`
        took) with its whole ``body``, logged and journaled as the ASGI lane does."""
        request: MockRequest | None = None
        if arrival.refusal is not None:
            response = arrival.refusal
            grant = None
        else:
            if len(body) > self.max_body_size:
                response = self._body_too_large(arrival.path)
            else:
                request = arrival.request(body)
                try:
                    response = self.docs(request) if arrival.docs else self.pipeline.handle(request)
                except Exception as exc:  # the mock must keep serving whatever went wrong
                    response = self._internal_error(arrival, exc)
            grant = self.origins.grant(arrival.origin) if self.cors else None
        headers = self._answer_headers(response, grant, arrival.answer_id)
        self._note(arrival, request, response)
        return response.status, headers, response.body

    def replace_pipeline(self, pipeline: Pipeline) -> None:
        """Answer from ``pipeline`` from the next request on (a reloaded spec); the proxy's too."""
        self.pipeline = pipeline
        if self.handler is not None and hasattr(self.handler, "pipeline"):
            self.handler.pipeline = pipeline

    def reset(self) -> int | None:
        """The ``--stateful`` store back to its seed and a replayed capture back to its first
        answers; the records the store holds then (None: not stateful)."""
        self.rewind()
        store = self.pipeline.store
        reset = getattr(store, "reset", None)
        return int(reset()) if callable(reset) else None

    def rewind(self) -> None:
        """A replayed capture back to its first answers (what a handler that keeps turns holds)."""
        handler_reset = getattr(self.handler, "reset", None)
        if callable(handler_reset):
            handler_reset()

    def _host_or_origin_refusal(
        self, server: tuple[str, int | None] | None, host: str | None, origin: str | None, path: str
    ) -> MockResponse | None:
        """421 for a Host that does not name this server, 403 for an origin not allowed; else None."""
        if not self.hosts.allows(host, server):
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

    async def _send(
        self, send: Send, response: MockResponse, grant: CorsGrant | None, answer_id: str
    ) -> None:
        await send(self._start(response, grant, answer_id))
        await send({"type": "http.response.body", "body": response.body})

    @classmethod
    def _start(cls, response: MockResponse, grant: CorsGrant | None, answer_id: str) -> Message:
        """The ``http.response.start`` message of ``response``."""
        headers = cls._answer_headers(response, grant, answer_id)
        return {"type": "http.response.start", "status": response.status, "headers": headers}

    @staticmethod
    def _answer_headers(
        response: MockResponse, grant: CorsGrant | None, answer_id: str
    ) -> list[tuple[bytes, bytes]]:
        """The headers of ``response`` as sent: its own, its length, the CORS grant and
        ``x-request-id`` (``answer_id`` unless the response has one, e.g. an upstream's)."""
        raw_headers: list[tuple[bytes, bytes]] = []
        has_length = has_id = False
        for name, value in response.headers:
            lowered = name.lower()
            has_length = has_length or lowered == "content-length"
            has_id = has_id or lowered == REQUEST_ID_HEADER  # an upstream's, through --proxy
            raw_headers.append((name.encode("latin-1"), value.encode("latin-1")))
        if not has_id:
            raw_headers.append((b"x-request-id", answer_id.encode("ascii")))
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
        return raw_headers

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
