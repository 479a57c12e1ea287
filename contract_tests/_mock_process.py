"""A real ``leeloo-mock`` in a child process on a free 127.0.0.1 port, always stopped afterwards.

The port is the mock's own choice (``--port 0``), read from its "listening on" line, so two
suites never race for a port. Its stderr (one line per request, tracebacks of internal errors)
goes to a temporary file the tests can read.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from contract_tests._settings import REPO_ROOT, SPEC_PATH

_LISTENING = re.compile(rb"listening on (http://[^\s]+)")
START_TIMEOUT_S = 30.0


class MockStartError(RuntimeError):
    """The mock exited, or did not say where it listens, within the start-up timeout."""


@dataclass
class RunningMock:
    """A started mock: its URL (without the spec's base path) and its log."""

    url: str
    process: subprocess.Popen[bytes]
    log_file: IO[bytes]

    def log(self) -> str:
        """Everything the mock wrote to stderr so far."""
        descriptor = self.log_file.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode(errors="replace")

    def request_lines(self, method: str, path_suffix: str) -> list[str]:
        """The access-log lines of requests ``method ...path_suffix`` (``GET /api/v2/tags 429 ...``)."""
        found = []
        for line in self.log().splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == method and parts[1].endswith(path_suffix):
                found.append(line)
        return found


def _wait_for_url(process: subprocess.Popen[bytes]) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    seen = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
            match = _LISTENING.search(seen)
            if match:
                return match.group(1).decode()
        elif process.poll() is not None:
            break
    raise MockStartError(f"leeloo-mock did not start (exit {process.poll()}): {seen[-500:]!r}")


def _wait_until_accepting(url: str, process: subprocess.Popen[bytes]) -> None:
    # leeloo-mock prints "listening on" before uvicorn listens on the bound socket; a request
    # sent at once is refused. Wait until a connection is accepted.
    host, port = url.removeprefix("http://").rsplit(":", 1)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=1):
                return
        except OSError:
            time.sleep(0.02)
    raise MockStartError(f"leeloo-mock at {url} never accepted a connection (exit {process.poll()})")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def running_mock(*options: str, spec: Path = SPEC_PATH) -> Iterator[RunningMock]:
    """``python -m mock_server SPEC --port 0 OPTIONS...`` until the block ends."""
    command: Sequence[str] = [sys.executable, "-m", "mock_server", str(spec), "--port", "0", *options]
    with tempfile.TemporaryFile() as log_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=log_file, stdin=subprocess.DEVNULL
        )
        try:
            url = _wait_for_url(process)
            _wait_until_accepting(url, process)
            yield RunningMock(url, process, log_file)
        finally:
            _stop(process)
            if process.stdout is not None:
                process.stdout.close()
