"""A request body field the schema does not declare, in a request the API accepted."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import general_pointer, shown
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import UNDECLARED_REQUEST_FIELD, Observation
from mock_server.drift.schema_walk import undeclared_properties


def undeclared_request_field(exchange: Exchange) -> Iterator[Observation]:
    if not exchange.accepted or exchange.request_json is NOT_JSON:
        return
    schema = exchange.request_schema
    if schema is None:
        return
    for found in undeclared_properties(exchange.shapes, schema, exchange.request_json):
        yield Observation(
            UNDECLARED_REQUEST_FIELD,
            "request body",
            general_pointer(found.pointer),
            f"The API accepted the field {found.key!r}, which the request schema does not declare.",
            found.owner.places,
            "properties",
            shown(found.key, found.value),
        )
