"""What the stateful store reads from the spec: examples, response schemas, paging defaults.

The store is handed the parsed spec with its ``$ref``s unresolved (the server reads it once and
shares it). It needs only a few facts from it, so it follows local ``$ref``s itself instead of
resolving the whole document: the ``docs`` example of an operation's 200 answer (the seed), the
property names of the answer's schema (what an answer may carry), and the declared query
parameters with their defaults (paging).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_document import operations, pointer_target, resolve

JSON_MEDIA_TYPE = "application/json"


def find_operation(spec: Mapping[str, Any], operation_id: str) -> Mapping[str, Any] | None:
    """The operation object whose ``operationId`` is ``operation_id``, or None."""
    for _, _, operation in operations(spec):
        if operation.get("operationId") == operation_id:
            return operation
    return None


def _success_media(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Mapping[str, Any]:
    response = resolve(spec, operation.get("responses", {}).get("200", {}))
    media = response.get("content", {}).get(JSON_MEDIA_TYPE, {}) if isinstance(response, Mapping) else {}
    return media if isinstance(media, Mapping) else {}


def success_schema(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Mapping[str, Any]:
    """The (resolved) schema of the operation's 200 JSON answer; ``{}`` when it declares none."""
    schema = resolve(spec, _success_media(spec, operation).get("schema", {}))
    return schema if isinstance(schema, Mapping) else {}


def docs_example(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Any:
    """The value of the 200 answer's ``docs`` example (None when there is none)."""
    example = resolve(spec, _success_media(spec, operation).get("examples", {}).get("docs", {}))
    return example.get("value") if isinstance(example, Mapping) else None


def subschema(spec: Mapping[str, Any], schema: Mapping[str, Any], pointer: str) -> Mapping[str, Any]:
    """The schema of the value at JSON ``pointer`` of an instance of ``schema``.

    Object steps go through ``properties``, numeric steps through ``items``; ``{}`` (anything)
    when the schema does not say.
    """
    node: Any = schema
    for part in [p for p in pointer.split("/") if p]:
        node = resolve(spec, node)
        if not isinstance(node, Mapping):
            return {}
        if part.isdigit() or part == "-":
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    node = resolve(spec, node)
    return node if isinstance(node, Mapping) else {}


def item_schema(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema of the items of an array ``schema``."""
    items = resolve(spec, schema.get("items", {}))
    return items if isinstance(items, Mapping) else {}


def property_names(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> frozenset[str] | None:
    """Names of the properties an object ``schema`` declares; None when it declares none (keep all)."""
    properties = resolve(spec, schema).get("properties")
    return frozenset(properties) if isinstance(properties, Mapping) else None


def empty_value(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    """The empty instance of a schema that must be present but has nothing to say: {} or []."""
    return [] if resolve(spec, schema).get("type") == "array" else {}


def query_parameters(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The operation's query parameters by name, resolved (the spec declares none at path level)."""
    found: dict[str, Mapping[str, Any]] = {}
    for parameter in operation.get("parameters", []):
        parameter = resolve(spec, parameter)
        if isinstance(parameter, Mapping) and parameter.get("in") == "query":
            found[str(parameter.get("name"))] = parameter
    return found


def parameter_default(spec: Mapping[str, Any], parameter: Mapping[str, Any], fallback: int) -> int:
    """The integer default a query parameter's schema declares, else ``fallback``."""
    default = resolve(spec, parameter.get("schema", {})).get("default")
    return default if isinstance(default, int) and not isinstance(default, bool) else fallback


def seed_records(example: Any, pointer: str) -> list[Any]:
    """The records at JSON ``pointer`` of a docs example (a list or one object); LookupError if none."""
    node = pointer_target(example, pointer if pointer.startswith("/") or not pointer else f"/{pointer}")
    if isinstance(node, list):
        return list(node)
    if isinstance(node, Mapping):
        return [node]
    raise LookupError(pointer)
