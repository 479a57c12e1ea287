"""The docs-drift check reads the page in every shape users get it: copied text, a print's text
(line-numbered code, wrapped URLs, Russian and Ukrainian headings) and saved HTML.

The fixtures in ``pages/`` are small pages written for these tests; each documents the three
operations of ``pages/mini-openapi.yaml``; the fixtures cover the print's formats on their own. The
vendor's January 2026 print itself is the spec's source (``spec/source/``) and is read whole too.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from generator._drift_page import PageLines, parse_lines, parse_page
from generator.docs_drift import DriftReport, Kind, check_drift, main, page_format, read_page, repair_json
from openapi_document._yaml_positions import LoadedYaml, load_yaml_with_positions

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
MINI_SPEC = PAGES / "mini-openapi.yaml"
MINI_SERVERS = ["https://api.example.test/v2"]
FIXTURES = ("copied-en.txt", "print-ru.txt", "print-uk.txt", "wiki-saved.html")
NEWER_PRINT = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"


@functools.cache
def _loaded(spec: Path) -> LoadedYaml:
    return load_yaml_with_positions(spec)


def _text(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _mini_drift(text: str) -> DriftReport:
    return check_drift(text, _loaded(MINI_SPEC), deviations=())


def _operations(name: str) -> dict[str, object]:
    operations = parse_lines(read_page(_text(name)), MINI_SERVERS)
    return {operation.label: operation for operation in operations}


def _line_of(name: str, needle: str) -> int:
    """The 1-based line of ``needle`` in a fixture, counted at newlines as an editor counts."""
    lines = _text(name).split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --- every shape reads as the same three operations ---------------------------------------------


@pytest.mark.parametrize("name", FIXTURES)
def test_each_shape_of_the_page_matches_every_operation_and_checks_every_example(name: str) -> None:
    report = _mini_drift(_text(name))
    assert report.findings == []
    assert (report.page_operations, report.matched, report.examples_checked) == (3, 3, 4)


@pytest.mark.parametrize("name", FIXTURES)
def test_each_shape_yields_the_same_parameters_and_body_fields(name: str) -> None:
    operations = parse_lines(read_page(_text(name)), MINI_SERVERS)
    by_label = {operation.label: operation for operation in operations}
    assert list(by_label) == ["GET /things", "GET /things/{thing_id}/owner", "POST /things"]
    assert {"limit", "offset", "filter[seen][from]", "filter[seen][to]"} <= set(
        by_label["GET /things"].query_names
    )
    assert by_label["GET /things/{thing_id}/owner"].listed_path == ["thing_id"]
    post = by_label["POST /things"]
    assert post.body_kind == "json"
    assert post.body_fields[0] == "name" and set(post.body_fields) <= {"name", "description"}
    assert post.request_example is not None and post.response_example is not None


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("copied-en.txt", "copied text"),
        ("print-ru.txt", "print text"),
        ("print-uk.txt", "print text"),
        ("wiki-saved.html", "saved HTML"),
    ],
)
def test_the_cli_keeps_its_summary_line_and_names_the_shape(
    name: str, shape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(PAGES / name), str(MINI_SPEC)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"docs drift: {PAGES / name} (3 operations, {shape}) vs ")
    assert re.fullmatch(r"matched 3 operations; checked 4 page examples \(\d+ needed repairs\)", lines[1])


# --- the print: numbered code, wrapped URLs and code lines, placeholders, page breaks -------------


def test_a_print_url_wrapped_over_lines_is_read_whole() -> None:
    operation = parse_lines(read_page(_text("print-ru.txt")), MINI_SERVERS)[0]
    assert operation.url.endswith("filter[seen][from]=2024-01-01&filter[seen][to]=2024-01-31")
    assert operation.url_query == ["limit", "offset", "filter[seen][from]", "filter[seen][to]"]


def test_a_print_placeholder_set_off_by_spaces_is_a_path_parameter() -> None:
    assert "GET /things/{thing_id}/owner" in _operations("print-ru.txt")


def test_a_print_code_block_loses_its_numbers_and_joins_its_wrapped_lines() -> None:
    operations = parse_lines(read_page(_text("print-ru.txt")), MINI_SERVERS)
    example = operations[1].response_example
    assert example is not None
    assert '"picture": "https://static.example.test/images/abd88bd0-3b0a-11ec.jpg"' in example.text
    assert not re.search(r"^\s*\d+ ", example.text, re.MULTILINE)
    # each snippet line keeps its line in the file, the page break (form feed) notwithstanding
    assert example.line == _line_of("print-ru.txt", "https://static.example.test/images") - 4
    assert example.page_line(7) == _line_of("print-ru.txt", '7     "status": 1')


def test_a_print_description_wrapped_over_lines_does_not_end_the_parameter_list() -> None:
    post = parse_lines(read_page(_text("print-ru.txt")), MINI_SERVERS)[2]
    assert post.body_fields == ["name", "description"]  # "System" continues a description


def test_a_finding_in_a_print_names_the_line_of_the_file() -> None:
    text = _text("print-ru.txt").replace('"name": "Ann"', '"name": 12', 1)
    [finding] = _mini_drift(text).findings
    assert finding.kind == Kind.EXAMPLE_INVALID and finding.subject == "response:/data/name"
    assert finding.page_line == _line_of("print-ru.txt", "https://static.example.test/images") - 4
    broken = _text("print-ru.txt").replace('"name": "Ann",', '"name": "Ann" "x",', 1)
    [not_json] = _mini_drift(broken).findings
    assert not_json.kind == Kind.EXAMPLE_NOT_JSON
    assert not_json.page_line == _line_of("print-ru.txt", '"name": "Ann"')


def test_a_code_block_cut_short_by_the_print_gets_its_closing_brackets() -> None:
    repaired = repair_json('{\n  "status": 1,\n  "data": {"id": "t3", "items": [1, 2')
    assert repaired.text.endswith("\n]}}")
    assert repaired.repairs == ["line 3: missing closing ] } } added"]


@pytest.mark.parametrize(
    ("query", "path", "body", "response"),
    [
        ("Query Params", "Path Params", "Request Body (json)", "Response"),
        ("Параметры запроса", "Параметры пути", "Тело запроса (json)", "Ответ"),
        ("Параметри запиту", "Параметри шляху", "Тіло запиту(json)", "Відповідь"),
    ],
)
def test_headings_are_read_in_english_russian_and_ukrainian(
    query: str, path: str, body: str, response: str
) -> None:
    text = "\n".join(
        [
            "POST https://api.example.test/v2/things/{thing_id}/parts?limit=1",
            path,
            "thing_id - id",
            query,
            "limit - how many",
            body,
            "name - a name",
            '1 {"name": "x"}',
            response,
            '1 {"status": 1}',
        ]
    )
    [operation] = parse_page(text, MINI_SERVERS)
    assert (operation.listed_path, operation.listed_query) == (["thing_id"], ["limit"])
    assert (operation.body_kind, operation.body_fields) == ("json", ["name"])
    assert operation.request_example is not None and operation.request_example.text == '{"name": "x"}'
    assert operation.response_example is not None and operation.response_example.text == '{"status": 1}'


def test_a_url_the_print_garbled_is_matched_by_its_listed_path_parameters_and_reported() -> None:
    text = _text("print-uk.txt").replace("things/{thing_id}/owner", "things/ owner_id /thing_id", 1)
    report = _mini_drift(text)
    assert report.matched == 3
    [finding] = report.findings
    assert (finding.kind, finding.operation_id) == (Kind.PATH_PARAMETER, "get_thing_owner")
    assert "the spec has /things/{thing_id}/owner" in finding.message


# --- saved HTML ----------------------------------------------------------------------------------


def test_html_scripts_styles_and_comments_hold_no_operations() -> None:
    assert len(_operations("wiki-saved.html")) == 3


def test_html_code_drawn_with_a_line_number_gutter_reads_as_its_code() -> None:
    operations = parse_lines(read_page(_text("wiki-saved.html")), MINI_SERVERS)
    example = operations[1].response_example
    assert example is not None
    assert example.text.splitlines() == ["{", '"data": {"id": "o1", "name": "Ann"},', '"status": 1', "}"]


def test_a_finding_in_html_names_the_line_of_the_html_source() -> None:
    text = _text("wiki-saved.html").replace('"name": "Lamp"', '"name": 12', 1)
    [finding] = _mini_drift(text).findings
    assert finding.subject == "response:/data/0/name"
    assert finding.page_line == _line_of("wiki-saved.html", '<pre class="syntaxhighlighter-pre"')


def test_html_nested_past_the_bound_is_a_line_and_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<!DOCTYPE html>\n<html><body>\n" + "<div>" * 300 + "x" + "</div>" * 300 + "</body></html>\n"
    )
    assert main([str(page), str(MINI_SPEC)]) == 2
    assert capsys.readouterr().err.strip() == f"{page}:3: too deep: HTML elements nest more than 256 levels"


def test_page_format_tells_the_shapes_apart() -> None:
    assert [page_format(_text(name)) for name in FIXTURES] == [
        "copied text",
        "print text",
        "print text",
        "saved HTML",
    ]


def test_the_lines_of_a_text_page_are_counted_at_newlines_only() -> None:
    page = PageLines.of_text("a\n\fb\nc\x0bd\n")
    assert page.lines == ("a", "b", "cd") and page.numbers == (1, 2, 3)


# --- the vendor's newer print, the spec's source ---------------------------------------------------


def test_the_newer_print_matches_every_operation_and_checks_every_example() -> None:
    text = NEWER_PRINT.read_text(encoding="utf-8")
    report = check_drift(text, _loaded(ROOT / "spec" / "openapi.yaml"), page_name=NEWER_PRINT.name)
    code_blocks = len(re.findall(r"^\f? ?1 [{\[\"]", text, re.MULTILINE))
    method_lines = len(re.findall(r"^(?:GET|POST|PUT) ?https://", text, re.MULTILINE))
    assert report.page_operations == report.matched == method_lines
    assert report.examples_checked == code_blocks
    kinds = {finding.kind for finding in report.findings}
    assert Kind.OPERATION_MISSING_FROM_SPEC not in kinds and Kind.EXAMPLE_NOT_JSON not in kinds
    assert [
        finding.subject for finding in report.findings if finding.kind == Kind.OPERATION_MISSING_FROM_PAGE
    ] == []
    assert report.findings == []  # adopted: each departure followed by the spec or a curated deviation
