"""What one request asks to go wrong: ``Prefer: delay=MS, fault=KIND``, or without ``Prefer`` the
query fallbacks ``__delay`` and ``__fault`` (as ``__code`` stands for ``Prefer: code``).

The negotiation stage reads ``code``, ``example``, ``dynamic`` and ``seed`` from the same header
and ignores the rest (RFC 7240); this module reads only ``delay`` and ``fault``. A value that
does not parse is a :class:`~mock_server.stages.negotiation.PreferError`, answered 422 naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs

from mock_server.faults.values import Fault, FaultValueError, parse_delay, parse_fault
from mock_server.stages.negotiation import PreferError

QUERY_FALLBACKS = {"__delay": "delay", "__fault": "fault"}


@dataclass(frozen=True)
class Requested:
    """A request's own delay (milliseconds, fixed) and fault; None where it asked for none."""

    delay_ms: float | None = None
    fault: Fault | None = None


NOTHING = Requested()


@lru_cache(maxsize=256)
def _from_values(delay: str | None, fault: str | None) -> Requested:
    try:
        parsed_delay = parse_delay(delay) if delay is not None else None
        if parsed_delay is not None and parsed_delay.kind != "fixed":
            raise FaultValueError(f"the delay {delay!r} of one request is a number of milliseconds")
        return Requested(
            parsed_delay.first if parsed_delay is not None else None,
            parse_fault(fault) if fault is not None else None,
        )
    except FaultValueError as exc:
        raise PreferError(str(exc)) from None


@lru_cache(maxsize=256)
def _from_prefer(header: str) -> Requested:
    found: dict[str, str] = {}
    for part in header.split(","):
        key, sep, value = part.split(";", 1)[0].partition("=")
        key = key.strip().lower()
        if key in ("delay", "fault"):
            if not sep or not value.strip().strip('"'):
                raise PreferError(f"the {key} preference needs a value")
            found[key] = value.strip().strip('"')
    return _from_values(found.get("delay"), found.get("fault")) if found else NOTHING


def requested(headers: Mapping[str, str], query_string: str) -> tuple[Requested, bool]:
    """The request's own delay and fault, and whether they came from the query (its fallbacks).

    Cheap for a request that asks nothing: no ``Prefer`` and no ``__`` in the query is
    answered without parsing anything.
    """
    header = headers.get("prefer")
    if header is not None:
        return _from_prefer(header), False
    if "__" not in query_string:
        return NOTHING, False
    query = parse_qs(query_string, keep_blank_values=True)
    values = {name: query[name][-1] for name in QUERY_FALLBACKS if query.get(name)}
    if not values:
        return NOTHING, True
    return _from_values(values.get("__delay"), values.get("__fault")), True
