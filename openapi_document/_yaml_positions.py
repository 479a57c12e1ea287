"""Load YAML while remembering where each node stands, so that errors can name a line.

Validators report a JSON path (``paths./people.get.responses``); a person fixing the spec wants
``spec/openapi.yaml:612``. PyYAML's composer keeps the position of every node, so we walk the
node tree once and index the start mark of each path.

The document is parsed once, by libyaml when PyYAML has it: the pure-Python parser takes ~0.4 s
for the spec, twice as long as everything else the mock server does at start-up. The two accept
the same documents except where a tab separates tokens (only the Python one refuses that), and
word their errors differently; so a text with a tab, or one libyaml refuses, is parsed (again) by
the Python parser, and what is accepted and every error message stay those of ``yaml.safe_load``.

This is the one loader every tool reads a spec (or a mapping file) with, and it is bounded, so
that a hostile document is refused with its line instead of taking the machine down:

- at most ``MAX_DOCUMENT_BYTES`` (16 MiB; the spec is 94 KiB), unless the caller raises it on
  purpose (:class:`DocumentBounds`, the mock's ``--max-spec-size``), never past
  ``DOCUMENT_BYTES_CEILING`` (256 MiB; Microsoft Graph's beta description is 45 MiB);
- at most ``MAX_DEPTH`` (64) levels of nesting (the spec has 15): the parsers and every tool that
  walks the data recurse once a level, so a 1,000-deep document used to end in a RecursionError;
- at most ``MAX_ALIASES`` (10,000) alias nodes, at most ``MAX_ALIAS_NODES`` (250,000) nodes
  added by expanding them, and at most ``MAX_NODES`` (1,000,000) nodes in all. The spec has 5,698
  nodes and no alias; the bench's synthetic spec of 3,000 operations (written by PyYAML, which
  writes shared objects as aliases) 310,427 nodes, 2,400 aliases adding 63,600. Six levels of
  nine aliases of nine (a "billion laughs" of a few hundred bytes) add 597,870 nodes, nine levels
  387 million: every tool that walked them ran out of memory.

The node bound follows the size bound: a document allowed ``k`` times 16 MiB may have ``k``
million nodes (Graph's 19 MiB v1.0 has 1.9 million). The depth and alias bounds do not: no
real document needs more of either, however large it is.

The nesting and the aliases are counted on the event stream, before anything is composed;
the expanded size on the composed node graph, where each aliased node is counted once per use
but measured once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openapi_document._located import Located, LocatedError

JsonPath = tuple[str | int, ...]

MAX_DOCUMENT_BYTES = 16 << 20
MAX_DEPTH = 64
MAX_ALIASES = 10_000
MAX_ALIAS_NODES = 250_000
MAX_NODES = 1_000_000
DOCUMENT_BYTES_CEILING = 256 << 20


@dataclass(frozen=True)
class DocumentBounds:
    """The size bound of one load, and the node bound that follows it (see the module's docstring)."""

    max_bytes: int = MAX_DOCUMENT_BYTES

    def __post_init__(self) -> None:
        if not 0 < self.max_bytes <= DOCUMENT_BYTES_CEILING:
            raise ValueError(f"a document bound is from 1 byte to {DOCUMENT_BYTES_CEILING >> 20} MiB")

    @property
    def scale(self) -> float:
        """How many times the default size this bound allows (never less than once)."""
        return max(1.0, self.max_bytes / MAX_DOCUMENT_BYTES)

    @property
    def max_nodes(self) -> int:
        """Nodes a document may have, expanded aliases counted."""
        return int(MAX_NODES * self.scale)

    @property
    def size_text(self) -> str:
        """The size bound as a person reads it (``16 MiB``)."""
        return _size_text(self.max_bytes)


def _size_text(size: int) -> str:
    if size % (1 << 20) == 0:
        return f"{size >> 20} MiB"
    if size % 1024 == 0:
        return f"{size >> 10} KiB"
    return f"{size:,} bytes"


DEFAULT_BOUNDS = DocumentBounds()


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass(frozen=True)
class WrittenStrings:
    """Strings of a document that later stages look for, gathered by the walk that bounds it (a
    JSON document's: walking 6 MB again for each took a tenth of the mock's start on loket.nl's).

    ``refs``: every ``$ref`` string (a mapping's ``"$ref"`` member), in no particular order;
    ``patterns``: every string a mapping holds under ``pattern`` or as a key of
    ``patternProperties``. Both anywhere in the document, example data too (a superset of what
    a schema uses).
    """

    refs: tuple[str, ...]
    patterns: frozenset[str]


@dataclass(frozen=True)
class DuplicateKey:
    """A mapping key written twice: YAML forbids it, PyYAML keeps the last value silently."""

    json_path: JsonPath
    position: Position
    first_position: Position


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed document with the position of every mapping key and sequence item."""

    path: Path
    data: Any
    positions: dict[JsonPath, Position]
    duplicate_keys: tuple[DuplicateKey, ...] = ()
    written: WrittenStrings | None = None  # gathered as the document was read (JSON), else None

    def locate(self, json_path: Sequence[str | int]) -> Position:
        """Position of the deepest known node on ``json_path`` (the document start if none)."""
        key = tuple(json_path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return Position(1, 1)


class YamlSyntaxError(LocatedError):
    """The file is not well-formed YAML (or too large, too deep); carries the position PyYAML reported."""

    def __init__(self, path: Path, position: Position, reason: str) -> None:
        super().__init__(Located.at(path, position.line, position.column, reason))
        self.path = path
        self.position = position
        self.reason = reason


def _position(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _index(
    node: yaml.Node, here: JsonPath, out: dict[JsonPath, Position], duplicates: list[DuplicateKey]
) -> None:
    out[here] = _position(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[tuple[str, str], Position] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            _index(value_node, (*here, key), out, duplicates)
            # the key's own line reads better than the value's for block values
            out[(*here, key)] = _position(key_node.start_mark)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                identity = (key_node.tag, key_node.value)
                if identity in first_seen:
                    duplicates.append(DuplicateKey((*here, key), out[(*here, key)], first_seen[identity]))
                else:
                    first_seen[identity] = out[(*here, key)]
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*here, i), out, duplicates)


class _TooBig(Exception):
    """A bound of the loader was passed at ``mark``."""

    def __init__(self, mark: Any, reason: str) -> None:  # a Mark of either parser, or None
        super().__init__(reason)
        self.mark = mark
        self.reason = reason


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_events(text: str, loader_class: Any) -> int:
    """Refuse a document nested deeper than ``MAX_DEPTH`` or with more than ``MAX_ALIASES`` aliases.

    Parsing into events is iterative in both parsers; only composing the node tree recurses.
    Returns the number of aliases.
    """
    depth = aliases = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooBig(event.start_mark, f"too deep: more than {MAX_DEPTH} levels of nesting")
        elif isinstance(event, _CLOSING):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _TooBig(event.start_mark, f"too many YAML aliases (more than {MAX_ALIASES:,})")
    return aliases


def _check_expanded_size(root: yaml.Node, aliases: int, max_nodes: int) -> None:
    """Refuse a node graph that aliases expand by more than ``MAX_ALIAS_NODES`` nodes, or that
    has more than ``max_nodes`` nodes once expanded.

    Each distinct node is measured once, so this takes time linear in the text, however large
    the expansion would be. The first node found too large is the one reported.
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(key) + size(value) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        # this subtree has at most len(sizes) + 1 distinct nodes: the rest are aliases expanded
        if aliases and total > len(sizes) + 1 + MAX_ALIAS_NODES:
            reason = f"too many YAML aliases: expanding them adds more than {MAX_ALIAS_NODES:,} nodes"
            raise _TooBig(node.start_mark, reason)
        if total > max_nodes:
            raise _TooBig(node.start_mark, f"too large: more than {max_nodes:,} nodes")
        sizes[id(node)] = total
        return total

    expanded = size(root)
    if expanded - len(sizes) > MAX_ALIAS_NODES:
        reason = f"too many YAML aliases: expanding them adds more than {MAX_ALIAS_NODES:,} nodes"
        raise _TooBig(root.start_mark, reason)


def _parse(text: str, loader_class: Any, max_nodes: int) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of ``text``, built from one parse (after the bounds are checked)."""
    aliases = _check_events(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_expanded_size(node, aliases, max_nodes)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _parse_as_safe_load_does(path: Path, text: str, max_nodes: int) -> tuple[yaml.Node | None, Any]:
    fast_loader = getattr(yaml, "CSafeLoader", None)
    try:
        if fast_loader is not None and "\t" not in text:
            try:
                return _parse(text, fast_loader, max_nodes)
            except yaml.YAMLError:
                pass  # the Python parser words the error as every other tool reading the spec does
        return _parse(text, yaml.SafeLoader, max_nodes)
    except _TooBig as exc:
        raise YamlSyntaxError(path, _position(exc.mark) if exc.mark else Position(1, 1), exc.reason) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _position(mark) if mark else Position(1, 1)
        reason = exc.problem or str(exc)
        if exc.context and exc.context_mark is not None:
            reason += f" ({exc.context}, which began at line {exc.context_mark.line + 1})"
        raise YamlSyntaxError(path, position, reason) from exc


def _within_bounds(data: Any, max_nodes: int) -> bool:
    """Whether parsed data keeps to ``MAX_DEPTH`` levels and ``max_nodes`` nodes."""
    return _bounded_walk(data, max_nodes) is not None


def _bounded_walk(data: Any, max_nodes: int) -> WrittenStrings | None:
    """The :class:`WrittenStrings` of parsed data that keeps to ``MAX_DEPTH`` levels and
    ``max_nodes`` nodes, else ``None`` (walked in a loop; a scalar is counted with its container,
    never pushed: half the time on a 6 MB document)."""
    refs: list[str] = []
    patterns: set[str] = set()
    stack: list[tuple[Any, int]] = [(data, 0)] if isinstance(data, dict | list) else []
    push = stack.append
    nodes = 1
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
            ref = node.get("$ref")
            if isinstance(ref, str):
                refs.append(ref)
            pattern = node.get("pattern")
            if isinstance(pattern, str):
                patterns.add(pattern)
            keyed = node.get("patternProperties")
            if isinstance(keyed, dict):
                patterns.update(key for key in keyed if isinstance(key, str))
        else:
            children = node
        if not children:
            continue
        nodes += len(children)
        deeper = depth + 1
        if deeper > MAX_DEPTH or nodes > max_nodes:
            return None
        for child in children:
            if isinstance(child, dict | list):
                push((child, deeper))
    return WrittenStrings(tuple(refs), frozenset(patterns))


def _json_data(text: str, max_nodes: int) -> tuple[Any, WrittenStrings] | None:
    """``text`` parsed as JSON, with its :class:`WrittenStrings`, when it is a JSON object within
    the bounds; else ``None``.

    A JSON document of several MiB takes libyaml seconds and the json module a tenth of that.
    Anything else (not JSON, too deep, too many nodes) is left to the YAML path, which words the
    error with its line as before.
    """
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    written = _bounded_walk(data, max_nodes) if isinstance(data, dict) else None
    return (data, written) if written is not None else None


class DocumentTooLarge(YamlSyntaxError):
    """The file is larger than the size bound of the load (its ``bounds``)."""

    def __init__(self, path: Path, bounds: DocumentBounds) -> None:
        super().__init__(path, Position(1, 1), f"too large: more than {bounds.size_text}")
        self.bounds = bounds


def load_yaml_with_positions(
    path: Path, *, positions: bool = True, bounds: DocumentBounds = DEFAULT_BOUNDS
) -> LoadedYaml:
    """Parse ``path``; raise :class:`YamlSyntaxError` with file, line and reason when it is not YAML
    or passes a bound of the loader (see the module's docstring; ``bounds`` raises the size bound,
    and the node bound with it).

    ``positions=False`` skips indexing where each node stands (a third of the time on a large
    document): every position is then the document's start, and a JSON document is read by the
    json module (a key written twice is then not reported).
    """
    with path.open("rb") as stream:
        raw = stream.read(bounds.max_bytes + 1)
    if len(raw) > bounds.max_bytes:
        raise DocumentTooLarge(path, bounds)
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text() reads
    if not positions:
        as_json = _json_data(text, bounds.max_nodes)
        if as_json is not None:
            return LoadedYaml(path=path, data=as_json[0], positions={}, written=as_json[1])
    node, data = _parse_as_safe_load_does(path, text, bounds.max_nodes)
    found: dict[JsonPath, Position] = {}
    duplicates: list[DuplicateKey] = []
    if node is not None and positions:
        _index(node, (), found, duplicates)
    return LoadedYaml(path=path, data=data, positions=found, duplicate_keys=tuple(duplicates))
