"""Validate ``spec/openapi.yaml`` and report each problem as ``file:line:column: reason``.

Two independent validators read the spec: openapi-spec-validator (the OpenAPI 3.1 meta-schema
plus its semantic rules, such as unique operationIds and declared path parameters) and prance
(a resolving parser: every ``$ref`` must resolve). A person fixing the spec wants the line, so
each finding's JSON path is mapped back to the YAML source.

Usage: ``python -m generator.spec_check [--table] SPEC``. Exit 0 when valid, 1 when not,
2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import prance
from openapi_spec_validator import OpenAPIV31SpecValidator

from generator._yaml_positions import LoadedYaml, YamlSyntaxError, load_yaml_with_positions

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class SpecProblem:
    """One reason the spec is invalid, with where it stands."""

    file: Path
    line: int
    column: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.reason}"


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the operation table lists it."""

    method: str
    path: str
    operation_id: str
    tag: str
    summary: str


def _meta_schema_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    try:
        errors = list(OpenAPIV31SpecValidator(loaded.data).iter_errors())
    except Exception as exc:  # the validator itself can fail on nonsense (an unknown type name)
        reason = str(exc).splitlines()[0]
        yield SpecProblem(loaded.path, 1, 1, f"openapi-spec-validator failed: {type(exc).__name__}: {reason}")
        return
    for error in errors:
        where = [*error.absolute_path]
        position = loaded.locate(where)
        pointer = "/".join(str(part) for part in where) or "(document)"
        yield SpecProblem(loaded.path, position.line, position.column, f"{pointer}: {error.message}")


def _resolution_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    try:
        prance.ResolvingParser(
            loaded.path.resolve().as_uri(),
            backend="openapi-spec-validator",
            strict=True,
            lazy=False,
        )
    except Exception as exc:  # prance raises several unrelated types; each is a finding
        yield SpecProblem(loaded.path, 1, 1, f"prance: {type(exc).__name__}: {exc}")


def check_spec(path: Path) -> list[SpecProblem]:
    """Every problem found in the spec at ``path``; an empty list means it is valid."""
    try:
        loaded = load_yaml_with_positions(path)
    except YamlSyntaxError as exc:
        return [SpecProblem(exc.path, exc.position.line, exc.position.column, exc.reason)]
    except OSError as exc:
        return [SpecProblem(path, 1, 1, f"cannot read: {exc.strerror}")]
    if not isinstance(loaded.data, dict):
        return [SpecProblem(path, 1, 1, "the document is not a YAML mapping")]
    problems = list(_meta_schema_problems(loaded))
    if not problems:  # prance repeats the meta-schema findings; only ask it about $refs
        problems.extend(_resolution_problems(loaded))
    return problems


def list_operations(spec: dict[str, Any]) -> list[Operation]:
    """The spec's operations in document order."""
    operations: list[Operation] = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=operation.get("operationId", ""),
                    tag=(operation.get("tags") or [""])[0],
                    summary=operation.get("summary", ""),
                )
            )
    return operations


def format_operation_table(operations: Sequence[Operation]) -> str:
    """A fixed-width table: method, path, operationId, tag, summary."""
    rows = [("METHOD", "PATH", "OPERATION", "TAG", "SUMMARY")]
    rows += [(op.method, op.path, op.operation_id, op.tag, op.summary) for op in operations]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.spec_check", description=__doc__.split("\n")[0])
    parser.add_argument("spec", type=Path, help="path of the OpenAPI document")
    parser.add_argument("--table", action="store_true", help="also print the table of operations")
    args = parser.parse_args(argv)
    problems = check_spec(args.spec)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{args.spec}: INVALID ({len(problems)} problem(s))", file=sys.stderr)
        return 1
    spec = load_yaml_with_positions(args.spec).data
    operations = list_operations(spec)
    print(f"{args.spec}: valid OpenAPI {spec['openapi']} ({len(operations)} operations)")
    if args.table:
        print()
        print(format_operation_table(operations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
