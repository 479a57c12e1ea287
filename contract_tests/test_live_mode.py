"""Live mode is known to work before anyone points it at the real API: run against local mocks.

The runner is tested against ``leeloo-mock`` and against ``leeloo-mock --proxy`` in front of
another mock; the ``make contract-live`` entry point (pytest ``-m live``) in a child process,
with and without a token. Nothing here leaves 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contract_tests._live import read_only_operations, run_live
from contract_tests._mock_process import running_mock
from contract_tests._settings import BASE_PATH, REPO_ROOT, TOKEN
from contract_tests.test_live import SKIP_REASON
from mock_server.har import read_entries
from mock_server.testing import LeelooMock

READ_ONLY = len(read_only_operations())


def test_live_mode_checks_every_read_only_operation_of_the_mock(mock_process: LeelooMock) -> None:
    logged_before = len(mock_process.log().splitlines())
    report = run_live(mock_process.url + BASE_PATH, TOKEN)

    assert report.violations == []
    assert len(report.checked) == READ_ONLY
    assert report.skipped == []
    log = mock_process.log_when(lambda text: len(text.splitlines()) >= logged_before + len(report.checked))
    methods = {line.split()[0] for line in log.splitlines()[logged_before:] if line.strip()}
    assert methods == {"GET"}  # never a write


def test_live_mode_records_its_exchanges_redacted(mock_process: LeelooMock, tmp_path: Path) -> None:
    capture = tmp_path / "contract-live.har"
    report = run_live(mock_process.url + BASE_PATH, TOKEN, record=capture)
    entries = list(read_entries(capture))
    assert len(entries) == len(report.checked) == READ_ONLY
    assert {entry.request.method for entry in entries} == {"GET"}
    assert TOKEN not in capture.read_text()


def test_live_mode_through_the_proxy_mode(mock_process: LeelooMock) -> None:
    with running_mock("--proxy", mock_process.url) as proxy:
        report = run_live(proxy.url + BASE_PATH, TOKEN)
        proxy_log = proxy.log_when(lambda log: len(log.splitlines()) >= len(report.checked))
    assert report.violations == []
    assert len(report.checked) == READ_ONLY
    assert "Traceback" not in proxy_log


def test_live_mode_reports_the_wrong_token_as_violations_of_nothing_but_401(
    mock_process: LeelooMock,
) -> None:
    # A wrong token is answered 401 everywhere, which the spec declares: checked, not violated.
    report = run_live(mock_process.url + BASE_PATH, "wrong-token")
    assert report.violations == []
    assert all(line.endswith("-> 401") for line in report.checked)
    # the GET /x/{id} operations: no list gave an id
    assert len(report.skipped) == sum("{" in operation.path for operation in read_only_operations())


def run_make_contract_live(base_url: str | None, token: str | None) -> subprocess.CompletedProcess[str]:
    """What ``make contract-live`` runs, in a child process, with this base URL and token (or none)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LEELOO_AUTH_TOKEN", "LEELOO_BASE_URL")}
    if token is not None:
        env["LEELOO_AUTH_TOKEN"] = token
    if base_url is not None:
        env["LEELOO_BASE_URL"] = base_url
    command = [sys.executable, "-m", "pytest", "contract_tests/test_live.py", "-m", "live", "-rs", "-q"]
    command += ["-p", "no:cacheprovider"]
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)


def test_make_contract_live_without_a_token_skips_and_says_why() -> None:
    completed = run_make_contract_live(None, None)
    assert completed.returncode == 0, completed.stdout[-2000:]
    assert "1 skipped" in completed.stdout
    assert SKIP_REASON in completed.stdout.replace("\n", "")


def test_make_contract_live_against_the_mock_passes_and_never_prints_the_token(
    mock_process: LeelooMock,
) -> None:
    completed = run_make_contract_live(mock_process.url + BASE_PATH, TOKEN)
    assert completed.returncode == 0, completed.stdout[-2000:]
    assert f"{READ_ONLY} answers checked, 0 skipped, 0 violations" in completed.stdout
    assert TOKEN not in completed.stdout + completed.stderr
