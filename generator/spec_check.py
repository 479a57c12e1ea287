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
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import prance
from jsonschema.exceptions import UnknownType
from openapi_spec_validator import OpenAPIV31SpecValidator

from generator._yaml_positions import (
    JsonPath,
    LoadedYaml,
    Position,
    YamlSyntaxError,
    load_yaml_with_positions,
)

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


_DUPLICATE_OPERATION_ID = re.compile(
    r"Operation ID '(?P<id>.*)' for '(?P<method>\w+)' in '(?P<path>.*)' is not unique"
)
# keys whose values are data, not schemas: a `type` inside them is a field of an example
_DATA_KEYS = frozenset({"example", "examples", "value", "default", "enum", "const"})


def _pointer(where: Sequence[str | int]) -> str:
    """A JSON pointer (without the leading ``/``) that a person can search the spec for."""
    parts = (str(part).replace("~", "~0").replace("/", "~1") for part in where)
    return "/".join(parts) or "(document)"


def _semantic_error_path(message: str) -> list[str | int]:
    """The JSON path of a semantic error that comes without one, read from its message.

    openapi-spec-validator reports a duplicate operationId only in words; the words name the
    path and the method, which is enough to find the line.
    """
    match = _DUPLICATE_OPERATION_ID.fullmatch(message)
    if match:
        return ["paths", match["path"], match["method"], "operationId"]
    return []


def _first_use_of_operation_id(loaded: LoadedYaml, message: str) -> str:
    """`` (first used at line N)`` for a duplicate operationId message, else nothing."""
    match = _DUPLICATE_OPERATION_ID.fullmatch(message)
    if not match:
        return ""
    for path, item in loaded.data.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict) and operation.get("operationId") == match["id"]:
                line = loaded.locate(["paths", path, method, "operationId"]).line
                return f" (first used at line {line})"
    return ""


def _type_declarations(node: Any, type_name: object, here: JsonPath = ()) -> Iterator[JsonPath]:
    """Where a schema declares ``type: type_name`` (alone or in a list), skipping example data."""
    if here and here[-1] in _DATA_KEYS:
        return
    if isinstance(node, dict):
        declared = node.get("type")
        if declared == type_name or (isinstance(declared, list) and type_name in declared):
            yield (*here, "type")
        for key, value in node.items():
            yield from _type_declarations(value, type_name, (*here, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _type_declarations(item, type_name, (*here, index))


def _meta_schema_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    try:
        errors = list(OpenAPIV31SpecValidator(loaded.data).iter_errors())
    except UnknownType as exc:  # the validator crashes on a type name it does not know
        for declaration in list(_type_declarations(loaded.data, exc.type)) or [()]:
            position = loaded.locate(declaration)
            reason = f"{_pointer(declaration)}: unknown type {exc.type!r}"
            yield SpecProblem(loaded.path, position.line, position.column, reason)
        return
    except Exception as exc:  # the validator itself can fail on other nonsense
        reason = str(exc).splitlines()[0]
        yield SpecProblem(loaded.path, 1, 1, f"openapi-spec-validator failed: {type(exc).__name__}: {reason}")
        return
    for error in errors:
        where: list[str | int] = [*error.absolute_path] or _semantic_error_path(error.message)
        position = loaded.locate(where)
        # openapi-spec-validator appends the failing schema after a blank line; the first line says it
        message = error.message.splitlines()[0]
        reason = f"{_pointer(where)}: {message}{_first_use_of_operation_id(loaded, message)}"
        yield SpecProblem(loaded.path, position.line, position.column, reason)


def _refs(node: Any, here: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every ``$ref`` string of the document, with the JSON path of its ``$ref`` key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield (*here, "$ref"), value
            else:
                yield from _refs(value, (*here, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _refs(item, (*here, index))


def _resolves(document: Any, ref: str) -> bool:
    """Whether the local reference ``#/a/b`` points at a node of ``document``."""
    node = document
    for raw in ref.removeprefix("#").removeprefix("/").split("/") if ref != "#" else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def _unresolvable_ref_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    """Each local ``$ref`` that points nowhere, at the line of that ``$ref``.

    prance stops at the first unresolvable reference and names no line; walking the local
    references ourselves reports every one of them where it stands.
    """
    for where, ref in _refs(loaded.data):
        if ref.startswith("#") and not _resolves(loaded.data, ref):
            position = loaded.locate(where)
            reason = f"{_pointer(where)}: cannot resolve {ref!r}"
            yield SpecProblem(loaded.path, position.line, position.column, reason)


def _position_of_ref_named_in(loaded: LoadedYaml, message: str) -> Position:
    """The line of the first ``$ref`` whose target the message quotes (the document start if none)."""
    for where, ref in _refs(loaded.data):
        if f'{ref}"' in message or f"{ref}'" in message:
            return loaded.locate(where)
    return Position(1, 1)


def _resolution_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    try:
        prance.ResolvingParser(
            loaded.path.resolve().as_uri(),
            backend="openapi-spec-validator",
            strict=True,
            lazy=False,
        )
    except Exception as exc:  # prance raises several unrelated types; each is a finding
        position = _position_of_ref_named_in(loaded, str(exc))
        yield SpecProblem(loaded.path, position.line, position.column, f"prance: {type(exc).__name__}: {exc}")


def structural_problems(loaded: LoadedYaml) -> list[SpecProblem]:
    """What makes a parsed document unusable as OpenAPI: meta-schema errors and local ``$ref``s
    that point nowhere. Tools that walk the spec (lint, docs drift) check this first, so that a
    broken spec is reported with its lines instead of crashing them. Prance is not asked (slow)."""
    if not isinstance(loaded.data, dict):
        return [SpecProblem(loaded.path, 1, 1, "the document is not a YAML mapping")]
    return [*_meta_schema_problems(loaded), *_unresolvable_ref_problems(loaded)]


def check_spec(path: Path) -> list[SpecProblem]:
    """Every problem found in the spec at ``path``; an empty list means it is valid."""
    try:
        loaded = load_yaml_with_positions(path)
    except YamlSyntaxError as exc:
        return [SpecProblem(exc.path, exc.position.line, exc.position.column, exc.reason)]
    except OSError as exc:
        return [SpecProblem(path, 1, 1, f"cannot read: {exc.strerror}")]
    problems = structural_problems(loaded)
    if not problems:  # prance repeats the findings above; ask it only about what is left (other files)
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
    parser = argparse.ArgumentParser(
        prog="python -m generator.spec_check", description=__doc__.split("\n")[0]
    )
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
