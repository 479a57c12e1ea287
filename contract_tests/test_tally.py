"""The contract summary at the end of a pytest session leaves the count of tests to pytest.

`make test` ended with two counts, the summary's "tests: 305 passed" and pytest's "1368 passed";
the terminal shows the summary without its tests line, and the files in reports/ keep it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contract_tests import conftest
from contract_tests._tally import TALLY

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
