"""A response body field the declared schema does not name (and does not allow as extra)."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import undeclared_fields
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import UNDECLARED_RESPONSE_FIELD, Observation


def undeclared_response_field(exchange: Exchange) -> Iterator[Observation]:
    schema = exchange.media_schema
    if exchange.response_json is NOT_JSON or schema is None:
        return
    if 200 <= exchange.status < 300 and exchange.failed_in_envelope:
        return  # failure_envelope_on_success names it
    message = "The answer holds the field {key!r}, which the schema does not declare."
    yield from undeclared_fields(
        exchange.shapes, schema, exchange.response_json, UNDECLARED_RESPONSE_FIELD, "response body", message
    )
