"""Attacks on the validation proxy (``leeloo-mock --proxy``): each ends in a clear, bounded answer.

The proxy is a real ``leeloo-mock`` process (``run_mock``): its memory is read from /proc and
raw request targets go over a socket. Its upstream is a small ASGI app served by uvicorn in a
thread on 127.0.0.1 (``contract_tests._asgi_server.serving``); the request header
``X-Attack`` picks how it misbehaves. The host that must never be reached is a
``ScriptedServer`` on 127.0.0.2. Every wait is bounded; no traffic leaves 127.0.0.0/8.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from typing import Any

import httpx
import pytest

from contract_tests._asgi_server import serving
from tests.hardening.conftest import TOKEN_HEADER, MockProcess, run_mock
from tests.hardening.test_client_failures import ScriptedServer, http_response
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


ATTACKS: dict[str, Callable[[Send], Awaitable[None]]] = {}


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
    with serving(upstream_app) as origin:
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
    server = ScriptedServer([http_response(200, b"{}")])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.2", 0))
        listener.listen(16)
        server.port = listener.getsockname()[1]
        worker = threading.Thread(target=server.serve, args=(listener,), daemon=True)
        worker.start()
        try:
            yield server
        finally:
            server.stop.set()
            worker.join(timeout=5)


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
