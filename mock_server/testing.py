"""Run ``leeloo-mock`` inside tests: in process, in a thread on a port, or as a child process.

The one place the pytest plugin (``mock_server.pytest_plugin``) and this repository's test
helpers start a mock. Each way yields a :class:`LeelooMock`, which says where the mock is and
reads its request journal and resets its store through the ``/__admin`` endpoints, whichever way
it runs:

- :func:`in_process`: no socket at all. httpx reaches the ASGI app through a transport
  (``httpx.ASGITransport`` for async clients; :class:`SyncASGITransport` for sync ones, which
  steps the app in the calling thread). The fastest, for a mock per test.
- :func:`in_thread`: uvicorn on a free 127.0.0.1 port in a daemon thread, for code under test
  that opens its own connections (another process, a library that takes only a URL).
- :func:`in_child_process`: the ``leeloo-mock`` command line in a child process on a free
  port, with its log in a temporary file; always stopped (SIGTERM, then SIGKILL).

Under it, :func:`serving_command` runs any server's command line (the mock, Prism, the bench's
ceiling app) in a child process: on a free port or the one it announces, waited for until ready,
stopped with its process group; it yields a :class:`ChildServer` (its URL, pid, start-up time and
output). The bench, the demo and the command line's own tests start their servers with it.

Every wait is bounded (``START_TIMEOUT_S``, ``REQUEST_TIMEOUT_S``) and every mock is stopped when
its ``with`` block ends, whatever happened inside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

import httpx

from mock_server._config import MockConfig
from mock_server.server.admin import ADMIN_PREFIX
from mock_server.server.app import MockApp
from mock_server.server.assembly import create_app, load_compiled
from mock_server.spec.compiled import CompiledSpec
from mock_server.spec.document import default_spec_path

__all__ = [
    "IN_PROCESS_ORIGIN",
    "ChildServer",
    "Journal",
    "LeelooMock",
    "MockStartError",
    "ServerStartError",
    "SyncASGITransport",
    "accepts_connections",
    "app_in_process",
    "free_port",
    "in_child_process",
    "in_process",
    "in_thread",
    "mock_config",
    "serving_app",
    "serving_command",
    "stop_process",
]

IN_PROCESS_ORIGIN = "http://localhost"  # a loopback name, as the mock's Host check wants
START_TIMEOUT_S = 30.0
REQUEST_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
_LISTENING = re.compile(rb"listening on (http://\S+)")
_ANNOUNCED_WITHIN = 1 << 20  # bytes of stdout searched for the URL a server prints
_POLL_S = 0.02  # between two looks at a starting server
_PORT_ATTEMPTS = 3
_COMPILED_CACHE_SIZE = 8


class ServerStartError(RuntimeError):
    """A server in a child process exited, or was not ready, within its start-up bound."""


class MockStartError(ServerStartError):
    """The mock did not start, or did not say where it listens, within ``START_TIMEOUT_S``."""


def mock_config(spec: Path | str | None = None, *, stateful: bool = True, **options: Any) -> MockConfig:
    """A configuration for tests: Leeloo's spec unless ``spec`` names one, ``--stateful`` by default,
    no access log; ``options`` are :class:`MockConfig` fields (``dynamic=True``, ``seed=1``...)."""
    spec_path = Path(spec) if spec is not None else default_spec_path()
    options.setdefault("log_requests", False)
    return MockConfig(spec_path=spec_path, stateful=stateful, **options)


@lru_cache(maxsize=_COMPILED_CACHE_SIZE)
def _compiled(config_key: tuple[Path, Path | None], mtime_ns: int, size: int) -> CompiledSpec:
    spec_path, allow_refs_under = config_key
    return load_compiled(MockConfig(spec_path=spec_path, allow_refs_under=allow_refs_under))


def compiled_for(config: MockConfig) -> CompiledSpec:
    """The compiled spec of ``config``, compiled once per spec file version (tests build many apps)."""
    path = config.spec_path.resolve()
    stat = path.stat()
    return _compiled((path, config.allow_refs_under), stat.st_mtime_ns, stat.st_size)


def base_path_of(compiled: CompiledSpec) -> str:
    """The path the spec's first server puts in front of every operation (``/api/v2``), or ``""``."""
    paths = compiled.spec.servers_base_paths()
    return paths[0].rstrip("/") if paths else ""


class SyncASGITransport(httpx.BaseTransport):
    """A sync httpx transport that answers from an ASGI app, without a socket or a server thread.

    httpx's ``ASGITransport`` is async only; this one runs it on an event loop of its own, in the
    calling thread (in a short-lived helper thread when that thread is already running a loop, as
    inside an async test). One request runs at a time; each waits at most ``timeout`` seconds for
    its turn and as long for its answer. ``close`` does nothing, so clients can share it;
    ``shutdown`` closes the loop.

    With ``direct`` (the mock without ``--proxy``, whose app never waits on anything but the
    request's own body and sending its answer) no event loop runs at all: the app's coroutine is
    stepped once to its end, which halves the cost of a request. An app that suspends there
    anyway is an error, never a request answered twice.
    """

    def __init__(self, app: Any, *, timeout: float = REQUEST_TIMEOUT_S, direct: bool = False) -> None:
        self._app = app
        self._inner = httpx.ASGITransport(app=app)
        self._timeout = timeout
        self._direct = direct
        self._loop = asyncio.new_event_loop()
        self._lock = threading.Lock()

    async def _answer(self, request: httpx.Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = await self._inner.handle_async_request(request)
        body = b"".join([chunk async for chunk in response.aiter_raw()])
        await response.aclose()
        return response.status_code, response.headers.raw, body

    def _on_loop(self, awaitable: Awaitable[Any]) -> Any:
        async def bounded() -> Any:
            return await asyncio.wait_for(awaitable, self._timeout)

        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the usual case: a plain sync test
            return self._loop.run_until_complete(bounded())
        outcome: list[Any] = []

        def run() -> None:
            try:
                outcome.append((True, self._loop.run_until_complete(bounded())))
            except BaseException as exc:
                outcome.append((False, exc))

        helper = threading.Thread(target=run, name="leeloo-mock-asgi", daemon=True)
        helper.start()
        helper.join(self._timeout + STOP_TIMEOUT_S)
        if not outcome:
            raise TimeoutError
        succeeded, value = outcome[0]
        if not succeeded:
            raise value
        return value

    def run(self, awaitable: Awaitable[Any]) -> Any:
        """Run ``awaitable`` on the app's loop (its shutdown hooks, say) and wait for it, bounded."""
        if not self._lock.acquire(timeout=self._timeout):
            raise TimeoutError(f"the mock was busy for {self._timeout:g} s")
        try:
            if self._loop.is_closed():
                raise RuntimeError("the transport was shut down")
            return self._on_loop(awaitable)
        finally:
            self._lock.release()

    def _stepped(self, request: httpx.Request, body: bytes) -> httpx.Response:
        """The answer of an app that runs to its end without suspending (``direct``)."""
        url = request.url
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": url.scheme,
            "path": unquote(url.path),
            "raw_path": url.raw_path.split(b"?", 1)[0],
            "query_string": url.query,
            "root_path": "",
            "headers": [(name.lower(), value) for name, value in request.headers.raw],
            "client": ("127.0.0.1", 123),
            "server": (url.host, url.port or (443 if url.scheme == "https" else 80)),
        }
        sent: list[Mapping[str, Any]] = []
        received = False

        async def receive() -> dict[str, Any]:
            nonlocal received
            if received:
                return {"type": "http.disconnect"}
            received = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: Mapping[str, Any]) -> None:
            sent.append(message)

        step = self._app(scope, receive, send)
        try:
            step.send(None)
        except StopIteration:
            pass
        else:
            step.close()
            raise RuntimeError(
                "the mock's app waited on something in direct mode; serve it with direct=False"
            )
        if not sent or sent[0].get("type") != "http.response.start":
            raise RuntimeError("the mock's app ended without an answer")
        content = b"".join(bytes(message.get("body", b"")) for message in sent[1:])
        return httpx.Response(
            sent[0]["status"], headers=sent[0].get("headers", []), content=content, request=request
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        content = request.read()
        if self._direct:
            if not self._lock.acquire(timeout=self._timeout):
                raise httpx.PoolTimeout(f"the mock was busy for {self._timeout:g} s", request=request)
            try:
                return self._stepped(request, content)
            finally:
                self._lock.release()
        copied = httpx.Request(request.method, request.url, headers=request.headers, content=content)
        try:
            status, headers, body = self.run(self._answer(copied))
        except TimeoutError:
            raise httpx.ReadTimeout(
                f"the mock did not answer within {self._timeout:g} s", request=request
            ) from None
        return httpx.Response(status, headers=headers, content=body, request=request)

    def close(self) -> None:
        """Nothing: clients that borrow this transport close it with themselves; see :meth:`shutdown`."""

    def shutdown(self) -> None:
        """Close the app's event loop (the transport answers nothing after it)."""
        with self._lock:
            if not self._loop.is_closed():
                self._loop.close()


@dataclass
class LeelooMock:
    """A running mock, however it runs.

    ``url`` is its origin (``http://localhost`` in process, ``http://127.0.0.1:PORT`` otherwise);
    ``api_url`` adds the spec's base path: give that to a client. ``transport`` and
    ``async_transport`` are set in process only: a client must use them to reach the mock.
    """

    url: str
    api_url: str
    mode: str  # "in-process", "thread" or "process"
    app: MockApp | None = None
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    log_file: IO[bytes] | None = field(default=None, repr=False)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    banner: str = field(default="", repr=False)  # a child process's start-up lines (spec, operations)

    def client(self, **options: Any) -> httpx.Client:
        """A sync httpx client whose relative URLs go to ``api_url`` (close it, or use ``with``)."""
        options.setdefault("base_url", self.api_url)
        options.setdefault("timeout", REQUEST_TIMEOUT_S)
        if self.transport is not None:
            options.setdefault("transport", self.transport)
        return httpx.Client(**options)

    def async_client(self, **options: Any) -> httpx.AsyncClient:
        """The async twin of :meth:`client`."""
        options.setdefault("base_url", self.api_url)
        options.setdefault("timeout", REQUEST_TIMEOUT_S)
        if self.async_transport is not None:
            options.setdefault("transport", self.async_transport)
        return httpx.AsyncClient(**options)

    def _admin(self, method: str, path: str, **params: Any) -> httpx.Response:
        with self.client(base_url=self.url) as admin:
            response = admin.request(method, f"{ADMIN_PREFIX}/{path}", params=params or None)
        response.raise_for_status()
        return response

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        """The journal's entries, oldest first; only those of ``method`` and/or ending with ``path``.

        Each has ``method``, ``path``, ``query``, ``headers`` (secrets as ``REDACTED``), ``body``,
        ``status``, ``operationId``, ``valid`` and ``violations`` (see ``GET /__admin/requests``).
        """
        entries: list[dict[str, Any]] = self._admin("GET", "requests").json()["requests"]
        return [
            entry
            for entry in entries
            if (method is None or entry["method"] == method.upper())
            and (path is None or entry["path"].split("?", 1)[0].endswith(path))
        ]

    def journal(self) -> dict[str, Any]:
        """``GET /__admin/requests`` as it answers: ``{"meta": {...}, "requests": [...]}``."""
        journal: dict[str, Any] = self._admin("GET", "requests").json()
        return journal

    def clear_journal(self) -> None:
        """``DELETE /__admin/requests``."""
        self._admin("DELETE", "requests")

    def reset(self) -> None:
        """``POST /__admin/reset``: the store back to its seed, the journal emptied."""
        self._admin("POST", "reset")

    def log(self) -> str:
        """What a child-process mock wrote to stderr so far (``""`` for the others)."""
        return _contents(self.log_file).decode(errors="replace")


class Journal:
    """The requests a mock received, for a test's assertions (read afresh on every call)."""

    def __init__(self, mock: LeelooMock) -> None:
        self.mock = mock

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        """The entries, oldest first, of ``method`` and/or whose path ends with ``path``."""
        return self.mock.requests(method, path)

    def last(self, method: str | None = None, path: str | None = None) -> dict[str, Any]:
        """The newest matching entry; AssertionError when there is none."""
        found = self.requests(method, path)
        assert found, f"the mock received no {method or ''} request {path or ''}".replace("  ", " ")
        return found[-1]

    def invalid(self) -> list[dict[str, Any]]:
        """The entries the mock found invalid (each with its ``violations``)."""
        return [entry for entry in self.requests() if not entry["valid"]]

    def assert_all_valid(self) -> None:
        """Every request so far followed the spec; else the violations, one request a line."""
        broken = self.invalid()
        assert not broken, "requests the spec does not allow:\n" + "\n".join(
            f"{e['method']} {e['path']} -> {e['status']}: "
            + "; ".join(str(v.get("message", v)) for v in e["violations"])
            for e in broken
        )

    def clear(self) -> None:
        """Forget every request received so far."""
        self.mock.clear_journal()

    def __len__(self) -> int:
        return len(self.requests())


@contextlib.contextmanager
def in_process(config: MockConfig | None = None) -> Iterator[LeelooMock]:
    """The mock as an ASGI app reached through httpx transports: no socket, no thread per request."""
    config = config if config is not None else mock_config()
    compiled = compiled_for(config)
    with app_in_process(create_app(config, compiled), base_path_of(compiled)) as mock:
        yield mock


@contextlib.contextmanager
def app_in_process(app: MockApp, base_path: str = "") -> Iterator[LeelooMock]:
    """An app already built (a proxy with a stand-in upstream, a hand-made pipeline) reached in
    process, as :func:`in_process` reaches the one it builds; its shutdown hooks run at the end."""
    transport = SyncASGITransport(app, direct=app.handler is None)  # --proxy waits on its upstream
    try:
        yield LeelooMock(
            url=IN_PROCESS_ORIGIN,
            api_url=IN_PROCESS_ORIGIN + base_path,
            mode="in-process",
            app=app,
            transport=transport,
            async_transport=httpx.ASGITransport(app=app),
        )
    finally:
        with contextlib.suppress(Exception):  # the proxy's client; a failing close must not hide an error
            for close in app.on_shutdown:
                transport.run(close())
        transport.shutdown()


@contextlib.contextmanager
def serving_app(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """``http://HOST:PORT`` serving any ASGI ``app`` with uvicorn in a daemon thread, until the block ends."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="auto", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="leeloo-mock", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise MockStartError("the in-thread server did not start")
            time.sleep(0.01)
        yield f"http://{f'[{host}]' if family == socket.AF_INET6 else host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=STOP_TIMEOUT_S)
        sock.close()


@contextlib.contextmanager
def in_thread(
    config: MockConfig | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[LeelooMock]:
    """The mock on a real port (0: a free one), served by uvicorn in a daemon thread."""
    config = config if config is not None else mock_config()
    compiled = compiled_for(config)
    app = create_app(config, compiled)
    with serving_app(app, host, port) as url:
        yield LeelooMock(url=url, api_url=url + base_path_of(compiled), mode="thread", app=app)


def free_port() -> int:
    """A port the kernel just handed out on 127.0.0.1 (free unless another process takes it meanwhile)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def accepts_connections(url: str) -> bool:
    """Whether the host and port of ``url`` accept a TCP connection now (1 s at the most)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=1):
            return True
    except OSError:
        return False


def _contents(file: IO[bytes] | None, limit: int | None = None) -> bytes:
    """What a child wrote to ``file`` so far (its first ``limit`` bytes); pread leaves the offset
    the child shares alone."""
    if file is None:
        return b""
    descriptor = file.fileno()
    size = os.fstat(descriptor).st_size
    return os.pread(descriptor, size if limit is None else min(size, limit), 0)


def stop_process(process: subprocess.Popen[Any], *, group: bool = False) -> None:
    """SIGTERM, then SIGKILL after ``STOP_TIMEOUT_S``; ``group``: to the whole process group of a
    child started in a session of its own (a launcher and what it started with it)."""

    def send(signum: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError):
            if group:
                os.killpg(process.pid, signum)
            else:
                process.send_signal(signum)

    if process.poll() is not None:
        return
    send(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)


@dataclass
class ChildServer:
    """A server command line running in a child process, ready (see :func:`serving_command`).

    ``url`` is its origin (``http://127.0.0.1:PORT``); ``startup_s`` the seconds from spawn until
    it was ready; ``stdout_file`` and ``stderr_file`` hold what it writes (None when it writes to
    this process's own output).
    """

    name: str
    url: str
    process: subprocess.Popen[bytes] = field(repr=False)
    startup_s: float
    stdout_file: IO[bytes] | None = field(default=None, repr=False)
    stderr_file: IO[bytes] | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        """The child's process id (its process group's too)."""
        return self.process.pid

    @property
    def port(self) -> int:
        """The port it listens on."""
        port = urlsplit(self.url).port
        assert port is not None, self.url
        return port

    def output(self) -> str:
        """What it wrote to stdout so far (``""`` when not captured)."""
        return _contents(self.stdout_file).decode(errors="replace")

    def log(self) -> str:
        """What it wrote to stderr so far (``""`` when not captured)."""
        return _contents(self.stderr_file).decode(errors="replace")


def _await_ready(
    server: ChildServer,
    *,
    announced: re.Pattern[bytes],
    ready: Callable[[str], bool],
    watch: Callable[[subprocess.Popen[bytes], float], None] | None,
    started: float,
    timeout_s: float,
) -> str:
    """The server's URL once ``ready`` says so; ServerStartError if it exits, or ``timeout_s`` passes
    after ``started`` (its spawn, on ``time.perf_counter``)."""
    url = server.url
    deadline = started + timeout_s
    while True:
        code = server.process.poll()
        if code is not None:
            if server.stderr_file is None:
                raise ServerStartError(f"{server.name} exited with {code} before it was ready (see above)")
            raise ServerStartError(f"{server.name} exited with {code}: {server.log().strip()[-2000:]}")
        if not url:
            found = announced.search(_contents(server.stdout_file, _ANNOUNCED_WITHIN))
            url = found.group(1).decode() if found else ""
        if url and ready(url):
            return url
        if watch is not None:
            watch(server.process, time.perf_counter() - started)
        if time.perf_counter() >= deadline:
            where = f"answer on {url}" if url else "say where it listens"
            raise ServerStartError(f"{server.name} did not {where} within {timeout_s:g} s")
        time.sleep(_POLL_S)


def _port_was_taken(server: ChildServer) -> bool:
    return server.process.poll() is not None and "in use" in server.log()


@contextlib.contextmanager
def serving_command(
    command: Sequence[str] | Callable[[int], Sequence[str]],
    *,
    name: str | None = None,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    announced: re.Pattern[bytes] = _LISTENING,
    ready: Callable[[str], bool] = accepts_connections,
    watch: Callable[[subprocess.Popen[bytes], float], None] | None = None,
    start_timeout_s: float = START_TIMEOUT_S,
    capture_output: bool = True,
) -> Iterator[ChildServer]:
    """Any server's command line in a child process until the block ends, yielded once it is ready.

    Where it listens: a callable ``command`` is given a free 127.0.0.1 port (:func:`free_port`)
    and returns the command line that listens there; should another process take that port first
    (the server exits saying "in use"), it runs again on another, three times at the most. A
    command line given as it is chooses its port and prints its URL on stdout, where the first
    group of ``announced`` finds it (leeloo-mock's ``listening on URL`` by default).

    It is ready once ``ready(url)`` is true (by default, once the port accepts a connection).
    ``watch(process, seconds)`` runs between two polls while it starts, ``seconds`` after its
    spawn: raise :class:`ServerStartError` there to give up (on a memory bound, say).
    ServerStartError too when it exits first, or is not ready within ``start_timeout_s``.

    Its stdout and stderr go to temporary files (a chatty server never blocks on a full pipe):
    :meth:`ChildServer.output` and :meth:`ChildServer.log` read them. ``capture_output=False``
    leaves both on this process's own (a demo shows them); the command must then be a callable.

    It runs in a session of its own; when the block ends, or the start fails, its process group
    gets SIGTERM, then SIGKILL after ``STOP_TIMEOUT_S`` (:func:`stop_process`).
    """
    if not capture_output and not callable(command):
        raise ValueError("a server whose output is not captured cannot announce its URL: give a callable")
    for attempt in range(1, _PORT_ATTEMPTS + 1):
        if callable(command):
            port = free_port()
            argv = [str(part) for part in command(port)]
        else:  # 0: the server's own choice, announced
            port, argv = 0, [str(part) for part in command]
        label = name or Path(argv[0]).name
        with contextlib.ExitStack() as cleanup:
            stdout_file = cleanup.enter_context(tempfile.TemporaryFile()) if capture_output else None
            stderr_file = cleanup.enter_context(tempfile.TemporaryFile()) if capture_output else None
            started = time.perf_counter()
            try:
                process = subprocess.Popen(
                    argv,
                    cwd=cwd,
                    env=dict(env) if env is not None else None,
                    stdin=subprocess.DEVNULL,
                    stdout=stdout_file,
                    stderr=stderr_file,
                    start_new_session=True,
                )
            except OSError as exc:
                raise ServerStartError(f"{label} cannot be run: {exc}") from exc
            cleanup.callback(stop_process, process, group=True)
            server = ChildServer(
                name=label,
                url=f"http://127.0.0.1:{port}" if port else "",
                process=process,
                startup_s=0.0,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            try:
                server.url = _await_ready(
                    server,
                    announced=announced,
                    ready=ready,
                    watch=watch,
                    started=started,
                    timeout_s=start_timeout_s,
                )
            except ServerStartError:
                if port and attempt < _PORT_ATTEMPTS and _port_was_taken(server):
                    continue
                raise
            server.startup_s = round(time.perf_counter() - started, 3)
            yield server
            return


@contextlib.contextmanager
def in_child_process(
    *options: str,
    spec: Path | str | None = None,
    command: Sequence[str] | None = None,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    base_path: str = "/api/v2",
    port: int | None = 0,
) -> Iterator[LeelooMock]:
    """``leeloo-mock [SPEC] --port 0 OPTIONS...`` in a child process until the block ends.

    ``command`` replaces ``python -m mock_server`` (for example an installed ``leeloo-mock``);
    ``base_path`` is what ``api_url`` adds to the origin (Leeloo's ``/api/v2`` by default);
    ``port`` None leaves the port to ``options`` (``-p 4011``), else ``--port PORT`` is added.
    Started by :func:`serving_command`: the URL is the one its "listening on" line gives.
    """
    argv = [*(command or (sys.executable, "-m", "mock_server"))]
    if spec is not None:
        argv.append(str(spec))
    argv += [*(() if port is None else ("--port", str(port))), *options]
    with contextlib.ExitStack() as running:
        try:
            server = running.enter_context(serving_command(argv, name="leeloo-mock", cwd=cwd, env=env))
        except ServerStartError as exc:
            raise MockStartError(str(exc)) from exc
        yield LeelooMock(
            url=server.url,
            api_url=server.url + base_path,
            mode="process",
            log_file=server.stderr_file,
            process=server.process,
            banner=server.output(),
        )
