"""What the checks share: pointers counted as one place whatever the array index, values shown safely."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from mock_server.drift.model import Observation
from mock_server.drift.schema_walk import Located, Shapes, undeclared_properties
from mock_server.har import REDACTED, is_secret_query_key
from openapi_document import json_pointer, pointer_parts

_MAX_SHOWN = 200  # characters of a value kept for the report


def general_pointer(parts: Sequence[str | int]) -> str:
    """The JSON pointer with each array index as ``*``: ``/data/0/name`` and ``/data/7/name`` are
    one place of the schema, so one finding."""
    return json_pointer(
        ["*" if isinstance(p, int) or (isinstance(p, str) and p.isdigit()) else p for p in parts]
    )


def general_pointer_of(pointer: str) -> str:
    """:func:`general_pointer` of a pointer written as text (``/data/3/id`` -> ``/data/*/id``)."""
    return general_pointer(pointer_parts(pointer))


def shown_value(key: str, value: Any) -> Any:
    """``value`` as a report may show it: REDACTED under a secret-looking key, long texts cut."""
    if is_secret_query_key(key):
        return REDACTED
    if isinstance(value, str) and len(value) > _MAX_SHOWN:
        return value[:_MAX_SHOWN] + "…"
    if isinstance(value, dict | list):
        return "…" if len(repr(value)) > _MAX_SHOWN else value
    return value


def message_without_secret(key: str, value: Any, message: str) -> str:
    """``message`` (a validator's, which may quote the value) with the value of a secret-looking
    field replaced by REDACTED."""
    if not is_secret_query_key(key) or value is None:
        return message
    forms = {str(value), json.dumps(value, ensure_ascii=False), repr(value)}
    for form in sorted(forms, key=len, reverse=True):  # a quoted form before the bare one
        if form and form in message:
            message = message.replace(form, REDACTED)
    return message


def undeclared_fields(
    shapes: Shapes, schema: Located, body: Any, kind: str, location: str, message: str
) -> Iterator[Observation]:
    """An observation for each field of ``body`` its schema does not declare (``message`` names
    the field with ``{key!r}``)."""
    for found in undeclared_properties(shapes, schema, body):
        yield Observation(
            kind,
            location,
            general_pointer(found.pointer),
            message.format(key=found.key),
            found.owner.places,
            "properties",
            shown_value(found.key, found.value),
        )
