"""Check example data against a schema of the spec: validation, and fields the schema does not declare.

Used by the docs-drift check (the page's examples) and by the spec lint (the spec's own examples).

Validation is jsonschema's Draft 2020-12 (OpenAPI 3.1's dialect) with format checking, so a
``date-time`` without seconds is an error, as it is for any client that checks formats.
Validation alone misses one kind of drift: the spec's objects allow extra properties, so a field
that the page shows and the spec lacks still validates. :func:`undeclared_fields` walks the
example along the schema (through ``$ref``, arrays, compositions) to find those.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

import openapi_document

_COMPOSITIONS = ("allOf", "anyOf", "oneOf")


def pointer(parts: Any) -> str:
    """A JSON pointer of the example (``/data/0/id``); the whole example is ``/``."""
    escaped = [str(part).replace("~", "~0").replace("/", "~1") for part in parts]
    return "/" + "/".join(escaped)


@dataclass(frozen=True)
class ExampleProblem:
    """One problem of an example: where in the example, and why."""

    pointer: str
    message: str


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """``node`` with local ``$ref``s followed (``openapi_document.resolve``); a reference that loops
    or points nowhere leaves the node as it is: the spec check reports it at its line."""
    try:
        return openapi_document.resolve(spec, node)
    except openapi_document.UnresolvableRef:
        return node


def validate_example(
    spec: Mapping[str, Any], schema: Mapping[str, Any], example: Any, report_additional: bool = False
) -> list[ExampleProblem]:
    """Every validation error of ``example``, with format checking.

    ``additionalProperties`` errors are left out unless ``report_additional``: the drift check
    reports those through :func:`undeclared_fields`, which names the field and the schema.
    """
    root = {**schema, "components": spec.get("components", {})}
    validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(
        validator.iter_errors(example), key=lambda error: [str(part) for part in error.absolute_path]
    )
    return [
        ExampleProblem(pointer(error.absolute_path), error.message)
        for error in errors
        if report_additional or error.validator != "additionalProperties"
    ]


def _ref_name(node: Any) -> str | None:
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        return str(node["$ref"])
    return None


def _object_parts(spec: Mapping[str, Any], schema: Any) -> tuple[dict[str, Any], Any, bool]:
    """Declared properties, the ``additionalProperties`` value, and whether the schema says anything
    about the object's keys at all (merged over compositions)."""
    schema = resolve(spec, schema)
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
    schema = resolve(spec, schema)
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
                yield ExampleProblem(pointer((*here, key)), f"field {key!r} is not declared by {owner}")
    elif isinstance(example, list):
        items = _items(spec, schema)
        if items is not None:
            for index, item in enumerate(example):
                yield from undeclared_fields(spec, items, item, (*here, index), owner)
