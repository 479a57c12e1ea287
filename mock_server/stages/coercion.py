"""Turn the strings of paths, queries, headers and form bodies into the types their schemas declare.

Everything on the wire outside a JSON body is text; ``limit=20`` must become ``20`` before the
JSON Schema ``{"type": "integer"}`` can judge it. A string that does not convert is left as it
is, so that the validator reports it with the schema's own words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from openapi_document import json_type

_INTEGER = re.compile(r"[-+]?\d+")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")

Deref = Callable[[Any], Any]


def schema_types(schema: Any, deref: Deref) -> frozenset[str]:
    """The JSON types a schema admits, looking through ``$ref`` and ``allOf``/``anyOf``/``oneOf``."""
    schema = deref(schema)
    if not isinstance(schema, Mapping):
        return frozenset()
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset((declared,))
    if isinstance(declared, list):
        return frozenset(str(t) for t in declared)
    found: set[str] = set()
    for keyword in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(keyword) or ():
            found |= schema_types(sub, deref)
    if not found and "enum" in schema:
        found |= {json_type(v) for v in schema["enum"]}
    return frozenset(found)


def coerce_scalar(text: str, types: frozenset[str], typed_first: bool = False) -> Any:
    """``text`` as the first of integer, number, boolean, null its schema admits; else as it is.

    A schema that admits strings keeps the text: ``"007"`` stays a string where a string is allowed,
    unless ``typed_first`` (the second try at a form the text did not pass: ``30.0`` for
    ``anyOf: [integer, string with a digits pattern]``).
    """
    if not types or ("string" in types and not typed_first):
        return text
    if ("integer" in types or "number" in types) and _INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more digits than int_max_str_digits: leave it to the validator
            return text
    if ("number" in types or "integer" in types) and _NUMBER.fullmatch(text):
        number = float(text)  # 30.0 is an integer to JSON Schema; 30.5 is left to the validator
        return number if math.isfinite(number) else text
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    if "null" in types and text in ("", "null"):
        return None
    return text


def items_schema(schema: Any, deref: Deref) -> Any:
    """The ``items`` schema of an array schema (``{}`` when there is none)."""
    schema = deref(schema)
    return deref(schema.get("items", {})) if isinstance(schema, Mapping) else {}


def property_schemas(schema: Any, deref: Deref) -> dict[str, Any]:
    """The ``properties`` of an object schema, including those brought in by ``allOf``."""
    schema = deref(schema)
    if not isinstance(schema, Mapping):
        return {}
    found: dict[str, Any] = {}
    for sub in schema.get("allOf") or ():
        found.update(property_schemas(sub, deref))
    for name, sub in (schema.get("properties") or {}).items():
        found[str(name)] = deref(sub)
    return found


def coerce_values(values: Sequence[str], schema: Any, deref: Deref, typed_first: bool = False) -> Any:
    """The repeated values of one form field or query key, as one typed value.

    An array schema gets every value; anything else gets the first.
    """
    types = schema_types(schema, deref)
    if "array" in types:
        item_types = schema_types(items_schema(schema, deref), deref)
        return [coerce_scalar(v, item_types, typed_first) for v in values]
    return coerce_scalar(values[0], types, typed_first) if values else None


def coerce_form(
    fields: Sequence[tuple[str, str]], schema: Any, deref: Deref, typed_first: bool = False
) -> dict[str, Any]:
    """A url-encoded form body as the object its schema describes (unknown fields stay strings)."""
    grouped: dict[str, list[str]] = {}
    for key, value in fields:
        grouped.setdefault(key, []).append(value)
    properties = property_schemas(schema, deref)
    return {
        key: coerce_values(values, properties.get(key, {}), deref, typed_first)
        for key, values in grouped.items()
    }
