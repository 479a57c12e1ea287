"""A real ``leeloo-mock`` in a child process on a free 127.0.0.1 port, always stopped afterwards.

Started by ``mock_server.testing.in_child_process``: the port is the mock's own choice
(``--port 0``), read from its "listening on" line, so two suites never race for a port. Its
stderr (one line per request, tracebacks of internal errors) goes to a temporary file the tests
can read.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from contract_tests._settings import REPO_ROOT, SPEC_PATH
from mock_server.testing import MockStartError, in_child_process

__all__ = ["MockStartError", "RunningMock", "running_mock"]


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


@contextlib.contextmanager
def running_mock(*options: str, spec: Path = SPEC_PATH) -> Iterator[RunningMock]:
    """``python -m mock_server SPEC --port 0 OPTIONS...`` until the block ends."""
    with in_child_process(*options, spec=spec, cwd=REPO_ROOT) as mock:
        assert mock.process is not None and mock.log_file is not None
        yield RunningMock(mock.url, mock.process, mock.log_file)
