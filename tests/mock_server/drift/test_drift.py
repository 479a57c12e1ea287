"""leeloo-drift: one test per kind of departure, the evidence ties, the report's forms and bounds."""

from __future__ import annotations

import json
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import pytest

from mock_server.drift import KINDS, DriftSpec, check_capture
from mock_server.drift.cli import main
from mock_server.har import Body, Entry, HarWriter, Request, Response
from mock_server.pages.drift_page import render_drift


def expected(chosen: Any) -> list[tuple[str, str, str, str | None, int, str, str]]:
    """The sample's departures, in make_sample.departures' order: kind, method, path template,
    operationId, status, location, pointer."""
    return [
        ("undeclared-operation", "GET", "/api/v2/webhooks", None, 200, "operation", ""),
        (
            "undeclared-query-parameter",
            "GET",
            "/tags",
            "list_tags",
            200,
            "query",
            f"/{chosen.query_parameter}",
        ),
        (
            "undeclared-request-field",
            "POST",
            "/people",
            "create_person",
            200,
            "request body",
            f"/{chosen.request_field}",
        ),
        ("refused-value-accepted", "GET", "/people", "list_people", 200, "query", "/limit"),
        ("undeclared-status", "POST", "/people", "create_person", chosen.status, "status", ""),
        ("undeclared-media-type", "GET", "/connections", "list_connections", 200, "content-type", ""),
        (
            "response-schema-mismatch",
            "GET",
            "/communication-channels",
            "list_communication_channels",
            200,
            "response body",
            "/data/*/from",
        ),
        (
            "response-schema-mismatch",
            "GET",
            "/orders/{order_id}",
            "get_order",
            200,
            "response body",
            "/data/status",
        ),
        (
            "undeclared-response-field",
            "GET",
            "/people/{person_id}",
            "get_person",
            200,
            "response body",
            f"/data/{chosen.response_field}",
        ),
        ("failure-envelope-on-success", "GET", "/people", "list_people", 200, "response body", "/status"),
    ]


SEEDED = 10


def test_the_mocks_own_answers_yield_no_findings(mock_answers: list[Entry], drift_spec: DriftSpec) -> None:
    report = check_capture(mock_answers, drift_spec)
    assert report.exchanges == report.matched == len(drift_spec.operations)
    assert report.findings == []


def test_every_kind_is_seeded(chosen: Any, departures: list[Entry]) -> None:
    assert sorted({kind for kind, *_ in expected(chosen)}) == sorted(KINDS)
    assert len(departures) == len(expected(chosen)) == SEEDED


@pytest.mark.parametrize("seeded", range(SEEDED))
def test_each_seeded_departure_is_named(
    seeded: int, mock_answers: list[Entry], departures: list[Entry], drift_spec: DriftSpec, chosen: Any
) -> None:
    entries = [*mock_answers, departures[seeded], departures[seeded]]
    report = check_capture(entries, drift_spec)
    (finding,) = report.findings
    named = (
        finding.kind,
        finding.method,
        finding.path,
        finding.operation_id,
        finding.status,
        finding.location,
        finding.pointer,
    )
    assert named == expected(chosen)[seeded]
    assert (finding.count, finding.first) == (2, len(mock_answers))


def _verdicts(report_json: dict[str, object]) -> dict[str, tuple[object, object]]:
    listed = report_json["evidence"]
    assert isinstance(listed, list)
    return {item["pointer"]: (item["status"], item["verdict"]) for item in listed}


def test_the_sample_ties_findings_to_the_evidence_register(drift_spec: DriftSpec, sample: Path) -> None:
    from mock_server.har import read_entries

    report = check_capture(read_entries(sample), drift_spec, sample.name)
    verdicts = _verdicts(report.as_json())
    register = {entry.pointer: entry.status for entry in drift_spec.register.values()}
    (limit,) = [pointer for pointer in verdicts if pointer.startswith("components/parameters/Limit")]
    assert verdicts[limit] == (register[limit], "contradicted")  # a guess, or a capture's lifted bound
    assert verdicts["components/schemas/ChannelSource"] == ("guess", "contradicted")
    assert verdicts["components/schemas/OrderStatus"] == ("verified", "contradicted")
    assert verdicts["components/responses/NotFound"] == ("guess", "confirmed")  # the stateful mock's 404
    lines = report.to_text().splitlines()
    loud = lines[: next(i for i, line in enumerate(lines) if line.startswith(f"{sample.name}: "))]
    assert loud and all(line.startswith("VERIFIED DECISION CONTRADICTED: ") for line in loud)  # first
    assert any("components/schemas/OrderStatus" in line for line in loud)
    first = report.as_json()["evidence"][0]
    assert (first["status"], first["verdict"]) == ("verified", "contradicted")  # loudest first


def test_a_guess_held_by_traffic_is_confirmed_not_contradicted(
    mock_answers: list[Entry], drift_spec: DriftSpec
) -> None:
    # a limit above the maximum refused by the API (its envelope in a 400) is what the spec says
    over = drift_spec.document["components"]["parameters"]["Limit"]["schema"]["maximum"] + 1
    people = next(e for e in mock_answers if e.request.method == "GET" and e.request.path == "/api/v2/people")
    refused = replace(
        people,
        request=replace(people.request, url=people.request.url.split("?")[0] + f"?limit={over}"),
        response=Response(
            400,
            (("content-type", "application/json"),),
            Body(
                "application/json",
                b'{"status":0,"error":{"code":"FORMAT_ERROR","fields":{"limit":"TOO_BIG"}}}',
            ),
        ),
    )
    report = check_capture([refused], drift_spec)
    assert report.findings == []
    (limit,) = [v for v in report.verdicts if v.evidence.pointer.startswith("components/parameters/Limit")]
    assert (limit.held, limit.contradicted, limit.first_held) == (1, 0, 0)
    # a guess is listed as confirmed (a verified decision held is no news)
    assert limit.verdict == ("confirmed" if limit.evidence.status == "guess" else None)


def test_another_api_and_another_host_are_matched_or_counted_never_errors(
    mock_answers: list[Entry], drift_spec: DriftSpec
) -> None:
    tags = next(e for e in mock_answers if e.request.path == "/api/v2/tags")
    elsewhere = replace(tags, request=replace(tags.request, url="http://127.0.0.1:9999/api/v2/tags"))
    foreign = replace(tags, request=replace(tags.request, url="https://example.com/v1/users"))
    report = check_capture([elsewhere, foreign], drift_spec)
    assert (report.exchanges, report.matched, report.findings) == (2, 1, [])


def _write(path: Path, entries: list[Entry], *, redact: bool = True) -> Path:
    with HarWriter(path, redact=redact) as writer:
        for entry in entries:
            writer.write(entry)
    return path


def test_exit_codes_and_the_json_form(
    tmp_path: Path, mock_answers: list[Entry], departures: list[Entry], capsys: pytest.CaptureFixture[str]
) -> None:
    clean = _write(tmp_path / "clean.har", mock_answers)
    assert main([str(clean)]) == 0
    capsys.readouterr()
    drifted = _write(tmp_path / "drift.ndjson", [*mock_answers, *departures])
    assert main([str(drifted), "--format", "json"]) == 1
    out = capsys.readouterr().out
    document = json.loads(out)
    assert {"exchanges", "matched", "findings", "evidence"} <= set(document)
    assert document["exchanges"] == len(mock_answers) + len(departures)
    assert len(document["findings"]) == SEEDED


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "No such file"),
        (
            '{"log": {"entries": [{"request": {"method": "GET"}, "response": {"status": 200}}]}}',
            "entry 0: request.url",
        ),
        ("not json at all", "not valid JSON"),
    ],
)
def test_bad_input_is_exit_2_with_one_line(
    tmp_path: Path, content: str | None, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.har"
    if content is not None:
        path.write_text(content)
    assert main([str(path)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and str(path) in error and reason in error


def test_bad_arguments_are_usage_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["x.har", "--format", "yaml"])
    assert exited.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_ignore_header_leaves_it_out(
    mock_answers: list[Entry], departures: list[Entry], drift_spec: DriftSpec
) -> None:
    html = departures[5]  # an HTML answer where JSON is declared
    assert [f.kind for f in check_capture([html], drift_spec).findings] == ["undeclared-media-type"]
    ignored = check_capture([html], drift_spec, ignore_headers=["Content-Type"])
    # the declared media type is assumed: what is left is that the body is not JSON
    assert [(f.kind, f.message[:26]) for f in ignored.findings] == [
        ("response-schema-mismatch", "The answer is not valid JS")
    ]


SECRET = "s3cr3t-token-0123456789"


@pytest.mark.parametrize("form", ["text", "json", "html"])
def test_no_secret_reaches_the_report_whatever_the_capture_holds(
    tmp_path: Path,
    mock_answers: list[Entry],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    form: str,
) -> None:
    monkeypatch.setenv("LEELOO_AUTH_TOKEN", SECRET)
    tags = next(e for e in mock_answers if e.request.path == "/api/v2/tags")
    leaky = Entry(
        Request(
            "GET",
            f"https://me:{SECRET}@api.leeloo.ai/api/v2/tags?access_token={SECRET}&debug={SECRET}",
            (("X-Leeloo-AuthToken", SECRET), ("Cookie", f"session={SECRET}")),
        ),
        Response(
            200,
            (("content-type", "application/json"), ("set-cookie", f"s={SECRET}")),
            Body(
                "application/json",
                json.dumps({"status": 1, "data": [{"id": 1, "password": SECRET}]}).encode(),
            ),
        ),
        tags.started,
    )
    capture = _write(tmp_path / "leaky.har", [leaky], redact=False)  # recorded with --record-secrets
    assert SECRET in capture.read_text()
    assert main([str(capture), "--format", form, "--propose", str(tmp_path / "p.patch")]) == 1
    captured = capsys.readouterr()
    assert "access_token" in captured.out and "password" in captured.out  # the findings are there ...
    assert SECRET not in captured.out + captured.err  # ... its secret is not
    assert SECRET not in (tmp_path / "p.patch").read_text()


def test_a_token_that_html_escapes_is_not_on_the_page_either(
    mock_answers: list[Entry], drift_spec: DriftSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = "tok&<en>-0123456789"
    monkeypatch.setenv("LEELOO_AUTH_TOKEN", token)
    report = check_capture(mock_answers[:1], drift_spec, f"{token}.har")  # a capture named after it
    html = render_drift(report)
    assert "REDACTED.har" in html
    assert token not in html and escape(token) not in html


def test_ndjson_is_streamed(tmp_path: Path, mock_answers: list[Entry], drift_spec: DriftSpec) -> None:
    path = tmp_path / "big.ndjson"
    lines = [json.dumps(e.to_har()) for e in mock_answers]
    path.write_text("\n".join(lines * 20) + "\n")
    from mock_server.har import read_entries

    report = check_capture(read_entries(path), drift_spec)
    assert report.exchanges == 20 * len(mock_answers) and report.findings == []


def test_the_journal_is_a_capture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mock_server.testing import in_process

    with in_process() as mock, mock.client(base_url=mock.url) as client:
        client.get("/api/v2/tags", headers={"X-Leeloo-AuthToken": "t"})
        client.get("/api/v2/tags", params={"limit": "5"}, headers={"X-Leeloo-AuthToken": "t"})
        journal = mock.journal()
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(journal))
    assert main([str(path), "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["kind"], finding["path"], finding["pointer"]) == (
        "undeclared-query-parameter",
        "/tags",
        "/limit",
    )


def test_a_validator_message_never_quotes_a_secret_fields_value() -> None:
    from mock_server.drift.checks._common import message_without_secret

    assert (
        message_without_secret("password", "hunter2", '"hunter2" is not of type "integer"')
        == 'REDACTED is not of type "integer"'
    )
    assert message_without_secret("name", "hunter2", '"hunter2" is too long') == '"hunter2" is too long'
