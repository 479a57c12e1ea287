"""Fixtures of the hardening tests: the mock in-process, and a real ``leeloo-mock`` process.

In-process apps share one compiled spec. The real process is started the one way tests start a
mock, ``mock_server.testing.in_child_process`` (port 0, always stopped at the end).
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app, default_spec_path, load_compiled
from mock_server.testing import LeelooMock, in_child_process

SPEC_PATH = default_spec_path()
TOKEN_HEADER = {"X-Leeloo-AuthToken": "hardening-token"}


@pytest.fixture(scope="session")
def compiled_spec() -> CompiledSpec:
    return load_compiled(MockConfig(spec_path=SPEC_PATH))


@pytest.fixture(scope="session")
def static_app(compiled_spec: CompiledSpec) -> Any:
    return create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False), compiled_spec)


@dataclass
class MockProcess:
    """A running ``leeloo-mock`` (``mock_server.testing``, in a child process): its base URL,
    its start-up lines and its stderr, for tests that attack the real process."""

    mock: LeelooMock

    @property
    def origin(self) -> str:
        return self.mock.url

    @property
    def process(self) -> subprocess.Popen[bytes]:
        assert self.mock.process is not None
        return self.mock.process

    @property
    def api(self) -> str:
        return self.mock.api_url

    @property
    def port(self) -> int:
        return int(self.origin.rsplit(":", 1)[1])

    def stderr_text(self) -> str:
        return self.mock.log()

    def stdout_text(self) -> str:
        """What it printed when it started (the spec, the mode, the operations, where it listens)."""
        return self.mock.banner

    def assert_serving(self) -> None:
        """The process is alive and answers a plain GET."""
        assert self.process.poll() is None, f"leeloo-mock exited: {self.stderr_text()[-2000:]}"
        response = httpx.get(f"{self.api}/tags", headers=TOKEN_HEADER, timeout=10)
        assert response.status_code == 200


@contextlib.contextmanager
def run_mock(*flags: str) -> Iterator[MockProcess]:
    """``python -m mock_server SPEC --port 0 --log-level warning FLAGS``, until the block ends."""
    with in_child_process("--log-level", "warning", *flags, spec=SPEC_PATH) as mock:
        yield MockProcess(mock)


@pytest.fixture(scope="module")
def mock_process() -> Iterator[MockProcess]:
    with run_mock() as running:
        yield running
