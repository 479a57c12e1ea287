"""Repair the docs page's JSON snippets the way a person reading them would.

The wiki page's examples are typed by hand: curly quotes, ``//`` comments, missing and trailing
commas, once a missing opening brace. To validate an example against the spec we first have to
read it, so we make the same small, obvious fixes a reader makes, and record each one so the
report can say what was changed. Anything beyond these fixes is left to ``json.loads`` to reject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_CURLY_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')
_INLINE_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
# the last character of a complete JSON value: a string, a number, a closed object or array, a literal
_VALUE_END = re.compile(r'(?:"|\d|[}\]]|\btrue|\bfalse|\bnull)$')
_VALUE_START = ('"', "{", "[")


@dataclass
class RepairedJson:
    """The repaired text and, in words, each repair that was made (1-based lines of the snippet)."""

    text: str
    repairs: list[str] = field(default_factory=list)
    added_opening_brace: bool = False


def _spans(line: str) -> Iterator[tuple[str, bool]]:
    """The pieces of one line, each with whether it is a JSON string literal."""
    position = 0
    for match in _STRING.finditer(line):
        if match.start() > position:
            yield line[position : match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(line):
        yield line[position:], False


def _strip_comment(line: str) -> str:
    """``line`` without a ``//`` comment that stands outside string literals (URLs stay)."""
    kept: list[str] = []
    for piece, is_string in _spans(line):
        if not is_string and "//" in piece:
            kept.append(piece[: piece.index("//")])
            return "".join(kept).rstrip()
        kept.append(piece)
    return line


def _plain_spaces(line: str) -> str:
    """``line`` with non-breaking spaces outside string literals made plain spaces (JSON allows no others)."""
    return "".join(piece if is_string else piece.replace("\u00a0", " ") for piece, is_string in _spans(line))


def _drop_inline_trailing_commas(line: str) -> str:
    pieces = (
        piece if is_string else _INLINE_TRAILING_COMMA.sub(r"\1", piece) for piece, is_string in _spans(line)
    )
    return "".join(pieces)


def _next_content_line(lines: list[str], after: int) -> str | None:
    for candidate in lines[after + 1 :]:
        if candidate.strip():
            return candidate.strip()
    return None


_CLOSER = {"{": "}", "[": "]"}


def _unclosed(text: str) -> list[str]:
    """The closing brackets ``text`` still owes, innermost last; empty when it closes them all
    (or closes more than it opens, which is left to the other repairs and ``json.loads``)."""
    owed: list[str] = []
    for line in text.splitlines():
        for piece, is_string in _spans(line):
            if is_string:
                continue
            for char in piece:
                if char in _CLOSER:
                    owed.append(_CLOSER[char])
                elif char in "}]":
                    if not owed:
                        return []
                    owed.pop()
    return owed


def repair_json(snippet: str) -> RepairedJson:
    """Fix curly quotes, ``//`` comments, missing and trailing commas, a missing opening brace and
    missing closing brackets at the end.

    Non-breaking spaces between tokens become plain spaces too, silently: the page's export
    indents with them and no reader sees them.
    """
    result = RepairedJson(text="")
    lines = snippet.splitlines()

    for number, line in enumerate(lines):
        fixed = line.translate(_CURLY_QUOTES)
        if fixed != line:
            result.repairs.append(f"line {number + 1}: curly quotes replaced")
        # the wiki export indents with non-breaking spaces; invisible on the page, so not listed as a repair
        fixed = _plain_spaces(fixed)
        without_comment = _strip_comment(fixed)
        if without_comment != fixed:
            result.repairs.append(f"line {number + 1}: // comment removed")
        lines[number] = without_comment

    for number, line in enumerate(lines):
        fixed = _drop_inline_trailing_commas(line.rstrip())
        following = _next_content_line(lines, number)
        if fixed.endswith(",") and (following is None or following.startswith(("}", "]"))):
            fixed = fixed[:-1]
        elif _VALUE_END.search(fixed) and following is not None and following.startswith(_VALUE_START):
            fixed += ","
            result.repairs.append(f"line {number + 1}: missing comma added")
            lines[number] = fixed
            continue
        if fixed != line.rstrip():
            result.repairs.append(f"line {number + 1}: trailing comma removed")
        lines[number] = fixed

    result.repairs.sort(key=lambda repair: int(repair.split(":")[0].removeprefix("line ")))
    text = "\n".join(lines).strip()
    unclosed = _unclosed(text)
    if unclosed:  # the snippet stops before its last brackets (a print cut at a page end)
        text += "\n" + "".join(reversed(unclosed))
        result.repairs.append(f"line {len(lines)}: missing closing {' '.join(reversed(unclosed))} added")
    if text.startswith('"'):  # the snippet starts inside the object: `"data": {...}, "status": 1 }`
        text = "{\n" + text
        result.repairs.insert(0, "line 1: missing opening brace added")
        result.added_opening_brace = True
    result.text = text
    return result
