"""The known deviations as data: spec/docs-deviations.yaml, its schema, its pages, and how the
report tells a person what an entry would name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator._drift_deviations import (
    DEVIATIONS_NAME,
    SCHEMA_PATH,
    DeviationsError,
    KnownDeviation,
    load_deviations,
    subject_matches,
)
from generator._drift_findings import Kind
from generator.docs_drift import check_drift, main
from openapi_document import LocatedError, operation_list
from openapi_document._yaml_positions import load_yaml_with_positions

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
DEVIATIONS = ROOT / "spec" / DEVIATIONS_NAME
HISTORY = ROOT / "spec" / "source" / "leeloo-api-v2.txt"
SOURCE = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"
ENTRY = """deviations:
  - operation: list_people
    kind: query-missing-from-page
    subjects: ["filter[email]"]
    why: the page forgot it
"""

MANY_PAGES = ", ".join(f"page-{number}.txt" for number in range(101))  # one more than an entry may name


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / DEVIATIONS_NAME
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(DeviationsError) as caught:
        load_deviations(path)
    return str(caught.value)


# --- the committed file ---------------------------------------------------------------------------


def test_the_committed_file_names_operations_of_the_spec_and_pages_beside_it() -> None:
    entries = load_deviations(DEVIATIONS)
    spec = load_yaml_with_positions(SPEC).data
    operation_ids = {operation.operation_id for operation in operation_list(spec, lambda _: 0)}
    assert entries and {entry.operation_id for entry in entries} <= operation_ids
    pages = {page for entry in entries for page in entry.pages}
    assert pages == {HISTORY.name, SOURCE.name}
    assert all(entry.why and entry.line > 0 for entry in entries)
    # the shared reasons are written once (YAML anchors) and read as the same text
    form_data = {entry.why for entry in entries if entry.subjects == ("media type form-data",)}
    assert len(form_data) == 1


def test_the_makefile_and_sync_default_to_the_print_as_the_source() -> None:
    from generator.sync import PAGE

    assert PAGE == SOURCE
    assert f"PAGE := {SOURCE.relative_to(ROOT)}\n" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert SOURCE.read_bytes() != HISTORY.read_bytes()


# --- the schema: file:line:column: reason ----------------------------------------------------------


def test_a_wellformed_entry_is_read(tmp_path: Path) -> None:
    [entry] = load_deviations(_file(tmp_path, ENTRY))
    assert entry == KnownDeviation(
        "list_people", Kind.QUERY_MISSING_FROM_PAGE, ("filter[email]",), "the page forgot it", (), 2
    )


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        (
            ENTRY.replace("query-missing-from-page", "query-gone"),
            ":3:5: ",
            "deviations/0/kind: 'query-gone' is not one of",
        ),
        (ENTRY.replace("    why: the page forgot it\n", ""), ":2:5: ", "'why' is a required property"),
        (ENTRY + "    because: yes\n", ":2:5: ", "'because' was unexpected"),
        (ENTRY.replace('["filter[email]"]', "[]"), ":4:5: ", "should be non-empty"),
        (ENTRY + "    pages: [spec/source/x.txt]\n", ":6:13: ", "does not match"),
        ("deviation: []\n", ":1:1: ", "'deviations' is a required property"),
        (ENTRY + "    kind: response\n", ":6:5: ", "key 'kind' written twice (first at line 3)"),
        ("deviations: [\n", ":2:1: ", ""),
        (ENTRY + f"    pages: [{MANY_PAGES}]\n", ":6:5: ", "deviations/0/pages: ["),
    ],
    ids=[
        "unknown-kind",
        "no-why",
        "unknown-key",
        "no-subject",
        "page-path",
        "no-list",
        "twice",
        "not-yaml",
        "too-many-pages",
    ],
)
def test_a_malformed_file_is_refused_at_its_line(tmp_path: Path, text: str, where: str, reason: str) -> None:
    path = _file(tmp_path, text)
    message = _refusal(path)
    assert message.startswith(f"{path}{where}") and reason in message


def test_a_refusal_is_a_located_error_of_the_one_hierarchy(tmp_path: Path) -> None:
    path = _file(tmp_path, ENTRY.replace("list_people", "list people"))
    with pytest.raises(LocatedError) as caught:
        load_deviations(path)
    assert isinstance(caught.value, DeviationsError)
    assert (caught.value.first.file, caught.value.first.line, caught.value.first.column) == (path, 2, 5)


def test_the_schema_names_every_kind_an_entry_can_cover() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    kinds = schema["$defs"]["entry"]["properties"]["kind"]["enum"]
    assert kinds == [kind.key for kind in Kind if kind is not Kind.STALE_DEVIATION]


def test_a_malformed_file_stops_the_check_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(SPEC, tmp_path / "openapi.yaml")
    bad = _file(tmp_path, ENTRY.replace("list_people", "list people"))
    assert main([str(SOURCE), str(tmp_path / "openapi.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:2:5: deviations/0/operation:")


def test_a_spec_without_a_deviations_file_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(SPEC, tmp_path / "openapi.yaml")
    assert main([str(SOURCE), str(tmp_path / "openapi.yaml")]) == 1
    out = capsys.readouterr().out
    assert "Known deviations" not in out and "Request bodies that differ" in out


# --- pages: an entry about another page is neither applied nor stale -------------------------------


def test_an_entry_applies_to_the_pages_it_names_only() -> None:
    text = HISTORY.read_text(encoding="utf-8")
    loaded = load_yaml_with_positions(SPEC)
    about_the_print = check_drift(text, loaded, page_name=SOURCE.name)
    subjects = {(finding.kind, finding.operation_id, finding.subject) for finding in about_the_print.findings}
    # the older copy read as if it were the print: its own entries are off, the print's are stale
    assert (Kind.OPERATION_MISSING_FROM_PAGE, "create_call", "POST /calls") in subjects
    assert (Kind.STALE_DEVIATION, "update_order", "response:/status") in subjects
    assert check_drift(text, loaded, page_name=HISTORY.name).findings == []


# --- what the report tells a person -----------------------------------------------------------------


def test_a_missing_optional_parameter_names_the_deviation_kind_and_subject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert "&filter[email]=feliks@gmail.com" in text and "filter[email] - " in text
    page = tmp_path / SOURCE.name
    page.write_text(
        "\n".join(
            line.replace("&filter[email]=feliks@gmail.com", "")
            for line in text.split("\n")
            if not line.startswith("filter[email] - ")
        ),
        encoding="utf-8",
    )
    assert main([str(page), str(SPEC)]) == 1
    out = capsys.readouterr().out
    assert "GET /people (list_people): query parameter 'filter[email]' is not on the page" in out
    assert "deviation: operation list_people, kind query-missing-from-page, subject 'filter[email]'" in out
    assert f"add an entry to {DEVIATIONS}" in out
    # and the entry it names silences exactly that finding
    shutil.copyfile(SPEC, tmp_path / "openapi.yaml")
    committed = DEVIATIONS.read_text(encoding="utf-8")
    (tmp_path / DEVIATIONS_NAME).write_text(committed + ENTRY.removeprefix("deviations:\n"), encoding="utf-8")
    assert main([str(page), str(tmp_path / "openapi.yaml")]) == 0


def test_a_star_is_one_step_of_a_json_path_and_brackets_are_literal() -> None:
    assert subject_matches("response:/data/*/createdAt", "response:/data/12/createdAt")
    assert not subject_matches("response:/data/*/createdAt", "response:/data/1/items/2/createdAt")
    assert subject_matches("filter[email]", "filter[email]")
    assert not subject_matches("filter[email]", "filter[e]")  # brackets are literal, not a set of letters
    assert not subject_matches("response:/data", "response:/data/id")
