"""Turn a saved HTML copy of the wiki page into the lines the page reader reads.

BeautifulSoup (with Python's own ``html.parser``) builds the tree; this module only walks it.
Block elements (paragraphs, headings, list items, table rows, ``div``s) each become a line, with
their inline text joined and white space collapsed as a browser shows it; a ``<pre>`` keeps its
lines as written; ``<br>`` breaks a line; the cells of a table row are joined with `` - `` (a
parameter table then reads ``name - description`` as the copied text does) and a row of ``<th>``
titles is left out. A code macro that draws its line numbers in a gutter
column (Confluence's syntax highlighter) loses the gutter, so its code reads as the code block it
is. Scripts, styles and the document head are dropped. Each line keeps the source line of the
element it came from, so a finding points into the HTML file.

The parse stops at the first element past a bound (:data:`MAX_HTML_DEPTH` levels of nesting,
:data:`MAX_HTML_ELEMENTS` elements): a tree of millions of elements would take minutes and
gigabytes to build before a bound checked afterwards could refuse it.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

from generator._drift_page import PageLines

MAX_HTML_DEPTH = 256  # elements nested deeper than this: the page is refused
# elements in all: a saved wiki page of the API's size has a few thousand (tests/generator/pages:
# 85); past this the page is refused (copy its text instead)
MAX_HTML_ELEMENTS = 50_000
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tr",
        "ul",
    ]
)
_CELLS = ("td", "th")
_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "button"})
_GUTTER_CLASSES = frozenset({"gutter", "line-numbers", "linenumber", "linenumbers", "line-number"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


class HtmlTooDeep(Exception):
    """The HTML nests its elements deeper than :data:`MAX_HTML_DEPTH`; ``line`` is where."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: too deep")
        self.line = line


class HtmlTooLarge(Exception):
    """The HTML has more than :data:`MAX_HTML_ELEMENTS` elements; ``line`` is where the next starts."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: too large")
        self.line = line


class _BoundedSoup(BeautifulSoup):
    """BeautifulSoup that stops parsing at the first element past the depth or count bound."""

    _elements = 0

    def pushTag(self, tag: Tag) -> None:
        super().pushTag(tag)
        self._elements += 1
        if len(self.tagStack) - 1 > MAX_HTML_DEPTH:  # the stack holds the document itself too
            raise HtmlTooDeep(tag.sourceline or 1)
        if self._elements > MAX_HTML_ELEMENTS:
            raise HtmlTooLarge(tag.sourceline or 1)


def looks_like_html(text: str) -> bool:
    """Whether the page is a saved HTML document rather than copied or printed text."""
    start = text.lstrip()[:1024].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or (
        start.startswith("<") and ("<body" in start or "<head" in start or "<div" in start)
    )


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.numbers: list[int] = []
        self.pending: list[str] = []
        self.pending_line = 1

    def text(self, piece: str, line: int) -> None:
        if not self.pending:
            self.pending_line = line
        self.pending.append(piece)

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.pending)).strip()
        self.pending = []
        if text:
            self.lines.append(text)
            self.numbers.append(self.pending_line)

    def verbatim(self, text: str, line: int) -> None:
        self.flush()
        for offset, piece in enumerate(text.replace("\r\n", "\n").split("\n")):
            self.lines.append(piece.replace("\u00a0", " ").rstrip())
            self.numbers.append(line + offset)


def _is_header_row(tag: Tag) -> bool:
    """A table row of ``<th>`` cells only: column titles, not content."""
    cells = tag.find_all(_CELLS, recursive=False) if tag.name == "tr" else []
    return bool(cells) and all(cell.name == "th" for cell in cells)


def _is_gutter(tag: Tag) -> bool:
    classes = tag.get_attribute_list("class")
    return any(name in _GUTTER_CLASSES for name in classes if isinstance(name, str))


def html_page(html: str) -> PageLines:
    """The page's lines as a reader of the rendered page sees them, with their HTML source lines."""
    soup = _BoundedSoup(html, "html.parser")
    out = _Lines()
    # the rows (by id) where a cell other than a gutter was read: the next cell starts with ` - `
    rows_with_a_cell: set[int] = set()
    # an explicit stack (element, depth, closing?) instead of recursion: no RecursionError on deep HTML
    stack: list[tuple[PageElement, int, bool]] = [(soup, 0, False)]
    while stack:
        node, depth, closing = stack.pop()
        if isinstance(node, Tag):
            line = node.sourceline or (out.numbers[-1] if out.numbers else 1)
            if closing:
                if node.name in _BLOCKS:
                    out.flush()
                continue
            if depth > MAX_HTML_DEPTH:
                raise HtmlTooDeep(line)
            if node.name in _DROPPED or _is_gutter(node) or _is_header_row(node):
                continue
            if node.name in _CELLS:
                row = id(node.parent)
                if row in rows_with_a_cell:
                    out.text(" - ", line)  # a row of a parameter table reads as `name - description`
                rows_with_a_cell.add(row)
            if node.name == "br":
                out.flush()
                continue
            if node.name == "pre":
                out.verbatim(node.get_text(), line)
                continue
            if node.name in _BLOCKS:
                out.flush()
                out.pending_line = line
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, _NOT_TEXT):
            parent_line = node.parent.sourceline if node.parent is not None else None
            out.text(str(node), parent_line or out.pending_line)
    out.flush()
    return PageLines(tuple(out.lines), tuple(out.numbers))
