"""An answer whose media type the declared response does not list."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.exchange import Exchange
from mock_server.drift.model import UNDECLARED_MEDIA_TYPE, Observation


def undeclared_media_type(exchange: Exchange) -> Iterator[Observation]:
    for violation in exchange.response_violations:
        if violation.where != "(content-type)":
            continue
        response = exchange.response_located
        places = response.places if response else ()
        content = ((*places[0], "content"),) if response else ()
        yield Observation(
            UNDECLARED_MEDIA_TYPE,
            "content-type",
            "",
            f"The API answered {violation.got}; the spec declares {violation.expected}.",
            (*content, *places),
            "content",
            violation.got,
        )
