"""The loader's size bound, raised on purpose (``DocumentBounds``), and the check of a document past
the default one (the meta-schema alone, ``openapi_document._meta_check``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from openapi_document._refs import MAX_RESOLVED_NODES, RefPolicy, Resolver
from openapi_document._yaml_positions import (
    DEFAULT_BOUNDS,
    DOCUMENT_BYTES_CEILING,
    MAX_DOCUMENT_BYTES,
    MAX_NODES,
    DocumentBounds,
    DocumentTooLarge,
    load_yaml_with_positions,
)
from openapi_document.spec_check import check_for_mock

RAISED = DocumentBounds(32 << 20)


def _large(tmp_path: Path, paths: dict[str, Any], components: dict[str, Any] | None = None) -> Path:
    """An OpenAPI 3.0 document just past 16 MiB: ``paths``, and a long description."""
    document = {
        "openapi": "3.0.3",
        "info": {"title": "large", "version": "1", "description": "x" * (MAX_DOCUMENT_BYTES + 1024)},
        "paths": paths,
        "components": components or {},
    }
    spec = tmp_path / "large.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    return spec


def test_the_node_bounds_follow_the_size_bound_and_never_shrink() -> None:
    assert DEFAULT_BOUNDS.max_nodes == MAX_NODES
    assert DocumentBounds(64 << 20).max_nodes == 4 * MAX_NODES
    assert DocumentBounds(1024).max_nodes == MAX_NODES
    assert DocumentBounds(64 << 20).size_text == "64 MiB"


@pytest.mark.parametrize("size", [0, -1, DOCUMENT_BYTES_CEILING + 1])
def test_a_bound_past_the_ceiling_or_below_a_byte_is_refused(size: int) -> None:
    with pytest.raises(ValueError, match="256 MiB"):
        DocumentBounds(size)


def test_a_file_past_the_bound_is_refused_and_read_within_a_raised_one(tmp_path: Path) -> None:
    spec = _large(tmp_path, {})
    with pytest.raises(DocumentTooLarge, match="too large: more than 16 MiB"):
        load_yaml_with_positions(spec, positions=False)
    assert load_yaml_with_positions(spec, positions=False, bounds=RAISED).data["openapi"] == "3.0.3"


def test_the_resolver_bound_follows_too(tmp_path: Path) -> None:
    loaded = load_yaml_with_positions(_large(tmp_path, {}), positions=False, bounds=RAISED)
    assert Resolver(loaded, RefPolicy(), RAISED)._max_resolved_nodes == 2 * MAX_RESOLVED_NODES


def test_a_large_document_is_served_with_one_warning_saying_how_it_was_checked(tmp_path: Path) -> None:
    ok = {"responses": {"200": {"description": "ok"}}}
    checked = check_for_mock(_large(tmp_path, {"/x": {"get": ok}}), None, RAISED)
    assert checked.problems == []
    assert "checked against the OpenAPI 3.1 meta-schema and its $refs only" in checked.warnings[0].reason


def test_a_large_document_that_breaks_the_meta_schema_is_refused_at_the_place(tmp_path: Path) -> None:
    checked = check_for_mock(_large(tmp_path, {"/x": {"get": {"responses": 7}}}), None, RAISED)
    assert [problem.reason.split(":")[0] for problem in checked.problems] == ["paths/~1x/get/responses"]


def test_a_large_document_with_a_dangling_ref_is_refused_naming_it(tmp_path: Path) -> None:
    schema = {"$ref": "#/components/schemas/Missing"}
    answer = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    checked = check_for_mock(_large(tmp_path, {"/x": {"get": {"responses": {"200": answer}}}}), None, RAISED)
    assert len(checked.problems) == 1
    assert "cannot resolve '#/components/schemas/Missing'" in checked.problems[0].reason


def test_a_raised_bound_lets_in_more_nodes_and_still_bounds_them(tmp_path: Path) -> None:
    from openapi_document._yaml_positions import _within_bounds

    spec = tmp_path / "many.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "x-items": [0] * (MAX_NODES + 10)}), encoding="utf-8")
    assert spec.stat().st_size < MAX_DOCUMENT_BYTES  # the nodes, not the bytes, pass the default bound
    data = load_yaml_with_positions(spec, positions=False, bounds=RAISED).data
    assert len(data["x-items"]) == MAX_NODES + 10
    # the default bound refuses it (the YAML parser then words why, at its line: slow at this size)
    assert not _within_bounds(data, DEFAULT_BOUNDS.max_nodes)
    assert not _within_bounds({"x": [0] * (2 * MAX_NODES + 10)}, RAISED.max_nodes)


def test_the_bounding_walk_gathers_references_and_patterns(tmp_path: Path) -> None:
    from openapi_document._refs import ref_strings

    data = {
        "openapi": "3.1.0",
        "a": {"$ref": "#/b", "pattern": "^x$", "c": [{"$ref": "other.json#/d"}, {"pattern": 5}]},
        "e": {"patternProperties": {"^p": {}, "^q": {"pattern": "^y$"}}},
        "example": {"pattern": "^in-data$"},
    }
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(data), encoding="utf-8")
    written = load_yaml_with_positions(spec, positions=False).written
    assert written is not None
    assert sorted(written.refs) == sorted(ref_strings(data))
    assert written.patterns == {"^x$", "^p", "^q", "^y$", "^in-data$"}  # example data too: a superset
    yaml_spec = tmp_path / "spec.yaml"
    yaml_spec.write_text("openapi: 3.1.0\na: {$ref: '#/b'}\n", encoding="utf-8")
    assert load_yaml_with_positions(yaml_spec, positions=False).written is None  # not gathered
