"""make changes: every difference between two specs classified for users of the client and the mock."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.changes import (
    Change,
    ChangeReport,
    bumped,
    client_version,
    compare,
    compare_with_revision,
    format_text,
    grouped,
    main,
)
from tests.spec_edits import additive, breaking, load_spec, write_spec


@pytest.fixture(scope="module")
def base_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_spec(load_spec(), tmp_path_factory.mktemp("base") / "openapi.yaml")


def _spec(tmp_path: Path, name: str, spec: dict[str, Any]) -> Path:
    return write_spec(spec, tmp_path / f"{name}.yaml")


def _rules(changes: list[Change]) -> set[tuple[str, str]]:
    return {(change.rule, change.where) for change in changes}


# --- the two changes of the issue, with the generated client compared too ------------------------


def test_an_additive_change_is_compatible_on_the_wire_and_for_python_callers(
    base_spec: Path, tmp_path: Path
) -> None:
    new = _spec(tmp_path, "additive", additive(load_spec()))
    report = compare(base_spec, new, "before", "after")
    assert report.breaking == []
    assert report.bump == "minor"
    new_paths = set(load_spec(new)["paths"]) - set(load_spec(base_spec)["paths"])
    rules = _rules(report.compatible)
    assert len(new_paths) == 1 and {("api-added", f"GET {path}") for path in new_paths} <= rules
    assert {("optional-parameter-added", "GET /tags"), ("response-property-added", "GET /tags")} <= rules
    # nothing else than additions (the 400 the lint asks for comes with a first parameter)
    assert {rule for rule, _ in rules} <= {
        "api-added",
        "optional-parameter-added",
        "response-property-added",
        "response-status-added",
    }


def test_a_breaking_change_is_breaking_on_the_wire_and_for_python_callers(
    base_spec: Path, tmp_path: Path
) -> None:
    new = _spec(tmp_path, "breaking", breaking(load_spec()))
    report = compare(base_spec, new, "before", "after")
    assert report.bump == "major"
    wire = _rules([change for change in report.breaking if change.audience == "wire"])
    assert ("request-parameter-removed", "GET /people") in wire
    assert ("new-required-request-property", "POST /people") in wire
    assert ("request-enum-value-removed", "POST /orders/{order_id}") in wire
    python = [change for change in report.breaking if change.audience == "python"]
    assert ("python-parameter-removed", "leeloo_client.api.people.People.list") in _rules(python)
    assert ("python-parameter-removed", "leeloo_client.api.people.list_people.request") in _rules(python)
    assert all("filter_tags" in change.message for change in python)
    # a response enum that shrinks tells callers nothing new: compatible
    assert ("response-enum-value-removed", "GET /orders") in _rules(report.compatible)


# --- the wire rules one by one (no generation) -----------------------------------------------------


def _wire(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> ChangeReport:
    return compare(_spec(tmp_path, "old", old), _spec(tmp_path, "new", new), "old", "new", python=False)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_spec()


def test_a_removed_operation_is_breaking(tmp_path: Path, spec: dict[str, Any]) -> None:
    new = copy.deepcopy(spec)
    del new["paths"]["/tags"]
    report = _wire(tmp_path, spec, new)
    assert ("api-removed", "GET /tags") in _rules(report.breaking)


def test_a_removed_response_field_and_a_field_that_may_now_be_absent_are_breaking(
    tmp_path: Path, spec: dict[str, Any]
) -> None:
    new = copy.deepcopy(spec)
    tag = new["components"]["schemas"]["Tag"]
    del tag["properties"]["name"]
    tag["required"] = ["id"]
    report = _wire(tmp_path, spec, new)
    messages = {change.message for change in report.breaking if change.where == "GET /tags"}
    assert "response 200 (application/json).data[]: field 'name' removed" in messages


def test_a_request_type_that_accepts_less_is_breaking_and_one_that_accepts_more_is_not(
    tmp_path: Path, spec: dict[str, Any]
) -> None:
    narrowed = copy.deepcopy(spec)
    narrowed["components"]["schemas"]["CreatePersonRequest"]["properties"]["phone"] = {"type": "integer"}
    report = _wire(tmp_path, spec, narrowed)
    assert ("request-type-narrowed", "POST /people") in _rules(report.breaking)
    nullable = copy.deepcopy(spec)
    nullable["components"]["schemas"]["CreatePersonRequest"]["properties"]["phone"] = {
        "type": ["string", "null"]
    }
    widened = _wire(tmp_path, spec, nullable)
    assert ("request-type-widened", "POST /people") in _rules(widened.compatible)
    assert widened.breaking == [] and widened.bump == "minor"


def test_a_new_value_in_a_response_enum_is_breaking_for_callers_that_check_values(
    tmp_path: Path, spec: dict[str, Any]
) -> None:
    new = copy.deepcopy(spec)
    new["components"]["schemas"]["OrderStatus"]["enum"].append("ARCHIVED")
    report = _wire(tmp_path, spec, new)
    assert ("response-enum-value-added", "GET /orders") in _rules(report.breaking)


def test_a_changed_media_type_is_breaking(tmp_path: Path, spec: dict[str, Any]) -> None:
    new = copy.deepcopy(spec)
    content = new["paths"]["/messages/send-message"]["post"]["requestBody"]["content"]
    content["text/plain"] = content.pop("application/json")
    report = _wire(tmp_path, spec, new)
    assert ("request-body-media-type-removed", "POST /messages/send-message") in _rules(report.breaking)
    assert ("request-body-media-type-added", "POST /messages/send-message") in _rules(report.compatible)


def test_a_parameter_that_becomes_required_is_breaking(tmp_path: Path, spec: dict[str, Any]) -> None:
    new = copy.deepcopy(spec)
    for parameter in new["paths"]["/people"]["get"]["parameters"]:
        if parameter.get("name") == "filter[tags]":
            parameter["required"] = True
    report = _wire(tmp_path, spec, new)
    assert ("parameter-became-required", "GET /people") in _rules(report.breaking)


def test_a_description_only_change_is_a_patch(tmp_path: Path, spec: dict[str, Any]) -> None:
    new = copy.deepcopy(spec)
    new["paths"]["/tags"]["get"]["description"] = "Every tag of the account."
    report = _wire(tmp_path, spec, new)
    assert report.breaking == [] and report.bump == "patch"
    assert [(change.rule, change.where) for change in report.compatible] == [("documentation", "GET /tags")]


def test_identical_specs_have_no_changes(tmp_path: Path, spec: dict[str, Any]) -> None:
    report = _wire(tmp_path, spec, spec)
    assert report.empty and report.bump == "patch"
    assert format_text(report).endswith("no differences")


# --- output, versions, refusals --------------------------------------------------------------------


def test_json_output_is_one_object_with_bump_breaking_compatible(
    tmp_path: Path, spec: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _spec(tmp_path, "old", spec), _spec(tmp_path, "new", breaking(spec))
    assert main([str(old), str(new), "--format", "json", "--no-python"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["bump", "breaking", "compatible"]
    assert report["bump"] == "major"
    assert {"rule": "request-parameter-removed", "where": "GET /people"}.items() <= report["breaking"][
        0
    ].items()


def test_text_output_groups_one_change_shared_by_several_operations() -> None:
    changes = [
        Change("response-status-added", f"GET /x{i}", "response 400 added", "wire", False) for i in range(6)
    ]
    [line] = grouped(changes)
    assert line == (
        "response 400 added [response-status-added] in 6 places: "
        "GET /x0, GET /x1, GET /x2, GET /x3 and 2 more"
    )


def test_a_spec_that_is_not_valid_is_refused_with_file_line_and_reason(
    tmp_path: Path, spec: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /x: [1, 2\n", encoding="utf-8")
    good = _spec(tmp_path, "good", spec)
    assert main([str(good), str(bad), "--no-python"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:") and "Traceback" not in err


def test_an_unknown_revision_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--base", "no-such-revision-xyz", "--no-python"]) == 2
    assert capsys.readouterr().err.startswith(
        "no-such-revision-xyz:spec/openapi.yaml: cannot be read from git"
    )


def test_relative_spec_paths_work_for_the_python_comparison(
    tmp_path: Path, spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    _spec(tmp_path, "old", spec)
    _spec(tmp_path, "new", breaking(spec))
    monkeypatch.chdir(tmp_path)
    report = compare(Path("old.yaml"), Path("new.yaml"), "old.yaml", "new.yaml")
    assert any(change.audience == "python" for change in report.breaking)


def test_the_working_spec_compares_with_head() -> None:
    report = compare_with_revision("HEAD", python=False)
    assert report.old == "HEAD:spec/openapi.yaml"


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("2.0.0", "major", "3.0.0"),
        ("2.0.0", "minor", "2.1.0"),
        ("2.1.3", "patch", "2.1.4"),
        ("2", "minor", "2.1.0"),
    ],
)
def test_versions_are_bumped_by_semver(version: str, bump: Any, expected: str) -> None:
    assert bumped(version, bump) == expected


def test_the_client_version_is_read_from_the_config() -> None:
    assert client_version('package_version_override: "2.4.1"\n') == "2.4.1"
    assert client_version("literal_enums: true\n") == "0.0.0"
