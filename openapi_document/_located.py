"""A problem at a place in a file, and the one error that carries such problems.

Every tool of the project reports what is wrong with a file the same way, ``file:line:column:
reason``, and every error that says so is a :class:`LocatedError`, so a command line prints it as
it is (no guessing whether a message already names its place)::

    Exception
     └── LocatedError                    one or more Located problems, one line each
          ├── YamlSyntaxError            openapi_document._yaml_positions: not YAML, too large, too deep
          ├── RefError                   openapi_document._refs: a $ref that cannot be followed
          ├── SpecError                  mock_server.spec.document: a document the mock cannot serve
          │    └── ResourceMappingError  mock_server.stateful.mapping: a --stateful mapping that does not fit
          ├── FaultsFileError            mock_server.faults.config: a --faults file that does not fit
          └── DeviationsError            generator._drift_deviations: a deviations file that does not fit

The spec check (``openapi_document.spec_check``) lists its findings as ``Located`` values too
(``SpecProblem`` is the same type), and so does the mapping check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Located:
    """One problem: the file, the 1-based line and column, and the reason in words."""

    file: Path | str
    line: int
    column: int
    reason: str

    @classmethod
    def at(cls, file: Path | str, line: int, column: int, reason: str) -> Located:
        return cls(file, line, column, reason)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.reason}"


class LocatedError(Exception):
    """One or more :class:`Located` problems; ``str()`` is one ``file:line:column: reason`` a line."""

    def __init__(self, problems: Located | Sequence[Located]) -> None:
        found = (problems,) if isinstance(problems, Located) else tuple(problems)
        if not found:
            raise ValueError("a LocatedError names at least one problem")
        self.problems: tuple[Located, ...] = found
        super().__init__("\n".join(str(problem) for problem in found))

    @property
    def first(self) -> Located:
        """The first problem (most errors carry one)."""
        return self.problems[0]
