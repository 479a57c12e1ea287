"""Hostile docs pages against `make docs-check` (`generator.docs_drift`) and `make sync`.

A page arrives in a pull request as saved HTML or copied text. Whatever it holds, the drift check
answers with findings or `page:line: reason` (exit 2), in seconds and little memory, and what it
prints cannot drive the terminal of the person or CI log reading it. `make sync` reads the page
first and stops there. Each run is a child process under a memory cap (`_bounded.run_bounded`).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ._bounded import ROOT, Bounded, run_bounded

SPEC = ROOT / "spec" / "openapi.yaml"
HEAD = "<!DOCTYPE html><html><head><title>API</title></head><body>\n<h1>Leeloo API v2</h1>\n"
GET_PEOPLE = "GET https://api.leeloo.ai/api/v2/people\n"

HOSTILE_HTML = {
    # 1,000,000 unclosed <b>: before the parse stopped at the bound, the whole tree was built first
    "unclosed-tags": (
        HEAD + "<b>" * 1_000_000 + "</body></html>",
        "too deep: HTML elements nest more than 256",
    ),
    # 100,000 cells in one row: each cell looked at every cell before it
    "one-row-of-cells": (
        HEAD + "<table><tr>" + "<td>x</td>" * 100_000 + "</tr></table></body></html>",
        "too large: more than 50,000 HTML elements",
    ),
    "many-header-rows": (
        HEAD + "<table>" + "<tr><th>a</th><th>b</th></tr>" * 100_000 + "</table></body></html>",
        "too large: more than 50,000 HTML elements",
    ),
}


def drift(page: Path, timeout: float = 60) -> Bounded:
    return run_bounded(
        ["-m", "generator.docs_drift", str(page), str(SPEC)], timeout=timeout, memory_cap=1536 << 20
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return page


def assert_refused(result: Bounded, page: Path, reason: str) -> None:
    assert not result.timed_out and result.returncode == 2, result.summary()
    assert "Traceback" not in result.output, result.summary()
    assert re.search(rf"^{re.escape(str(page))}:\d+: {re.escape(reason)}", result.output, re.MULTILINE), (
        result.summary()
    )
    assert result.peak_rss_mib < 400, result.summary()


@pytest.mark.parametrize("case", sorted(HOSTILE_HTML))
def test_hostile_html_is_refused_at_its_line_in_seconds(tmp_path: Path, case: str) -> None:
    text, reason = HOSTILE_HTML[case]
    page = write(tmp_path, "page.html", text)
    assert_refused(drift(page, timeout=30), page, reason)


def test_a_many_megabyte_example_is_refused(tmp_path: Path) -> None:
    example = "{" + '"a": 1, ' * 300_000 + '"b": 2}\n'  # 2.4 MB: tens of seconds of repair before
    page = write(tmp_path, "page.txt", GET_PEOPLE + "Response\n" + example)
    assert_refused(drift(page, timeout=30), page, "too large: the response example is more than 1 MiB")


def test_a_million_listed_parameters_give_a_bounded_report(tmp_path: Path) -> None:
    listed = "".join(f"p{i} - x\n" for i in range(1_000_000))  # 11 MB
    page = write(tmp_path, "page.txt", GET_PEOPLE + "Query Params\n" + listed)
    result = drift(page)
    assert result.returncode == 1 and "Traceback" not in result.output, result.summary()
    counted = re.search(r"^(\d+) findings$", result.stdout, re.MULTILINE)
    assert counted is not None and int(counted[1]) < 1_100, result.summary()  # before: 1,000,050


def test_page_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    escapes = "\x1b[2K\x1b]0;title\x07\u202e"
    page = write(tmp_path, "page.txt", f"GET https://api.leeloo.ai/api/v2/evil{escapes}/x\n")
    result = drift(page)
    assert result.returncode == 1, result.summary()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", result.stdout), result.summary()
    assert "/evil\\x1b[2K\\x1b]0;title\\x07\\u202e/x" in result.stdout, result.summary()


def test_make_sync_on_a_hostile_page_stops_at_the_drift_step_and_writes_nothing(tmp_path: Path) -> None:
    text, reason = HOSTILE_HTML["unclosed-tags"]
    page = write(tmp_path, "page.html", text)
    before = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    result = run_bounded(["-m", "generator.sync", "--page", str(page)], timeout=30)
    assert not result.timed_out and result.returncode == 1, result.summary()
    assert "Traceback" not in result.output and reason in result.output, result.summary()
    assert "make sync stopped at docs drift" in result.output, result.summary()
    after = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    assert after == before
