"""An answer whose status the operation declares under no key (exact, ``4XX`` or ``default``)."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import shown_value
from mock_server.drift.exchange import NOT_JSON, Exchange
from mock_server.drift.model import UNDECLARED_STATUS, Observation


def undeclared_status(exchange: Exchange) -> Iterator[Observation]:
    if exchange.response_key is not None:
        return
    declared = ", ".join(exchange.compiled.response_keys)
    document = exchange.response_json
    yield Observation(
        UNDECLARED_STATUS,
        "status",
        "",
        f"The API answered {exchange.status}; the spec declares {declared}.",
        ((*exchange.operation_where, "responses"),),
        "responses",
        {
            "status": exchange.status,
            "media_type": exchange.entry.response.media_type,
            "envelope": exchange.failed_in_envelope,
            "body": shown_value("", document) if document is not NOT_JSON else None,
        },
    )
