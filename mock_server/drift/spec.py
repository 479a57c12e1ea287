"""The spec as the drift check reads it: compiled as the mock compiles it, with its evidence register."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mock_server._config import MockConfig
from mock_server.drift.schema_walk import Shapes
from mock_server.server.assembly import load_compiled
from mock_server.spec.compiled import CompiledSpec
from openapi_document import Operation, operation_list
from openapi_document._yaml_positions import LoadedYaml, YamlSyntaxError, load_yaml_with_positions
from openapi_document.evidence import Evidence, evidence_register

JsonPath = tuple[str | int, ...]


@dataclass
class DriftSpec:
    """One spec, loaded once for a whole capture."""

    path: Path
    compiled: CompiledSpec
    operations: dict[tuple[str, str], Operation]  # by (METHOD, path template)
    base_paths: tuple[str, ...]
    register: dict[JsonPath, Evidence] = field(repr=False)
    shapes: Shapes = field(repr=False)

    @property
    def document(self) -> Mapping[str, Any]:
        return self.compiled.spec.document

    @cached_property
    def _positions(self) -> LoadedYaml | None:
        try:
            return load_yaml_with_positions(self.path)
        except (OSError, UnicodeDecodeError, YamlSyntaxError):
            return None

    def line(self, where: Sequence[str | int]) -> int:
        """The line of the spec's file where ``where`` is written (0: unknown)."""
        positions = self._positions
        return positions.locate(where).line if positions is not None else 0

    def nearest_evidence(self, places: Sequence[JsonPath]) -> Evidence | None:
        """The ``x-evidence`` entry nearest up from the first of ``places`` that has one above it.

        Up, but never out of the element the place is in: a schema (``components/schemas/X``),
        a parameter, a response, a request body; an operation's own evidence ties only what
        concerns the operation itself.
        """
        for place in places:
            for length in range(len(place), _floor(place) - 1, -1):
                found = self.register.get(place[:length])
                if found is not None:
                    return found
        return None


def _floor(place: JsonPath) -> int:
    """How far up from ``place`` the evidence tie may look: the length of its element's path."""
    if place[:1] == ("paths",) and len(place) >= 4:
        return min(len(place), 5 if place[3] in ("responses", "parameters") else 4)
    if place[:1] == ("components",):
        return min(len(place), 3)
    return len(place)


def load_spec(path: Path) -> DriftSpec:
    """Load and compile the spec at ``path``; SpecError (``file:line: reason``) when it cannot be."""
    compiled = load_compiled(MockConfig(spec_path=path))
    document = compiled.spec.document
    operations = {(op.method, op.path): op for op in operation_list(document)}
    register = {entry.where: entry for entry in evidence_register(document)}
    bases = tuple(compiled.spec.servers_base_paths())
    return DriftSpec(path, compiled, operations, bases, register, Shapes(document))
