"""jsonschema-rs judges schemas as openapi-spec-validator's pure-Python meta-check does.

``openapi_document._spec_validation`` replaced openapi-schema-validator's check of each Schema Object
(``OAS31Validator.check_schema``) with jsonschema-rs for speed; a schema one of them rejects and
the other accepts would be a check lost, or a false alarm. Both are run here on every schema of
the committed spec and on schemas that break each kind of rule of the dialect.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.exceptions import SchemaError
from openapi_schema_validator import OAS31Validator, oas31_format_checker

from openapi_document._spec_validation import _oas31_dialect_checker

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"

BROKEN_SCHEMAS: list[dict[str, Any]] = [
    {"type": "nope"},
    {"type": ["string", "nope"]},
    {"type": []},
    {"type": ["string", "string"]},
    {"properties": []},
    {"properties": {"a": {"type": "nope"}}},
    {"items": {"minLength": -1}},
    {"pattern": "[a-"},
    {"patternProperties": {"[": {}}},
    {"$ref": 5},
    {"required": "a"},
    {"required": ["a", "a"]},
    {"enum": 5},
    {"minimum": "1"},
    {"multipleOf": 0},
    {"additionalProperties": 5},
    {"allOf": []},
    {"oneOf": [5]},
    {"not": {"type": "nope"}},
    {"$defs": {"a": {"type": "nope"}}},
    {"dependentRequired": {"a": "b"}},
    {"examples": 5},
    {"deprecated": "yes"},
    {"format": 3},
    {"$schema": 5},
    {"discriminator": 5},
    {"discriminator": {"mapping": {}}},
    {"xml": {"name": 3}},
    {"externalDocs": {}},
]
VALID_SCHEMAS: list[Any] = [
    True,
    {},
    {"$ref": "#/a b"},  # neither asserts the uri-reference format
    {"pattern": "^[0-9a-f]{24}$"},
    {"example": {"type": "nope"}},
    {"const": None, "default": [1, 1]},
    {"discriminator": {"propertyName": "kind"}, "xml": {"name": "a"}, "externalDocs": {"url": "x"}},
    {"x-anything": 1, "unknownKeyword": {"type": "nope"}},
]


def _python_rejects(schema: Any) -> bool:
    try:
        OAS31Validator.check_schema(schema, format_checker=oas31_format_checker)
    except SchemaError:
        return True
    return False


def _rust_rejects(schema: Any) -> bool:
    return any(True for _ in _oas31_dialect_checker().iter_errors(schema))


def _schemas_of(node: Any) -> list[Any]:
    """Every Schema Object of an OpenAPI document that is not a reference."""
    found: list[Any] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "schema" and isinstance(value, dict):
                found.append(value)
            found += _schemas_of(value)
    elif isinstance(node, list):
        for item in node:
            found += _schemas_of(item)
    return found


@pytest.mark.parametrize("schema", BROKEN_SCHEMAS, ids=repr)
def test_both_reject_a_broken_schema(schema: dict[str, Any]) -> None:
    assert _python_rejects(schema)
    assert _rust_rejects(schema)


@pytest.mark.parametrize("schema", VALID_SCHEMAS, ids=repr)
def test_both_accept_a_valid_schema(schema: Any) -> None:
    assert not _python_rejects(schema)
    assert not _rust_rejects(schema)


def test_both_accept_every_schema_of_the_committed_spec() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    schemas = [*spec["components"]["schemas"].values(), *_schemas_of(spec)]
    assert len(schemas) > 100
    assert [schema for schema in schemas if _python_rejects(schema) or _rust_rejects(schema)] == []


@pytest.mark.parametrize("schema", BROKEN_SCHEMAS, ids=repr)
def test_rust_names_the_node_python_blames(schema: dict[str, Any]) -> None:
    with pytest.raises(SchemaError) as raised:
        OAS31Validator.check_schema(schema, format_checker=oas31_format_checker)
    rust_paths = [list(error.instance_path) for error in _oas31_dialect_checker().iter_errors(schema)]
    assert list(raised.value.absolute_path) in rust_paths


BROKEN_DOCUMENTS: list[dict[str, Any]] = [
    {"openapi": "3.1.0"},
    {"openapi": "3.1.0", "info": {"title": 1, "version": "1"}, "paths": {"x": {}}},
    {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "responses": {"200": {"description": 5}},
                    "parameters": [{"name": "a", "in": "query", "schema": 5}],
                }
            }
        },
        "components": {"schemas": {"A": {"type": "intger"}}},
    },
]


@pytest.mark.parametrize("document", BROKEN_DOCUMENTS)
def test_the_whole_document_meta_check_is_openapi_spec_validators(document: dict[str, Any]) -> None:
    # read from the package's schema file without importing the package (0.07 s of every start)
    from openapi_spec_validator.schemas import openapi_v31_schema_validator

    from openapi_document._spec_validation import spec_errors

    theirs = [
        (error.message, list(error.absolute_path))
        for error in openapi_v31_schema_validator.iter_errors(document)
    ]
    ours = [(error.message, list(error.absolute_path)) for error in spec_errors(document)]
    assert theirs and ours[: len(theirs)] == theirs
