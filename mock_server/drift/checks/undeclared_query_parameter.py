"""A query parameter the operation does not declare, in a request the API accepted."""

from __future__ import annotations

from collections.abc import Iterator

from mock_server.drift.checks._common import shown_value
from mock_server.drift.exchange import Exchange
from mock_server.drift.model import UNDECLARED_QUERY_PARAMETER, Observation
from openapi_document import json_pointer


def undeclared_query_parameter(exchange: Exchange) -> Iterator[Observation]:
    if not exchange.accepted:
        return
    declared: set[str] = set()
    deep: set[str] = set()
    for parameter in exchange.operation.parameters:
        if parameter.get("in") == "query":
            declared.add(str(parameter.get("name")))
            if parameter.get("style") == "deepObject":
                deep.add(str(parameter.get("name")))
    seen: set[str] = set()
    for name, value in exchange.entry.request.query:
        if name in declared or name in seen or name.split("[", 1)[0] in deep:
            continue
        seen.add(name)
        yield Observation(
            UNDECLARED_QUERY_PARAMETER,
            "query",
            json_pointer([name]),
            f"The API accepted the query parameter {name!r}, which the spec does not declare.",
            ((*exchange.operation_where, "parameters"),),
            "parameters",
            shown_value(name, value),
        )
