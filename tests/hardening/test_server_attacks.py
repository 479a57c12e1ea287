"""Attacks on the server itself ("Hard to break, round 2"): each must get a clear, fast answer.

- Slow and idle connections: idle sockets are closed after ``--idle-timeout``, a head that
  trickles in is cut off with 408 after ``--header-timeout``, connections past
  ``--max-connections`` get an immediate 503, and an oversized header block or URL gets 431 / 414
  at once instead of being buffered.
- Half a request: a body cut short by a disconnect is never acted on.
- CORS and Host: only loopback origins (or those given with ``--cors-origin``) are answered, and
  a Host header that does not name this server (DNS rebinding) gets 421.
- ``--stateful`` memory: the store is capped by bytes (``--max-store-bytes``) as well as records.

Every wait and loop below is bounded; the processes are stopped by ``run_mock``.
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.server.config import AccessRules
from tests.hardening._asgi import asgi_request
from tests.hardening.conftest import SPEC_PATH, TOKEN_HEADER, MockProcess, run_mock
from tests.hardening.test_socket_level import RawAnswer, _read_answer

TOKEN_LINE = b"X-Leeloo-AuthToken: hardening-token\r\n"
PERSON = {
    "email": "big@example.com",
    "phone": "+380950000003",
    "leadgentool_id": "609290d3e060416cdea6823e",
    "connected_users_ids": [],
}
ALL_TIME = {"filter[last_message][from]": "2000-01-01", "filter[last_message][to]": "2100-01-01"}


def _connect(mock: MockProcess, timeout: float = 10) -> socket.socket:
    return socket.create_connection(("127.0.0.1", mock.port), timeout=timeout)


def _get_tags(host: bytes = b"127.0.0.1", extra: bytes = b"") -> bytes:
    return (
        b"GET /api/v2/tags HTTP/1.1\r\nHost: "
        + host
        + b"\r\n"
        + TOKEN_LINE
        + extra
        + b"Connection: close\r\n\r\n"
    )


def _send_and_read(mock: MockProcess, raw: bytes, timeout: float = 15) -> tuple[RawAnswer, float]:
    """Send ``raw`` from a thread (the server may answer before reading it all); the answer and its time."""
    with _connect(mock, timeout) as sock:
        started = time.monotonic()

        def send() -> None:
            with contextlib.suppress(OSError):  # the server refused and closed before reading it all
                sock.sendall(raw)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        answer = _read_answer(sock)
        elapsed = time.monotonic() - started
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sender.join(timeout=15)
    return answer, elapsed


def _closed_by_peer(sock: socket.socket, within: float) -> bool:
    """True when the server closes ``sock`` (EOF or reset) within ``within`` seconds; data is read past."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            if sock.recv(65536) == b"":
                return True
        except TimeoutError:
            return False
        except OSError:
            return True
    return False


# ---- 1. slow and idle connections ---------------------------------------------------------------


def test_connections_past_the_limit_get_a_fast_503_and_idle_ones_are_closed() -> None:
    """60 idle sockets against ``--max-connections 50``: a new client is answered at once, idle ones go."""
    with run_mock("--max-connections", "50", "--idle-timeout", "1", "--header-timeout", "2") as mock:
        idle = [_connect(mock) for _ in range(60)]
        try:
            answer, elapsed = _send_and_read(mock, _get_tags(), timeout=5)
            assert answer.status == 503, answer
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert elapsed < 1.0, f"the refusal took {elapsed:.2f}s"
            closed = sum(_closed_by_peer(sock, within=4) for sock in idle)
            assert closed == 60, f"{60 - closed} idle sockets still open after the idle timeout"
        finally:
            for sock in idle:
                sock.close()
        answer, _ = _send_and_read(mock, _get_tags())
        assert answer.status == 200
        mock.assert_serving()


def test_a_kept_alive_connection_is_closed_after_the_idle_timeout() -> None:
    with run_mock("--idle-timeout", "1") as mock, _connect(mock) as sock:
        sock.sendall(b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + b"\r\n")
        assert _read_answer(sock).status == 200
        started = time.monotonic()
        assert _closed_by_peer(sock, within=4)
        assert time.monotonic() - started >= 0.5


def test_a_kept_alive_connection_idle_past_the_header_timeout_is_still_served() -> None:
    """The header timeout runs from a head's first byte, not from the previous answer."""
    with run_mock("--idle-timeout", "3", "--header-timeout", "0.5") as mock, _connect(mock) as sock:
        kept = b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + b"\r\n"
        sock.sendall(kept)
        assert _read_answer(sock).status == 200
        time.sleep(1.2)
        sock.sendall(kept)
        assert _read_answer(sock).status == 200


def test_a_head_that_trickles_in_is_cut_off_with_408() -> None:
    """Slowloris: one header byte every 0.2 s; the server answers 408 and closes after the header timeout."""
    with run_mock("--header-timeout", "1") as mock, _connect(mock) as sock:
        sock.sendall(b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        started = time.monotonic()
        cut_off = False
        while time.monotonic() - started < 5 and not cut_off:
            try:
                sock.sendall(b"a")
            except OSError:  # reset: the server closed the connection
                cut_off = True
                break
            readable, _, _ = select.select([sock], [], [], 0.2)  # an answer or a close
            cut_off = bool(readable)
        elapsed = time.monotonic() - started
        assert cut_off, "the trickling head was still being read after 5 s"
        assert elapsed < 3, f"cut off only after {elapsed:.1f}s"
        sock.settimeout(5)
        assert _read_answer(sock).status == 408
        mock.assert_serving()


@pytest.fixture(scope="module")
def default_mock() -> Any:
    with run_mock() as running:
        yield running


def test_an_oversized_header_block_gets_a_fast_431(default_mock: MockProcess) -> None:
    """8 MiB of headers (default bound 64 KiB): 431 at once, nothing buffered."""
    raw = _get_tags(extra=b"X-Big: " + b"a" * (8 << 20) + b"\r\n")
    answer, elapsed = _send_and_read(default_mock, raw)
    assert answer.status == 431, answer
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert json.loads(answer.body)["status"] == 431
    assert elapsed < 2, f"took {elapsed:.2f}s"
    default_mock.assert_serving()


def test_many_small_headers_past_the_bound_get_431(default_mock: MockProcess) -> None:
    raw = _get_tags(extra=b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 40) for i in range(3000)))  # ~150 KiB
    answer, _ = _send_and_read(default_mock, raw)
    assert answer.status == 431, answer


def test_an_oversized_url_gets_a_fast_414(default_mock: MockProcess) -> None:
    """An 8 MiB request target (default bound 16 KiB): 414 at once."""
    raw = (
        b"GET /api/v2/tags?x=" + b"a" * (8 << 20) + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + b"\r\n"
    )
    answer, elapsed = _send_and_read(default_mock, raw)
    assert answer.status == 414, answer
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert elapsed < 2, f"took {elapsed:.2f}s"
    default_mock.assert_serving()


def test_heads_within_the_bounds_are_served(default_mock: MockProcess) -> None:
    """Just under both bounds (60 KiB of headers, a 15 KiB URL): answered normally."""
    answer, _ = _send_and_read(default_mock, _get_tags(extra=b"X-Big: " + b"a" * (60 << 10) + b"\r\n"))
    assert answer.status == 200, answer
    target = b"/api/v2/tags?x=" + b"a" * (15 << 10)
    raw = b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE + b"Connection: close\r\n\r\n"
    answer, _ = _send_and_read(default_mock, raw)
    assert answer.status != 414 and answer.status < 500, answer


def test_a_body_that_trickles_in_past_the_body_timeout_gets_408_and_does_nothing() -> None:
    body = json.dumps({**PERSON, "name": "Slow Body"}).encode()
    with run_mock("--stateful", "--body-timeout", "1") as mock:
        before = _people_count(mock)
        head = b"POST /api/v2/people HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE
        head += b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
        with _connect(mock) as sock:
            sock.sendall(head + body[:10])
            started = time.monotonic()
            answer = _read_answer(sock)
            elapsed = time.monotonic() - started
        assert answer.status == 408, answer
        assert 0.5 < elapsed < 3, f"answered after {elapsed:.2f}s"
        assert _people_count(mock) == before
        mock.assert_serving()


# ---- 2. half a request ----------------------------------------------------------------------------


def _people_count(mock: MockProcess) -> int:
    response = httpx.get(
        f"{mock.api}/people", params={**ALL_TIME, "limit": 1}, headers={"X-Leeloo-AuthToken": "t"}, timeout=10
    )
    assert response.status_code == 200
    return int(response.json()["meta"]["totalCount"])


def test_a_body_cut_short_by_a_disconnect_is_not_acted_on() -> None:
    body = json.dumps(
        {
            "name": "Half Request",
            "email": "half@example.com",
            "phone": "+380950000001",
            "leadgentool_id": "609290d3e060416cdea6823e",
            "connected_users_ids": [],
        }
    ).encode()
    with run_mock("--stateful") as mock:
        before = _people_count(mock)
        head = b"POST /api/v2/people HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN_LINE
        head += b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (len(body) + 100)
        for _ in range(3):
            with _connect(mock) as sock:
                sock.sendall(head + body)  # a whole JSON document, but 100 bytes short of the length
                time.sleep(0.2)
        time.sleep(0.5)  # the server has seen every disconnect
        assert _people_count(mock) == before
        mock.assert_serving()


async def test_the_app_ignores_a_request_whose_body_ends_in_a_disconnect(compiled_spec: CompiledSpec) -> None:
    """In-process: ``http.disconnect`` before ``more_body`` ends means no answer and no change."""
    app = create_app(MockConfig(spec_path=SPEC_PATH, stateful=True, log_requests=False), compiled_spec)
    body = json.dumps({**PERSON, "name": "Half"}).encode()
    messages = [
        {"type": "http.request", "body": body, "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Any] = []

    async def receive() -> Any:
        return messages.pop(0)

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v2/people",
        "raw_path": b"/api/v2/people",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"x-leeloo-authtoken", b"t"),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body) + 10).encode()),
        ],
        "server": ("127.0.0.1", 80),
    }
    store: Any = app.pipeline.store
    before = store.count("people")
    await app(scope, receive, send)
    assert store.count("people") == before
    assert sent == []  # nobody to answer


# ---- 3. CORS and Host -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def secure_app(compiled_spec: CompiledSpec) -> Any:
    return create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False), compiled_spec)


@pytest.mark.parametrize("origin", [b"http://evil.example", b"null", b"http://localhost.evil.example:4010"])
async def test_a_foreign_origin_is_refused_without_cors_grant(secure_app: Any, origin: bytes) -> None:
    response = await asgi_request(secure_app, "GET", "/api/v2/tags", headers=[(b"origin", origin)])
    assert response.status == 403
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers


async def test_a_foreign_origin_cannot_preflight(secure_app: Any) -> None:
    headers = [(b"origin", b"https://evil.example"), (b"access-control-request-method", b"POST")]
    response = await asgi_request(secure_app, "OPTIONS", "/api/v2/people", headers=headers)
    assert response.status == 403
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("origin", ["http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080"])
async def test_a_loopback_origin_gets_credentialed_cors(secure_app: Any, origin: str) -> None:
    response = await asgi_request(secure_app, "GET", "/api/v2/tags", headers=[(b"origin", origin.encode())])
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == origin
    assert response.headers["access-control-allow-credentials"] == "true"
    assert "Origin" in response.headers["vary"]


async def test_cors_origin_star_grants_any_origin_without_credentials(compiled_spec: CompiledSpec) -> None:
    config = MockConfig(spec_path=SPEC_PATH, log_requests=False, access=AccessRules(cors_origins=("*",)))
    app = create_app(config, compiled_spec)
    response = await asgi_request(app, "GET", "/api/v2/tags", headers=[(b"origin", b"https://app.example")])
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers


async def test_a_named_cors_origin_replaces_the_loopback_default(compiled_spec: CompiledSpec) -> None:
    access = AccessRules(cors_origins=("https://app.example",))
    config = MockConfig(spec_path=SPEC_PATH, log_requests=False, access=access)
    app = create_app(config, compiled_spec)
    allowed = await asgi_request(app, "GET", "/api/v2/tags", headers=[(b"origin", b"https://app.example")])
    assert allowed.status == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    other = await asgi_request(app, "GET", "/api/v2/tags", headers=[(b"origin", b"http://localhost:3000")])
    assert other.status == 403


@pytest.mark.parametrize(
    "host", [b"rebind.attacker.example:4010", b"rebind.attacker.example", b"localhost:9999"]
)
async def test_a_foreign_host_is_refused_with_421(secure_app: Any, host: bytes) -> None:
    response = await asgi_request(secure_app, "GET", "/api/v2/tags", host=host, server=("127.0.0.1", 4010))
    assert response.status == 421
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("host", [b"127.0.0.1:4010", b"localhost:4010", b"[::1]:4010", b"LOCALHOST"])
async def test_loopback_hosts_are_served(secure_app: Any, host: bytes) -> None:
    response = await asgi_request(secure_app, "GET", "/api/v2/tags", host=host, server=("127.0.0.1", 4010))
    assert response.status == 200


def test_dns_rebinding_over_a_socket_gets_421_unless_the_host_is_allowed() -> None:
    with run_mock("--allowed-host", "mock.internal") as mock:
        port = str(mock.port).encode()
        refused, _ = _send_and_read(mock, _get_tags(host=b"rebind.attacker.example:" + port))
        assert refused.status == 421, refused
        for host in (b"127.0.0.1:" + port, b"localhost:" + port, b"mock.internal:" + port):
            answer, _ = _send_and_read(mock, _get_tags(host=host))
            assert answer.status == 200, (host, answer)


# ---- 4. --stateful memory is capped by bytes ------------------------------------------------------


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_the_store_is_capped_by_bytes() -> None:
    """120 creates with a 512 KiB name against ``--max-store-bytes 8 MiB``: 507 once full, memory flat."""
    name = "n" * (512 << 10)
    body = {**PERSON, "name": name}
    with (
        run_mock("--stateful", "--max-store-bytes", str(8 << 20)) as mock,
        httpx.Client(base_url=mock.api, headers=TOKEN_HEADER, timeout=30) as client,
    ):
        rss_before = _rss_kib(mock.process.pid)
        statuses = [client.post("/people", json=body).status_code for _ in range(120)]
        rss_growth_mib = (_rss_kib(mock.process.pid) - rss_before) / 1024
        assert set(statuses) <= {200, 507}, statuses
        assert 4 <= statuses.count(200) <= 16, statuses  # a create stores the name in two records
        assert statuses[-1] == 507
        assert rss_growth_mib < 30, f"RSS grew {rss_growth_mib:.0f} MiB"
        assert client.get("/tags").status_code == 200


def test_an_update_past_the_byte_cap_is_refused_and_changes_nothing(
    compiled_spec: CompiledSpec,
) -> None:
    """The byte cap counts growth by updates too; a shrinking update always fits."""
    from mock_server.stateful.seam import StatefulRequest
    from mock_server.stateful.store import StatefulStore

    spec = compiled_spec.spec.document
    seeded = StatefulStore.from_spec(spec).store_bytes
    store = StatefulStore.from_spec(spec, max_store_bytes=seeded + 200_000)
    person = {"person_id": "5e1c7ce2b4066a01900cdba0"}  # a seeded person

    def update(value: str) -> int:
        field = {"type": "KEYWORD", "name": "notes", "value": value}
        result = store.handle(StatefulRequest("update_person", person, {}, {"custom_fields": [field]}))
        assert result is not None
        return result.status

    assert update("a" * 150_000) == 200
    before = store.store_bytes
    assert update("b" * 250_000) == 507
    assert store.store_bytes == before  # refused: nothing changed
    assert update("short") == 200
    assert store.store_bytes < before


# ---- the policies and options, unit by unit ---------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("http://localhost", True),
        ("http://localhost:3000", True),
        ("HTTP://LOCALHOST:3000", True),
        ("https://[::1]:8443", True),
        ("http://localhost:3000x", False),
        ("http://localhost.evil.example", False),
        ("http://127.0.0.1.evil.example:80", False),
        ("null", False),
        ("file://", False),
    ],
)
def test_the_default_origins_are_the_loopback_ones(origin: str, allowed: bool) -> None:
    from mock_server.server.config import DEFAULT_CORS_ORIGINS
    from mock_server.server.guard import OriginPolicy

    assert OriginPolicy(DEFAULT_CORS_ORIGINS).allows(origin) is allowed


@pytest.mark.parametrize(
    ("host", "server", "allowed"),
    [
        ("127.0.0.1:4010", ("127.0.0.1", 4010), True),
        ("[::1]:4010", ("::1", 4010), True),
        ("localhost", ("127.0.0.1", 4010), True),
        ("10.1.2.3:4010", ("10.1.2.3", 4010), True),  # the address the connection came in on
        ("10.1.2.3:4010", ("127.0.0.1", 4010), False),
        ("mock.internal:80", ("127.0.0.1", 4010), True),  # --allowed-host mock.internal: any port
        ("api.test:8080", ("127.0.0.1", 4010), True),  # --allowed-host api.test:8080
        ("api.test:8081", ("127.0.0.1", 4010), False),
        ("rebind.example:4010", ("127.0.0.1", 4010), False),
        ("[::1]:4010", None, True),
    ],
)
def test_the_host_policy(host: str, server: tuple[str, int] | None, allowed: bool) -> None:
    from mock_server.server.guard import HostPolicy

    assert HostPolicy(("mock.internal", "api.test:8080")).allows(host, server) is allowed
    assert HostPolicy(("*",)).allows(host, server)


def test_an_ipv6_host_option_is_a_bracketed_name() -> None:
    from mock_server.server.guard import HostPolicy

    assert HostPolicy(("::1",)).allows("[::1]:9", ("::1", 4010))  # --host ::1: any port


@pytest.mark.parametrize(
    "argv",
    [
        ["--idle-timeout", "0"],
        ["--header-timeout", "-1"],
        ["--body-timeout", "soon"],
        ["--max-connections", "0"],
        ["--max-url-size", "0"],
        ["--max-header-size", "x"],
        ["--max-store-bytes", "0"],
    ],
)
def test_bounds_that_make_no_sense_are_usage_errors(argv: list[str]) -> None:
    from mock_server.cli import build_parser

    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    assert stopped.value.code == 2
