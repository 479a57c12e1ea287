"""A response body that fails its declared schema (type, enum, required, format, pattern, ...)."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import general_pointer_of, message_without_secret, shown_value
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import RESPONSE_SCHEMA_MISMATCH, Observation
from mock_server.drift.schema_walk import schema_at
from openapi_document import UnresolvableRef, pointer_parts, pointer_target


def response_schema_mismatch(exchange: Exchange) -> Iterator[Observation]:
    if 200 <= exchange.status < 300 and exchange.failed_in_envelope:
        return  # failure_envelope_on_success names it
    schema = exchange.media_schema
    for violation in exchange.response_violations:
        if violation.where in ("(status)", "(content-type)"):
            continue
        pointer = violation.where if violation.where.startswith("/") else ""
        steps = pointer_parts(pointer)
        located = schema_at(exchange.shapes, schema, steps) if schema is not None else None
        keyword = violation.expected.split(" ", 1)[0]
        try:
            document = exchange.response_json
            value = pointer_target(document, pointer) if document is not NOT_JSON else None
        except UnresolvableRef:
            value = None
        places = located.places if located else ()
        yield Observation(
            RESPONSE_SCHEMA_MISMATCH,
            "response body",
            general_pointer_of(pointer),
            message_without_secret(
                steps[-1] if steps else "", value, f"{violation.message} (expected {violation.expected})"
            ),
            places,
            keyword,
            shown_value(steps[-1] if steps else "", value),
        )
