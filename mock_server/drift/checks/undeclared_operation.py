"""An exchange under the spec's base path that no operation of the spec matches."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mock_server.drift.model import UNDECLARED_OPERATION, Observation
from mock_server.har import Entry

# answers that say the API has no such operation either: nothing for the spec to add
_UNKNOWN_TO_THE_API = frozenset({404, 405, 501})
_ID = re.compile(r"^(\d+|[0-9a-f]{24}|[0-9a-fA-F-]{32,36})$")


def path_template(path: str) -> str:
    """The path with its id-looking segments (numbers, ObjectIds, UUIDs) as ``{id}``."""
    return "/".join("{id}" if _ID.match(segment) else segment for segment in path.split("/"))


def undeclared_operation(entry: Entry, allowed: tuple[str, ...]) -> Iterator[Observation]:
    """The API answered a method and path the spec lacks (``allowed``: the path's methods, if any)."""
    if entry.response.status in _UNKNOWN_TO_THE_API:
        return
    if allowed:
        message = f"The spec declares {', '.join(allowed)} on this path, not {entry.request.method}."
    else:
        message = "No path of the spec matches; the API answered it."
    yield Observation(UNDECLARED_OPERATION, "operation", "", message, (("paths",),), "paths")
