"""Read the docs page's text into operations: method, URL, listed parameters, JSON examples.

The page is a wiki export, not a format: each operation is a ``METHOD URL`` line (sometimes
``GEThttps://...`` without the space) followed by headings such as ``Path Params``, ``Query
Params``, ``Request Body(json)``, ``Request Body(form-data)`` and ``Response`` (once the Russian
``Ответ``). Everything between one ``METHOD URL`` line and the next belongs to the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

_METHOD_LINE = re.compile(r"^(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?P<url>https?://\S+)\s*$")
_HEADING = re.compile(
    r"^(?:(?P<query>Query Params)|(?P<path>Path Params)"
    r"|Request Body\s*(?:\((?P<body>[\w-]+)\))?|(?P<response>Response|Ответ))\s*:?$"
)
# `limit - ...`, `account_id (example: ...) - ...`, `status example: ...`,
# `filter[last_message] { from: ... }`
_LISTED_NAME = re.compile(r"^(?P<name>[A-Za-z_][\w\[\]]*)\s*(?:\(example|example\b|-|\{|$)")
_JSON_START = ("{", "[", '"')


@dataclass(frozen=True)
class PageExample:
    """A JSON snippet of the page as written, and the 1-based page line where it starts."""

    line: int
    text: str


@dataclass
class PageOperation:
    """One operation as the page documents it (the first example under each heading counts)."""

    method: str
    url: str
    path: str
    line: int
    url_query: list[str] = field(default_factory=list)
    listed_query: list[str] = field(default_factory=list)
    listed_path: list[str] = field(default_factory=list)
    body_kind: str | None = None
    body_fields: list[str] = field(default_factory=list)
    request_example: PageExample | None = None
    response_example: PageExample | None = None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def query_names(self) -> list[str]:
        """The query parameters the URL shows or the "Query Params" list names, in page order."""
        return list(dict.fromkeys([*self.url_query, *self.listed_query]))


def _path_of(url: str, servers: Sequence[str]) -> str:
    """The URL's path with the server prefix and the query removed."""
    without_query = url.split("?", 1)[0]
    for server in sorted(servers, key=len, reverse=True):
        if without_query.startswith(server.rstrip("/")):
            return without_query[len(server.rstrip("/")) :] or "/"
    return urlsplit(without_query).path or "/"


def _query_names(url: str) -> list[str]:
    query = url.split("?", 1)[1] if "?" in url else ""
    return list(dict.fromkeys(name for name, _ in parse_qsl(query, keep_blank_values=True)))


def _listed_names(lines: Sequence[str], start: int, end: int) -> tuple[list[str], int]:
    """Names of the parameter lines from ``start`` (blank lines skipped), and where the list stops."""
    names: list[str] = []
    index = start
    while index < end:
        text = lines[index].strip()
        if text:
            match = _LISTED_NAME.match(text)
            if match is None or _HEADING.match(text):
                break
            names.append(match["name"])
        index += 1
    return names, index


def _depth_change(line: str) -> int:
    """How much ``line`` opens (+) or closes (-) brackets, outside string literals."""
    depth = 0
    in_string = False
    previous = ""
    for char in line.replace("\u201c", '"').replace("\u201d", '"'):
        if char == '"' and previous != "\\":
            in_string = not in_string
        elif not in_string and char in "{[":
            depth += 1
        elif not in_string and char in "}]":
            depth -= 1
        previous = char
    return depth


def _example(lines: Sequence[str], start: int, end: int) -> tuple[PageExample | None, int]:
    """The JSON snippet that follows ``start`` (blank lines skipped), and the index after it.

    The snippet ends where its brackets close; a snippet that lacks its opening brace (it starts
    with a ``"key"``) ends where the depth drops below zero, at the brace that has no partner.
    """
    index = start
    while index < end and not lines[index].strip():
        index += 1
    if index >= end or not lines[index].strip().startswith(_JSON_START):
        return None, index
    first = index
    opened = lines[first].strip().startswith(("{", "["))
    depth = 0
    while index < end:
        text = lines[index].strip()
        if _METHOD_LINE.match(text) or _HEADING.match(text):
            break
        depth += _depth_change(lines[index])
        index += 1
        if (opened and depth <= 0) or depth < 0:
            break
    return PageExample(line=first + 1, text="\n".join(lines[first:index])), index


def _read_operation(operation: PageOperation, lines: Sequence[str], start: int, end: int) -> None:
    index = start
    while index < end:
        heading = _HEADING.match(lines[index].strip())
        index += 1
        if heading is None:
            continue
        if heading["query"]:
            names, index = _listed_names(lines, index, end)
            operation.listed_query.extend(names)
        elif heading["path"]:
            names, index = _listed_names(lines, index, end)
            operation.listed_path.extend(names)
        elif heading["response"]:
            example, index = _example(lines, index, end)
            operation.response_example = operation.response_example or example
        else:
            operation.body_kind = heading["body"] or "unspecified"
            names, index = _listed_names(lines, index, end)
            operation.body_fields.extend(names)
            example, index = _example(lines, index, end)
            operation.request_example = operation.request_example or example


def parse_page(text: str, servers: Sequence[str]) -> list[PageOperation]:
    """The operations of the page in page order; ``servers`` are the URL prefixes to strip."""
    lines = text.splitlines()
    starts = [
        (index, match) for index, line in enumerate(lines) if (match := _METHOD_LINE.match(line.strip()))
    ]
    operations: list[PageOperation] = []
    for position, (index, match) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        url = match["url"]
        operation = PageOperation(
            method=match["method"],
            url=url,
            path=_path_of(url, servers),
            line=index + 1,
            url_query=_query_names(url),
        )
        _read_operation(operation, lines, index + 1, end)
        operations.append(operation)
    return operations
