"""Load YAML while remembering where each node stands, so that errors can name a line.

Validators report a JSON path (``paths./people.get.responses``); a person fixing the spec wants
``spec/openapi.yaml:612``. PyYAML's composer keeps the position of every node, so we walk the
node tree once and index the start mark of each path.
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
class LoadedYaml:
    """A parsed document with the position of every mapping key and sequence item."""

    path: Path
    data: Any
    positions: dict[JsonPath, Position]

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


def _index(node: yaml.Node, here: JsonPath, out: dict[JsonPath, Position]) -> None:
    out[here] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            _index(value_node, (*here, key), out)
            # the key's own line reads better than the value's for block values
            out[(*here, key)] = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*here, i), out)


def load_yaml_with_positions(path: Path) -> LoadedYaml:
    """Parse ``path``; raise :class:`YamlSyntaxError` with file, line and reason when it is not YAML."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        reason = exc.problem or str(exc)
        if exc.context and exc.context_mark is not None:
            reason += f" ({exc.context}, which began at line {exc.context_mark.line + 1})"
        raise YamlSyntaxError(path, position, reason) from exc
    positions: dict[JsonPath, Position] = {}
    if node is not None:
        _index(node, (), positions)
    return LoadedYaml(path=path, data=data, positions=positions)
