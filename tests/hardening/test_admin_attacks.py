"""Attacks on ``/__admin`` ("Hard to break, round 3", issue 21): who may call it, what the journal holds.

- The journal is bounded in bytes: per entry (headers too, not only the body) and as a whole;
  a read is paged (``meta.next``) and encoded off the event loop, so other requests keep being
  answered while a large journal is read.
- Admin answers only loopback pages (an origin starting with ``127.`` is not one) and loopback
  Host names, whatever ``--cors-origin`` and ``--allowed-host`` let through for the API.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from typing import Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.har.redaction import REDACTED, TOKEN_ENV
from mock_server.server.admin import (
    DEFAULT_JOURNAL_BYTES,
    HEADER_EXCERPT_BYTES,
    PAGE_BYTES,
    RequestJournal,
    is_loopback_origin,
)
from mock_server.server.config import AccessRules
from mock_server.stages.pipeline import MockRequest, MockResponse
from tests.hardening._asgi import asgi_request
from tests.hardening.conftest import SPEC_PATH, TOKEN_HEADER, run_mock

# 100 headers of 620 bytes: 62 KiB, within the default --max-header-size of 64 KiB
BIG_HEADERS = {f"x-h{index:05d}": "v" * 620 for index in range(100)}
MiB = 1024 * 1024


def _big_request(number: int) -> MockRequest:
    headers = {"host": "127.0.0.1", **{name: value + str(number) for name, value in BIG_HEADERS.items()}}
    return MockRequest("GET", "/api/v2/tags", "", headers)


# ---- the journal's bytes ------------------------------------------------------------------------


def test_an_entry_keeps_a_bounded_part_of_its_headers() -> None:
    journal = RequestJournal()
    journal.record(_big_request(0), MockResponse(200), time.perf_counter())
    entry = journal.as_json()["requests"][0]
    kept = sum(len(name) + len(value) for name, value in entry["headers"].items())
    assert kept <= HEADER_EXCERPT_BYTES < 62 * 1024
    assert entry["headersTruncated"] is True
    assert entry["headers"]["host"] == "127.0.0.1"  # the first headers are the ones kept


def test_the_journal_is_bounded_in_bytes_whatever_its_size_in_requests() -> None:
    """3,000 requests of 62 KiB of headers kept 186 MiB; now the journal stays within its bound."""
    journal = RequestJournal(capacity=100_000)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for number in range(3000):
            journal.record(_big_request(number), MockResponse(200), time.perf_counter())
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert journal.size_bytes <= DEFAULT_JOURNAL_BYTES
    assert held <= 1.5 * DEFAULT_JOURNAL_BYTES, f"the journal holds {held / MiB:.0f} MiB"
    meta = journal.as_json(limit=0)["meta"]
    assert meta["total"] == 3000 and meta["dropped"] == 3000 - meta["kept"] > 0


def test_a_long_url_is_cut_in_the_journal() -> None:
    journal = RequestJournal()
    journal.record(MockRequest("GET", "/" + "p" * 20_000, "q=" + "x" * 20_000, {}), MockResponse(404), 0.0)
    entry = journal.as_json()["requests"][0]
    assert len(entry["path"]) < 5000 and len(entry["query"]) < 5000 and entry["urlTruncated"] is True


def test_a_read_is_paged_and_the_pages_hold_every_entry() -> None:
    journal = RequestJournal(capacity=100_000)
    for number in range(3000):
        journal.record(_big_request(number), MockResponse(200), time.perf_counter())
    kept = journal.as_json(limit=0)["meta"]["kept"]
    seen: list[int] = []
    after = 0
    pages = 0
    while True:
        body = journal.page(after=after, max_bytes=2 * MiB)
        assert len(body) <= 2 * MiB + 64 * 1024
        page = httpx.Response(200, content=body).json()
        seen += [entry["number"] for entry in page["requests"]]
        pages += 1
        if "next" not in page["meta"]:
            break
        after = int(page["meta"]["next"].split("after=")[1].split("&")[0])
    assert pages > 1
    assert seen == sorted(seen) and len(seen) == kept == len(set(seen))


async def test_the_journal_is_read_off_the_event_loop(
    compiled_spec: CompiledSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False), compiled_spec)
    threads: list[str] = []
    page = app.journal.page

    def spying_page(*args: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return page(*args)

    monkeypatch.setattr(app.journal, "page", spying_page)
    await asgi_request(app, "GET", "/api/v2/tags")
    answer = await asgi_request(app, "GET", "/__admin/requests")
    assert answer.status == 200 and len(answer.json()["requests"]) == 1
    assert threads and threads[0] != threading.main_thread().name


def _send_big_requests(port: int, count: int) -> None:
    head = (
        b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Leeloo-AuthToken: t\r\n"
        + b"".join(f"{name}: {value}\r\n".encode() for name, value in BIG_HEADERS.items())
        + b"\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        reader = sock.makefile("rb")
        for _ in range(count):
            sock.sendall(head)
            assert reader.readline().startswith(b"HTTP/1.1 200")
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            reader.read(length)


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_a_large_journal_neither_grows_the_mock_nor_stalls_others_when_read() -> None:
    """Before: 4,000 such requests at --journal-size 100000 took the mock from 54 to 358 MiB, and
    reading them (243 MiB in 7.9 s) held other requests up to 5 s."""
    with run_mock("--journal-size", "100000") as mock:
        before = _rss_mib(mock.process.pid)
        _send_big_requests(mock.port, 2500)
        grown = _rss_mib(mock.process.pid) - before
        assert grown < 100, f"the mock grew by {grown:.0f} MiB"
        probes: list[tuple[float, float]] = []  # when each GET /tags was sent and answered
        stop = threading.Event()

        def probe() -> None:
            with httpx.Client(timeout=30) as client:
                while not stop.is_set():
                    started = time.monotonic()
                    client.get(f"{mock.api}/tags", headers=TOKEN_HEADER)
                    probes.append((started, time.monotonic()))
                    time.sleep(0.01)

        prober = threading.Thread(target=probe, daemon=True)
        prober.start()
        try:
            time.sleep(0.2)
            read_started = time.monotonic()
            read = httpx.get(f"{mock.origin}/__admin/requests", timeout=60)
            read_ended = time.monotonic()
            time.sleep(0.2)
        finally:
            stop.set()
            prober.join(timeout=30)
        assert read.status_code == 200
        assert len(read.content) <= PAGE_BYTES + 64 * 1024
        assert read.json()["meta"]["next"].startswith("/__admin/requests?after=")
        during = [end - start for start, end in probes if start < read_ended and end > read_started]
        assert during, "no request was sent while the journal was read: the probe proves nothing"
        worst = max(during)
        assert worst < 1.0, f"a request waited {worst:.2f}s while the journal was read"
        mock.assert_serving()


# ---- who may call admin ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "loopback"),
    [
        ("http://127.evil.example", False),
        ("http://127.0.0.1.nip.io", False),
        ("http://127.1.2.3:8000", True),
        ("http://[::ffff:127.0.0.1]", True),
        ("http://[::ffff:10.0.0.1]", False),
        ("http://localhost:3000", True),
    ],
)
def test_only_loopback_addresses_and_localhost_are_loopback_origins(origin: str, loopback: bool) -> None:
    assert is_loopback_origin(origin) is loopback


@pytest.mark.parametrize("cors", [("*",), ("http://127.evil.example",)])
async def test_a_page_whose_name_starts_with_127_cannot_read_or_reset(
    compiled_spec: CompiledSpec, cors: tuple[str, ...]
) -> None:
    app = create_app(
        MockConfig(
            spec_path=SPEC_PATH, log_requests=False, stateful=True, access=AccessRules(cors_origins=cors)
        ),
        compiled_spec,
    )
    page = [(b"origin", b"http://127.evil.example")]
    assert (await asgi_request(app, "GET", "/__admin/requests", headers=page)).status == 403
    assert (await asgi_request(app, "POST", "/__admin/reset", headers=page)).status == 403
    # the API itself still answers that page, as --cors-origin asks
    assert (await asgi_request(app, "GET", "/api/v2/tags", headers=page)).status == 200


@pytest.mark.parametrize("allowed", [("*",), ("rebound.example",)])
async def test_admin_refuses_a_host_that_is_not_loopback_whatever_is_allowed(
    compiled_spec: CompiledSpec, allowed: tuple[str, ...]
) -> None:
    app = create_app(
        MockConfig(spec_path=SPEC_PATH, log_requests=False, access=AccessRules(allowed_hosts=allowed)),
        compiled_spec,
    )
    host = b"rebound.example:4010"
    server = ("127.0.0.1", 4010)
    refused = await asgi_request(app, "GET", "/__admin/requests", host=host, server=server)
    assert refused.status == 403 and "Host" in refused.json()["detail"]
    assert (await asgi_request(app, "POST", "/__admin/reset", host=host, server=server)).status == 403
    assert (await asgi_request(app, "GET", "/api/v2/tags", host=host, server=server)).status == 200
    for loopback in (b"localhost:4010", b"127.0.0.1", b"[::1]:4010"):
        answer = await asgi_request(app, "GET", "/__admin/health", host=loopback, server=server)
        assert answer.status == 200


# ---- secrets in the journal -------------------------------------------------------------------------


async def test_the_journal_masks_secrets_as_the_recorder_does(
    compiled_spec: CompiledSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: only the token header and Authorization/cookies were masked; ``?token=``,
    ``?api_key=``, ``X-Api-Key`` and ``X-Auth-Token`` showed in clear (and the README's CI recipe
    prints the journal into CI logs)."""
    monkeypatch.setenv(TOKEN_ENV, "env-token-value-123")
    app = create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False), compiled_spec)
    secrets = [(b"x-api-key", b"key-in-header"), (b"x-auth-token", b"auth-in-header")]
    query = b"token=query-token&api_key=query-key&limit=5"
    await asgi_request(app, "GET", "/api/v2/tags", query=query, headers=secrets)
    await asgi_request(app, "POST", "/api/v2/tags", body=b'{"name": "env-token-value-123"}')
    read = await asgi_request(app, "GET", "/__admin/requests")
    text = read.body.decode()
    for secret in ("key-in-header", "auth-in-header", "query-token", "query-key", "hardening-token"):
        assert secret not in text
    assert "env-token-value-123" not in text
    first = read.json()["requests"][0]
    assert first["headers"]["x-api-key"] == REDACTED and "limit=5" in first["query"]
