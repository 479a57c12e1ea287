"""A request value the spec refuses (a ``limit`` above its maximum) that the API answered with success."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mock_server.drift.checks._common import general_pointer_of, message_without_secret, shown_value
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import REFUSED_VALUE_ACCEPTED, Observation
from mock_server.drift.schema_walk import Located, deref, schema_at
from openapi_document import UnresolvableRef, pointer_parts, pointer_target


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    try:
        return float(value) if isinstance(value, str) else None
    except ValueError:
        return None


def broken_keyword(schema: Any, value: Any) -> str:
    """The keyword of ``schema`` that ``value`` breaks (``maximum``, ``enum``...), or ``""``."""
    if not isinstance(schema, Mapping):
        return ""
    number = _number(value)
    if number is not None:
        if "maximum" in schema and number > schema["maximum"]:
            return "maximum"
        if "exclusiveMaximum" in schema and number >= schema["exclusiveMaximum"]:
            return "exclusiveMaximum"
        if "minimum" in schema and number < schema["minimum"]:
            return "minimum"
    if "enum" in schema and value not in schema["enum"] and str(value) not in map(str, schema["enum"]):
        return "enum"
    if isinstance(value, str):
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return "maxLength"
        if "minLength" in schema and len(value) < schema["minLength"]:
            return "minLength"
    return ""


def _parameter(exchange: Exchange, location: str, name: str) -> tuple[Located | None, str]:
    """The parameter an issue names (``filter[a][b]`` may be ``filter`` with a nested step)."""
    candidate = name
    while True:
        found = exchange.parameter(candidate, location)
        if found is not None or "[" not in candidate:
            return found, candidate
        candidate = candidate.rsplit("[", 1)[0]


def refused_value_accepted(exchange: Exchange) -> Iterator[Observation]:
    if not exchange.accepted:
        return
    request = exchange.entry.request
    for issue in exchange.request_issues:
        if issue.location in ("query", "path", "header"):
            parameter, name = _parameter(exchange, issue.location, issue.name)
            if parameter is None or not isinstance(parameter.node, Mapping):
                continue
            schema = deref(
                exchange.document, Located(parameter.node.get("schema"), (*parameter.where, "schema"))
            )
            if issue.location == "query":
                value: Any = dict(request.query).get(name)
            elif issue.location == "header":
                value = request.header(name)
            else:
                value = exchange.found.path_params.get(name)
            places = (schema.where, *parameter.places)
            pointer = "/" + name
        elif issue.location == "body" and exchange.request_json is not NOT_JSON:
            body_schema = exchange.request_schema
            if body_schema is None:
                continue
            steps = pointer_parts(issue.name)
            schema = schema_at(exchange.shapes, body_schema, steps)
            try:
                value = pointer_target(exchange.request_json, issue.name)
            except UnresolvableRef:
                value = None
            name = steps[-1] if steps else ""
            places = schema.places
            pointer = general_pointer_of(issue.name)
        else:
            continue
        yield Observation(
            REFUSED_VALUE_ACCEPTED,
            issue.location if issue.location != "body" else "request body",
            pointer,
            message_without_secret(
                name,
                value,
                f"The API answered {exchange.status} to a value the spec refuses: {issue.message}",
            ),
            places,
            broken_keyword(schema.node, value),
            shown_value(name, value),
        )
