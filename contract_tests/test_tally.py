"""The contract summary at the end of a pytest session leaves the count of tests to pytest.

`make test` ended with two counts, the summary's "tests: 305 passed" and pytest's "1368 passed";
the terminal shows the summary without its tests line, and the files in reports/ keep it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from contract_tests import conftest
from contract_tests._tally import TALLY, Tally

_COUNT = re.compile(r"\b\d+ (?:passed|failed|skipped)\b")


class _Reporter:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write_line(self, line: str) -> None:
        self.lines.append(line)


def test_the_terminal_summary_has_no_count_of_tests_and_the_files_keep_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(conftest, "REPORTS_DIR", tmp_path / "reports")
    monkeypatch.setattr(TALLY, "tests_passed", 305)
    reporter = _Reporter()

    conftest.pytest_terminal_summary(reporter)

    assert reporter.lines[1] == "contract summary"
    assert [line for line in reporter.lines if _COUNT.search(line)] == []
    written = (tmp_path / "reports" / "contract-summary.txt").read_text(encoding="utf-8")
    assert "  tests: 305 passed, " in written


def test_a_workers_counts_add_up_in_the_controller() -> None:
    """Under pytest-xdist the cases and checks are counted in the workers; the controller adds them."""
    worker = Tally()
    worker.operations.update({"GET /tags", "POST /people"})
    worker.cases_by_phase.update({"coverage": 3, "fuzzing": 2})
    worker.checks_by_name.update({"not_a_server_error": 5})
    worker.client_calls.update({"sync": 4})
    controller = Tally(tests_passed=7)
    controller.cases_by_phase.update({"coverage": 1})
    controller.add_counts(json.loads(json.dumps(worker.counts())))  # as it crosses xdist's channel
    assert controller.operations == {"GET /tags", "POST /people"}
    assert controller.cases_by_phase == {"coverage": 4, "fuzzing": 2}
    assert (controller.checks_by_name["not_a_server_error"], controller.client_calls["sync"]) == (5, 4)
    assert controller.tests_passed == 7  # outcomes are the controller's own
