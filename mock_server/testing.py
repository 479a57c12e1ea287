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

Under them, ``mock_server._serving`` runs a server in a thread or a command line in a child
process (the bench, the demo and the command line's own tests use it directly); it is not part of
this module's surface, which is the names in ``__all__``.

Every wait is bounded (``START_TIMEOUT_S``, ``REQUEST_TIMEOUT_S``) and every mock is stopped when
its ``with`` block ends, whatever happened inside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote

import httpx

from mock_server._config import MockConfig
from mock_server._serving import (
    STOP_TIMEOUT_S,
    ServerStartError,
    file_contents,
    serving_app,
    serving_command,
)
from mock_server.faults.delivery import STEPPED_EXTENSION, ConnectionFault
from mock_server.server.admin import ADMIN_PREFIX
from mock_server.server.app import MockApp
from mock_server.server.assembly import create_app, load_compiled
from mock_server.server.http import bounded_protocol
from mock_server.spec.compiled import CompiledSpec
from mock_server.spec.document import default_spec_path

__all__ = [
    "Journal",
    "LeelooMock",
    "MockStartError",
    "app_in_process",
    "in_child_process",
    "in_process",
    "in_thread",
    "mock_config",
]

IN_PROCESS_ORIGIN = "http://localhost"  # a loopback name, as the mock's Host check wants
REQUEST_TIMEOUT_S = 30.0
LOG_WAIT_S = 10.0  # the longest a test waits for a log line it expects (the mock writes it after answering)
_LOG_POLL_S = 0.02  # between two looks at the log
_COMPILED_CACHE_SIZE = 8


class MockStartError(ServerStartError):
    """The mock did not start, or did not say where it listens, within ``START_TIMEOUT_S``."""


def mock_config(spec: Path | str | None = None, *, stateful: bool = True, **options: Any) -> MockConfig:
    """A configuration for tests: Leeloo's spec unless ``spec`` names one, ``--stateful`` by default,
    no access log; ``options`` are :class:`MockConfig` fields (``dynamic=True``, ``seed=1``...) or
    those of its groups by their own names (``max_records=3``, ``proxy=URL``: see
    :meth:`MockConfig.from_options`)."""
    spec_path = Path(spec) if spec is not None else default_spec_path()
    options.setdefault("log_requests", False)
    return MockConfig.from_options(spec_path, stateful=stateful, **options)


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
            "extensions": {STEPPED_EXTENSION: {}},  # a delay blocks: there is no loop to wait on
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
        with broken_connections(request):
            return self._handle(request)

    def _handle(self, request: httpx.Request) -> httpx.Response:
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


@contextlib.contextmanager
def broken_connections(request: httpx.Request) -> Iterator[None]:
    """A connection fault of a mock in process raised as httpx raises a real one (``reset``: a
    ReadError, as for ECONNRESET; ``empty`` and ``malformed``: a RemoteProtocolError)."""
    try:
        yield
    except ConnectionFault as fault:
        error = httpx.ReadError if fault.kind == "reset" else httpx.RemoteProtocolError
        raise error(str(fault), request=request) from None


class AsyncASGITransport(httpx.ASGITransport):
    """httpx's ASGI transport, with the mock's connection faults raised as httpx's errors."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with broken_connections(request):
            return await super().handle_async_request(request)


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
        return file_contents(self.log_file).decode(errors="replace")

    @contextlib.contextmanager
    def faults(
        self,
        *,
        operation: str | None = None,
        delay: str | int | None = None,
        fail: str | Sequence[str] | None = None,
        rate_limit: str | None = None,
    ) -> Iterator[list[dict[str, Any]]]:
        """Faults for the ``with`` block (``POST /__admin/faults``), then the start-up ones again
        (``DELETE``): ``with mock.faults(fail="1:503"):``, ``faults(operation="list_tags",
        delay="uniform:100-300")``. Yields the entries in force; a bad value is an
        ``httpx.HTTPStatusError`` (400) naming it."""
        entry = {"operation": operation, "delay": delay, "fail": fail, "rate_limit": rate_limit}
        with self.client(base_url=self.url) as admin:
            response = admin.post(f"{ADMIN_PREFIX}/faults", json={k: v for k, v in entry.items() if v})
            response.raise_for_status()
            try:
                yield list(response.json()["faults"])
            finally:
                admin.delete(f"{ADMIN_PREFIX}/faults").raise_for_status()

    def log_when(self, ready: Callable[[str], bool], timeout_s: float = LOG_WAIT_S) -> str:
        """The log as soon as ``ready(log)`` holds, or as it stands after ``timeout_s``.

        The mock writes a request's access-log line after it has sent the answer, so a test that
        reads the log as soon as a request returns can find the line missing. Waiting on the
        line itself, with a bound, does not race; when the bound passes, the test's own assertion
        on the returned log says what is missing.
        """
        deadline = time.monotonic() + timeout_s
        log = self.log()
        while not ready(log) and time.monotonic() < deadline:
            time.sleep(_LOG_POLL_S)
            log = self.log()
        return log


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
            async_transport=AsyncASGITransport(app=app),
        )
    finally:
        with contextlib.suppress(Exception):  # the proxy's client; a failing close must not hide an error
            for close in app.on_shutdown:
                transport.run(close())
        transport.shutdown()


@contextlib.contextmanager
def in_thread(
    config: MockConfig | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[LeelooMock]:
    """The mock on a real port (0: a free one), served by uvicorn in a daemon thread."""
    config = config if config is not None else mock_config()
    compiled = compiled_for(config)
    app = create_app(config, compiled)
    with serving_app(app, host, port, bounded_protocol(config.limits, app)) as url:
        yield LeelooMock(url=url, api_url=url + base_path_of(compiled), mode="thread", app=app)


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
