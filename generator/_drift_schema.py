"""Fields of a page example that the spec's schema does not declare.

Validation (``openapi_document.example_check``) misses one kind of drift: the spec's objects
allow extra properties, so a field that the page shows and the spec lacks still validates.
:func:`undeclared_fields` walks the example along the schema (through ``$ref``, arrays,
compositions) to find those.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_document import resolve_or_keep
from openapi_document.example_check import ExampleProblem, example_pointer

_COMPOSITIONS = ("allOf", "anyOf", "oneOf")


def _ref_name(node: Any) -> str | None:
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        return str(node["$ref"])
    return None


def _object_parts(spec: Mapping[str, Any], schema: Any) -> tuple[dict[str, Any], Any, bool]:
    """Declared properties, the ``additionalProperties`` value, and whether the schema says anything
    about the object's keys at all (merged over compositions)."""
    schema = resolve_or_keep(spec, schema)
    if not isinstance(schema, Mapping):
        return {}, None, False
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    additional = schema.get("additionalProperties")
    describes = "properties" in schema or "additionalProperties" in schema or schema.get("type") == "object"
    for keyword in _COMPOSITIONS:
        for branch in schema.get(keyword, []):
            branch_properties, branch_additional, branch_describes = _object_parts(spec, branch)
            properties = {**branch_properties, **properties}
            additional = additional if additional is not None else branch_additional
            describes = describes or branch_describes
    return properties, additional, describes


def _items(spec: Mapping[str, Any], schema: Any) -> Any:
    schema = resolve_or_keep(spec, schema)
    if not isinstance(schema, Mapping):
        return None
    if "items" in schema:
        return schema["items"]
    for keyword in _COMPOSITIONS:
        for branch in schema.get(keyword, []):
            found = _items(spec, branch)
            if found is not None:
                return found
    return None


def undeclared_fields(
    spec: Mapping[str, Any],
    schema: Any,
    example: Any,
    here: tuple[str | int, ...] = (),
    owner: str = "the schema",
) -> Iterator[ExampleProblem]:
    """Each field of ``example`` that its schema (found by walking from ``schema``) does not declare."""
    owner = _ref_name(schema) or owner
    if isinstance(example, dict):
        properties, additional, describes = _object_parts(spec, schema)
        for key, value in example.items():
            if key in properties:
                yield from undeclared_fields(spec, properties[key], value, (*here, key), owner)
            elif isinstance(additional, Mapping):  # a real map: its values have a schema
                yield from undeclared_fields(spec, additional, value, (*here, key), owner)
            elif describes and additional is not True:
                yield ExampleProblem(
                    example_pointer((*here, key)), f"field {key!r} is not declared by {owner}"
                )
    elif isinstance(example, list):
        items = _items(spec, schema)
        if items is not None:
            for index, item in enumerate(example):
                yield from undeclared_fields(spec, items, item, (*here, index), owner)
