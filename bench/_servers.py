"""Start a server in a child process on a free 127.0.0.1 port, wait until it answers, stop it.

Every benchmark measures a server in its own process, so the measurement never shares the event
loop or the GIL with what is measured. Start-up time (spawn to first answer) and resident memory
come for free from the same handle.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

REPO_ROOT = Path(__file__).resolve().parents[1]


class ServerStartError(RuntimeError):
    """The server exited or did not answer within the start-up timeout."""


def run_json_module(module: str, *args: str, timeout_s: float) -> tuple[dict[str, Any], int, str]:
    """``python -m MODULE ARGS`` in a child process: its last JSON line, exit status and stderr.

    A bench that measures memory runs in a child so that its figures start from a clean
    interpreter; it prints JSON lines as it goes, so a child that dies late still reports.
    Raises ``subprocess.TimeoutExpired`` past ``timeout_s``.
    """
    completed = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    return result, completed.returncode, completed.stderr


def free_port() -> int:
    """A port the kernel just handed out on 127.0.0.1 (free unless someone takes it meanwhile)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(port: int, probe_path: str, headers: Sequence[tuple[str, str]]) -> bool:
    """Whether an HTTP request on the port gets any status line back."""
    lines = [f"GET {probe_path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            return sock.recv(16).startswith(b"HTTP/1.")
    except OSError:
        return False


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (the server may fork a worker), from /proc."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    for one in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


@dataclass
class RunningServer:
    """A started server: where it listens, how long it took to answer, its process."""

    name: str
    port: int
    startup_s: float
    process: subprocess.Popen[bytes]
    stderr: IO[bytes]

    def stderr_text(self) -> str:
        """What the server wrote to stderr so far (tracebacks of internal errors land here)."""
        descriptor = self.stderr.fileno()  # pread: the child shares the file offset, leave it alone
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode(errors="replace")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_mib(self) -> float:
        return round(rss_bytes(self.process.pid) / (1 << 20), 1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def running_server(
    name: str,
    command_for_port: Callable[[int], Sequence[str]],
    *,
    probe_path: str = "/",
    probe_headers: Sequence[tuple[str, str]] = (),
    startup_timeout_s: float = 60.0,
    max_rss_mib: float | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[RunningServer]:
    """Run ``command_for_port(port)`` in its own process group; yield once it answers HTTP; stop it.

    The process group lets ``npx``-style launchers (a shell, then node) be stopped as a whole.
    ``max_rss_mib`` guards the shared machine: a server whose memory passes it while starting is
    stopped and reported, not waited for. Only a port taken between ``free_port()`` and the
    bind is retried (on another port); any other failure is reported at once.
    """
    last_error = ""
    for _attempt in range(3):
        port = free_port()
        # stderr goes to a file, not a pipe: a chatty server must never block on a full pipe
        with tempfile.TemporaryFile() as stderr_file:
            started = time.perf_counter()
            process = subprocess.Popen(
                list(command_for_port(port)),
                cwd=REPO_ROOT,
                stdout=subprocess.DEVNULL,
                stderr=stderr_file,
                start_new_session=True,
                env={**os.environ, **(env or {})},
            )
            try:
                deadline = started + startup_timeout_s
                while time.perf_counter() < deadline:
                    if process.poll() is not None:
                        break
                    if _answers(port, probe_path, probe_headers):
                        yield RunningServer(
                            name, port, round(time.perf_counter() - started, 3), process, stderr_file
                        )
                        return
                    rss_mib = rss_bytes(process.pid) / (1 << 20)
                    if max_rss_mib is not None and rss_mib > max_rss_mib:
                        elapsed = time.perf_counter() - started
                        raise ServerStartError(
                            f"{name} passed {max_rss_mib:,.0f} MiB of RSS ({rss_mib:,.0f} MiB)"
                            f" {elapsed:.1f} s into its start-up, before answering; stopped"
                        )
                    time.sleep(0.05)
                if process.poll() is None:
                    raise ServerStartError(
                        f"{name} did not answer on port {port} within {startup_timeout_s:g} s"
                    )
                stderr_file.seek(0)
                stderr = stderr_file.read().decode(errors="replace")
                last_error = f"{name} exited with {process.returncode}: {stderr.strip()[-2000:]}"
                if "in use" not in stderr:
                    raise ServerStartError(last_error)
            finally:
                _stop(process)
    raise ServerStartError(last_error)
