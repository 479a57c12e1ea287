"""Start a server in a child process on a free 127.0.0.1 port, wait until it answers, stop it.

Every benchmark measures a server in its own process, so the measurement never shares the event
loop or the GIL with what is measured. The process itself is ``mock_server.testing``'s
(``serving_command``: the free port, the bounded wait, SIGTERM then SIGKILL to its process
group); this module adds what a benchmark wants of it: ready means answering HTTP, so that its
start-up time runs from spawn to the first answer, and its resident memory, bounded while it
starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mock_server._serving import ChildServer, ServerStartError, serving_command

REPO_ROOT = Path(__file__).resolve().parents[1]


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


def answers_http(url: str, path: str = "/", headers: Sequence[tuple[str, str]] = ()) -> bool:
    """Whether a GET of ``path`` at ``url`` gets any HTTP status line back (2 s at the most)."""
    parts = urlsplit(url)
    lines = [f"GET {path} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=2) as sock:
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            return sock.recv(16).startswith(b"HTTP/1.")
    except OSError:
        return False


def memory_bytes(pid: int, field: str = "VmRSS") -> int:
    """A memory figure of ``/proc/PID/status`` (``VmRSS`` resident now, ``VmHWM`` its peak) of a
    process and its children (the server may fork a worker)."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    for one in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith(f"{field}:"):
                    total += int(line.split()[1]) * 1024
    return total


def rss_mib(pid: int) -> float:
    """The resident memory of a server (and its children) now, in MiB."""
    return round(memory_bytes(pid) / (1 << 20), 1)


def running_server(
    name: str,
    command_for_port: Callable[[int], Sequence[str]],
    *,
    probe_path: str = "/",
    probe_headers: Sequence[tuple[str, str]] = (),
    startup_timeout_s: float = 60.0,
    max_rss_mib: float | None = None,
    env: Mapping[str, str] | None = None,
) -> AbstractContextManager[ChildServer]:
    """``command_for_port(port)`` on a free port, from the repository's root, until the block ends.

    Run by ``mock_server._serving.serving_command`` (a session of its own, so that ``npx``-style
    launchers, a shell then node, are stopped as a whole; a port taken before the bind is retried
    on another). Yielded once a GET of ``probe_path`` gets an answer: its ``startup_s`` is the
    time from spawn to that first answer. ``max_rss_mib`` guards the shared machine: a server
    whose memory passes it while starting is stopped and reported, not waited for. ``env`` is
    added to this process's environment.
    """

    def within_memory(process: subprocess.Popen[bytes], seconds: float) -> None:
        used_mib = memory_bytes(process.pid) / (1 << 20)
        if max_rss_mib is not None and used_mib > max_rss_mib:
            raise ServerStartError(
                f"{name} passed {max_rss_mib:,.0f} MiB of RSS ({used_mib:,.0f} MiB)"
                f" {seconds:.1f} s into its start-up, before answering; stopped"
            )

    return serving_command(
        command_for_port,
        name=name,
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        ready=lambda url: answers_http(url, probe_path, probe_headers),
        watch=within_memory if max_rss_mib is not None else None,
        start_timeout_s=startup_timeout_s,
    )
