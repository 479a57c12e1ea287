"""Hostile traffic to a real ``leeloo-mock`` process over sockets: 4xx, never 5xx, hang or crash.

Some inputs never reach the app: uvicorn's HTTP parser (httptools) refuses a request line with
raw bytes that are not allowed there, or one longer than it buffers, and answers
``400 Invalid HTTP request received.`` in plain text. Those cases assert a 4xx and that the
process goes on serving; the cases the app answers assert a refusal naming the culprit.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass

import pytest

from tests.hardening.conftest import MockProcess
from tests.refusals import INVALID, validation

TOKEN_LINE = b"X-Leeloo-AuthToken: hardening-token\r\n"
PEOPLE_FILTERS = b"filter[last_message][from]=2020-01-01&filter[last_message][to]=2020-12-31"
SEND_MESSAGE = b"/api/v2/messages/send-message"
VALID_MESSAGE = json.dumps({"account_id": "5b3f543bb2737000133d25b0", "text": "Message text"}).encode()


@dataclass(frozen=True)
class RawAnswer:
    status: int
    headers: dict[str, str]
    body: bytes


def _read_answer(sock: socket.socket, pending: bytearray | None = None) -> RawAnswer:
    """One HTTP/1.1 response with a Content-Length (all the mock and uvicorn send).

    ``pending`` carries what a read took past the answer before it on the same connection (the
    answers to pipelined requests can arrive in one ``recv``) and keeps this one's excess.
    """
    data = bytes(pending or b"")
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before a full head: {data[:200]!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {
        name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])
    }
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    if pending is not None:
        pending[:] = body[length:]
    return RawAnswer(int(lines[0].split(" ", 2)[1]), headers, body[:length])


def exchange(mock: MockProcess, raw_request: bytes) -> RawAnswer:
    with socket.create_connection(("127.0.0.1", mock.port), timeout=15) as sock:
        sock.sendall(raw_request)
        return _read_answer(sock)


def request(method: bytes, target: bytes, headers: bytes = b"", body: bytes = b"") -> bytes:
    length = b"Content-Length: %d\r\n" % len(body) if body or method in (b"POST", b"PUT") else b""
    head = method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + headers + length
    return head + b"Connection: close\r\n\r\n" + body


@pytest.mark.parametrize(
    "request_line_target",
    [
        b"/api/v2/people/\xff\xfe",  # raw bytes that are not UTF-8 (not percent-encoded)
        b"/api/v2/tags?x=\xff",
        b"/api/v2/tags\x00",  # NUL in the request line
        b"/api/v2/people?" + PEOPLE_FILTERS + b"&filter[tags]=" + b"a" * 65536,  # 64 KiB query string
    ],
    ids=["path-raw-ff", "query-raw-ff", "nul", "64KiB-query"],
)
def test_request_lines_the_parser_refuses_get_a_4xx(
    mock_process: MockProcess, request_line_target: bytes
) -> None:
    answer = exchange(mock_process, request(b"GET", request_line_target))
    assert 400 <= answer.status < 500, answer
    mock_process.assert_serving()


@pytest.mark.parametrize(
    ("target", "location"),
    [
        (b"/api/v2/people/%ff%fe", "path"),
        (b"/api/v2/people/5b3f543bb2737000133d25b0%00", "path"),
        (b"/api/v2/people?" + PEOPLE_FILTERS.replace(b"2020-01-01", b"%ff%fe"), "query"),
        (b"/api/v2/people?" + PEOPLE_FILTERS + b"&limit=99999999999999999999999999", "query"),
    ],
    ids=["path-pct-ff", "path-pct-nul", "query-pct-ff", "limit-beyond-int64"],
)
def test_percent_encoded_garbage_reaches_the_app_and_is_refused(
    mock_process: MockProcess, target: bytes, location: str
) -> None:
    answer = exchange(mock_process, request(b"GET", target))
    assert answer.status == INVALID, answer
    assert location in {issue["location"] for issue in validation(answer)}


def test_nul_in_a_header_value_is_a_4xx(mock_process: MockProcess) -> None:
    answer = exchange(mock_process, request(b"GET", b"/api/v2/tags", b"X-Odd: a\x00b\r\n"))
    assert 400 <= answer.status < 500
    mock_process.assert_serving()


def test_10_mib_body_over_a_socket_is_a_413_problem(mock_process: MockProcess) -> None:
    body = b" " * (10 << 20)
    with socket.create_connection(("127.0.0.1", mock_process.port), timeout=15) as sock:
        head = request(b"POST", SEND_MESSAGE, b"Content-Type: application/json\r\n")
        sock.sendall(head.replace(b"Content-Length: 0", b"Content-Length: %d" % len(body)))
        sender_error: list[BaseException] = []

        def send_body() -> None:
            try:
                sock.sendall(body)
            except OSError as exc:  # the server may answer and close before reading it all
                sender_error.append(exc)

        sender = threading.Thread(target=send_body, daemon=True)
        sender.start()
        answer = _read_answer(sock)
        with contextlib.suppress(OSError):  # already reset by the server: fine
            sock.shutdown(socket.SHUT_RDWR)
        sender.join(timeout=15)
    assert answer.status == 413
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert json.loads(answer.body)["status"] == 413
    mock_process.assert_serving()


def test_keep_alive_connection_survives_a_4xx(mock_process: MockProcess) -> None:
    """A bad request on a kept-alive connection does not cost the connection the next answer."""
    bad = b"POST " + SEND_MESSAGE + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE
    bad += b"Content-Type: application/json\r\nContent-Length: 5\r\n\r\n{nope"
    good = b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + b"\r\n"
    with socket.create_connection(("127.0.0.1", mock_process.port), timeout=15) as sock:
        sock.sendall(bad)
        first = _read_answer(sock)
        sock.sendall(good)
        second = _read_answer(sock)
    assert first.status == 400
    assert second.status == 200


def test_slow_client_does_not_stall_other_requests(mock_process: MockProcess) -> None:
    """A body trickled over ~2 s on one connection; another request completes meanwhile.

    Asserts order, not time: the other request's answer arrives while the trickle is still
    being sent, and the trickled request is answered afterwards.
    """
    chunks = [VALID_MESSAGE[i : i + 4] for i in range(0, len(VALID_MESSAGE), 4)]
    pause = 2.0 / len(chunks)
    trickle_done = threading.Event()
    events: list[str] = []
    trickle_answer: list[RawAnswer] = []

    def trickle() -> None:
        with socket.create_connection(("127.0.0.1", mock_process.port), timeout=30) as sock:
            head = request(b"POST", SEND_MESSAGE, b"Content-Type: application/json\r\n")
            head = head.replace(b"Content-Length: 0", b"Content-Length: %d" % len(VALID_MESSAGE))
            sock.sendall(head)
            for chunk in chunks:
                time.sleep(pause)
                sock.sendall(chunk)
            events.append("trickle sent")
            trickle_done.set()
            trickle_answer.append(_read_answer(sock))

    worker = threading.Thread(target=trickle, daemon=True)
    worker.start()
    time.sleep(pause * 2)  # the trickle has started
    other = exchange(mock_process, request(b"GET", b"/api/v2/tags"))
    events.append("other answered" if not trickle_done.is_set() else "other answered after the trickle")
    worker.join(timeout=30)
    assert other.status == 200
    assert events == ["other answered", "trickle sent"]
    assert trickle_answer and trickle_answer[0].status == 200
