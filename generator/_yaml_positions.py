"""Load YAML while remembering where each node stands, so that errors can name a line.

Validators report a JSON path (``paths./people.get.responses``); a person fixing the spec wants
``spec/openapi.yaml:612``. PyYAML's composer keeps the position of every node, so we walk the
node tree once and index the start mark of each path.

The document is parsed once, by libyaml when PyYAML has it: the pure-Python parser takes ~0.4 s
for the spec, twice as long as everything else the mock server does at start-up. The two accept
the same documents except where a tab separates tokens (only the Python one refuses that), and
word their errors differently; so a text with a tab, or one libyaml refuses, is parsed (again) by
the Python parser, and what is accepted and every error message stay those of ``yaml.safe_load``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


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

    def locate(self, json_path: Sequence[str | int]) -> Position:
        """Position of the deepest known node on ``json_path`` (the document start if none)."""
        key = tuple(json_path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return Position(1, 1)


class YamlSyntaxError(Exception):
    """The file is not well-formed YAML; carries the position PyYAML reported."""

    def __init__(self, path: Path, position: Position, reason: str) -> None:
        super().__init__(f"{path}:{position.line}:{position.column}: {reason}")
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


def _parse(text: str, loader_class: Any) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of ``text``, built from one parse."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _parse_as_safe_load_does(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    fast_loader = getattr(yaml, "CSafeLoader", None)
    if fast_loader is not None and "\t" not in text:
        try:
            return _parse(text, fast_loader)
        except yaml.YAMLError:
            pass  # the Python parser words the error as every other tool reading the spec does
    try:
        return _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _position(mark) if mark else Position(1, 1)
        reason = exc.problem or str(exc)
        if exc.context and exc.context_mark is not None:
            reason += f" ({exc.context}, which began at line {exc.context_mark.line + 1})"
        raise YamlSyntaxError(path, position, reason) from exc


def load_yaml_with_positions(path: Path) -> LoadedYaml:
    """Parse ``path``; raise :class:`YamlSyntaxError` with file, line and reason when it is not YAML."""
    text = path.read_text(encoding="utf-8")
    node, data = _parse_as_safe_load_does(path, text)
    positions: dict[JsonPath, Position] = {}
    duplicates: list[DuplicateKey] = []
    if node is not None:
        _index(node, (), positions, duplicates)
    return LoadedYaml(path=path, data=data, positions=positions, duplicate_keys=tuple(duplicates))
