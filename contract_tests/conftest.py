"""Fixtures of the contract suite (mock apps, a real ``leeloo-mock``) and its end-of-session summary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from contract_tests import _checks  # noqa: F401  (registers the problem-body check)
from contract_tests._mock_process import running_mock
from contract_tests._settings import REPORTS_DIR, SPEC_PATH, TOKEN
from contract_tests._tally import TALLY
from mock_server import CompiledSpec, MockApp, MockConfig, create_app, load_compiled
from mock_server.testing import LeelooMock

_CONTRACT_DIR = "contract_tests"


@pytest.fixture(scope="session")
def compiled_spec() -> CompiledSpec:
    """The project's spec compiled once for every in-process mock."""
    return load_compiled(MockConfig(spec_path=SPEC_PATH))


def make_mock_app(compiled: CompiledSpec | None = None, **settings: Any) -> MockApp:
    """The mock as an ASGI app that accepts only the suite's token (so wrong tokens are 401)."""
    settings.setdefault("tokens", frozenset({TOKEN}))
    config = MockConfig(spec_path=SPEC_PATH, log_requests=False, **settings)
    return create_app(config, compiled)


@pytest.fixture(scope="session")
def mock_process() -> Iterator[LeelooMock]:
    """``leeloo-mock --token TOKEN`` on a free port (static examples)."""
    with running_mock("--token", TOKEN) as mock:
        yield mock


@pytest.fixture(scope="session")
def dynamic_mock_process() -> Iterator[LeelooMock]:
    """``leeloo-mock --dynamic --seed 7 --token TOKEN``."""
    with running_mock("--dynamic", "--seed", "7", "--token", TOKEN) as mock:
        yield mock


@pytest.fixture(scope="module")
def stateful_mock_process() -> Iterator[LeelooMock]:
    """A fresh ``leeloo-mock --stateful --token TOKEN`` for one test module."""
    with running_mock("--stateful", "--token", TOKEN) as mock:
        yield mock


def _in_contract_suite(nodeid: str) -> bool:
    return nodeid.startswith(_CONTRACT_DIR + "/")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count the contract tests' outcomes for the summary."""
    if not _in_contract_suite(report.nodeid):
        return
    if report.failed:
        TALLY.tests_failed.append(f"{report.nodeid} ({report.head_line})")
    elif report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        TALLY.tests_skipped.append(f"{report.nodeid}: {reason}")
    elif report.when == "call":
        TALLY.tests_passed += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker (``make test`` runs ``-n auto``): hand the counts to the controller,
    which prints the summary (it printed zero cases and checks, the counts being in the workers)."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["contract_tally"] = TALLY.counts()


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: a worker finished
def pytest_testnodedown(node: Any, error: Any) -> None:
    counts = getattr(node, "workeroutput", {}).get("contract_tally")
    if counts:
        TALLY.add_counts(counts)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the one-screen summary and write it (text and JSON) to ``reports/``."""
    if not (TALLY.tests_passed or TALLY.tests_failed or TALLY.tests_skipped):
        return
    path = TALLY.write(REPORTS_DIR)
    terminalreporter.write_line("")
    # the tests' count by outcome only in the files: pytest's closing line is the one count on screen
    for line in TALLY.render(with_tests=False).splitlines():
        terminalreporter.write_line(line)
    terminalreporter.write_line(
        f"  (written to {path.relative_to(path.parents[1])} and .json, with the contract tests' outcomes)"
    )
