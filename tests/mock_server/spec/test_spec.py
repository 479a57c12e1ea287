"""Reading a spec: $ref following, base paths, path-level parameters merged into operations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mock_server import DataGenerator, Spec, SpecError, default_spec_path, load_document, load_spec
from mock_server.stages.validation import compile_validator

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "servers": [
        {"url": "https://api.example.com/api/v2/"},
        {"url": "/other"},
        {"url": "https://example.com/{version}"},
    ],
    "security": [{"Key": []}],
    "components": {
        "parameters": {"Shared": {"name": "q", "in": "query", "schema": {"type": "string"}}},
        "schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "integer"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
        },
    },
    "paths": {
        "/items/{id}": {
            "parameters": [
                {"$ref": "#/components/parameters/Shared"},
                {"name": "id", "in": "path", "required": True},
            ],
            "get": {"operationId": "get_item", "responses": {"200": {"description": "ok"}}},
            "put": {
                "security": [],
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "integer"}}],
                "responses": {},
            },
        }
    },
}


def test_deref_follows_chains_and_refuses_loops_and_dangling_refs() -> None:
    spec = Spec(DOCUMENT)
    assert spec.deref({"$ref": "#/components/schemas/A"}) == {"type": "integer"}
    with pytest.raises(SpecError, match="loops"):
        spec.deref({"$ref": "#/components/schemas/Loop"})
    with pytest.raises(SpecError, match="points nowhere"):
        spec.deref({"$ref": "#/components/schemas/Nope"})
    with pytest.raises(SpecError, match="not a reference inside the document"):
        spec.deref({"$ref": "other.yaml#/x"})


def test_base_paths_of_the_servers() -> None:
    assert Spec(DOCUMENT).servers_base_paths() == ["/api/v2", "/other"]


def test_operations_merge_path_parameters_and_inherit_security() -> None:
    get, put = list(Spec(DOCUMENT).operations())
    assert (get.operation_id, [p["name"] for p in get.parameters]) == ("get_item", ["q", "id"])
    assert get.security == ({"Key": []},)
    assert (put.operation_id, put.name) == ("", "PUT /items/{id}")
    assert put.security == ()
    assert [p.get("schema") for p in put.parameters if p["name"] == "q"] == [{"type": "integer"}]


def test_validator_schema_keeps_component_refs_resolvable() -> None:
    schema = Spec(DOCUMENT).validator_schema({"$ref": "#/components/schemas/A"})
    assert schema["components"] is DOCUMENT["components"]
    assert schema["$schema"].endswith("2020-12/schema")


def test_default_spec_path_prefers_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert default_spec_path().name == "openapi.yaml"
    monkeypatch.setenv("LEELOO_MOCK_SPEC", str(tmp_path / "x.yaml"))
    assert default_spec_path() == tmp_path / "x.yaml"


def test_load_document_refuses_a_non_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n")
    with pytest.raises(SpecError):
        load_document(path)


RECURSIVE: dict[str, Any] = {
    "openapi": "3.1.0",
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "format": "email"},
                    "next": {"oneOf": [{"$ref": "#/components/schemas/Node"}, {"type": "null"}]},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                },
            },
            "Endless": {
                "type": "object",
                "required": ["again"],
                "properties": {"again": {"$ref": "#/components/schemas/Endless"}},
            },
        }
    },
}


def test_registry_validators_resolve_recursive_schemas() -> None:
    spec = Spec(RECURSIVE)
    assert spec.registry_schema({"items": {"$ref": "#/components/schemas/Node"}})["items"] == {
        "$ref": "urn:leeloo-mock:spec#/components/schemas/Node"
    }
    validator = compile_validator(spec, {"$ref": "#/components/schemas/Node"})
    assert validator.is_valid(
        {"name": "a@example.com", "children": [{"name": "b@example.com", "next": None}]}
    )
    assert not validator.is_valid({"name": "a@example.com", "children": [{"name": "not-an-email"}]})


def test_recursive_schemas_generate_valid_data_and_endless_ones_do_not_hang() -> None:
    spec = Spec(RECURSIVE)
    generator = DataGenerator(spec.deref)
    validator = compile_validator(spec, {"$ref": "#/components/schemas/Node"})
    for seed in range(10):
        assert validator.is_valid(generator.generate({"$ref": "#/components/schemas/Node"}, seed))
    assert generator.generate({"$ref": "#/components/schemas/Endless"}, 0) is None


def test_load_document_refuses_a_ref_to_another_file_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text("Thing: {type: object}\n")
    path = tmp_path / "openapi.yaml"
    path.write_text("openapi: 3.1.0\nx-thing:\n  $ref: things.yaml#/Thing\n")
    with pytest.raises(SpecError, match=r":3:3: \$ref 'things.yaml#/Thing' points outside the document"):
        load_document(path)


def test_load_document_bundles_files_under_the_allowed_directory(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text(
        "Thing:\n  type: object\n  properties:\n    id: {$ref: 'openapi.yaml#/components/schemas/Id'}\n"
    )
    path = tmp_path / "openapi.yaml"
    path.write_text(
        "openapi: 3.1.0\nx-thing:\n  $ref: things.yaml#/Thing\n"
        "components:\n  schemas:\n    Id: {type: string}\n    Local: {$ref: '#/components/schemas/Id'}\n"
    )
    document = load_document(path, allow_refs_under=tmp_path)
    # the file's target is copied in; its reference back into the spec becomes a local one
    assert document["x-thing"] == {
        "type": "object",
        "properties": {"id": {"$ref": "#/components/schemas/Id"}},
    }
    assert document["components"]["schemas"]["Local"] == {"$ref": "#/components/schemas/Id"}


def test_a_loaded_spec_carries_its_own_source_and_one_built_in_memory_none(tmp_path: Path) -> None:
    """The source travels with the Spec (no module-level table keyed by the document's id())."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (first, second):
        path.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    sources = [load_spec(path).source for path in (first, second)]
    assert [source.path if source else None for source in sources] == [first, second]
    assert Spec(load_document(first)).source is None


def _document_with_refs_everywhere() -> dict[str, Any]:
    pet = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    media = {
        "schema": {"$ref": "#/components/schemas/Pets"},
        "examples": {"one": {"$ref": "#/components/examples/Big"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/pets": {
                "get": {"responses": {"200": {"description": "ok", "content": {"application/json": media}}}}
            },
            "/owner": {
                "get": {"responses": {"200": {"description": "ok", "content": {"application/json": {}}}}}
            },
        },
        "components": {
            "schemas": {
                "Pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                "Pet": pet,
                # a schema may point anywhere in the document, into paths too
                "Owner": {"$ref": "#/paths/~1pets/get/responses/200/content/application~1json/schema"},
            },
            "examples": {"Big": {"value": [{"name": "x" * 1000}]}},
        },
    }


def test_the_validators_registry_keeps_what_a_schema_can_reach_and_no_example() -> None:
    from mock_server.spec.document import referenced_parts

    document = _document_with_refs_everywhere()
    kept = referenced_parts(document)
    assert (
        "examples" not in kept["components"]
        and kept["components"]["schemas"] is document["components"]["schemas"]
    )
    assert list(kept["paths"]) == ["/pets"]  # the part a $ref points into; /owner is left out
    assert "examples" in document["components"]  # the document itself is not changed
    spec = Spec(document)
    owner = compile_validator(spec, {"$ref": "#/components/schemas/Owner"})
    assert owner.is_valid([{"name": "a"}]) and not owner.is_valid([{"name": 1}])


def test_a_ref_to_the_whole_document_keeps_it_whole() -> None:
    from mock_server.spec.document import referenced_parts

    document = _document_with_refs_everywhere()
    document["components"]["schemas"]["Root"] = {"$ref": "#"}
    assert referenced_parts(document) == document


def test_a_schema_s_local_refs_are_made_absolute_as_the_walk_makes_them() -> None:
    import datetime

    from mock_server.spec.document import SPEC_URI, _absolute_refs, _absolute_refs_walked

    schema: dict[str, Any] = {
        "a": {"$ref": "#/x"},
        "b": [{"$ref": '#/y"z'}],
        "c": {"$ref": "other.yaml#/q"},
        "d": {"$ref": 5},
        "e": 'say "$ref": "#not a reference"',
        'k"$ref': "#not one either",
    }
    rewritten = _absolute_refs(schema)
    assert rewritten == _absolute_refs_walked(schema)
    assert rewritten["a"] == {"$ref": f"{SPEC_URI}#/x"} and rewritten["b"][0] == {"$ref": f'{SPEC_URI}#/y"z'}
    assert schema["a"] == {"$ref": "#/x"}  # a copy: the document keeps its references
    plain = {"type": "string"}
    assert _absolute_refs(plain) is plain  # nothing to rewrite: not copied
    dated = {"$ref": "#/a", "default": datetime.date(2026, 1, 1)}  # not JSON data: walked
    assert _absolute_refs(dated) == {"$ref": f"{SPEC_URI}#/a", "default": datetime.date(2026, 1, 1)}


_BAD_PATTERN = r"^[\w-\.]+$"  # Python's re compiles it; jsonschema-rs's regex engine does not


def test_patterns_the_loader_saw_spare_the_walk_only_when_each_compiles() -> None:
    from mock_server.spec.document import drop_bad_patterns

    def document() -> dict[str, Any]:
        return {"components": {"schemas": {"A": {"type": "string", "pattern": _BAD_PATTERN}}}}

    spared = document()
    assert drop_bad_patterns(spared, None, frozenset({"^a$"})) == 0  # not walked: told none is bad
    assert spared["components"]["schemas"]["A"]["pattern"] == _BAD_PATTERN
    walked = document()
    assert drop_bad_patterns(walked, None, frozenset({"^a$", _BAD_PATTERN})) == 1
    assert "pattern" not in walked["components"]["schemas"]["A"]


def test_a_bad_pattern_of_a_checked_json_document_is_still_dropped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import json
    import logging

    from openapi_document.spec_check import check_for_mock

    thing = {"type": "object", "properties": {"code": {"type": "string", "pattern": _BAD_PATTERN}}}
    answer = {"description": "ok", "content": {"application/json": {"schema": thing}}}
    spec_file = tmp_path / "bad-pattern.json"
    spec_file.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "t", "version": "1"},
                "paths": {"/things": {"get": {"responses": {"200": answer}}}},
            }
        ),
        encoding="utf-8",
    )
    checked = check_for_mock(spec_file, hand_over=True)
    assert checked.problems == [] and checked.upgraded is not None
    assert checked.upgraded.patterns == frozenset({_BAD_PATTERN})
    with caplog.at_level(logging.WARNING, logger="leeloo_mock"):
        spec = load_spec(spec_file)  # the checked document, handed over
    schema = spec.document["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]
    assert "pattern" not in schema["schema"]["properties"]["code"]
    assert any("cannot be compiled (jsonschema-rs)" in record.getMessage() for record in caplog.records)
