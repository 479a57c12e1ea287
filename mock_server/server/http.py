"""uvicorn's httptools protocol with the bounds a server on a developer's machine needs.

uvicorn with httptools reads a request head for as long as it takes and as large as it comes
(an idle or trickling socket is held forever; 200 MiB of headers are buffered), and takes
every connection the kernel hands over until the process runs out of file descriptors. This
subclass adds, per connection:

- ``max_connections``: a connection past it is answered ``503`` (problem+json) at once and
  closed; it never reaches the app and holds no slot.
- ``idle_timeout``: a connection with no request in progress (a new one, or a kept-alive one
  after its answer) is closed after this many seconds without a byte (uvicorn's
  ``timeout_keep_alive``, also armed when the connection opens).
- ``header_timeout``: a request line and headers must arrive whole within this many seconds of
  their first byte, else ``408`` and close (slowloris).
- ``body_timeout``: a request body must arrive whole within this many seconds of its head, else
  ``408`` and close; the app sees a disconnect, so nothing runs.
- ``max_url_size``: a longer request target is answered ``414``; ``max_header_size``: a larger
  header block (names, values and their separators) ``431``; both as soon as the bound is
  passed, without buffering the rest.

Requests the app can answer at once take a direct lane (``MockApp.answers_at_once``): when a
request arrives whole in one read, its answer is computed and written as it is parsed, without
the ASGI cycle, task and messages uvicorn makes for each request (they cost more than the mock's
own work on a static GET). What the direct lane does not take (the admin endpoints, faults, the
proxy, a body that takes more than one read, ``Expect: 100-continue``, a request behind an answer
still being sent) goes the ASGI way, unchanged.

It also lends itself to the faults (``mock_server.faults``) as the request's connection
(``scope["extensions"]["leeloo.connection"]["connection"]``): reset it, or close it after raw bytes.

Each refusal is a problem+json answer with ``Connection: close``; the connection is then
half-closed and drained for at most ``LINGER_S`` seconds before it is closed, so the client
reads the answer instead of a reset.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from functools import partial
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote

import httptools
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import (
    HEADER_RE,
    HEADER_VALUE_RE,
    STATUS_LINE,
    HttpToolsProtocol,
)
from uvicorn.server import ServerState

from mock_server.faults.delivery import CONNECTION_EXTENSION
from mock_server.server.config import ServerLimits
from mock_server.stages.problems import encode, problem

if TYPE_CHECKING:
    from mock_server.server.app import Arrival, MockApp

_INFORMATIONAL = b"HTTP/1.1 1"  # a 1xx status line: written at once
LINGER_S = 1.0  # how long a refused connection is drained before it is closed
BUSY_LOG_EVERY_S = 10.0  # at most one warning about refused connections per this many seconds
_HEAD_SLACK = 1024  # request line and terminators, beyond the URL and header bounds


class _Refused(Exception):
    """Raised from a parser callback to stop parsing a head that is refused."""


def problem_bytes(status: int, detail: str) -> bytes:
    """A whole HTTP/1.1 answer: a problem+json body and ``Connection: close``."""
    body = encode(problem(status, detail))
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "content-type: application/problem+json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


class HeadBeforeBody:
    """The transport one answer is written through: its head waits for the body's first write.

    uvicorn writes an answer's status line and headers, then its body: two ``send`` calls, two TCP
    segments, two wake-ups of the client, for an answer of a few hundred bytes. Held until the
    body follows (or the loop turns, or the answer ends without a body), the head leaves with it
    in one write. Only the first write of an answer is held, never a ``100 Continue`` (the client
    waits for it before it sends the body) nor a streamed answer's later chunks.

    It holds no reference to the request's cycle (which holds it): a reference cycle per request
    would leave every answer's objects to the garbage collector.
    """

    __slots__ = ("_held", "_holding", "_loop", "_transport")

    JOIN_AT_MOST = 64 * 1024  # a larger body is written after the head rather than copied onto it

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None
        self._holding = True  # until the first write of the answer's head

    def write(self, data: bytes) -> None:
        held = self._held
        if held is not None:
            self._held = None
            if len(data) <= self.JOIN_AT_MOST:
                self._transport.write(held + data)
                return
            self._transport.write(held)
        elif self._holding and not data.startswith(_INFORMATIONAL):
            self._holding = False
            self._held = data
            self._loop.call_soon(self.flush)  # an app that waits before its body still sends its head
            return
        self._transport.write(data)

    def flush(self) -> None:
        """Write the held head, if any."""
        held = self._held
        if held is not None:
            self._held = None
            self._transport.write(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class _DirectRequest:
    """A request the direct lane answers once its body is there."""

    __slots__ = ("arrival", "chunks", "keep_alive")

    def __init__(self, arrival: Arrival, keep_alive: bool) -> None:
        self.arrival = arrival
        self.chunks: list[bytes] = []  # of the body, as the parser hands them over
        self.keep_alive = keep_alive


_SERVER_ERROR = (  # uvicorn's answer to an app that fails before its answer starts
    b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 21\r\nconnection: close\r\n\r\nInternal Server Error"
)


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` with the bounds of :class:`ServerLimits` on connections and request
    heads; see :func:`bounded_protocol`."""

    limits: ClassVar[ServerLimits]
    direct_app: ClassVar[MockApp | None] = None  # the app whose answers the direct lane writes
    _busy_since_log: ClassVar[int] = 0
    _busy_logged_at: ClassVar[float] = float("-inf")

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        # uvicorn types it int, but only hands it to call_later: fractions of a second work
        self.timeout_keep_alive = self.limits.idle_timeout  # type: ignore[assignment]
        self._awaiting_head = True  # the next bytes belong to a request line and headers
        self._head_bytes = 0  # bytes of an incomplete head read in earlier chunks
        self._chunk_size = 0
        self._completed_in_chunk = False
        self._head_timer: asyncio.TimerHandle | None = None
        self._body_timer: asyncio.TimerHandle | None = None
        self._linger_timer: asyncio.TimerHandle | None = None
        self._head_refused_with: tuple[int, str] | None = None
        self._discarding = False
        self.url = b""
        self._extensions: dict[str, dict[object, object]] = {CONNECTION_EXTENSION: {"connection": self}}
        self._direct: _DirectRequest | None = None  # a request on the direct lane, until answered
        self._answered_directly = False  # in this read: the idle timer is armed once it is parsed
        self._read_at = 0.0  # loop time of the last read

    # ---- connection ---------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if len(self.connections) >= self.limits.max_connections:
            # answered and closed at once, before the request is read: a refused connection must
            # not hold a file descriptor, or a flood of them exhausts the process's limit
            self.transport = transport
            self._discarding = True
            transport.write(problem_bytes(503, self._busy_detail()))
            transport.close()
            self._log_busy()
            return
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        self._cancel_body_timer()
        if self._linger_timer is not None:
            self._linger_timer.cancel()
            self._linger_timer = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """uvicorn's, plus the bounds; checks cost nothing for a request that one read brings whole."""
        if self._discarding:  # a refused connection, drained until it closes
            return
        self._read_at = self.loop.time()  # the idle timer, still armed, looks at it when it fires
        self._chunk_size = len(data)
        self._completed_in_chunk = False
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._direct = None
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        except httptools.HttpParserError:
            self._direct = None
            if self._head_refused_with is not None:
                self._answer_and_close(*self._head_refused_with)
                return
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
            return
        if self._direct is not None:  # its body did not come whole with its head
            self._take_asgi_lane()
        elif self._answered_directly:
            self._answered_directly = False
            self._idle_after_direct_answer()
        if self._awaiting_head:
            if self._completed_in_chunk:
                # an answer is under way; a head this chunk began is counted and timed from the
                # next read on (the bounds are then passed by at most one read)
                return
            self._head_bytes += len(data)
            limits = self.limits
            if len(self.url) > limits.max_url_size:
                self._answer_and_close(*self._url_too_long())
                return
            if self._head_bytes > limits.max_url_size + limits.max_header_size + _HEAD_SLACK:
                self._answer_and_close(*self._headers_too_large())
                return
            if self._head_timer is None:  # a head that one read did not bring whole
                self._head_timer = self.loop.call_later(limits.header_timeout, self._head_timed_out)
        elif self._body_timer is None and self.cycle is not None and not self._discarding:
            # a body that one read did not bring whole
            self._body_timer = self.loop.call_later(self.limits.body_timeout, self._body_timed_out)

    # ---- parser callbacks -----------------------------------------------------------------------

    def on_headers_complete(self) -> None:
        self._awaiting_head = False
        self._cancel_head_timer()
        limits = self.limits
        if self._head_bytes + self._chunk_size > min(limits.max_url_size, limits.max_header_size):
            # the head may be past a bound: measure it (a small head cannot be, and is not measured)
            if len(self.url) > limits.max_url_size:
                self._head_refused_with = self._url_too_long()
                raise _Refused
            if sum(len(name) + len(value) + 4 for name, value in self.headers) > limits.max_header_size:
                self._head_refused_with = self._headers_too_large()
                raise _Refused
        if self.direct_app is not None and self._direct_lane_free():
            direct = self._direct_request(self.direct_app)
            if direct is not None:
                self._direct = direct
                return
        self._start_cycle()

    def on_message_begin(self) -> None:
        """uvicorn's, less the ASGI scope: only a request that takes the ASGI lane needs one."""
        self.url = b""
        self.expect_100_continue = False
        self.headers = []

    def _start_cycle(self) -> None:
        """uvicorn's: the request's ASGI cycle, started (or queued behind the answer in progress)."""
        url, headers, expect_100_continue = self.url, self.headers, self.expect_100_continue
        super().on_message_begin()  # the scope, as uvicorn makes it (it starts the head again too)
        self.url, self.headers, self.expect_100_continue = url, headers, expect_100_continue
        self.scope["headers"] = headers
        self.scope["extensions"] = self._extensions
        super().on_headers_complete()
        cycle = self.cycle
        if cycle is not None and cycle.transport is self.transport:  # a new request's cycle
            writer = HeadBeforeBody(self.transport, self.loop)
            cycle.transport = writer  # type: ignore[assignment]
            cycle.on_response = partial(self._answered, writer)

    # ---- the faults' hold on the connection (mock_server.faults.delivery.Connection) ------------

    def reset_connection(self) -> None:
        """End the request's answer with a TCP reset (SO_LINGER 0), sending nothing more."""
        self._give_up_answer()
        sock = self.transport.get_extra_info("socket")
        with contextlib.suppress(AttributeError, OSError):  # no socket to tune: abort comes closest
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()

    def close_connection_with(self, data: bytes) -> None:
        """Write ``data`` unframed and close: an empty answer, or a malformed one."""
        self._give_up_answer()
        if data:
            self.transport.write(data)
        self.transport.close()

    def _give_up_answer(self) -> None:
        """uvicorn must neither send its own 500 for the answer never started nor keep the connection."""
        self._discarding = True
        cycle = self.cycle
        if cycle is not None:
            cycle.keep_alive = False
            cycle.disconnected = True

    def on_body(self, body: bytes) -> None:
        direct = self._direct
        if direct is None:
            super().on_body(body)
        else:  # within one read: at most what the read brought
            direct.chunks.append(body)

    def on_message_complete(self) -> None:
        self._cancel_body_timer()
        direct = self._direct
        if direct is None:
            super().on_message_complete()
        else:
            self._direct = None
            self._answer_directly(direct)
        self._awaiting_head = True
        self._head_bytes = 0
        self._completed_in_chunk = True

    # ---- the direct lane -----------------------------------------------------------------------

    def _direct_lane_free(self) -> bool:
        """No answer in progress or queued, nothing unusual in the head, and the client reads."""
        cycle = self.cycle
        return (
            (cycle is None or cycle.response_complete)
            and not self.expect_100_continue
            and not self.flow.write_paused
            and not self.parser.should_upgrade()
        )

    def _direct_request(self, app: MockApp) -> _DirectRequest | None:
        """The request as the app reads it, if the app answers it at once; else None (the ASGI
        lane: a target uvicorn refuses is refused there, as ever)."""
        try:
            parsed = httptools.parse_url(self.url)
            raw_path = parsed.path.decode("ascii")
            method = self.parser.get_method().decode("ascii")
            keep_alive = self.parser.get_http_version() != "1.0" and self.parser.should_keep_alive()
        except (httptools.HttpParserError, UnicodeDecodeError):
            return None
        arrival = app.arrive(
            method,
            raw_path,
            unquote(raw_path) if "%" in raw_path else raw_path,
            (parsed.query or b"").decode("latin-1"),
            self.headers,
            self.client,
            self.server,
        )
        return _DirectRequest(arrival, keep_alive) if app.answers_at_once(arrival) else None

    def _answer_directly(self, direct: _DirectRequest) -> None:
        """Write the app's answer to ``direct`` at once: the bytes uvicorn would write for it."""
        app = self.direct_app
        assert app is not None  # only a direct_app's protocol takes the direct lane
        try:
            status, headers, body = app.answer_at_once(direct.arrival, b"".join(direct.chunks))
        except Exception:  # the app's own failures are answered inside; this is the shell's last guard
            self.logger.exception("Exception answering %s %s", direct.arrival.method, direct.arrival.path)
            self._fail_answer()
            return
        head = [STATUS_LINE[status]]
        for name, value in headers:
            if HEADER_RE.search(name) or HEADER_VALUE_RE.search(value):
                self.logger.error("Exception in ASGI application: invalid HTTP header %r", name)
                self._fail_answer()
                return
            head += (name.lower(), b": ", value, b"\r\n")
        if not direct.keep_alive:
            head.append(b"connection: close\r\n")
        head += (b"\r\n", body)
        self.transport.write(b"".join(head))
        self.server_state.total_requests += 1
        if direct.keep_alive:
            self._answered_directly = True
        else:
            self.transport.close()

    def _fail_answer(self) -> None:
        """uvicorn's answer to an app that failed before its answer started, and the close."""
        self.transport.write(_SERVER_ERROR)
        self.transport.close()

    def _idle_after_direct_answer(self) -> None:
        """After a read whose requests were all answered directly: the idle timer, as uvicorn arms
        it when an answer ends (an answer still in progress arms it when it ends). A timer still
        armed is kept: it looks at the last read when it fires (one timer per idle spell, not one
        per request)."""
        cycle = self.cycle
        if self.timeout_keep_alive_task is not None or self.transport.is_closing():
            return
        if cycle is None or cycle.response_complete:
            self.timeout_keep_alive_task = self.loop.call_later(
                self.timeout_keep_alive, self.timeout_keep_alive_handler
            )

    def timeout_keep_alive_handler(self) -> None:
        """Close the connection once it has been idle for ``idle_timeout`` since its last read;
        not while a request is in progress (its head has the header timer, its answer re-arms
        this one when it ends)."""
        self.timeout_keep_alive_task = None
        cycle = self.cycle
        if self._head_timer is not None or (cycle is not None and not cycle.response_complete):
            return
        left = self._read_at + self.timeout_keep_alive - self.loop.time()
        if left > 0:
            self.timeout_keep_alive_task = self.loop.call_later(left, self.timeout_keep_alive_handler)
            return
        super().timeout_keep_alive_handler()

    def _take_asgi_lane(self) -> None:
        """A request held for the direct lane whose body takes more reads: it goes the ASGI way
        with what came so far (nothing ran for it yet)."""
        direct, self._direct = self._direct, None
        self._start_cycle()
        if direct is not None and direct.chunks:
            super().on_body(b"".join(direct.chunks))

    def _answered(self, writer: HeadBeforeBody) -> None:
        """An answer ended (maybe with no body write: HEAD): its head goes out before anything else."""
        writer.flush()
        self.on_response_complete()

    # ---- refusals -------------------------------------------------------------------------------

    def _busy_detail(self) -> str:
        return (
            f"The mock already serves {self.limits.max_connections} connections (--max-connections); "
            "try again shortly."
        )

    def _log_busy(self) -> None:
        cls = type(self)
        cls._busy_since_log += 1
        now = self.loop.time()
        if now - cls._busy_logged_at >= BUSY_LOG_EVERY_S:
            self.logger.warning(
                "%d connection(s) refused with 503: %d open already (--max-connections)",
                cls._busy_since_log,
                self.limits.max_connections,
            )
            cls._busy_since_log, cls._busy_logged_at = 0, now

    def _url_too_long(self) -> tuple[int, str]:
        return 414, f"The request target is longer than {self.limits.max_url_size} bytes (--max-url-size)."

    def _headers_too_large(self) -> tuple[int, str]:
        return (
            431,
            f"The request headers are larger than {self.limits.max_header_size} bytes (--max-header-size).",
        )

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._awaiting_head and not self._discarding:
            self._answer_and_close(
                408,
                f"The request line and headers did not arrive within {self.limits.header_timeout:g} s "
                "(--header-timeout).",
            )

    def _body_timed_out(self) -> None:
        """The body is late: the app sees a disconnect (nothing runs); the client gets 408."""
        self._body_timer = None
        cycle = self.cycle
        answer = cycle is not None and not cycle.response_started and not self.transport.is_closing()
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True  # its receive() now says http.disconnect, its send() is a no-op
            cycle.message_event.set()
        self._discarding = True
        self._unset_keepalive_if_required()
        if not answer:
            self.transport.close()
            return
        timeout = self.limits.body_timeout
        detail = f"The request body did not arrive whole within {timeout:g} s (--body-timeout)."
        self.transport.write(problem_bytes(408, detail))
        self._linger()

    def _cancel_body_timer(self) -> None:
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _answer_and_close(self, status: int, detail: str) -> None:
        """Answer ``status`` (unless an answer is still being sent), then drain and close."""
        self._discarding = True
        self._cancel_head_timer()
        self._unset_keepalive_if_required()
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.keep_alive = False  # a pipelined head: the answer in progress ends the connection
            return
        self.transport.write(problem_bytes(status, detail))
        self._linger()

    def _linger(self) -> None:
        """Half-close after the answer and drain for at most ``LINGER_S``, then close."""
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._linger_timer = self.loop.call_later(LINGER_S, self.transport.close)

    def eof_received(self) -> None:
        if self._discarding and not self.transport.is_closing():
            self.transport.close()


def bounded_protocol(limits: ServerLimits, app: MockApp | None = None) -> type[BoundedHttpToolsProtocol]:
    """The protocol class to give ``uvicorn.Config(http=...)`` for these limits; with ``app`` (the
    one the server serves), requests it answers at once take the direct lane."""
    return type(
        "BoundedHttpToolsProtocol", (BoundedHttpToolsProtocol,), {"limits": limits, "direct_app": app}
    )
