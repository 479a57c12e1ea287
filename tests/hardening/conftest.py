"""Fixtures of the hardening tests: the mock in-process, and a real ``leeloo-mock`` process.

In-process apps share one compiled spec. The real process binds port 0 and the test reads the
port from its "listening on" line; it is always stopped (SIGTERM, then SIGKILL) at the end.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app, default_spec_path, load_compiled

SPEC_PATH = default_spec_path()
TOKEN_HEADER = {"X-Leeloo-AuthToken": "hardening-token"}
_LISTENING = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")


@pytest.fixture(scope="session")
def compiled_spec() -> CompiledSpec:
    return load_compiled(MockConfig(spec_path=SPEC_PATH))


@pytest.fixture(scope="session")
def static_app(compiled_spec: CompiledSpec) -> Any:
    return create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False), compiled_spec)


@dataclass
class MockProcess:
    """A running ``leeloo-mock``: its base URL (with /api/v2) and its captured stderr and stdout."""

    origin: str
    process: subprocess.Popen[bytes]
    stderr: IO[bytes]
    stdout: IO[bytes] | None = None

    @property
    def api(self) -> str:
        return self.origin + "/api/v2"

    @property
    def port(self) -> int:
        return int(self.origin.rsplit(":", 1)[1])

    def stderr_text(self) -> str:
        self.stderr.flush()
        return Path(self.stderr.name).read_text(errors="replace")

    def stdout_text(self) -> str:
        return Path(self.stdout.name).read_text(errors="replace") if self.stdout is not None else ""

    def assert_serving(self) -> None:
        """The process is alive and answers a plain GET."""
        assert self.process.poll() is None, f"leeloo-mock exited: {self.stderr_text()[-2000:]}"
        response = httpx.get(f"{self.api}/tags", headers=TOKEN_HEADER, timeout=10)
        assert response.status_code == 200


@contextlib.contextmanager
def run_mock(*flags: str) -> Iterator[MockProcess]:
    """``python -m mock_server --port 0 FLAGS``, until the block ends."""
    with (
        tempfile.NamedTemporaryFile(prefix="mock-stdout-", suffix=".log") as stdout,
        tempfile.NamedTemporaryFile(prefix="mock-stderr-", suffix=".log") as stderr,
    ):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mock_server",
                str(SPEC_PATH),
                "--port",
                "0",
                "--log-level",
                "warning",
                *flags,
            ],
            stdout=stdout,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + 60
            origin = None
            while origin is None:
                assert process.poll() is None, f"leeloo-mock exited: {Path(stderr.name).read_text()[-2000:]}"
                assert time.monotonic() < deadline, "leeloo-mock did not say where it listens within 60 s"
                found = _LISTENING.search(Path(stdout.name).read_text(errors="replace"))
                origin = found.group(1) if found else None
                time.sleep(0.05)
            yield MockProcess(origin, process, stderr, stdout)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def mock_process() -> Iterator[MockProcess]:
    with run_mock() as running:
        yield running
