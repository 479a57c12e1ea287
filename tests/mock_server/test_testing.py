"""``mock_server.testing``: the three ways to run the mock in tests, and what a test reads of it."""

from __future__ import annotations

import asyncio
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server._serving import START_TIMEOUT_S, STOP_TIMEOUT_S, ServerStartError, serving_command
from mock_server.testing import (
    LeelooMock,
    SyncASGITransport,
    in_child_process,
    in_process,
    in_thread,
    mock_config,
)
from tests.mock_server.conftest import TOKEN_HEADER
from tests.mock_server.inner_pytest import run_pytest

REPO = Path(__file__).resolve().parents[2]


def _round_trip(mock_client: httpx.Client) -> None:
    assert mock_client.get("/tags", headers=TOKEN_HEADER).status_code == 200


def test_in_process_needs_no_socket_and_journals(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_socket(*args: object, **kwargs: object) -> None:
        raise AssertionError("in process, nothing opens a socket")

    with in_process() as mock:
        monkeypatch.setattr("socket.socket.connect", no_socket)
        with mock.client() as http:
            _round_trip(http)
        assert mock.api_url == "http://localhost/api/v2"
        assert [e["operationId"] for e in mock.requests("GET", "/tags")] == ["list_tags"]


def test_in_process_serves_async_clients_too() -> None:
    async def call(mock_url: str, transport: httpx.AsyncBaseTransport) -> int:
        async with httpx.AsyncClient(transport=transport, base_url=mock_url) as http:
            return (await http.get("/tags", headers=TOKEN_HEADER)).status_code

    with in_process() as mock:
        assert mock.async_transport is not None
        assert asyncio.run(call(mock.api_url, mock.async_transport)) == 200


def test_a_closed_client_leaves_the_shared_transport_serving() -> None:
    with in_process() as mock:
        with mock.client() as first:
            _round_trip(first)
        with mock.client() as second:
            _round_trip(second)


def test_reset_and_clear_through_the_admin_endpoints() -> None:
    with in_process(mock_config(stateful=True)) as mock, mock.client(headers=TOKEN_HEADER) as http:
        person = http.get("/people").json()["data"][0]
        http.put(f"/people/{person['id']}", json={"email": "new@example.com"})
        assert http.get(f"/people/{person['id']}").json()["data"]["email"] == "new@example.com"
        mock.reset()
        assert http.get(f"/people/{person['id']}").json()["data"]["email"] == person["email"]
        mock.clear_journal()
        assert mock.journal()["meta"]["total"] == 0


def test_a_sync_client_works_inside_an_async_test_too() -> None:
    """A running loop in the calling thread: the transport runs the app from a helper thread."""

    async def inside(mock_client: httpx.Client) -> int:
        return mock_client.get("/tags", headers=TOKEN_HEADER).status_code

    with in_process() as mock, mock.client() as http:
        assert asyncio.run(inside(http)) == 200
        assert http.get("/tags", headers=TOKEN_HEADER).status_code == 200


def test_direct_stepping_answers_as_the_event_loop_does() -> None:
    """Direct mode (no loop) and the loop path give the same status, headers and body."""
    calls: list[tuple[str, str, dict[str, object]]] = [
        ("GET", "/tags", {}),
        ("GET", "/people", {"params": {"limit": "many"}}),
        ("GET", "/people/5b3f543bb2737000133d25b0%2Fx", {}),
        ("POST", "/people", {"json": {"name": "A", "email": "a@b.co", "phone": "1", "leadgentool_id": "x"}}),
        ("HEAD", "/tags", {}),
        ("DELETE", "/tags", {}),
        ("GET", "/tags", {"headers": {"Prefer": "code=401"}}),
    ]
    config = mock_config(stateful=False)
    headers = {**TOKEN_HEADER, "x-request-id": "same-in-both"}  # else each answer gets its own id
    with in_process(config) as mock:
        assert mock.app is not None
        looped = SyncASGITransport(mock.app)
        try:
            for method, path, options in calls:
                with (
                    httpx.Client(transport=mock.transport, base_url=mock.api_url, headers=headers) as direct,
                    httpx.Client(transport=looped, base_url=mock.api_url, headers=headers) as loop,
                ):
                    one = direct.request(method, path, **options)  # type: ignore[arg-type]
                    other = loop.request(method, path, **options)  # type: ignore[arg-type]
                assert (one.status_code, one.content) == (other.status_code, other.content), (method, path)
                assert sorted(one.headers.items()) == sorted(other.headers.items())
        finally:
            looped.shutdown()


def test_direct_stepping_refuses_an_app_that_waits() -> None:
    async def waits(scope: object, receive: object, send: object) -> None:
        await asyncio.sleep(0)

    transport = SyncASGITransport(waits, direct=True)
    with httpx.Client(transport=transport, base_url="http://localhost") as http, pytest.raises(RuntimeError):
        http.get("/")


def test_sync_transport_times_out_on_an_app_that_never_answers() -> None:
    async def silent(scope: object, receive: object, send: object) -> None:
        await asyncio.sleep(60)

    transport = SyncASGITransport(silent, timeout=0.2)
    try:
        with (
            httpx.Client(transport=transport, base_url="http://localhost") as http,
            pytest.raises(httpx.ReadTimeout),
        ):
            http.get("/")
    finally:
        transport.shutdown()


def test_in_thread_listens_on_a_free_loopback_port() -> None:
    with in_thread(mock_config(stateful=False)) as mock:
        assert mock.url.startswith("http://127.0.0.1:")
        with mock.client() as http:
            _round_trip(http)
        assert mock.journal()["meta"]["total"] == 1


def test_in_child_process_runs_the_command_line_and_stops_it() -> None:
    with in_child_process("--stateful", cwd=REPO) as mock:
        with mock.client() as http:
            _round_trip(http)
        assert mock.requests("GET", "/tags")[0]["status"] == 200
        process = mock.process
    assert process is not None and process.poll() is not None


def _http_server(port: int) -> list[str]:
    """Python's own file server on ``port``, unbuffered: its lines are in the files as it writes them."""
    return [sys.executable, "-u", "-m", "http.server", str(port), "--bind", "127.0.0.1"]


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(") ", 1)[1][:1] != "Z"


def test_serving_command_runs_any_server_on_a_free_port_and_stops_it(tmp_path: Path) -> None:
    with serving_command(_http_server, name="http.server", cwd=tmp_path) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert httpx.get(server.url + "/").status_code == 200
        assert server.pid == server.process.pid and _running(server.pid)
        assert 0 < server.startup_s < START_TIMEOUT_S
        assert f"port {server.port}" in server.output()
        assert '"GET / HTTP/1.1" 200' in server.log()  # written before the answer is sent
    assert server.process.poll() is not None and not _running(server.pid)


def test_serving_command_reads_the_url_a_server_announces(tmp_path: Path) -> None:
    announced = re.compile(rb"\((http://127\.0\.0\.1:\d+)/\)")  # "Serving HTTP on ... (http://...:PORT/)"
    with serving_command(_http_server(0), announced=announced, cwd=tmp_path) as server:
        assert server.port != 0 and server.name == Path(sys.executable).name
        assert httpx.get(server.url + "/").status_code == 200


def test_serving_command_moves_to_another_port_when_its_port_is_taken(tmp_path: Path) -> None:
    given: list[int] = []

    def first_on_a_taken_port(port: int) -> list[str]:
        given.append(port)
        return _http_server(taken.getsockname()[1] if len(given) == 1 else port)

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with serving_command(first_on_a_taken_port, cwd=tmp_path) as server:
            assert len(given) == 2 and server.port == given[1]
            assert httpx.get(server.url + "/").status_code == 200


def test_serving_command_reports_a_server_that_exits_while_starting() -> None:
    says = "import sys; sys.exit('cannot read spec.yaml')"
    with (
        pytest.raises(ServerStartError, match=r"^x exited with 1: cannot read spec\.yaml$"),
        serving_command(lambda port: [sys.executable, "-c", says], name="x"),
    ):
        pytest.fail("a server that exited was taken as ready")


def test_serving_command_gives_up_at_its_bound_and_stops_the_child(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    silent = f"import os, pathlib, time; pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))"
    silent += "; time.sleep(60)"
    started = time.perf_counter()
    with (
        pytest.raises(ServerStartError, match=r"did not answer on http://127\.0\.0\.1:\d+ within 1 s"),
        serving_command(lambda port: [sys.executable, "-c", silent], start_timeout_s=1),
    ):
        pytest.fail("a server that never listened was taken as ready")
    assert time.perf_counter() - started < 1 + STOP_TIMEOUT_S
    assert not _running(int(pid_file.read_text()))


def test_a_watch_that_raises_gives_up_the_start() -> None:
    watched: list[int] = []

    def too_big(process: subprocess.Popen[bytes], seconds: float) -> None:
        assert 0 <= seconds < START_TIMEOUT_S
        watched.append(process.pid)
        raise ServerStartError("past the memory bound")

    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    with (
        pytest.raises(ServerStartError, match="past the memory bound"),
        serving_command(lambda port: sleeper, watch=too_big),
    ):
        pytest.fail("the watch's error was lost")
    assert len(watched) == 1 and not _running(watched[0])


def test_serving_command_stops_what_the_server_started_too(tmp_path: Path) -> None:
    """The child runs in a session of its own: the stop reaches its whole process group."""
    pid_file = tmp_path / "grandchild"

    def launcher(port: int) -> list[str]:
        server = " ".join(shlex.quote(part) for part in _http_server(port))
        return ["sh", "-c", f"sleep 60 & echo $! > {shlex.quote(str(pid_file))}; exec {server}"]

    with serving_command(launcher, cwd=tmp_path):
        grandchild = int(pid_file.read_text())
        assert _running(grandchild)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _running(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(grandchild)


def test_uncaptured_output_goes_to_this_process_own(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with serving_command(_http_server, cwd=tmp_path, capture_output=False) as server:
        assert httpx.get(server.url + "/").status_code == 200
        assert server.log() == "" and server.output() == ""
    assert '"GET / HTTP/1.1" 200' in capfd.readouterr().err
    with pytest.raises(ValueError, match="cannot announce"), serving_command(["x"], capture_output=False):
        pytest.fail("an uncaptured server cannot say where it listens")


def test_plugin_example_in_every_mode(pytester: pytest.Pytester) -> None:
    """The example users copy, through the plugin, per test and per session, in process and in a thread."""
    for options in ((), ("--leeloo-mock-scope=session",), ("--leeloo-mock-serve=thread",)):
        started = time.perf_counter()
        done = run_pytest(pytester, str(REPO / "examples" / "pytest_plugin"), *options)
        assert done.ret == 0, f"{options}: {done.stdout.str()[-3000:]}{done.stderr.str()[-2000:]}"
        done.assert_outcomes(passed=6)
        assert time.perf_counter() - started < 120


def test_plugin_settings_that_are_not_allowed_are_usage_errors(pytester: pytest.Pytester) -> None:
    done = run_pytest(pytester, "-o", "leeloo_mock_scope=week", str(REPO / "examples" / "pytest_plugin"))
    assert done.ret == pytest.ExitCode.USAGE_ERROR
    assert "leeloo_mock_scope is 'week'" in done.stderr.str()


def test_the_client_fixture_says_what_is_missing_without_leeloo_client(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user=(
            "import sys\n"
            "sys.modules['leeloo_client'] = None  # as if leeloo-client were not installed\n\n"
            "def test_uses_the_client(leeloo_client):\n"
            "    pass\n\n"
            "def test_uses_the_mock_only(leeloo_mock):\n"
            "    with leeloo_mock.client(headers={'X-Leeloo-AuthToken': 't'}) as http:\n"
            "        assert http.get('/tags').status_code == 200\n"
        )
    )
    done = run_pytest(pytester)
    assert done.ret == pytest.ExitCode.TESTS_FAILED, done.stdout.str()[-2000:]
    done.assert_outcomes(passed=1, errors=1)  # a fixture that fails is an error of the test
    done.stdout.fnmatch_lines(["*needs the leeloo-client package*"])
    assert sys.modules.get("leeloo_client") is not None  # the user's stand-in went with the run


def test_the_users_surface_is_small_and_the_runners_under_it_are_private() -> None:
    """What a user imports from mock_server.testing: at most eight names, each its own; the
    child-process and thread runners that the bench and the demo share live in
    mock_server._serving and none of them is re-exported."""
    import mock_server._serving as serving
    import mock_server.testing as testing

    surface = set(testing.__all__)
    assert len(surface) == len(testing.__all__) <= 8
    assert all(getattr(testing, name).__module__ == testing.__name__ for name in surface)
    runners = {
        name for name, value in vars(serving).items() if getattr(value, "__module__", "") == serving.__name__
    }
    assert {"ChildServer", "serving_command", "free_port", "stop_process"} <= runners
    assert not surface & runners
    assert issubclass(testing.MockStartError, ServerStartError)


# --- log_when: a log line written after the answer, waited for with a bound ---------------------


def _mock_logging_to(log_file: Any) -> LeelooMock:
    return LeelooMock(
        url="http://127.0.0.1:1", api_url="http://127.0.0.1:1", mode="process", log_file=log_file
    )


def test_log_when_waits_for_a_line_written_after_the_answer(tmp_path: Path) -> None:
    with (tmp_path / "stderr").open("w+b") as log_file:
        mock = _mock_logging_to(log_file)
        log_file.write(b"GET /api/v2/tags 429 1.0ms\n")
        log_file.flush()

        def write_late() -> None:
            log_file.write(b"GET /api/v2/tags 429 1.1ms\n")
            log_file.flush()

        late = threading.Timer(0.3, write_late)
        late.start()
        try:
            assert mock.log().count(" 429 ") == 1  # what reading at once saw: the race
            started = time.monotonic()
            log = mock.log_when(lambda text: text.count(" 429 ") >= 2)
        finally:
            late.join()
        assert log.count(" 429 ") == 2 and time.monotonic() - started < 5


def test_log_when_gives_up_at_its_bound_and_returns_the_log_as_it_stands(tmp_path: Path) -> None:
    with (tmp_path / "stderr").open("w+b") as log_file:
        log_file.write(b"GET /api/v2/tags 200 1.0ms\n")
        log_file.flush()
        started = time.monotonic()
        log = _mock_logging_to(log_file).log_when(lambda text: "never" in text, timeout_s=0.2)
        assert 0.2 <= time.monotonic() - started < 2
        assert log == "GET /api/v2/tags 200 1.0ms\n"
