"""The spec check reads spec/mock-resources.yaml too: every operation, collection and field it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.resources_check import check_resources, main
from tests.spec_edits import SPEC, load_spec

ROOT = Path(__file__).resolve().parents[2]
MAPPING = ROOT / "spec" / "mock-resources.yaml"
MAPPING_TEXT = MAPPING.read_text(encoding="utf-8")


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MAPPING_TEXT, f"the mapping no longer contains {old!r}"
    path = tmp_path / "mock-resources.yaml"
    path.write_text(MAPPING_TEXT.replace(old, new), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_the_committed_mapping_fits_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MAPPING), str(SPEC)]) == 0
    assert "every operation, collection and field it names" in capsys.readouterr().out


def test_an_unknown_filter_field_is_named_with_its_line(tmp_path: Path) -> None:
    path = _edited(tmp_path, "field: lastMessageTime, op: date_from}", "field: lastSeen, op: date_from}")
    problems = check_resources(path, load_spec())
    assert problems[0] == (
        f"{path}:{_line_of(path, 'lastSeen')}:47: collection 'people' has no field 'lastSeen'"
        " (its seeds' schemas and records)"
    )


def test_an_unknown_path_parameter_and_body_field_are_named(tmp_path: Path) -> None:
    path = _edited(tmp_path, "value: $body.custom_fields}", "value: $body.custom_fieldz}")
    [problem] = check_resources(path, load_spec())
    assert problem.startswith(f"{path}:{_line_of(path, 'custom_fieldz')}:")
    assert problem.endswith("the request body of update_person declares no field 'custom_fieldz'")
    path = _edited(tmp_path, "by: $path.order_id", "by: $path.id")
    assert any(
        "get_order declares no path parameter 'id'" in line for line in check_resources(path, load_spec())
    )


def test_a_query_parameter_the_spec_renamed_is_caught_by_the_spec_check(tmp_path: Path) -> None:
    spec = load_spec()
    for parameter in spec["paths"]["/people"]["get"]["parameters"]:
        if parameter.get("name") == "filter[phone]":
            parameter["name"] = "filter[telephone]"
    problems = check_resources(MAPPING, spec)
    assert len(problems) == 1
    assert problems[0].startswith(f"{MAPPING}:{_line_of(MAPPING, 'filter[phone]')}:")
    assert problems[0].endswith("list_people declares no query parameter 'filter[phone]'")


def test_an_operation_the_spec_dropped_is_caught(tmp_path: Path) -> None:
    spec = load_spec()
    del spec["paths"]["/tags"]
    problems = check_resources(MAPPING, spec)
    assert any(line.endswith("the spec has no operation 'list_tags'") for line in problems)


def test_an_unreadable_mapping_is_a_line_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "mock-resources.yaml"
    path.write_text("version: 1\ncollections: [\n", encoding="utf-8")
    [problem] = check_resources(path, load_spec())
    assert problem.startswith(f"{path}:")
