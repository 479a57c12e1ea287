"""A real ``leeloo-mock`` in a child process on a free 127.0.0.1 port, always stopped afterwards.

Started by ``mock_server.testing.in_child_process``: the port is the mock's own choice
(``--port 0``), read from its "listening on" line, so two suites never race for a port. Its
stderr (one line per request, tracebacks of internal errors) goes to a temporary file the tests
can read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from contract_tests._settings import REPO_ROOT, SPEC_PATH
from mock_server.testing import LeelooMock, MockStartError, in_child_process

__all__ = ["MockStartError", "request_lines", "running_mock"]


def _request_lines(log: str, method: str, path_suffix: str) -> list[str]:
    found = []
    for line in log.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == method and parts[1].endswith(path_suffix):
            found.append(line)
    return found


def request_lines(mock: LeelooMock, method: str, path_suffix: str, at_least: int = 0) -> list[str]:
    """The access-log lines of requests ``method ...path_suffix`` (``GET /api/v2/tags 429 ...``),
    once there are ``at_least`` of them (the mock writes a line after it answers; bounded wait)."""
    log = mock.log_when(lambda text: len(_request_lines(text, method, path_suffix)) >= at_least)
    return _request_lines(log, method, path_suffix)


@contextlib.contextmanager
def running_mock(*options: str, spec: Path = SPEC_PATH) -> Iterator[LeelooMock]:
    """``python -m mock_server SPEC --port 0 OPTIONS...`` until the block ends."""
    with in_child_process(*options, spec=spec, cwd=REPO_ROOT) as mock:
        yield mock
