"""The one check of the --stateful mapping: its grammar (a JSON Schema) and its cross references,
the same for the mock at start-up and for ``make spec-check``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.resources_check import check_resources
from mock_server.stateful.mapping import DEFAULT_RESOURCES_PATH, ResourceMappingError, load_mapping
from mock_server.stateful.mapping_check import SCHEMA_PATH, grammar_problems
from openapi_document._yaml_positions import load_yaml_with_positions
from tests.spec_edits import load_spec

MAPPING_TEXT = DEFAULT_RESOURCES_PATH.read_text(encoding="utf-8")


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    assert MAPPING_TEXT.count(old) == 1, f"the mapping no longer contains {old!r} once"
    path = tmp_path / "mock-resources.yaml"
    path.write_text(MAPPING_TEXT.replace(old, new), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_the_grammar_is_a_valid_json_schema_and_the_committed_mapping_fits_it() -> None:
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert grammar_problems(load_yaml_with_positions(DEFAULT_RESOURCES_PATH).data) == []


# (old text, new text, a text on the line the problem is reported at, the reason)
GRAMMAR_CASES = [
    (
        "{set: phone, value: $body.phone}",
        "{set: phone, add: tags, value: $body.phone}",
        "set: phone, add",
        "a change has exactly one of set, add, remove, merge and a value",
    ),
    (
        "{merge: custom_fields, by: name,",
        "{merge: custom_fields,",
        "merge: custom_fields",
        "`by` goes with `merge`, and only with it",
    ),
    (
        "    action: list\n    collection: tags",
        "    action: list\n    colection: tags",
        "colection",
        "unknown key",
    ),
    (
        "    find: orders:id\n    by: $path.order_id\n  create_order",
        "    find: orders:id\n  create_order",
        "  get_order:",
        "get_order needs 'by'",
    ),
    (
        "items_at: /data/connections",
        "items_at: data/connections",
        "items_at: data/connections",
        "expected a JSON pointer starting with /",
    ),
    (
        '"filter[phone]", field: phone, op: equals}',
        '"filter[phone]", field: phone, op: equal}',
        "op: equal}",
        "op must be one of equals, all, any, date_from, date_to",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "reason"), GRAMMAR_CASES, ids=[c[3][:30] for c in GRAMMAR_CASES]
)
def test_a_grammar_problem_is_named_at_its_line_by_both_readers(
    tmp_path: Path, old: str, new: str, needle: str, reason: str
) -> None:
    path = _edited(tmp_path, old, new)
    spec = load_spec()
    with pytest.raises(ResourceMappingError) as raised:
        load_mapping(path, spec)
    lines = str(raised.value).splitlines()
    assert lines == check_resources(path, spec)
    line = _line_of(path, needle)
    assert any(reason in one and one.startswith(f"{path}:{line}:") for one in lines), lines


def test_a_field_the_collection_lacks_now_stops_the_mock_too(tmp_path: Path) -> None:
    """Before, only ``make spec-check`` walked the fields; the mock started and failed later, while
    answering. Now both call the one cross-reference pass."""
    path = _edited(tmp_path, '"filter[email]", field: email,', '"filter[email]", field: lastSeen,')
    spec: dict[str, Any] = load_spec()
    with pytest.raises(ResourceMappingError, match="collection 'people' has no field 'lastSeen'") as raised:
        load_mapping(path, spec)
    assert str(raised.value).startswith(f"{path}:{_line_of(path, 'lastSeen')}:")
    assert str(raised.value).splitlines() == check_resources(path, spec)
