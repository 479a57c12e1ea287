"""Attacks on the validation proxy (``leeloo-mock --proxy``): each ends in a clear, bounded answer.

The proxy is a real ``leeloo-mock`` process (``run_mock``): its memory is read from /proc and
raw request targets go over a socket. Its upstream is a small ASGI app served by uvicorn in a
thread on 127.0.0.1 (``mock_server._serving.serving_app``); the request header
``X-Attack`` picks how it misbehaves. The host that must never be reached is a
``ScriptedServer`` on 127.0.0.2. Every wait is bounded; no traffic leaves 127.0.0.0/8.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server._serving import serving_app
from tests.hardening.conftest import TOKEN_HEADER, MockProcess, run_mock
from tests.hardening.test_client_failures import ScriptedServer, http_response, scripted_server
from tests.hardening.test_socket_level import RawAnswer, exchange, request

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
TOKEN = TOKEN_HEADER["X-Leeloo-AuthToken"]
TAGS = json.dumps({"status": 1, "data": [{"id": "595f5d522a934035decc093d", "name": "Tag #1"}]}).encode()
MiB = 1 << 20
SEEN: list[dict[str, Any]] = []  # what the upstream received: raw path, headers (bytes), body
RELEASE = threading.Event()  # set to end every hanging upstream answer


async def _start(send: Send, status: int = 200, *headers: tuple[bytes, bytes]) -> None:
    raw = [(b"content-type", b"application/json"), *headers]
    await send({"type": "http.response.start", "status": status, "headers": raw})


async def _plain(send: Send) -> None:
    await _start(send, 200, (b"content-length", str(len(TAGS)).encode()))
    await send({"type": "http.response.body", "body": TAGS})


async def _huge(send: Send) -> None:
    """50 MiB of answer, 1 MiB at a time (chunked: no Content-Length to refuse it by)."""
    await _start(send)
    for _ in range(50):
        await send({"type": "http.response.body", "body": b" " * MiB, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


@functools.cache
def _bomb() -> bytes:
    """128 MiB of zeros, gzip-compressed to ~130 KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join(packer.compress(bytes(MiB)) for _ in range(128)) + packer.flush()


async def _gzip_bomb(send: Send) -> None:
    body = _bomb()
    await _start(send, 200, (b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.body", "body": body})


async def _gzipped(send: Send) -> None:
    body = gzip.compress(TAGS)
    await _start(send, 200, (b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.body", "body": body})


async def _trickle(send: Send) -> None:
    """A byte every 0.5 s, for at most 20 s: no single read ever times out."""
    await _start(send, 200, (b"content-length", b"1000"))
    for _ in range(40):
        if RELEASE.is_set():
            break
        await send({"type": "http.response.body", "body": b" ", "more_body": True})
        await asyncio.sleep(0.5)


async def _hang(send: Send) -> None:
    """Silence until the test ends (at most 20 s), then the plain answer."""
    for _ in range(200):
        if RELEASE.is_set():
            break
        await asyncio.sleep(0.1)
    await _plain(send)


async def _violations(send: Send) -> None:
    """20,000 tags, each with two wrong fields: 40,000 violations."""
    body = json.dumps({"status": 1, "data": [{"id": 1, "name": 2}] * 20_000}).encode()
    await _start(send, 200, (b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.body", "body": body})


async def _odd_headers(send: Send) -> None:
    """Hop-by-hop headers and a CORS set of its own."""
    await _start(
        send,
        200,
        (b"content-length", str(len(TAGS)).encode()),
        (b"connection", b"x-hop-secret"),
        (b"x-hop-secret", b"for the next hop only"),
        (b"trailer", b"x-checksum"),
        (b"access-control-allow-origin", b"https://upstream.example"),
        (b"access-control-allow-credentials", b"true"),
        (b"access-control-max-age", b"600"),
    )
    await send({"type": "http.response.body", "body": TAGS})


async def _unicode_header(send: Send) -> None:
    """A header value that is UTF-8, not ASCII (nor latin-1)."""
    await _start(send, 200, (b"content-length", str(len(TAGS)).encode()), (b"x-city", "東京".encode()))
    await send({"type": "http.response.body", "body": TAGS})


async def _brotli(send: Send) -> None:
    """A ``br`` answer, whatever the request accepted."""
    body = b"\x8b\x03\x80" + TAGS + b"\x03"  # an uncompressed brotli stream (meta-block header + data)
    await _start(send, 200, (b"content-encoding", b"br"), (b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.body", "body": body})


ATTACKS: dict[str, Callable[[Send], Awaitable[None]]] = {
    "huge": _huge,
    "gzip-bomb": _gzip_bomb,
    "gzipped": _gzipped,
    "trickle": _trickle,
    "hang": _hang,
    "violations": _violations,
    "odd-headers": _odd_headers,
    "brotli": _brotli,
    "unicode-header": _unicode_header,
}


async def upstream_app(scope: Message, receive: Callable[[], Awaitable[Message]], send: Send) -> None:
    """Record the request, then answer as its ``X-Attack`` header says (the plain tags by default)."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body", False):
            break
    headers = dict(scope["headers"])
    SEEN.append({"path": scope["raw_path"], "headers": scope["headers"], "body": body})
    await ATTACKS.get(headers.get(b"x-attack", b"").decode(), _plain)(send)


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    RELEASE.clear()
    with serving_app(upstream_app) as origin:
        try:
            yield origin
        finally:
            RELEASE.set()


@pytest.fixture(autouse=True)
def _fresh() -> None:
    SEEN.clear()


@pytest.fixture(scope="module")
def proxy(upstream: str) -> Iterator[MockProcess]:
    """The proxy in front of the upstream's root, with the default limits."""
    with run_mock("--proxy", upstream) as running:
        yield running


@contextlib.contextmanager
def thief() -> Iterator[ScriptedServer]:
    """A server on 127.0.0.2 that records whatever reaches it."""
    with scripted_server(http_response(200, b"{}"), host="127.0.0.2") as server:
        yield server


def rss_kib(process: MockProcess) -> int:
    """The proxy process's resident memory (VmRSS)."""
    for line in Path(f"/proc/{process.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def get(
    process: MockProcess, attack: str = "", headers: dict[str, str] | None = None, timeout: float = 30
) -> httpx.Response:
    """GET /api/v2/tags through the proxy, with ``X-Attack: attack``."""
    sent = {**TOKEN_HEADER, **(headers or {}), **({"X-Attack": attack} if attack else {})}
    return httpx.get(f"{process.api}/tags", headers=sent, timeout=timeout)


def is_problem(answer: httpx.Response | RawAnswer, status: int) -> bool:
    if isinstance(answer, RawAnswer):
        content_type, body = answer.headers.get("content-type", ""), answer.body
    else:
        content_type, body = answer.headers.get("content-type", ""), answer.content
    return content_type.startswith("application/problem+json") and json.loads(body)["status"] == status


# 1. The token goes to the configured host only, and stays inside the base path


@pytest.mark.parametrize("form", ["userinfo", "absolute"])
def test_request_target_cannot_send_the_token_to_another_host(upstream: str, form: str) -> None:
    with thief() as server, run_mock("--proxy", upstream) as proxy:
        target = {
            "userinfo": b"*@127.0.0.2:%d/steal" % server.port,
            "absolute": b"http://127.0.0.2:%d/steal" % server.port,
        }[form]
        answer = exchange(proxy, request(b"POST", target, b"Content-Type: application/json\r\n", b"{}"))
        time.sleep(0.2)  # a forwarded request would have arrived by now
        assert server.requests == [], "the token reached 127.0.0.2"
        if form == "userinfo":
            assert answer.status == 400, answer
            assert is_problem(answer, 400)
        else:  # uvicorn hands over the absolute form's path only: it goes to the configured host
            assert answer.status < 500, answer
        proxy.assert_serving()


@pytest.mark.parametrize("target", [b"/../../admin", b"/api/v2/../../../admin", b"/%2e%2e/%2E%2E/admin"])
def test_dot_segments_cannot_leave_the_upstream_base_path(upstream: str, target: bytes) -> None:
    with run_mock("--proxy", upstream + "/base") as proxy:
        answer = exchange(proxy, request(b"GET", target))
        escaped = [seen["path"] for seen in SEEN if not seen["path"].startswith(b"/base/")]
        assert escaped == [], "the request left /base"
        assert answer.status == 400, answer
        assert is_problem(answer, 400)


def test_asterisk_target_is_a_400_problem_not_a_500(proxy: MockProcess) -> None:
    answer = exchange(proxy, request(b"OPTIONS", b"*"))
    assert answer.status == 400, answer
    assert is_problem(answer, 400)
    assert SEEN == []
    proxy.assert_serving()


def test_upstream_base_path_is_kept(upstream: str) -> None:
    with run_mock("--proxy", upstream + "/base") as proxy:
        answer = exchange(proxy, request(b"GET", b"/api/v2/tags?limit=5"))
    assert answer.status == 200
    assert [seen["path"] for seen in SEEN] == [b"/base/api/v2/tags"]


# 2. Bounded memory and time


def test_huge_upstream_answer_is_a_502_with_bounded_memory(upstream: str) -> None:
    with run_mock("--proxy", upstream, "--max-upstream-size", str(MiB)) as proxy:
        before = rss_kib(proxy)
        started = time.monotonic()
        answer = get(proxy, "huge")
        elapsed = time.monotonic() - started
        growth_mib = (rss_kib(proxy) - before) / 1024
        assert answer.status_code == 502, (answer.status_code, elapsed)
        assert is_problem(answer, 502)
        assert growth_mib < 24, f"the proxy grew by {growth_mib:.0f} MiB"
        proxy.assert_serving()


def test_gzip_bomb_is_a_502_with_bounded_memory(upstream: str) -> None:
    _bomb()  # compressed before the measurement
    with run_mock("--proxy", upstream, "--max-upstream-size", str(MiB)) as proxy:
        before = rss_kib(proxy)
        answer = get(proxy, "gzip-bomb")
        growth_mib = (rss_kib(proxy) - before) / 1024
        assert answer.status_code == 502
        assert is_problem(answer, 502)
        assert growth_mib < 24, f"the proxy grew by {growth_mib:.0f} MiB"
        proxy.assert_serving()


def test_gzip_answer_under_the_cap_is_decoded(proxy: MockProcess) -> None:
    answer = get(proxy, "gzipped")
    assert answer.status_code == 200
    assert "content-encoding" not in answer.headers
    assert answer.json()["data"][0]["name"] == "Tag #1"


def test_trickling_upstream_meets_the_deadline_with_a_504(upstream: str) -> None:
    with run_mock("--proxy", upstream, "--upstream-timeout", "2") as proxy:
        started = time.monotonic()
        answer = get(proxy, "trickle", timeout=30)
        elapsed = time.monotonic() - started
        assert answer.status_code == 504, (answer.status_code, elapsed)
        assert is_problem(answer, 504)
        assert elapsed < 6, f"held {elapsed:.1f} s"


def test_hung_upstream_requests_cannot_delay_the_others(upstream: str) -> None:
    """100 requests hang upstream; the next request gets a quick 503 with Retry-After."""
    with run_mock("--proxy", upstream) as proxy:
        hung: list[socket.socket] = []
        try:
            for _ in range(100):
                sock = socket.create_connection(("127.0.0.1", proxy.port), timeout=15)
                hung.append(sock)
                sock.sendall(request(b"GET", b"/api/v2/tags", b"X-Attack: hang\r\n"))
            deadline = time.monotonic() + 10
            while len(SEEN) < 64 and time.monotonic() < deadline:
                time.sleep(0.05)
            started = time.monotonic()
            answer = get(proxy, timeout=30)
            elapsed = time.monotonic() - started
            assert answer.status_code == 503, (answer.status_code, elapsed)
            assert is_problem(answer, 503)
            assert int(answer.headers["retry-after"]) >= 1
            assert elapsed < 2, f"waited {elapsed:.1f} s"
        finally:
            RELEASE.set()
            for sock in hung:
                sock.close()
        time.sleep(0.3)  # the hanging answers notice RELEASE
        RELEASE.clear()


# 3. A bounded log line


def test_many_violations_make_a_bounded_log_line_and_header(proxy: MockProcess) -> None:
    answer = get(proxy, "violations")
    assert answer.status_code == 200
    assert len(answer.headers["sl-violations"]) < 8192
    log = proxy.mock.log_when(lambda text: "violates the spec" in text)
    lines = [line for line in log.splitlines() if "violates the spec" in line]
    assert lines
    assert max(len(line) for line in lines) < 16384, f"a {max(len(line) for line in lines)}-byte log line"
    assert "more" in lines[-1]


# 4. Headers, encodings, CORS, secrets


def test_connection_named_and_trailer_headers_are_not_forwarded_either_way(proxy: MockProcess) -> None:
    hop = {"Connection": "x-hop-secret", "X-Hop-Secret": "1", "Trailer": "x"}
    answer = get(proxy, "odd-headers", hop)
    assert answer.status_code == 200
    assert "x-hop-secret" not in answer.headers
    assert "trailer" not in answer.headers
    received = {name for name, _ in SEEN[-1]["headers"]}
    assert b"x-hop-secret" not in received
    assert b"trailer" not in received


def test_compressed_request_body_keeps_its_content_encoding(proxy: MockProcess) -> None:
    body = gzip.compress(json.dumps({"account_id": "5b3f543bb2737000133d25b0", "text": "hi"}).encode())
    answer = httpx.post(
        f"{proxy.api}/messages/send-message",
        content=body,
        headers={**TOKEN_HEADER, "Content-Type": "application/json", "Content-Encoding": "gzip"},
        timeout=30,
    )
    assert answer.status_code == 200
    seen = SEEN[-1]
    assert (b"content-encoding", b"gzip") in seen["headers"]
    assert gzip.decompress(seen["body"]) == gzip.decompress(body)


def test_brotli_is_not_asked_for_and_a_brotli_answer_is_a_502(proxy: MockProcess) -> None:
    answer = get(proxy, "brotli", {"Accept-Encoding": "br"})
    accepted = dict(SEEN[-1]["headers"]).get(b"accept-encoding", b"")
    assert b"br" not in accepted
    assert answer.status_code == 502
    assert is_problem(answer, 502)
    assert "br" in answer.json()["detail"]


def test_cors_headers_reach_the_client_once(proxy: MockProcess) -> None:
    answer = get(proxy, "odd-headers", {"Origin": "http://localhost:3000"})
    assert answer.headers.get_list("access-control-allow-origin") == ["http://localhost:3000"]
    assert len(answer.headers.get_list("access-control-allow-credentials")) == 1
    assert answer.headers.get_list("access-control-max-age") == ["600"]  # the app adds none of its own


def test_non_ascii_header_values_pass_both_ways(proxy: MockProcess) -> None:
    answer = exchange(
        proxy, request(b"GET", b"/api/v2/tags", b"X-Attack: unicode-header\r\nX-Name: caf\xe9\r\n")
    )
    assert answer.status == 200, answer
    assert answer.headers["x-city"].encode("latin-1") == "東京".encode()
    assert (b"x-name", b"caf\xe9") in SEEN[-1]["headers"]


def test_upstream_password_is_never_printed() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens there: each request is a logged failure
        with run_mock("--proxy", f"http://leeloo:hunter2@127.0.0.1:{port}/api") as proxy:
            assert get(proxy).status_code == 502
            out = proxy.stdout_text() + proxy.stderr_text()
    assert "hunter2" not in out
    assert "leeloo:REDACTED@127.0.0.1" in out
    assert TOKEN not in out
