"""The docs-drift check: silent on the committed pages and spec, and each kind of change is reported.

The changes are made to the older copy of the page (plain copied text, kept as history); the spec's
source, the vendor's January 2026 print, is checked as committed here and in its formats' tests."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

from generator._drift_page import PageOperation, parse_page
from generator.docs_drift import DriftReport, Finding, Kind, check_drift, main, repair_json
from openapi_document._yaml_positions import LoadedYaml, load_yaml_with_positions

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
PAGE = ROOT / "spec" / "source" / "leeloo-api-v2.txt"  # the older copy: history, and these tests' base
SOURCE = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"  # the print the spec follows
PAGE_TEXT = PAGE.read_text(encoding="utf-8")
SERVERS = ["https://api.leeloo.ai/api/v2"]


@functools.cache
def _loaded(spec: Path) -> LoadedYaml:
    return load_yaml_with_positions(spec)


def _drift(page_text: str = PAGE_TEXT, spec: Path = SPEC) -> DriftReport:
    return check_drift(page_text, _loaded(spec), page_name=PAGE.name)


def _altered_page(old: str, new: str) -> str:
    assert old in PAGE_TEXT, f"the page no longer contains {old!r}"
    return PAGE_TEXT.replace(old, new, 1)


def _of_kind(report: DriftReport, kind: Kind) -> list[Finding]:
    return [finding for finding in report.findings if finding.kind == kind]


def _page_operation(label: str) -> PageOperation:
    operations = {operation.label: operation for operation in parse_page(PAGE_TEXT, SERVERS)}
    return operations[label]


# --- the committed page and spec ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "spec_only"),
    [
        (SOURCE, {"create_email_accounts"}),  # documented on the vendor's page of its own
        (PAGE, {"create_call", "create_email_accounts"}),  # POST /calls: only in the print
    ],
    ids=["source-print", "history-copy"],
)
def test_committed_pages_and_spec_have_no_findings(page: Path, spec_only: set[str]) -> None:
    text = page.read_text(encoding="utf-8")
    report = check_drift(text, _loaded(SPEC), page_name=page.name)
    assert report.findings == []
    operations = parse_page(text, SERVERS)
    assert report.page_operations == report.matched == len(operations)
    assert report.spec_operations == len(operations) + len(spec_only)
    missing = {
        finding.operation_id
        for finding, _ in report.known
        if finding.kind == Kind.OPERATION_MISSING_FROM_PAGE
    }
    assert missing == spec_only
    # every JSON example the page shows is checked (41 in the print, 36 in the older copy)
    shown = [op.request_example for op in operations] + [op.response_example for op in operations]
    assert report.examples_checked == sum(example is not None for example in shown) > 0


def test_known_deviations_are_listed_not_hidden() -> None:
    subjects = {(finding.operation_id, finding.subject) for finding, _ in _drift().known}
    assert ("create_call", "POST /calls") in subjects
    assert ("get_order", "response:/data/createdAt") in subjects
    assert ("list_chat_messages", "person_id") in subjects
    assert ("update_order", "media type form-data") in subjects
    source = check_drift(SOURCE.read_text(encoding="utf-8"), _loaded(SPEC), page_name=SOURCE.name)
    in_print = {(finding.operation_id, finding.subject) for finding, _ in source.known}
    assert ("update_order", "response:/status") in in_print  # the print's echo of the request
    assert ("create_call", "media type form-data") in in_print
    assert ("create_call", "POST /calls") not in in_print  # the print documents it


@pytest.mark.parametrize("page", [SOURCE, PAGE], ids=["source-print", "history-copy"])
def test_cli_on_the_committed_files_says_0_findings(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(page), str(SPEC)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("0 findings")
    assert "Known deviations" in out and "why:" in out
    assert "curated in " + str(SPEC.parent / "docs-deviations.yaml") in out


# --- each change is reported -------------------------------------------------------------------


def test_an_endpoint_added_to_the_page_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _altered_page(
        "Remove a tag from a person\n",
        "Delete a tag\n\nDELETE https://api.leeloo.ai/api/v2/tags/{tag_id}\n\nRemove a tag from a person\n",
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.OPERATION_MISSING_FROM_SPEC
    assert finding.subject == "DELETE /tags/{tag_id}"
    assert (
        finding.page_line == page.splitlines().index("DELETE https://api.leeloo.ai/api/v2/tags/{tag_id}") + 1
    )

    altered = tmp_path / PAGE.name  # the entries about the older copy name it by its file name
    altered.write_text(page, encoding="utf-8")
    assert main([str(altered), str(SPEC)]) == 1
    out = capsys.readouterr().out
    assert "Operations on the page, missing from the spec (1):" in out
    assert out.rstrip().endswith("1 finding")


def test_an_endpoint_removed_from_the_page_is_reported() -> None:
    page = _altered_page(
        "GET https://api.leeloo.ai/api/v2/connections", "(the connections endpoint was removed)"
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.OPERATION_MISSING_FROM_PAGE
    assert finding.operation_id == "list_connections"
    assert finding.spec_line is not None


def test_path_parameter_names_do_not_matter_for_matching_but_are_reported() -> None:
    page = _altered_page(
        "PUT https://api.leeloo.ai/api/v2/people/{person_id}/add-comment",
        "PUT https://api.leeloo.ai/api/v2/people/{human_id}/add-comment",
    )
    findings = _drift(page).findings
    assert {finding.kind for finding in findings} == {Kind.PATH_PARAMETER}
    assert all(finding.operation_id == "add_comment_to_person" for finding in findings)
    assert {finding.subject for finding in findings} == {"human_id", "person_id"}  # renamed; list is stale


def test_a_renamed_response_field_is_reported() -> None:
    page = PAGE_TEXT.replace('"message_name"', '"template_name"')
    report = _drift(page)
    invalid = _of_kind(report, Kind.EXAMPLE_INVALID)
    undeclared = _of_kind(report, Kind.EXAMPLE_FIELD_UNDECLARED)
    assert {f.subject for f in invalid} == {"response:/data/templates/0", "response:/data/templates/1"}
    assert all("'message_name' is a required property" in f.message for f in invalid)
    assert {f.subject for f in undeclared} == {
        "response:/data/templates/0/template_name",
        "response:/data/templates/1/template_name",
    }
    assert all(f.operation_id == "list_templates_in_category" for f in report.findings)
    assert "#/components/schemas/MessageTemplate" in undeclared[0].message


def test_a_query_parameter_removed_from_the_spec_is_reported(tmp_path: Path) -> None:
    spec_text = SPEC.read_text(encoding="utf-8")
    start = spec_text.index("        - name: filter[email]\n")
    end = spec_text.index("          example: feliks@gmail.com\n") + len(
        "          example: feliks@gmail.com\n"
    )
    spec = tmp_path / "openapi.yaml"
    spec.write_text(spec_text[:start] + spec_text[end:], encoding="utf-8")
    shutil.copyfile(SPEC.parent / "docs-deviations.yaml", tmp_path / "docs-deviations.yaml")
    [finding] = _drift(spec=spec).findings
    assert finding.kind == Kind.QUERY_MISSING_FROM_SPEC
    assert (finding.operation_id, finding.subject) == ("list_people", "filter[email]")


def test_a_query_parameter_added_to_the_page_is_reported() -> None:
    page = _altered_page(
        "GET https://api.leeloo.ai/api/v2/orders?limit=20&offset=0",
        "GET https://api.leeloo.ai/api/v2/orders?limit=20&offset=0&filter[status]=OPENED",
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.QUERY_MISSING_FROM_SPEC
    assert (finding.operation_id, finding.subject) == ("list_orders", "filter[status]")


def test_a_query_parameter_listed_under_query_params_is_checked_too() -> None:
    page = _altered_page(
        "limit - limit the number of results\n", "limit - limit the number of results\nsort - order\n"
    )
    [finding] = _drift(page).findings
    assert (finding.kind, finding.operation_id, finding.subject) == (
        Kind.QUERY_MISSING_FROM_SPEC,
        "list_users",
        "sort",
    )


def test_a_query_parameter_the_page_drops_is_reported() -> None:
    page = _altered_page("&filter[phone]=+380966565556", "").replace(
        "filter[phone] - filter by phone number. Optional\n", ""
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.QUERY_MISSING_FROM_PAGE
    assert (finding.operation_id, finding.subject) == ("list_people", "filter[phone]")


def test_an_example_field_the_spec_does_not_declare_is_reported() -> None:
    page = _altered_page(
        '        "hash": "nn7n15",\n', '        "hash": "nn7n15",\n        "nickname": "ts1",\n'
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.EXAMPLE_FIELD_UNDECLARED
    assert (finding.operation_id, finding.subject) == ("create_traffic_source", "response:/data/nickname")
    assert "#/components/schemas/TrafficSource" in finding.message


def test_a_field_inside_a_real_map_is_not_undeclared() -> None:
    page = _altered_page('"test_UTM_mark"', '"test_UTM_mark", "utm_medium": "cpc"')
    assert _drift(page).findings == []


def test_an_example_value_of_the_wrong_type_is_reported() -> None:
    page = _altered_page('"price": 200,', '"price": "200",')
    [finding] = _drift(page).findings
    assert finding.kind == Kind.EXAMPLE_INVALID
    assert (finding.operation_id, finding.subject) == ("list_orders", "response:/data/0/price")
    assert "'200' is not of type 'number'" in finding.message


def test_a_request_example_is_checked_too() -> None:
    page = _altered_page('"text": "Message text"', '"text": ""')
    [finding] = _drift(page).findings
    assert (finding.kind, finding.operation_id, finding.subject) == (
        Kind.EXAMPLE_INVALID,
        "send_message",
        "request:/text",
    )


def test_a_known_deviation_does_not_hide_another_problem_of_the_same_example() -> None:
    page = _altered_page('"title": "Title11"', '"title": 11')
    report = _drift(page)
    [finding] = report.findings
    assert (finding.operation_id, finding.subject) == ("get_order", "response:/data/title")
    assert ("get_order", "response:/data/createdAt") in {(f.operation_id, f.subject) for f, _ in report.known}


def test_a_format_error_is_a_finding_where_no_deviation_is_curated() -> None:
    page = _altered_page('"createdAt": "2020-02-25T11:18:56.419Z"', '"createdAt": "2020-02-25T11:18Z"')
    [finding] = _drift(page).findings
    assert (finding.operation_id, finding.subject) == ("create_order", "response:/data/createdAt")
    assert "is not a 'date-time'" in finding.message


def test_a_deviation_the_page_no_longer_shows_is_reported_as_stale() -> None:
    page = _altered_page(  # remove-tag is the first form on the page; JSON is what the spec takes first
        "Request Body(form-data)\ntag_id (example: 5b3f543bb2737000133d25b0) - tag id",
        "Request Body(json)\ntag_id (example: 5b3f543bb2737000133d25b0) - tag id",
    )
    [finding] = _drift(page).findings
    assert finding.kind == Kind.STALE_DEVIATION
    assert (finding.operation_id, finding.subject) == ("remove_tag_from_person", "media type form-data")


def test_a_body_field_the_page_lists_and_the_spec_lacks_is_reported() -> None:
    page = _altered_page("text - Message text\n", "text - Message text\npriority - message priority\n")
    [finding] = _drift(page).findings
    assert finding.kind == Kind.BODY_FIELD_MISSING_FROM_SPEC
    assert (finding.operation_id, finding.subject) == ("send_message", "priority")


def test_a_form_field_the_spec_lacks_is_reported() -> None:
    page = _altered_page(
        "tunnel_block_id (example: 5b3f543bb2737000133d25b0) - block id in the tunnel\n",
        "tunnel_block_id (example: 5b3f543bb2737000133d25b0) - block id in the tunnel\nstart_at - when\n",
    )
    [finding] = _drift(page).findings
    assert (finding.kind, finding.operation_id, finding.subject) == (
        Kind.BODY_FIELD_MISSING_FROM_SPEC,
        "manual_subscribe",
        "start_at",
    )


def test_a_form_body_where_the_spec_takes_only_json_is_reported() -> None:
    fields = "account_id (example: 5b3f543bb2737000133d25b0) - communication channel id\ntext"
    page = _altered_page(f"Request Body(json)\n{fields}", f"Request Body(form-data)\n{fields}")
    findings = {(f.kind, f.operation_id, f.subject): f for f in _drift(page).findings}
    assert findings.keys() == {(Kind.REQUEST_BODY, "send_message", "media type form-data")}
    assert "application/json" in findings[Kind.REQUEST_BODY, "send_message", "media type form-data"].message


def test_an_example_that_cannot_be_repaired_is_reported_with_its_line() -> None:
    page = _altered_page('"count_to_process": 1', '"count_to_process": ')
    [finding] = _drift(page).findings
    assert (finding.kind, finding.operation_id) == (Kind.EXAMPLE_NOT_JSON, "add_sms_connection")
    assert page.splitlines()[(finding.page_line or 0) - 1].strip() == "},"  # where json.loads stopped


# --- the repair of the page's actual snippets --------------------------------------------------


def test_repair_fixes_curly_quotes_and_a_missing_comma() -> None:
    example = _page_operation("POST /messages/send-template").request_example
    assert example is not None and "\u201c" in example.text
    with pytest.raises(json.JSONDecodeError):
        json.loads(example.text)
    repaired = repair_json(example.text)
    assert json.loads(repaired.text) == {
        "account_id": "5e42be688d4fff000cafe5cc",
        "template_id": "5e42be758d4fff000cafe6ef",
        "variables": {"key1": "value1", "key2": "value2"},
    }
    assert repaired.repairs == ["line 3: curly quotes replaced", "line 3: missing comma added"]


def test_repair_removes_comments_and_adds_missing_commas() -> None:
    example = _page_operation("GET /tunnels/stats").response_example
    assert example is not None and "// in USD" in example.text
    repaired = repair_json(example.text)
    [stats] = json.loads(repaired.text)["data"]
    assert stats["totalSale"] == 200 and stats["visits"] == 14 and stats["uniqShows"] == 3
    assert sum("missing comma" in repair for repair in repaired.repairs) == 3
    assert any("comment removed" in repair for repair in repaired.repairs)


def test_repair_removes_comments_listing_values_and_a_trailing_comma() -> None:
    example = _page_operation("GET /orders/{order_id}").response_example
    assert example is not None
    data = json.loads(repair_json(example.text).text)["data"]
    assert (data["currency"], data["status"], data["paymentMethod"]) == ("UAH", "SUCCESS", "WAYFORPAY")


def test_repair_adds_the_missing_opening_brace() -> None:
    example = _page_operation("GET /categories/templates").response_example
    assert example is not None and example.text.startswith('"data"')
    repaired = repair_json(example.text)
    assert json.loads(repaired.text)["status"] == 1
    assert repaired.added_opening_brace


def test_repair_keeps_double_slashes_inside_strings() -> None:
    example = _page_operation("GET /communication-channels/{account_id}/person").response_example
    assert example is not None
    repaired = repair_json(example.text)
    assert json.loads(repaired.text)["data"]["profileImage"].startswith("https://static.leeloo.ai/")
    assert repaired.repairs == []


def test_repair_removes_trailing_commas_on_one_line_and_across_lines() -> None:
    assert json.loads(repair_json('{"a": [1, 2,], "b": {"c": 1,},\n}').text) == {"a": [1, 2], "b": {"c": 1}}


# --- the command line --------------------------------------------------------------------------


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([str(PAGE)])
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_missing_file_is_a_message_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.txt"), str(SPEC)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([str(PAGE), str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_a_spec_that_is_not_yaml_is_a_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: [3.1.0\n", encoding="utf-8")
    assert main([str(PAGE), str(spec)]) == 2
    assert f"{spec}:" in capsys.readouterr().err


def test_a_spec_that_is_not_openapi_is_reported_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text('openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: []\n', encoding="utf-8")
    assert main([str(PAGE), str(spec)]) == 2
    err = capsys.readouterr().err
    assert f"{spec}:3:1: paths:" in err and "not valid OpenAPI" in err
