"""The server's direct lane: a request that arrives whole is answered as it is parsed, with the
very bytes the ASGI lane writes for it (``x-request-id`` aside), logged and journaled the same.

The protocol is driven in process over a transport that records what is written, so the two
lanes are compared byte for byte, and "answered before the loop turned" tells the lanes apart.
"""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Sequence
from typing import Any

import pytest
import uvicorn
from uvicorn.server import ServerState

from mock_server.server.app import AccessLog, MockApp
from mock_server.server.assembly import create_app
from mock_server.server.http import BoundedHttpToolsProtocol, bounded_protocol
from mock_server.testing import compiled_for, mock_config

TOKEN = b"X-Leeloo-AuthToken: lane-token\r\n"
SEND_MESSAGE = b'{"account_id": "5b3f543bb2737000133d25b0", "text": "Message text"}'
_REQUEST_ID = re.compile(rb"x-request-id: [0-9a-f]{32}\r\n")


def _get(target: bytes, *headers: bytes, version: bytes = b"1.1") -> bytes:
    return b"GET " + target + b" HTTP/" + version + b"\r\nHost: 127.0.0.1\r\n" + b"".join(headers) + b"\r\n"


def _with_body(method: bytes, target: bytes, body: bytes, content_type: bytes = b"application/json") -> bytes:
    return (
        method
        + b" "
        + target
        + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + TOKEN
        + b"Content-Type: "
        + content_type
        + b"\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


# requests the direct lane takes: every kind of answer the app gives at once
WHOLE_REQUESTS = {
    "static GET": _get(b"/api/v2/tags", TOKEN),
    "no token": _get(b"/api/v2/tags"),
    "HEAD": _get(b"/api/v2/tags", TOKEN).replace(b"GET", b"HEAD", 1),
    "query": _get(b"/api/v2/people?filter[tags]=vip&limit=2", TOKEN),
    "bad query": _get(b"/api/v2/people?limit=many", TOKEN),
    "percent-encoded path": _get(b"/api/v2/people/%35b3f543bb2737000133d25b0", TOKEN),
    "no route": _get(b"/api/v2/nowhere", TOKEN),
    "no method": _get(b"/api/v2/tags", TOKEN).replace(b"GET", b"DELETE", 1),
    "valid POST": _with_body(b"POST", b"/api/v2/messages/send-message", SEND_MESSAGE),
    "invalid POST": _with_body(b"POST", b"/api/v2/messages/send-message", b'{"text": 5}'),
    "malformed JSON": _with_body(b"POST", b"/api/v2/messages/send-message", b'{"text": '),
    "form PUT": _with_body(
        b"PUT",
        b"/api/v2/people/5b3f543bb2737000133d25b0/add-tag",
        b"tag_id=595f5d522a934035decc093d",
        b"application/x-www-form-urlencoded",
    ),
    "chunked body": (
        b"POST /api/v2/messages/send-message HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + TOKEN
        + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n"
        % (10, SEND_MESSAGE[:10], len(SEND_MESSAGE) - 10, SEND_MESSAGE[10:])
    ),
    "body past the limit": _with_body(b"POST", b"/api/v2/messages/send-message", b" " * 3000),
    "allowed origin": _get(b"/api/v2/tags", TOKEN, b"Origin: http://localhost:3000\r\n"),
    "preflight": _get(
        b"/api/v2/tags",
        b"Origin: http://localhost:3000\r\n",
        b"Access-Control-Request-Method: GET\r\n",
    ).replace(b"GET", b"OPTIONS", 1),
    "origin not allowed": _get(b"/api/v2/tags", TOKEN, b"Origin: https://evil.example\r\n"),
    "host not this server": _get(b"/api/v2/tags", TOKEN).replace(b"127.0.0.1", b"evil.example", 1),
    "reference page": _get(b"/__docs"),
    "HTTP/1.0": _get(b"/api/v2/tags", TOKEN, version=b"1.0"),
    "Connection: close": _get(b"/api/v2/tags", TOKEN, b"Connection: close\r\n"),
}


class _Transport(asyncio.Transport):
    """What a protocol writes, and whether it closed; it reads whatever it is fed."""

    def __init__(self) -> None:
        super().__init__()
        self.written = bytearray()
        self.closed = False

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(name, default)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += data

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def can_write_eof(self) -> bool:
        return False

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


class _Connection:
    """One connection to a mock app through the server's protocol, on a running loop."""

    def __init__(self, app: MockApp, direct: bool) -> None:
        config = mock_config(stateful=False)
        config_of_server = uvicorn.Config(app, log_config=None, lifespan="off")
        self.state = ServerState()
        protocol_class = bounded_protocol(config.limits, app if direct else None)
        self.protocol: BoundedHttpToolsProtocol = protocol_class(config_of_server, self.state, {})
        self.transport = _Transport()
        self.protocol.connection_made(self.transport)

    def feed(self, data: bytes) -> bytes:
        """What the protocol wrote while it read ``data``, before the loop turned."""
        before = len(self.transport.written)
        self.protocol.data_received(data)
        return bytes(self.transport.written[before:])

    async def settle(self) -> bytes:
        """Everything written so far, once the requests' tasks have ended."""
        while self.state.tasks:
            await asyncio.gather(*self.state.tasks)
        await asyncio.sleep(0)
        return bytes(self.transport.written)

    def close(self) -> None:
        self.protocol.connection_lost(None)


def _app(log: io.StringIO | None = None, max_body_size: int = 2048) -> MockApp:
    config = mock_config(stateful=False, max_body_size=max_body_size)
    app = create_app(config, compiled_for(config))
    if log is not None:
        app.access_log = AccessLog(log)
    return app


def _answers(raw: bytes, direct: bool) -> tuple[bytes, bytes, bool]:
    """(written before the loop turned, written in all, closed) for ``raw`` on one lane."""

    async def scenario() -> tuple[bytes, bytes, bool]:
        connection = _Connection(_app(), direct)
        at_once = connection.feed(raw)
        written = await connection.settle()
        closed = connection.transport.closed
        connection.close()
        return at_once, written, closed

    return asyncio.run(scenario())


def _without_ids(answer: bytes) -> bytes:
    return _REQUEST_ID.sub(b"x-request-id: ID\r\n", answer)


@pytest.mark.parametrize("name", sorted(WHOLE_REQUESTS))
def test_a_whole_request_gets_at_once_what_the_asgi_lane_writes(name: str) -> None:
    raw = WHOLE_REQUESTS[name]
    at_once, direct, direct_closed = _answers(raw, direct=True)
    nothing_yet, asgi, asgi_closed = _answers(raw, direct=False)
    assert nothing_yet == b""  # the ASGI lane answers from a task, once the loop turns
    assert at_once == direct and direct.startswith(b"HTTP/1.1 ")
    assert _without_ids(direct) == _without_ids(asgi)
    assert direct_closed == asgi_closed


def test_the_lanes_log_and_journal_alike() -> None:
    def journal_and_log(direct: bool) -> tuple[list[tuple[Any, ...]], list[str]]:
        log = io.StringIO()
        app = _app(log)

        async def scenario() -> None:
            connection = _Connection(app, direct)
            for raw in WHOLE_REQUESTS.values():
                if b"Connection: close" not in raw and b"HTTP/1.0" not in raw:
                    connection.feed(raw)
                    await connection.settle()
            connection.close()

        asyncio.run(scenario())
        entries = app.journal.as_json()["requests"]
        volatile = ("number", "loggedAt", "durationMs")
        journaled = [
            tuple(sorted((key, str(value)) for key, value in entry.items() if key not in volatile))
            for entry in entries
        ]
        lines = [re.sub(r" [0-9.]+ms$", "", line) for line in log.getvalue().splitlines()]
        return journaled, lines

    direct_journal, direct_log = journal_and_log(direct=True)
    asgi_journal, asgi_log = journal_and_log(direct=False)
    assert len(direct_journal) >= 10 and direct_log
    assert (direct_journal, direct_log) == (asgi_journal, asgi_log)


def _statuses(written: bytes) -> list[int]:
    return [int(status) for status in re.findall(rb"HTTP/1\.1 (\d{3}) ", written)]


def test_pipelined_requests_are_answered_in_order_whichever_lane_each_takes() -> None:
    admin = b"GET /__admin/requests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"  # the ASGI lane's

    async def scenario() -> tuple[bytes, bytes]:
        connection = _Connection(_app(), direct=True)
        first = connection.feed(
            WHOLE_REQUESTS["static GET"] + WHOLE_REQUESTS["no route"] + admin + WHOLE_REQUESTS["no token"]
        )
        written = await connection.settle()
        connection.close()
        return first, written

    first, written = asyncio.run(scenario())
    assert _statuses(first) == [200, 404]  # answered at once, up to the admin request
    assert _statuses(written) == [200, 404, 200, 401]  # the last one waited for the admin answer


def test_a_body_that_takes_two_reads_goes_the_asgi_way_whole() -> None:
    raw = WHOLE_REQUESTS["valid POST"]
    cut = raw.index(b"\r\n\r\n") + 10

    async def scenario() -> tuple[bytes, bytes, bytes]:
        connection = _Connection(_app(), direct=True)
        after_head = connection.feed(raw[:cut])
        after_body = connection.feed(raw[cut:])
        written = await connection.settle()
        connection.close()
        return after_head, after_body, written

    after_head, after_body, written = asyncio.run(scenario())
    at_once, _, _ = _answers(raw, direct=True)
    assert after_head == after_body == b""  # nothing at once: the ASGI lane answered
    assert _without_ids(written) == _without_ids(at_once)
    assert _statuses(written) == [200]


def test_expect_100_continue_goes_the_asgi_way() -> None:
    raw = WHOLE_REQUESTS["valid POST"].replace(b"\r\n\r\n", b"\r\nExpect: 100-continue\r\n\r\n", 1)
    at_once, written, _ = _answers(raw, direct=True)
    assert at_once == b"" and _statuses(written) == [100, 200]


def test_a_fault_asked_for_goes_the_asgi_way() -> None:
    raw = _get(b"/api/v2/tags", TOKEN, b"Prefer: code=503\r\n")
    at_once, written, _ = _answers(raw, direct=True)
    assert at_once == b"" and _statuses(written) == [503]


def test_after_a_direct_answer_one_idle_timer_closes_the_connection_once_it_is_idle() -> None:
    async def scenario() -> tuple[bool, bool, bool, bool]:
        connection = _Connection(_app(), direct=True)
        protocol = connection.protocol
        connection.feed(WHOLE_REQUESTS["static GET"])
        timer = protocol.timeout_keep_alive_task
        connection.feed(WHOLE_REQUESTS["static GET"])
        kept = timer is not None and protocol.timeout_keep_alive_task is timer  # not one per request
        protocol.timeout_keep_alive_handler()  # fired early: a read came since it was armed
        open_after_early = not connection.transport.closed and protocol.timeout_keep_alive_task is not None
        protocol._read_at -= protocol.timeout_keep_alive + 1  # idle for longer than the bound
        protocol.timeout_keep_alive_handler()
        closed = connection.transport.closed
        connection.close()
        return timer is not None, kept, open_after_early, closed

    assert asyncio.run(scenario()) == (True, True, True, True)


@pytest.mark.parametrize("sizes", [(1,), (7, 3), (64,)])
def test_a_request_fed_in_pieces_is_answered_once(sizes: Sequence[int]) -> None:
    raw = WHOLE_REQUESTS["valid POST"]

    async def scenario() -> bytes:
        connection = _Connection(_app(), direct=True)
        position = 0
        step = 0
        while position < len(raw):
            size = sizes[step % len(sizes)]
            connection.feed(raw[position : position + size])
            position += size
            step += 1
        written = await connection.settle()
        connection.close()
        return written

    assert _statuses(asyncio.run(scenario())) == [200]


@pytest.mark.parametrize("direct", [True, False])
def test_a_request_pipelined_behind_a_closing_answer_is_not_acted_on(direct: bool) -> None:
    app = _app()

    async def scenario() -> bytes:
        connection = _Connection(app, direct)
        connection.feed(WHOLE_REQUESTS["Connection: close"] + WHOLE_REQUESTS["valid POST"])
        written = await connection.settle()
        assert connection.transport.closed
        connection.close()
        return written

    assert _statuses(asyncio.run(scenario())) == [200]
    assert [entry["method"] for entry in app.journal.as_json()["requests"]] == ["GET"]


def test_a_failure_outside_the_pipeline_is_a_500_and_a_close_and_the_server_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = _app()

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the journal broke")

    async def scenario() -> tuple[bytes, bool, bytes]:
        failing = _Connection(app, direct=True)
        app.journal.record = broken  # type: ignore[method-assign]
        written = failing.feed(WHOLE_REQUESTS["static GET"])
        closed = failing.transport.closed
        failing.close()
        del app.journal.record  # the class's own again
        fine = _Connection(app, direct=True)
        answered = fine.feed(WHOLE_REQUESTS["static GET"])
        fine.close()
        return written, closed, answered

    written, closed, answered = asyncio.run(scenario())
    assert _statuses(written) == [500] and closed
    assert _statuses(answered) == [200]
    assert "the journal broke" in caplog.text
