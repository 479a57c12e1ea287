"""Faults through the command line and a real socket: usage errors, seeded runs, and broken
connections as a client sees them (a reset, an empty answer, a malformed chunk, a dribble)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from mock_server.cli import main
from mock_server.testing import LeelooMock, in_child_process
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER

TAGS = "/tags"


@pytest.fixture(autouse=True)
def _private_check_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "check-cache"))


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--delay", "60001"], "60001"),
        (["--delay", "uniform:5"], "uniform:MIN-MAX"),
        (["--fail", "1.5:503"], "the rate 1.5"),
        (["--fail", "0.5:teapot"], "teapot"),
        (["--fail", "0.6:503", "--fail", "0.6:reset"], "add up to more than 1"),
        (["--rate-limit", "ten/60"], "ten/60"),
        (["--rate-limit", "5/0"], "5/0"),
        (["--faults", "/nonexistent/faults.yaml"], "cannot read the faults file"),
    ],
)
def test_a_bad_fault_argument_is_a_usage_error_naming_it(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([str(SPEC_PATH), *argv])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: leeloo-mock" in err and named in err


def test_a_faults_file_naming_no_operation_exits_1_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faults = tmp_path / "faults.yaml"
    faults.write_text("- {operation: list_teapots, delay: 5}\n")
    assert main([str(SPEC_PATH), "--port", "0", "--faults", str(faults)]) == 1
    assert f"{faults}:1:1: operation 'list_teapots'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def mock() -> Iterator[LeelooMock]:
    with in_child_process(spec=SPEC_PATH) as running:
        yield running


def test_reset_is_a_connection_reset(mock: LeelooMock) -> None:
    with httpx.Client(base_url=mock.api_url) as client, pytest.raises(httpx.ReadError, match="reset"):
        client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=reset"})


@pytest.mark.parametrize("kind", ["empty", "malformed"])
def test_empty_and_malformed_break_the_protocol(mock: LeelooMock, kind: str) -> None:
    with httpx.Client(base_url=mock.api_url) as client, pytest.raises(httpx.RemoteProtocolError):
        client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": f"fault={kind}"})


def test_malformed_starts_like_an_answer_then_sends_a_chunk_that_is_not_one(mock: LeelooMock) -> None:
    parts = urlsplit(mock.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as conn:
        conn.sendall(
            b"GET /api/v2/tags HTTP/1.1\r\nHost: localhost\r\nX-Leeloo-AuthToken: t\r\n"
            b"Prefer: fault=malformed\r\n\r\n"
        )
        received = b""
        while chunk := conn.recv(4096):
            received += chunk
    assert received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"transfer-encoding: chunked\r\n\r\nzz" in received


def test_a_dribbled_answer_arrives_in_pieces_over_its_time(mock: LeelooMock) -> None:
    with httpx.Client(base_url=mock.api_url) as client:
        whole = client.get(TAGS, headers=TOKEN_HEADER).content
        started = time.perf_counter()
        arrivals = []
        with client.stream("GET", TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=dribble:400"}) as answer:
            for piece in answer.iter_raw():
                arrivals.append((time.perf_counter() - started, piece))
    assert b"".join(piece for _, piece in arrivals) == whole
    assert len(arrivals) >= 3
    assert arrivals[-1][0] - arrivals[0][0] >= 0.2


def test_a_broken_connection_leaves_no_error_in_the_log_and_the_mock_serves_on(mock: LeelooMock) -> None:
    with httpx.Client(base_url=mock.api_url) as client:
        for kind in ("reset", "empty", "malformed"):
            with pytest.raises(httpx.TransportError):
                client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": f"fault={kind}"})
        assert client.get(TAGS, headers=TOKEN_HEADER).status_code == 200
    log = mock.log()
    assert "ASGI callable" not in log and "Traceback" not in log


def test_timeout_cuts_a_delayed_answer(mock: LeelooMock) -> None:
    with httpx.Client(base_url=mock.api_url) as client, pytest.raises(httpx.ReadTimeout):
        client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": "delay=3000"}, timeout=0.3)


def _statuses(*options: str) -> list[int]:
    with (
        in_child_process(*options, spec=SPEC_PATH) as running,
        httpx.Client(base_url=running.api_url) as client,
    ):
        return [client.get(TAGS, headers=TOKEN_HEADER).status_code for _ in range(20)]


def test_the_same_seed_fails_the_same_requests() -> None:
    first = _statuses("--fail", "0.5:503", "--seed", "9")
    assert first == _statuses("--fail", "0.5:503", "--seed", "9")
    assert set(first) == {200, 503}


def test_rate_limit_and_a_faults_file_from_the_command_line(tmp_path: Path) -> None:
    faults = tmp_path / "faults.yaml"
    faults.write_text("- operation: list_users\n  fail: '1:502'\n")
    with (
        in_child_process("--rate-limit", "2/60", "--faults", str(faults), spec=SPEC_PATH) as running,
        httpx.Client(base_url=running.api_url) as client,
    ):
        assert [client.get(TAGS, headers=TOKEN_HEADER).status_code for _ in range(3)] == [200, 200, 429]
        assert client.get(TAGS, headers=TOKEN_HEADER).headers["retry-after"] in {"59", "60"}
        assert client.get("/users", headers={"X-Leeloo-AuthToken": "other"}).status_code == 502
