"""A response body field the declared schema does not name (and does not allow as extra)."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import general_pointer, shown
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import UNDECLARED_RESPONSE_FIELD, Observation
from mock_server.drift.schema_walk import undeclared_properties


def undeclared_response_field(exchange: Exchange) -> Iterator[Observation]:
    if exchange.response_json is NOT_JSON or (200 <= exchange.status < 300 and exchange.failed_in_envelope):
        return
    schema = exchange.media_schema
    if schema is None:
        return
    for found in undeclared_properties(exchange.shapes, schema, exchange.response_json):
        yield Observation(
            UNDECLARED_RESPONSE_FIELD,
            "response body",
            general_pointer(found.pointer),
            f"The answer holds the field {found.key!r}, which the schema does not declare.",
            found.owner.places,
            "properties",
            shown(found.key, found.value),
        )
