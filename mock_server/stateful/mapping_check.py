"""The one check of ``spec/mock-resources.yaml``: its grammar, then what it names in the spec.

Both readers call :func:`mapping_problems`: the mock at start-up (``--stateful``, through
:func:`mock_server.stateful.mapping.load_mapping`) and ``make spec-check``
(``generator.resources_check``), so a spec change that strands the mapping reads the same in both.

1. **Grammar** (``mock-resources.schema.json`` beside this module, JSON Schema 2020-12): which keys
   each action takes and needs, the operators, pointers and lookups. Each failure reads as a
   sentence (a schema's ``x-message`` where it has one).
2. **Cross references**, one pass over a mapping the grammar accepted:
   - every operation it names is in the spec, every query parameter a filter or include reads
     is declared, every ``$path.P`` and ``$body.F`` is a path parameter or body field of its
     operation;
   - every collection a rule, lookup or relation names is declared; a seed finds records with
     the collection's id field at its pointer of the docs example;
   - every expression and hook is known; ``$new.C`` names a collection the operation inserts into;
     an inserted record has its collection's id field;
   - every field a filter, lookup, ``where``, list change or include link names is a field of its
     collection (the properties of its seeds' schemas, plus the fields records are given).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from mock_server.stateful.hooks import HOOK_ARGUMENTS
from mock_server.stateful.schema import (
    docs_example,
    find_operation,
    item_schema,
    property_names,
    query_parameters,
    seed_records,
    subschema,
    success_schema,
)
from mock_server.stateful.template import check_expression
from openapi_document import resolve

JsonPath = tuple[str | int, ...]
SCHEMA_PATH = Path(__file__).with_name("mock-resources.schema.json")
MAX_PROBLEMS = 200  # past this many, the rest are counted, not listed
_MAX_WALK_DEPTH = 64  # the loader bounds depth at 64 already; this keeps the walks honest


@dataclass(frozen=True)
class MappingProblem:
    """One problem of the mapping: where (a path into the file's data) and why."""

    where: JsonPath
    reason: str


@cache
def _grammar() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _sentence(error: ValidationError) -> Iterator[MappingProblem]:
    """What a grammar failure reads as, at the key it is about."""
    where: JsonPath = tuple(error.absolute_path)
    key = str(where[-1]) if where else "the mapping"
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    message = schema.get("x-message")
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = sorted((schema.get("properties") or {}).keys())
        for extra in error.instance:
            if extra not in allowed:
                reason = f"unknown key {extra!r} (allowed: {', '.join(allowed)})"
                yield MappingProblem((*where, str(extra)), reason)
        return
    if message:
        yield MappingProblem(where, str(message))
    elif error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else str(error.validator_value)
        yield MappingProblem(where, f"{key!s} needs {missing!r}")
    elif error.validator == "enum":
        choices = schema.get("enum") or ()
        yield MappingProblem(where, f"{key} must be one of {', '.join(map(str, choices))}")
    elif error.validator == "const":
        yield MappingProblem(where, f"{key} must be {error.validator_value}")
    elif error.validator == "type":
        kind = {"object": "a mapping", "array": "a list", "string": "a string"}.get(
            str(error.validator_value), str(error.validator_value)
        )
        yield MappingProblem(where, f"expected {kind}")
    elif error.validator == "minLength":
        yield MappingProblem(where, "expected a non-empty string")
    elif error.validator == "minItems":
        yield MappingProblem(where, "expected a list of at least one")
    else:
        yield MappingProblem(where, str(error.message))


def grammar_problems(data: Any) -> list[MappingProblem]:
    """Where ``data`` departs from the mapping's grammar (its JSON Schema), in document order."""
    found: list[MappingProblem] = []
    for error in _grammar().iter_errors(data):
        # an `if`/`then` on the action reports inside the action's own schema: the best match
        errors = [error] if not error.context else list(error.context)
        for one in errors:
            found.extend(_sentence(one))
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda problem: tuple(str(step) for step in problem.where))


def _walk(value: Any, where: JsonPath, depth: int = 0) -> Iterator[tuple[JsonPath, Any]]:
    yield where, value
    if depth > _MAX_WALK_DEPTH:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(item, (*where, str(key)), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*where, index), depth + 1)


def _request_fields(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> frozenset[str] | None:
    """The fields the operation's request body declares across its media types (None: no body;
    ``*`` among them: a body of any shape)."""
    body = resolve(spec, operation.get("requestBody"))
    content = body.get("content") if isinstance(body, Mapping) else None
    if not isinstance(content, Mapping) or not content:
        return None
    fields: set[str] = set()
    for media in content.values():
        schema = resolve(spec, media.get("schema", {})) if isinstance(media, Mapping) else {}
        names = property_names(spec, schema) if isinstance(schema, Mapping) else None
        if names is None:
            return frozenset({"*"})
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


class _CrossReferences:
    """The pass over a mapping the grammar accepted; collects, never raises."""

    def __init__(self, data: Mapping[str, Any], spec: Mapping[str, Any]) -> None:
        self.data = data
        self.spec = spec
        self.problems: list[MappingProblem] = []
        self.collections: Mapping[str, Any] = data.get("collections") or {}
        self.fields = self._collection_fields()

    def problem(self, where: JsonPath, reason: str) -> None:
        self.problems.append(MappingProblem(where, reason))

    # -- the collections and what their records hold -----------------------------------------
    def _collection_fields(self) -> dict[str, frozenset[str] | None]:
        """Each collection's known fields; None when a seed's schema leaves its records open."""
        fields: dict[str, set[str] | None] = {}
        for name, body in self.collections.items():
            known: set[str] | None = {str(body["id"])}
            for seed in body.get("seed") or []:
                operation = find_operation(self.spec, str(seed["operation"]))
                if operation is None or known is None:
                    continue
                schema = subschema(self.spec, success_schema(self.spec, operation), str(seed["at"]))
                if resolve(self.spec, schema).get("type") == "array":
                    schema = item_schema(self.spec, schema)
                names = property_names(self.spec, schema)
                known = None if names is None else known | names | set(seed.get("set") or {})
            fields[str(name)] = known
        for operation in (self.data.get("operations") or {}).values():
            for insert in operation.get("insert") or []:
                target = fields.get(str(insert["collection"]))
                if target is not None:
                    target |= set(insert["record"])
            for update in [operation, *(operation.get("then") or [])]:
                target = fields.get(str(update.get("find", "")).partition(":")[0])
                for change in update.get("changes") or []:
                    if target is not None and "set" in change:  # a `set` gives the record that field
                        target.add(str(change["set"]).split(".")[0])
        return {name: None if known is None else frozenset(known) for name, known in fields.items()}

    def collection(self, name: str, where: JsonPath) -> bool:
        if name in self.collections:
            return True
        self.problem(where, f"no collection {name!r}")
        return False

    def field(self, collection: str, field: str, where: JsonPath) -> None:
        known = self.fields.get(collection)
        name = field.split(".")[0].removesuffix("[]")
        if known is not None and name and name not in known:
            self.problem(
                where, f"collection {collection!r} has no field {name!r} (its seeds' schemas and records)"
            )

    def lookup(self, text: str, where: JsonPath) -> str:
        collection, _, key = text.partition(":")
        if collection not in self.collections:
            self.problem(where, f"{text!r} is not COLLECTION:KEY with a declared collection")
        else:
            self.field(collection, key.partition("[].")[0], where)
        return collection

    def seed(
        self, seed: Mapping[str, Any], operation: Mapping[str, Any], id_field: str, where: JsonPath
    ) -> None:
        at = seed["at"]
        try:
            records = seed_records(docs_example(self.spec, operation), str(at))
        except LookupError:
            self.problem(where, f"the docs example of {seed['operation']} has no list or object at {at}")
            return
        for record in records:
            if not isinstance(record, Mapping) or not isinstance(record.get(id_field), str):
                reason = f"a record at {at} of {seed['operation']}'s docs example has no {id_field!r}"
                self.problem(where, reason)
                return

    # -- the operations --------------------------------------------------------------------------
    def operation(self, operation_id: str, where: JsonPath) -> Mapping[str, Any]:
        operation = find_operation(self.spec, operation_id)
        if operation is None:
            self.problem(where, f"the spec has no operation {operation_id!r}")
            return {}
        return operation

    def hook(self, node: Mapping[str, Any], where: JsonPath) -> None:
        allowed = HOOK_ARGUMENTS.get(str(node["hook"]))
        if allowed is None:
            self.problem(where, f"unknown hook {node['hook']!r} (known: {', '.join(HOOK_ARGUMENTS)})")
            return
        for key in node:
            if key not in allowed | {"hook"}:
                known = ", ".join(sorted(allowed | {"hook"}))
                self.problem((*where, str(key)), f"unknown key {key!r} (allowed: {known})")

    def templates(self, operation_id: str, rule: Mapping[str, Any], where: JsonPath) -> None:
        """Expressions and hooks anywhere in the rule; ``$path``/``$body`` against the operation."""
        operation = find_operation(self.spec, operation_id) or {}
        path_names = _path_parameters(self.spec, operation_id)
        body_fields = _request_fields(self.spec, operation)
        inserted = frozenset(str(insert["collection"]) for insert in rule.get("insert") or [])
        for path, node in _walk(rule, where):
            if isinstance(node, Mapping) and "hook" in node:
                self.hook(node, path)
            if not isinstance(node, str) or not node.startswith("$") or node.startswith("$$"):
                continue
            reason = check_expression(node)
            root, _, name = node.partition(".")
            name = name.split(".")[0]
            if reason:
                self.problem(path, reason)
            elif root == "$new" and name not in inserted:
                self.problem(path, f"{node!r} names no collection this operation inserts into")
            elif root == "$path" and name not in path_names:
                self.problem(path, f"{operation_id} declares no path parameter {name!r}")
            elif root == "$body" and body_fields is None:
                self.problem(path, f"{operation_id} takes no request body, so {node!r} is never there")
            elif root == "$body" and body_fields is not None and not {name, "*"} & body_fields:
                self.problem(path, f"the request body of {operation_id} declares no field {name!r}")

    def changes(self, collection: str, changes: Any, where: JsonPath) -> None:
        for index, change in enumerate(changes or []):
            for op in ("add", "remove", "merge"):  # a list must be there to change it
                if op in change:
                    self.field(collection, str(change[op]), (*where, index, op))

    def query_parameter(
        self, operation_id: str, name: str, declared: Mapping[str, Any], where: JsonPath
    ) -> None:
        if name not in declared:
            self.problem(where, f"{operation_id} declares no query parameter {name!r}")

    def rule(self, operation_id: str, rule: Mapping[str, Any]) -> None:
        where: JsonPath = ("operations", operation_id)
        operation = self.operation(operation_id, where)
        self.templates(operation_id, rule, where)
        declared = query_parameters(self.spec, operation) if operation else None
        collection = str(rule.get("collection", ""))
        if collection:
            self.collection(collection, (*where, "collection"))
        if "find" in rule:
            collection = self.lookup(str(rule["find"]), (*where, "find"))
        for index, requirement in enumerate(rule.get("require") or []):
            for position, lookup in enumerate(requirement["in"]):
                self.lookup(str(lookup), (*where, "require", index, "in", position))
        for index, rule_filter in enumerate(rule.get("filters") or []):
            at: JsonPath = (*where, "filters", index)
            if declared is not None:
                self.query_parameter(operation_id, str(rule_filter["param"]), declared, (*at, "param"))
            self.field(collection, str(rule_filter["field"]), (*at, "field"))
        for key in rule.get("where") or {}:
            self.field(collection, str(key), (*where, "where", str(key)))
        self.changes(collection, rule.get("changes"), (*where, "changes"))
        for index, insert in enumerate(rule.get("insert") or []):
            at = (*where, "insert", index)
            target = str(insert["collection"])
            if self.collection(target, (*at, "collection")):
                id_field = str(self.collections[target]["id"])
                if id_field not in insert["record"]:
                    self.problem((*at, "record"), f"a record of {target} needs its id field {id_field!r}")
        for index, update in enumerate(rule.get("then") or []):
            target = self.lookup(str(update["find"]), (*where, "then", index, "find"))
            self.changes(target, update.get("changes"), (*where, "then", index, "changes"))
        include = rule.get("include")
        if include:
            if declared is not None:
                self.query_parameter(
                    operation_id, str(include["param"]), declared, (*where, "include", "param")
                )
            for name, relation in include["relations"].items():
                at = (*where, "include", "relations", str(name))
                self.collection(str(relation["collection"]), (*at, "collection"))
                self.field(collection, str(relation["links"]), (*at, "links"))

    def run(self) -> list[MappingProblem]:
        for name, body in self.collections.items():
            for index, seed in enumerate(body.get("seed") or []):
                where: JsonPath = ("collections", str(name), "seed", index)
                operation = self.operation(str(seed["operation"]), (*where, "operation"))
                if operation:
                    self.seed(seed, operation, str(body["id"]), where)
        for operation_id, rule in (self.data.get("operations") or {}).items():
            self.rule(str(operation_id), rule)
        return self.problems


def mapping_problems(data: Any, spec: Mapping[str, Any]) -> list[MappingProblem]:
    """Every problem of the mapping ``data`` against ``spec``: the grammar first; when it holds,
    the cross references (they read the structure the grammar promises)."""
    grammar = grammar_problems(data)
    if grammar:
        return grammar
    return _CrossReferences(data, spec).run()
