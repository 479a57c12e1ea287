"""A request body field the schema does not declare, in a request the API accepted."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import undeclared_fields
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import UNDECLARED_REQUEST_FIELD, Observation


def undeclared_request_field(exchange: Exchange) -> Iterator[Observation]:
    schema = exchange.request_schema
    if not exchange.accepted or exchange.request_json is NOT_JSON or schema is None:
        return
    message = "The API accepted the field {key!r}, which the request schema does not declare."
    yield from undeclared_fields(
        exchange.shapes, schema, exchange.request_json, UNDECLARED_REQUEST_FIELD, "request body", message
    )
