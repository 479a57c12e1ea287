"""Check ``spec/mock-resources.yaml`` against the spec (part of ``make spec-check``).

``leeloo-mock --stateful`` reads the mapping at start-up and refuses one that names an operation
or query parameter the spec lacks; this runs the mock's own checks without starting the mock, so a
spec change that strands the mapping is caught by the spec check, before the tests. It adds what
the mock only finds out while answering: every field the mapping names must exist.

- ``$path.P``: the operation declares path parameter ``P``;
- ``$body.F``: the operation's request body declares field ``F`` (in any of its media types);
- a collection's fields (the properties of the schemas its seeds are read from, and the fields
  its inserted records, seed ``set`` and ``set`` changes give) hold every field a filter, lookup
  (``COLLECTION:KEY``), ``where``, list change (``add``, ``remove``, ``merge``) or include link
  names.

Usage: ``python -m generator.resources_check MAPPING SPEC``. Each problem is printed as
``file:line:column: reason``; exit 0 when there is none, 1 when there are, 2 when the spec cannot
be read (``make spec-check`` has said why).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_server.stateful.mapping import ResourceMappingError, load_mapping
from mock_server.stateful.schema import (
    find_operation,
    item_schema,
    property_names,
    subschema,
    success_schema,
)
from openapi_document import resolve
from openapi_document._yaml_positions import LoadedYaml, YamlSyntaxError, load_yaml_with_positions
from openapi_document.spec_check import structural_problems

JsonPath = tuple[str | int, ...]
MAX_PROBLEMS = 200  # past this many, the rest are counted, not listed


@dataclass(frozen=True)
class Problem:
    where: JsonPath
    reason: str


def _request_fields(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> frozenset[str] | None:
    """The fields the operation's request body declares across its media types (None: no body)."""
    body = resolve(spec, operation.get("requestBody"))
    content = body.get("content") if isinstance(body, Mapping) else None
    if not isinstance(content, Mapping) or not content:
        return None
    fields: set[str] = set()
    for media in content.values():
        schema = resolve(spec, media.get("schema", {})) if isinstance(media, Mapping) else {}
        names = property_names(spec, schema) if isinstance(schema, Mapping) else None
        if names is None:
            return frozenset({"*"})  # a body of any shape: every field may be there
        fields |= names
    return frozenset(fields)


def _path_parameters(spec: Mapping[str, Any], operation_id: str) -> frozenset[str]:
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, Mapping):
            continue
        for operation in item.values():
            if isinstance(operation, Mapping) and operation.get("operationId") == operation_id:
                parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
                resolved = (resolve(spec, parameter) for parameter in parameters)
                return frozenset(
                    str(p.get("name")) for p in resolved if isinstance(p, Mapping) and p.get("in") == "path"
                )
    return frozenset()


def _walk(value: Any, where: JsonPath, depth: int = 0) -> Iterator[tuple[JsonPath, Any]]:
    yield where, value
    if depth > 64:  # the loader bounds depth at 64 already; this only keeps the walk honest
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(item, (*where, str(key)), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*where, index), depth + 1)


class _FieldCheck:
    def __init__(self, spec: Mapping[str, Any], mapping: Mapping[str, Any]) -> None:
        self.spec = spec
        self.mapping = mapping
        self.problems: list[Problem] = []
        self.fields = self._collection_fields()

    def _collection_fields(self) -> dict[str, frozenset[str] | None]:
        """Each collection's known fields; None when a seed's schema leaves its records open."""
        fields: dict[str, set[str] | None] = {}
        for name, body in (self.mapping.get("collections") or {}).items():
            known: set[str] | None = {str(body.get("id", "id"))}
            for seed in body.get("seed") or []:
                operation = find_operation(self.spec, str(seed.get("operation")))
                if operation is None or known is None:
                    continue
                schema = subschema(self.spec, success_schema(self.spec, operation), str(seed.get("at", "")))
                if resolve(self.spec, schema).get("type") == "array":
                    schema = item_schema(self.spec, schema)
                names = property_names(self.spec, schema)
                known = None if names is None else known | names | set(seed.get("set") or {})
            fields[str(name)] = known
        for operation in (self.mapping.get("operations") or {}).values():
            for insert in operation.get("insert") or []:
                target = fields.get(str(insert.get("collection")))
                if target is not None and isinstance(insert.get("record"), Mapping):
                    target |= set(insert["record"])
            updates = [operation, *(operation.get("then") or [])]
            for update in updates:
                target = fields.get(str(update.get("find", "")).partition(":")[0])
                for change in update.get("changes") or []:
                    if target is not None and "set" in change:  # a `set` gives the record that field
                        target.add(str(change["set"]).split(".")[0])
        return {name: None if known is None else frozenset(known) for name, known in fields.items()}

    def problem(self, where: JsonPath, reason: str) -> None:
        self.problems.append(Problem(where, reason))

    def field(self, collection: str, field: str, where: JsonPath) -> None:
        known = self.fields.get(collection)
        name = field.split(".")[0].removesuffix("[]")
        if known is not None and name and name not in known:
            self.problem(
                where, f"collection {collection!r} has no field {name!r} (its seeds' schemas and records)"
            )

    def lookup(self, text: Any, where: JsonPath) -> str:
        collection, _, key = str(text).partition(":")
        self.field(collection, key.partition("[].")[0], where)
        return collection

    def changes(self, collection: str, changes: Any, where: JsonPath) -> None:
        for index, change in enumerate(changes or []):
            for op in ("add", "remove", "merge"):  # a list must be there to change it
                if op in change:
                    self.field(collection, str(change[op]), (*where, index, op))

    def expressions(self, operation_id: str, node: Any, where: JsonPath) -> None:
        operation = find_operation(self.spec, operation_id) or {}
        path_names = _path_parameters(self.spec, operation_id)
        body_fields = _request_fields(self.spec, operation)
        for path, value in _walk(node, where):
            if not isinstance(value, str):
                continue
            if value.startswith("$path."):
                name = value.removeprefix("$path.")
                if name not in path_names:
                    self.problem(path, f"{operation_id} declares no path parameter {name!r}")
            elif value.startswith("$body."):
                name = value.removeprefix("$body.").split(".")[0]
                if body_fields is None:
                    self.problem(path, f"{operation_id} takes no request body, so {value!r} is never there")
                elif name not in body_fields and "*" not in body_fields:
                    self.problem(path, f"the request body of {operation_id} declares no field {name!r}")

    def run(self) -> list[Problem]:
        for operation_id, rule in (self.mapping.get("operations") or {}).items():
            where: JsonPath = ("operations", str(operation_id))
            self.expressions(str(operation_id), rule, where)
            collection = str(rule.get("collection", ""))
            if "find" in rule:
                collection = self.lookup(rule["find"], (*where, "find"))
            for index, requirement in enumerate(rule.get("require") or []):
                for position, lookup in enumerate(requirement.get("in") or []):
                    self.lookup(lookup, (*where, "require", index, "in", position))
            for index, rule_filter in enumerate(rule.get("filters") or []):
                self.field(collection, str(rule_filter.get("field", "")), (*where, "filters", index, "field"))
            for key in rule.get("where") or {}:
                self.field(collection, str(key), (*where, "where", str(key)))
            self.changes(collection, rule.get("changes"), (*where, "changes"))
            for index, update in enumerate(rule.get("then") or []):
                target = self.lookup(update.get("find"), (*where, "then", index, "find"))
                self.changes(target, update.get("changes"), (*where, "then", index, "changes"))
            relations = (rule.get("include") or {}).get("relations") or {}
            for name, relation in relations.items():
                self.field(
                    collection,
                    str(relation.get("links", "")),
                    (*where, "include", "relations", name, "links"),
                )
        return self.problems


def check_resources(mapping_path: Path, spec: Mapping[str, Any]) -> list[str]:
    """Every problem of the mapping at ``mapping_path`` against ``spec``, as ``file:line:column: reason``."""
    try:
        load_mapping(mapping_path, spec)
    except ResourceMappingError as exc:
        return str(exc).splitlines()
    try:
        loaded: LoadedYaml = load_yaml_with_positions(mapping_path)
    except (OSError, YamlSyntaxError) as exc:  # load_mapping read it a moment ago; reported all the same
        return [f"{mapping_path}:1:1: cannot read: {exc}"]
    problems = _FieldCheck(spec, loaded.data).run()
    lines = []
    for problem in problems[:MAX_PROBLEMS]:
        position = loaded.locate(list(problem.where))
        lines.append(f"{mapping_path}:{position.line}:{position.column}: {problem.reason}")
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"{mapping_path}: and {len(problems) - MAX_PROBLEMS} more problems")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.resources_check", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument("mapping", type=Path, help="the --stateful mapping (spec/mock-resources.yaml)")
    parser.add_argument("spec", type=Path, help="the OpenAPI document (spec/openapi.yaml)")
    args = parser.parse_args(argv)
    try:
        loaded = load_yaml_with_positions(args.spec)
    except (OSError, YamlSyntaxError, UnicodeDecodeError) as exc:
        print(f"resources_check: cannot read the spec: {exc}", file=sys.stderr)
        return 2
    if structural_problems(loaded):
        print(
            f"resources_check: {args.spec} is not valid OpenAPI; `make spec-check` says why", file=sys.stderr
        )
        return 2
    problems = check_resources(args.mapping, loaded.data)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{args.mapping}: {len(problems)} problem(s) against {args.spec}", file=sys.stderr)
        return 1
    print(f"{args.mapping}: every operation, collection and field it names is in {args.spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
