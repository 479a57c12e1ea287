"""Leeloo's failure envelope (``status: 0``) under a status the spec declares as a success."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from mock_server.drift.exchange import Exchange
from mock_server.drift.model import FAILURE_ENVELOPE_ON_SUCCESS, Observation


def failure_envelope_on_success(exchange: Exchange) -> Iterator[Observation]:
    if not (200 <= exchange.status < 300 and exchange.failed_in_envelope and exchange.response_key):
        return
    body = exchange.response_json
    error = body.get("error") if isinstance(body, Mapping) else None
    code = error.get("code") if isinstance(error, Mapping) else None
    response = exchange.response_located
    places = response.places if response else ()
    yield Observation(
        FAILURE_ENVELOPE_ON_SUCCESS,
        "response body",
        "/status",
        f"Leeloo's failure envelope ({code or 'no code'}) came with {exchange.status}, a success status.",
        places,
        "status",
        str(code) if code is not None else None,
    )
