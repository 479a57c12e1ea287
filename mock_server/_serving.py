"""Run a server for as long as a ``with`` block: in a thread, or its command line in a child process.

What the test helpers of :mod:`mock_server.testing`, the bench and the demo share; not for users
(their surface is ``mock_server.testing``). :func:`serving_command` runs any server's command line
(the mock, Prism, the bench's ceiling app) in a child process: on a free port or the one it
announces, waited for until ready, stopped with its process group; it yields a
:class:`ChildServer` (its URL, pid, start-up time and output). :func:`serving_app` serves an ASGI
app with uvicorn in a daemon thread. Every wait is bounded (``START_TIMEOUT_S``, ``STOP_TIMEOUT_S``).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
_LISTENING = re.compile(rb"listening on (http://\S+)")
_ANNOUNCED_WITHIN = 1 << 20  # bytes of stdout searched for the URL a server prints
_POLL_S = 0.02  # between two looks at a starting server
_PORT_ATTEMPTS = 3


class ServerStartError(RuntimeError):
    """A server in a child process exited, or was not ready, within its start-up bound."""


@contextlib.contextmanager
def serving_app(app: Any, host: str = "127.0.0.1", port: int = 0, http: Any = "auto") -> Iterator[str]:
    """``http://HOST:PORT`` serving any ASGI ``app`` with uvicorn in a daemon thread, until the block
    ends; ``http`` is uvicorn's protocol (the mock's own bounded one, in :func:`in_thread`)."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="auto", access_log=False, http=http)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="leeloo-mock", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise ServerStartError("the in-thread server did not start")
            time.sleep(0.01)
        yield f"http://{f'[{host}]' if family == socket.AF_INET6 else host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=STOP_TIMEOUT_S)
        sock.close()


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


def file_contents(file: IO[bytes] | None, limit: int | None = None) -> bytes:
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
        return file_contents(self.stdout_file).decode(errors="replace")

    def log(self) -> str:
        """What it wrote to stderr so far (``""`` when not captured)."""
        return file_contents(self.stderr_file).decode(errors="replace")


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
            found = announced.search(file_contents(server.stdout_file, _ANNOUNCED_WITHIN))
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
