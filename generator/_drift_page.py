"""Read the docs page into operations: method, URL, listed parameters, JSON examples.

The page is a wiki page, not a format, and it reaches us in three shapes, all read here:

- the text a browser copies (``spec/source/leeloo-api-v2.txt``): each operation is a ``METHOD URL``
  line (sometimes ``GEThttps://...`` without the space) followed by headings such as ``Path
  Params``, ``Query Params``, ``Request Body(json)``, ``Request Body(form-data)`` and ``Response``;
- the text of the vendor's PDF print: code blocks carry a line number on each line (a long line
  wraps onto an unnumbered, indented one), URLs wrap over lines (``...chat-messages?`` then
  ``limit=2&offset=0``), a placeholder is set off by spaces instead of braces (``/ person_id /``),
  ``Request Body (json)`` has a space and headings and labels come in English, Russian or Ukrainian
  (``Ответ``, ``Відповідь``, ``ВАЖНО``, ``Запрос``);
- the saved HTML of the wiki page, which :mod:`generator._drift_html` turns into lines first.

Everything between one ``METHOD URL`` line and the next belongs to the first. Every line keeps the
number it has in the file the user gave, so findings point into that file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

_METHOD_LINE = re.compile(
    r"^(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?P<url>https?://\S.*?)\s*$"
)
# the heading words, in English, Russian and Ukrainian
_QUERY_WORDS = r"Query Params|Query Parameters|Параметры запроса|Параметри запиту"
_PATH_WORDS = r"Path Params|Path Parameters|Параметры пути|Параметри шляху"
_BODY_WORDS = r"Request Body|Тело запроса|Тіло запиту"
_RESPONSE_WORDS = r"Response|Ответ|Відповідь"
_HEADING = re.compile(
    rf"^(?:(?P<query>{_QUERY_WORDS})|(?P<path>{_PATH_WORDS})"
    rf"|(?:{_BODY_WORDS})\s*(?:\(\s*(?P<body>[\w-]+)[^)]*\))?|(?P<response>{_RESPONSE_WORDS}))\s*:?$",
    re.IGNORECASE,
)
# labels that carry no content of their own: "Request" before a METHOD line, the token notice
_LABEL = re.compile(r"^(?:Request|Запрос|Запит)\s*:?$|^(?:IMPORTANT|ВАЖНО|ВАЖЛИВО)\b", re.IGNORECASE)
# `limit - ...`, `account_id (example: ...) - ...`, `status example: ...`,
# `filter[last_message] { from: ... }`, a bare `name` (lower case first, or with `_`/`[`)
_LISTED_NAME = re.compile(r"^(?P<name>[A-Za-z_][\w\[\]]*)\s*(?:\(example|example\b|-|\{|$)")
_BARE_NAME = re.compile(r"^(?:[a-z][\w\[\]]*|[A-Za-z]\w*[_\[][\w\[\]]*)$")
_JSON_START = ("{", "[", '"')
# a code line of the PDF print: its number, one space, the code (an empty code line is the number alone)
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,4})(?:\s(?P<code>.*))?$")
# a placeholder the print sets off with spaces instead of braces: `/ person_id /`
_SPACED_PLACEHOLDER = re.compile(r"/\s+(?P<name>[A-Za-z_]\w*)\s*(?=/|$)")
_URL_WRAP_ENDS = ("?", "&", "=", "-", "/", "[", ",")
_URL_WRAP_STARTS = ("[", "&", "?", "=", "/")
_PAGE_BREAKS = str.maketrans({"\f": None, "\v": None})
MAX_URL_LINES = 8  # a URL wraps over at most this many extra lines
MAX_CODE_LINES = 10_000  # a numbered code block is read up to this many lines
MAX_LISTED_NAMES = 1_000  # a parameter list is read up to this many names (the API's longest has 11)


@dataclass(frozen=True)
class PageExample:
    """A JSON snippet of the page as written: the page line where it starts, its text and the page
    line of each of its lines (a print's wrapped code line is joined to the line it continues)."""

    line: int
    text: str
    lines: tuple[int, ...] = ()

    def page_line(self, snippet_line: int) -> int:
        """The page line of the snippet's 1-based line ``snippet_line``."""
        if 1 <= snippet_line <= len(self.lines):
            return self.lines[snippet_line - 1]
        return self.line + max(snippet_line, 1) - 1


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


@dataclass(frozen=True)
class PageLines:
    """The page as lines of text, each with its 1-based line number in the file it came from."""

    lines: tuple[str, ...]
    numbers: tuple[int, ...]

    @classmethod
    def of_text(cls, text: str) -> PageLines:
        """Lines split at newlines only, as editors count them: a print's page break (a form feed
        at the start of a line) is dropped, not taken for a line of its own."""
        lines = text.replace("\r\n", "\n").translate(_PAGE_BREAKS).split("\n")
        if lines and not lines[-1]:
            lines.pop()
        return cls(tuple(lines), tuple(range(1, len(lines) + 1)))


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


def _is_heading(text: str) -> bool:
    return _HEADING.match(text) is not None


def _code_start(text: str) -> bool:
    """Whether ``text`` opens a JSON example: as written, or as line 1 of a print's numbered block."""
    if text.startswith(_JSON_START):
        return True
    numbered = _NUMBERED.match(text)
    return (
        numbered is not None
        and numbered["number"] == "1"
        and (numbered["code"] or "").strip().startswith(_JSON_START)
    )


def _listed_names(lines: Sequence[str], start: int, end: int) -> tuple[list[str], int]:
    """Names of the parameter lines from ``start``, and where the list stops.

    A line that names no parameter continues the description of the one before (the print wraps
    them, and adds example links); the list stops at a heading, a notice, a METHOD line or code.
    """
    names: list[str] = []
    index = start
    while index < end:
        text = lines[index].strip()
        if text:
            if _is_heading(text) or _LABEL.match(text) or _METHOD_LINE.match(text) or _code_start(text):
                break
            match = _LISTED_NAME.match(text)
            listed = match is not None and (text != match["name"] or _BARE_NAME.match(text))
            if match is not None and listed and len(names) < MAX_LISTED_NAMES:
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


def _numbered_example(page: PageLines, start: int, end: int) -> tuple[PageExample, int]:
    """The print's code block from ``start`` (its line 1): numbers dropped, wrapped lines joined.

    The block runs while each line carries the next number; an unnumbered, indented line between
    them is the previous code line wrapped by the print (joined without a space after a hyphen).
    A blank line, a heading or anything else ends it.
    """
    code: list[str] = []
    numbers: list[int] = []
    expected = 1
    depth = 0  # brackets opened by the code lines so far: a wrapped line only occurs inside them
    index = start
    while index < end and len(code) < MAX_CODE_LINES:
        raw = page.lines[index]
        numbered = _NUMBERED.match(raw)
        if numbered is not None and int(numbered["number"]) == expected:
            code.append(numbered["code"] or "")
            numbers.append(page.numbers[index])
            depth += _depth_change(code[-1])
            expected += 1
        elif depth > 0 and raw.strip() and raw[:1].isspace() and not _is_heading(raw.strip()):
            previous = code[-1].rstrip()
            joiner = "" if previous.endswith("-") else " "
            code[-1] = previous + joiner + raw.strip()
            depth += _depth_change(code[-1]) - _depth_change(previous)
        else:
            break
        index += 1
    while code and not code[-1].strip():  # a numbered empty last line
        code.pop()
        numbers.pop()
    return PageExample(line=numbers[0], text="\n".join(code), lines=tuple(numbers)), index


def _example(page: PageLines, start: int, end: int) -> tuple[PageExample | None, int]:
    """The JSON snippet that follows ``start`` (blank lines skipped), and the index after it.

    A print's numbered block is read by :func:`_numbered_example`. Otherwise the snippet ends where
    its brackets close; a snippet that lacks its opening brace (it starts with a ``"key"``) ends
    where the depth drops below zero, at the brace that has no partner.
    """
    lines = page.lines
    index = start
    while index < end and not lines[index].strip():
        index += 1
    if index >= end or not _code_start(lines[index].strip()):
        return None, index
    if not lines[index].strip().startswith(_JSON_START):
        return _numbered_example(page, index, end)
    first = index
    opened = lines[first].strip().startswith(("{", "["))
    depth = 0
    while index < end:
        text = lines[index].strip()
        if _METHOD_LINE.match(text) or _is_heading(text):
            break
        depth += _depth_change(lines[index])
        index += 1
        if (opened and depth <= 0) or depth < 0:
            break
    return (
        PageExample(
            line=page.numbers[first], text="\n".join(lines[first:index]), lines=page.numbers[first:index]
        ),
        index,
    )


def _read_operation(operation: PageOperation, page: PageLines, start: int, end: int) -> None:
    index = start
    while index < end:
        heading = _HEADING.match(page.lines[index].strip())
        index += 1
        if heading is None:
            continue
        if heading["query"]:
            names, index = _listed_names(page.lines, index, end)
            operation.listed_query.extend(names)
        elif heading["path"]:
            names, index = _listed_names(page.lines, index, end)
            operation.listed_path.extend(names)
        elif heading["response"]:
            example, index = _example(page, index, end)
            operation.response_example = operation.response_example or example
        else:
            operation.body_kind = (heading["body"] or "unspecified").lower()
            names, index = _listed_names(page.lines, index, end)
            operation.body_fields.extend(names)
            example, index = _example(page, index, end)
            operation.request_example = operation.request_example or example


def _url_of(page: PageLines, index: int, written: str) -> tuple[str, int]:
    """The URL of the METHOD line at ``index`` with the lines it wraps onto, and the index after it.

    A following line continues the URL when it is one token and the URL so far ends where a print
    breaks a URL (``?``, ``&``, ``=``, ``-``, ``/``, ``[``) or the token starts a query piece.
    Placeholders set off by spaces become ``{name}``; anything after a space that is left ends it.
    """
    url = written.strip()
    following = index + 1
    while following < len(page.lines) and following - index <= MAX_URL_LINES:
        token = page.lines[following].strip()
        if not token or any(char.isspace() for char in token) or _is_heading(token):
            break
        if not (url.endswith(_URL_WRAP_ENDS) or token.startswith(_URL_WRAP_STARTS) or "=" in token):
            break
        url += token
        following += 1
    url = _SPACED_PLACEHOLDER.sub(lambda match: "/{" + match["name"] + "}", url)
    return url.split()[0], following


def parse_lines(page: PageLines, servers: Sequence[str]) -> list[PageOperation]:
    """The operations of the page in page order; ``servers`` are the URL prefixes to strip."""
    starts: list[tuple[int, str, str]] = []
    for index, line in enumerate(page.lines):
        match = _METHOD_LINE.match(line.strip())
        if match is not None:
            starts.append((index, match["method"], match["url"]))
    operations: list[PageOperation] = []
    for position, (index, method, written) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(page.lines)
        url, after = _url_of(page, index, written)
        operation = PageOperation(
            method=method,
            url=url,
            path=_path_of(url, servers),
            line=page.numbers[index],
            url_query=_query_names(url),
        )
        _read_operation(operation, page, min(after, end), end)
        operations.append(operation)
    return operations


def parse_page(text: str, servers: Sequence[str]) -> list[PageOperation]:
    """The operations of the page's text (a browser copy or a print) in page order."""
    return parse_lines(PageLines.of_text(text), servers)
