"""The load generator stays in its bounds and counts what it measures (no timing is asserted)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from bench.loadgen import LoadPlan, LoadPlanError, _build_request, _lua_string, main, run_python_in_process
from tests.socket_server import connection_server


@pytest.mark.parametrize(
    ("url", "changes"),
    [
        ("http://example.com:80/", {}),
        ("http://10.0.0.1:80/", {}),
        ("https://127.0.0.1:443/", {}),
        ("http://127.0.0.1/", {}),  # no port
        ("http://127.0.0.1:8000/", {"concurrency": 0}),
        ("http://127.0.0.1:8000/", {"concurrency": 5000}),
        ("http://127.0.0.1:8000/", {"duration_s": 0}),
        ("http://127.0.0.1:8000/", {"duration_s": 3600}),
        ("http://127.0.0.1:8000/", {"max_requests": 0}),
        ("http://127.0.0.1:8000/", {"method": "GET /x"}),
    ],
)
def test_out_of_bounds_runs_are_refused(url: str, changes: dict[str, object]) -> None:
    with pytest.raises(LoadPlanError):
        LoadPlan(url=url, **changes)  # type: ignore[arg-type]


def test_cli_refuses_other_hosts_with_usage_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["http://example.com:80/"])
    assert exited.value.code == 2
    assert "only talks to 127.0.0.1" in capsys.readouterr().err


def test_request_bytes_carry_method_target_headers_and_length() -> None:
    spec = LoadPlan(
        url="http://127.0.0.1:8000/api/v2/people?filter[tags]=vip",
        method="PUT",
        headers=(("Content-Type", "application/x-www-form-urlencoded"),),
        body=b"tag_id=1",
    )
    raw = _build_request(spec)
    assert raw.startswith(b"PUT /api/v2/people?filter[tags]=vip HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n")
    assert b"Content-Length: 8\r\n" in raw
    assert raw.endswith(b"\r\n\r\ntag_id=1")


def test_lua_string_escapes_every_byte() -> None:
    assert _lua_string(b'a"\n') == '"\\97\\34\\10"'


@pytest.fixture
def tiny_server() -> Iterator[tuple[int, list[int]]]:
    """A keep-alive server answering 200 then 404 alternately (chunked and sized); counts requests."""
    count = [0]

    def handle(conn: socket.socket, stop: threading.Event) -> None:
        buffer = b""
        with conn:
            while not stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\r\n\r\n" in buffer:
                    _, _, buffer = buffer.partition(b"\r\n\r\n")
                    count[0] += 1
                    if count[0] % 2:
                        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                    else:
                        conn.sendall(
                            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                            b"2\r\nno\r\n0\r\n\r\n"
                        )

    with connection_server(handle) as port:
        yield port, count


def test_fallback_generator_counts_answers_and_non_2xx(tiny_server: tuple[int, list[int]]) -> None:
    port, served = tiny_server
    spec = LoadPlan(url=f"http://127.0.0.1:{port}/x", concurrency=1, duration_s=5, max_requests=40)
    result = run_python_in_process(spec)
    assert result.requests == 40 == served[0]  # bounded by count, every answer read
    assert result.non_2xx == 20
    assert result.status_counts == {"200": 20, "404": 20}
    assert result.errors == 0
    assert 0 < result.p50_ms <= result.p99_ms


def test_fallback_generator_counts_refused_connections_as_errors() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_python_in_process(LoadPlan(url=f"http://127.0.0.1:{port}/", concurrency=2, max_requests=6))
    assert result.requests == 0
    assert result.errors == 6
