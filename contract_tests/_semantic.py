"""Compare JSON values as the spec means them, not as characters.

The generated models parse ``format: date-time`` strings into ``datetime`` and write them back
with ``isoformat()``: ``2020-02-06T11:30:30.035Z`` returns as ``2020-02-06T11:30:30.035000+00:00``.
That is the one documented normalisation of a model round trip; ``semantic`` turns such strings
into the instants they name (and ``format: date`` into dates), guided by the schema, so that
everything else is compared exactly.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any


def _instant(text: str) -> Any:
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return ("unparsed date-time", text)
    if moment.tzinfo is None:
        return ("naive", moment)
    return moment.astimezone(datetime.UTC)


def _day(text: str) -> Any:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return ("unparsed date", text)


def semantic(schema: Mapping[str, Any], value: Any) -> Any:
    """``value`` with date-time/date strings that ``schema`` declares replaced by what they mean."""
    if isinstance(value, str):
        for branch in schema.get("anyOf", ()):  # e.g. a date-time or a `YYYY-MM-DD HH:MM` string
            if isinstance(branch, Mapping) and branch.get("format") in ("date-time", "date"):
                meant = semantic(branch, value)
                if not (isinstance(meant, tuple) and str(meant[0]).startswith("unparsed")):
                    return meant
        if schema.get("format") == "date-time":
            return _instant(value)
        if schema.get("format") == "date":
            return _day(value)
        return value
    if isinstance(value, list):
        items = schema.get("items", {})
        return [semantic(items, item) for item in value]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        extra_schema = extra if isinstance(extra, Mapping) else {}
        return {key: semantic(properties.get(key, extra_schema), item) for key, item in value.items()}
    return value
