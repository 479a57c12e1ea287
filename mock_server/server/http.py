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
from typing import Any, ClassVar

import httptools
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from mock_server.faults.delivery import CONNECTION_EXTENSION
from mock_server.server.config import ServerLimits
from mock_server.stages.problems import encode, problem

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


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` with the bounds of :class:`ServerLimits` on connections and request
    heads; see :func:`bounded_protocol`."""

    limits: ClassVar[ServerLimits]
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
        self._unset_keepalive_if_required()
        self._chunk_size = len(data)
        self._completed_in_chunk = False
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        except httptools.HttpParserError:
            if self._head_refused_with is not None:
                self._answer_and_close(*self._head_refused_with)
                return
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
            return
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

    def on_message_complete(self) -> None:
        self._cancel_body_timer()
        super().on_message_complete()
        self._awaiting_head = True
        self._head_bytes = 0
        self._completed_in_chunk = True

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


def bounded_protocol(limits: ServerLimits) -> type[BoundedHttpToolsProtocol]:
    """The protocol class to give ``uvicorn.Config(http=...)`` for these limits."""
    return type("BoundedHttpToolsProtocol", (BoundedHttpToolsProtocol,), {"limits": limits})
