"""examples/resources_tour.py, the resource style end to end: it runs against ``leeloo-mock --stateful``
and type-checks under ``mypy --strict``."""

from __future__ import annotations

import os
import subprocess
import sys

from mypy import api as mypy_api

from contract_tests._mock_process import request_lines
from contract_tests._settings import BASE_PATH, REPO_ROOT, TOKEN
from mock_server.testing import LeelooMock

TOUR = REPO_ROOT / "examples" / "resources_tour.py"


def test_the_resource_tour_runs_against_the_stateful_mock(stateful_mock_process: LeelooMock) -> None:
    env = {
        **os.environ,
        "LEELOO_AUTH_TOKEN": TOKEN,
        "LEELOO_BASE_URL": stateful_mock_process.url + BASE_PATH,
    }

    completed = subprocess.run(
        [sys.executable, str(TOUR)], env=env, capture_output=True, text=True, timeout=60, check=False
    )

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    # `connection_id`, optional and left out of the answer, reads None (issue 26)
    assert lines[0] == "Tour person 0 is tagged 'Tag #1'; e-mail at example.com, connections [None]"
    assert lines[1].startswith("2 people listed one page at a time; a raw page: HTTP 200, 2 people")
    assert lines[2] == "async: Tour person 0, 2 people, tags answered HTTP 200"
    comment_puts = request_lines(stateful_mock_process, "PUT", "/add-comment", at_least=1)
    assert len(comment_puts) == 1


def test_the_resource_tour_passes_mypy_strict() -> None:
    # The project's configuration: it points mypy at generated_client/ (a user's run without it:
    # tests/packaging/test_editable_install.py).
    config = str(REPO_ROOT / "pyproject.toml")
    out, err, status = mypy_api.run(["--strict", "--config-file", config, str(TOUR)])
    assert status == 0, out + err
