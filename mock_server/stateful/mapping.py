"""Read and check ``spec/mock-resources.yaml``, the declarative mapping behind ``--stateful``.

The mapping is data a person edits; a mistake in it must read as ``file:line:column: reason``
at start-up, not as a KeyError in the middle of a request. So it is checked whole, against
itself and against the spec (operation ids, query parameters), and turned into frozen rules
the engine can follow without further checks. The format is described in the file's header.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_server.spec.bundled import leeloo_spec_dir
from mock_server.spec.document import SpecError
from mock_server.stateful.hooks import HOOK_ARGUMENTS
from mock_server.stateful.schema import docs_example, find_operation, query_parameters
from mock_server.stateful.template import check_expression
from openapi_document import pointer_target
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions

JsonPath = tuple[str | int, ...]
ACTIONS = ("list", "get", "create", "update")
FILTER_OPS = ("equals", "all", "any", "date_from", "date_to")
CHANGE_OPS = ("set", "add", "remove", "merge")
RESOURCES_FILE_NAME = "mock-resources.yaml"
DEFAULT_RESOURCES_PATH = leeloo_spec_dir() / RESOURCES_FILE_NAME

_ACTION_KEYS: Mapping[str, frozenset[str]] = {
    "list": frozenset({"action", "collection", "require", "where", "filters", "items_at"}),
    "get": frozenset({"action", "find", "by", "require", "include"}),
    "create": frozenset({"action", "require", "insert", "then", "respond"}),
    "update": frozenset({"action", "find", "by", "require", "where", "changes", "respond"}),
}
_REQUIRED_KEYS: Mapping[str, tuple[str, ...]] = {
    "list": ("collection",),
    "get": ("find", "by"),
    "create": ("insert", "respond"),
    "update": ("find", "by", "changes", "respond"),
}


class ResourceMappingError(SpecError):
    """The mapping file is not valid; the message lists each problem as ``file:line:column: reason``.

    A :class:`SpecError`, so that ``leeloo-mock --stateful`` reports it and exits instead of crashing.
    """


@dataclass(frozen=True)
class Lookup:
    """``COLLECTION:KEY``: by a field (``people:id``) or a list item's field (``accounts[].account_id``)."""

    collection: str
    field: str
    item_key: str | None

    @classmethod
    def parse(cls, text: str) -> Lookup:
        collection, _, key = text.partition(":")
        field, brackets, item_key = key.partition("[].")
        return cls(collection, field, item_key if brackets else None)

    def __str__(self) -> str:
        key = f"{self.field}[].{self.item_key}" if self.item_key else self.field
        return f"{self.collection}:{key}"


@dataclass(frozen=True)
class Seed:
    """Records of the ``docs`` example of ``operation`` at JSON pointer ``at``, plus the ``set`` fields."""

    operation: str
    at: str
    set: Mapping[str, Any]


@dataclass(frozen=True)
class CollectionRule:
    """One in-memory collection: its id field and its seeds."""

    name: str
    id_field: str
    seeds: tuple[Seed, ...]


@dataclass(frozen=True)
class Requirement:
    """``value`` (a template) must be the key of a record in one of ``lookups``."""

    value: Any
    lookups: tuple[Lookup, ...]


@dataclass(frozen=True)
class FilterRule:
    """Query parameter ``param`` keeps the records whose ``field`` passes ``op``."""

    param: str
    field: str
    op: str


@dataclass(frozen=True)
class Change:
    """One change to a record: set a field, add to / remove from a list, or upsert list items ``by`` a key."""

    op: str
    field: tuple[str, ...]
    value: Any
    by: str | None


@dataclass(frozen=True)
class Relation:
    """An ``include`` value: the records of ``collection`` named by the ``{type, id}`` list at ``links``."""

    name: str
    links: tuple[str, ...]
    collection: str
    into_key: str


@dataclass(frozen=True)
class IncludeRule:
    """Query parameter ``param`` (comma-separated relation names) fills the answer's ``into`` block."""

    param: str
    into: str
    relations: Mapping[str, Relation]


@dataclass(frozen=True)
class Insert:
    """A record (template) to add to a collection."""

    collection: str
    record: Any


@dataclass(frozen=True)
class UpdateRule:
    """Changes to the record of ``find`` whose key is ``by`` (a template)."""

    find: Lookup
    by: Any
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class OperationRule:
    """What one operation does in the store (fields unused by its action are empty)."""

    operation_id: str
    action: str
    collection: str = ""
    require: tuple[Requirement, ...] = ()
    where: Mapping[str, Any] | None = None
    filters: tuple[FilterRule, ...] = ()
    items_at: str = "/data"
    find: Lookup | None = None
    by: Any = None
    include: IncludeRule | None = None
    inserts: tuple[Insert, ...] = ()
    then: tuple[UpdateRule, ...] = ()
    changes: tuple[Change, ...] = ()
    respond: Any = None


@dataclass(frozen=True)
class ResourceMapping:
    """The whole mapping, checked."""

    collections: Mapping[str, CollectionRule]
    operations: Mapping[str, OperationRule]


class _Checker:
    """Collects every problem of the mapping with its JSON path, then raises them all at once."""

    def __init__(self, path: Path, spec: Mapping[str, Any]) -> None:
        self.path = path
        self.spec = spec
        self.problems: list[tuple[JsonPath, str]] = []
        self.collections: set[str] = set()
        self.id_fields: dict[str, str] = {}

    def problem(self, where: JsonPath, reason: str) -> None:
        self.problems.append((where, reason))

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        # positions cost a slow pure-Python parse: only a broken mapping pays for it
        loaded = load_yaml_with_positions(self.path)
        lines = []
        for where, reason in self.problems:
            position = loaded.locate(where)
            lines.append(f"{self.path}:{position.line}:{position.column}: {reason}")
        raise ResourceMappingError("\n".join(lines))

    def mapping(self, value: Any, where: JsonPath) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        self.problem(where, "expected a mapping")
        return {}

    def sequence(self, value: Any, where: JsonPath) -> Sequence[Any]:
        if isinstance(value, list):
            return value
        self.problem(where, "expected a list")
        return []

    def string(self, value: Any, where: JsonPath) -> str:
        if isinstance(value, str) and value:
            return value
        self.problem(where, "expected a non-empty string")
        return ""

    def keys(self, node: Mapping[str, Any], allowed: frozenset[str], where: JsonPath) -> None:
        for key in node:
            if key not in allowed:
                self.problem((*where, key), f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")

    def operation_exists(self, operation_id: str, where: JsonPath) -> Mapping[str, Any]:
        operation = find_operation(self.spec, operation_id)
        if operation is None:
            self.problem(where, f"the spec has no operation {operation_id!r}")
            return {}
        return operation

    def lookup(self, value: Any, where: JsonPath) -> Lookup:
        text = self.string(value, where)
        lookup = Lookup.parse(text)
        if text and (not lookup.field or lookup.collection not in self.collections):
            self.problem(where, f"{text!r} is not COLLECTION:KEY with a declared collection")
        return lookup

    def template(self, value: Any, where: JsonPath, new: frozenset[str] = frozenset()) -> Any:
        for path, node in _walk(value, where):
            if isinstance(node, str) and node.startswith("$") and not node.startswith("$$"):
                reason = check_expression(node)
                if reason is None and node.startswith("$new.") and node[5:] not in new:
                    reason = f"{node!r} names no collection this operation inserts into"
                if reason:
                    self.problem(path, reason)
            if isinstance(node, Mapping) and "hook" in node:
                allowed = HOOK_ARGUMENTS.get(str(node["hook"]))
                if allowed is None:
                    self.problem(path, f"unknown hook {node['hook']!r} (known: {', '.join(HOOK_ARGUMENTS)})")
                else:
                    self.keys(node, allowed | {"hook"}, path)
        return value


def _walk(value: Any, where: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
    yield where, value
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(item, (*where, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*where, index))


def _collections(check: _Checker, node: Mapping[str, Any]) -> dict[str, CollectionRule]:
    rules: dict[str, CollectionRule] = {}
    for name, body in node.items():
        where: JsonPath = ("collections", name)
        body = check.mapping(body, where)
        check.keys(body, frozenset({"id", "seed"}), where)
        seeds = []
        for index, seed in enumerate(check.sequence(body.get("seed", []), (*where, "seed"))):
            at: JsonPath = (*where, "seed", index)
            seed = check.mapping(seed, at)
            check.keys(seed, frozenset({"operation", "at", "set"}), at)
            operation = check.string(seed.get("operation"), (*at, "operation"))
            if operation:
                check.operation_exists(operation, (*at, "operation"))
            pointer = check.string(seed.get("at"), (*at, "at"))
            if pointer and not pointer.startswith("/"):
                check.problem((*at, "at"), "expected a JSON pointer starting with /")
            fields = check.mapping(seed.get("set", {}), (*at, "set"))
            seeds.append(Seed(operation, pointer, dict(fields)))
        id_field = check.string(body.get("id"), (*where, "id"))
        for index, seed in enumerate(seeds):
            if seed.operation and seed.at and id_field:
                _check_seed(check, seed, id_field, (*where, "seed", index))
        rules[str(name)] = CollectionRule(str(name), id_field, tuple(seeds))
    return rules


def _check_seed(check: _Checker, seed: Seed, id_field: str, where: JsonPath) -> None:
    operation = find_operation(check.spec, seed.operation)
    if operation is None:
        return
    try:
        records = seed_records(docs_example(check.spec, operation), seed.at)
    except LookupError:
        check.problem(where, f"the docs example of {seed.operation} has no list or object at {seed.at}")
        return
    for record in records:
        if not isinstance(record, Mapping) or not isinstance(record.get(id_field), str):
            check.problem(
                where, f"a record at {seed.at} of {seed.operation}'s docs example has no {id_field!r}"
            )
            return


def seed_records(example: Any, pointer: str) -> list[Any]:
    """The records at JSON ``pointer`` of a docs example (a list or one object); LookupError if none."""
    node = pointer_target(example, pointer if pointer.startswith("/") or not pointer else f"/{pointer}")
    if isinstance(node, list):
        return list(node)
    if isinstance(node, Mapping):
        return [node]
    raise LookupError(pointer)


def _changes(check: _Checker, node: Any, where: JsonPath) -> tuple[Change, ...]:
    changes = []
    for index, change in enumerate(check.sequence(node, where)):
        at: JsonPath = (*where, index)
        change = check.mapping(change, at)
        check.keys(change, frozenset({*CHANGE_OPS, "value", "by"}), at)
        ops = [op for op in CHANGE_OPS if op in change]
        if len(ops) != 1 or "value" not in change:
            check.problem(at, f"a change has exactly one of {', '.join(CHANGE_OPS)} and a value")
            continue
        if (ops[0] == "merge") != ("by" in change):
            check.problem(at, "`by` goes with `merge`, and only with it")
        field = check.string(change[ops[0]], (*at, ops[0]))
        value = check.template(change["value"], (*at, "value"))
        changes.append(Change(ops[0], tuple(field.split(".")), value, change.get("by")))
    return tuple(changes)


def _update(check: _Checker, node: Mapping[str, Any], where: JsonPath) -> UpdateRule:
    return UpdateRule(
        find=check.lookup(node.get("find"), (*where, "find")),
        by=check.template(node.get("by"), (*where, "by")),
        changes=_changes(check, node.get("changes"), (*where, "changes")),
    )


def _include(check: _Checker, node: Any, where: JsonPath, declared: Mapping[str, Any]) -> IncludeRule:
    node = check.mapping(node, where)
    check.keys(node, frozenset({"param", "into", "relations"}), where)
    param = check.string(node.get("param"), (*where, "param"))
    if param and param not in declared:
        check.problem((*where, "param"), f"the operation declares no query parameter {param!r}")
    relations: dict[str, Relation] = {}
    for name, relation in check.mapping(node.get("relations"), (*where, "relations")).items():
        at: JsonPath = (*where, "relations", name)
        relation = check.mapping(relation, at)
        check.keys(relation, frozenset({"links", "collection", "as"}), at)
        collection = check.string(relation.get("collection"), (*at, "collection"))
        if collection and collection not in check.collections:
            check.problem((*at, "collection"), f"no collection {collection!r}")
        links = check.string(relation.get("links"), (*at, "links"))
        relations[str(name)] = Relation(
            str(name), tuple(links.split(".")), collection, check.string(relation.get("as"), (*at, "as"))
        )
    return IncludeRule(param, check.string(node.get("into"), (*where, "into")), relations)


def _operation(check: _Checker, operation_id: str, node: Any) -> OperationRule | None:
    where: JsonPath = ("operations", operation_id)
    node = check.mapping(node, where)
    operation = check.operation_exists(operation_id, where)
    action = node.get("action")
    if action not in ACTIONS:
        check.problem((*where, "action"), f"action must be one of {', '.join(ACTIONS)}")
        return None
    check.keys(node, _ACTION_KEYS[action], where)
    for key in _REQUIRED_KEYS[action]:
        if key not in node:
            check.problem(where, f"a {action} operation needs {key!r}")
    declared = query_parameters(check.spec, operation)

    requirements = []
    for index, requirement in enumerate(check.sequence(node.get("require", []), (*where, "require"))):
        at: JsonPath = (*where, "require", index)
        requirement = check.mapping(requirement, at)
        check.keys(requirement, frozenset({"value", "in"}), at)
        value = check.template(requirement.get("value"), (*at, "value"))
        if not (isinstance(value, str) and value.startswith(("$path.", "$body."))):
            check.problem((*at, "value"), "a requirement's value is $path.P or $body.F")
        lookups = [
            check.lookup(one, (*at, "in", i))
            for i, one in enumerate(check.sequence(requirement.get("in"), (*at, "in")))
        ]
        requirements.append(Requirement(value, tuple(lookups)))

    filters = []
    for index, rule in enumerate(check.sequence(node.get("filters", []), (*where, "filters"))):
        at = (*where, "filters", index)
        rule = check.mapping(rule, at)
        check.keys(rule, frozenset({"param", "field", "op"}), at)
        param = check.string(rule.get("param"), (*at, "param"))
        if param and operation and param not in declared:
            check.problem((*at, "param"), f"{operation_id} declares no query parameter {param!r}")
        if rule.get("op") not in FILTER_OPS:
            check.problem((*at, "op"), f"op must be one of {', '.join(FILTER_OPS)}")
        filters.append(
            FilterRule(param, check.string(rule.get("field"), (*at, "field")), str(rule.get("op")))
        )

    collection = ""
    if "collection" in node:
        collection = check.string(node["collection"], (*where, "collection"))
        if collection and collection not in check.collections:
            check.problem((*where, "collection"), f"no collection {collection!r}")
    inserts = []
    for index, insert in enumerate(check.sequence(node.get("insert", []), (*where, "insert"))):
        at = (*where, "insert", index)
        insert = check.mapping(insert, at)
        check.keys(insert, frozenset({"collection", "record"}), at)
        target = check.string(insert.get("collection"), (*at, "collection"))
        if target and target not in check.collections:
            check.problem((*at, "collection"), f"no collection {target!r}")
        record = check.template(check.mapping(insert.get("record"), (*at, "record")), (*at, "record"))
        id_field = check.id_fields.get(target)
        if id_field and id_field not in record:
            check.problem((*at, "record"), f"a record of {target} needs its id field {id_field!r}")
        inserts.append(Insert(target, record))
    then = []
    for index, update in enumerate(check.sequence(node.get("then", []), (*where, "then"))):
        at = (*where, "then", index)
        update = check.mapping(update, at)
        check.keys(update, frozenset({"find", "by", "changes"}), at)
        then.append(_update(check, update, at))
    items_at = node.get("items_at", "/data")
    if not (isinstance(items_at, str) and items_at.startswith("/")):
        check.problem((*where, "items_at"), "expected a JSON pointer starting with /")
    where_fields = node.get("where")
    return OperationRule(
        operation_id=operation_id,
        action=action,
        collection=collection,
        require=tuple(requirements),
        where=check.template(dict(check.mapping(where_fields, (*where, "where"))), (*where, "where"))
        if where_fields is not None
        else None,
        filters=tuple(filters),
        items_at=str(items_at),
        find=check.lookup(node["find"], (*where, "find")) if "find" in node else None,
        by=check.template(node.get("by"), (*where, "by")),
        include=_include(check, node["include"], (*where, "include"), declared)
        if "include" in node
        else None,
        inserts=tuple(inserts),
        then=tuple(then),
        changes=_changes(check, node["changes"], (*where, "changes")) if "changes" in node else (),
        respond=check.template(
            node.get("respond"), (*where, "respond"), frozenset(i.collection for i in inserts)
        ),
    )


def load_mapping(path: Path, spec: Mapping[str, Any]) -> ResourceMapping:
    """Read the mapping at ``path`` and check it against ``spec``; raise :class:`ResourceMappingError`."""
    try:  # the project's one bounded loader: size, depth and aliases (see _yaml_positions)
        data = load_yaml_with_positions(path, positions=False).data
    except OSError as exc:
        raise ResourceMappingError(
            f"{path}:1:1: cannot read the resource mapping ({exc.strerror}); --stateful reads it "
            "from beside the spec"
        ) from exc
    except YamlSyntaxError as exc:
        raise ResourceMappingError(str(exc)) from exc
    check = _Checker(path, spec)
    root = check.mapping(data, ())
    check.keys(root, frozenset({"version", "collections", "operations"}), ())
    if root.get("version") != 1:
        check.problem(("version",), "version must be 1")
    collections_node = check.mapping(root.get("collections", {}), ("collections",))
    check.collections = {str(name) for name in collections_node}
    collections = _collections(check, collections_node)
    check.id_fields = {name: rule.id_field for name, rule in collections.items()}
    operations: dict[str, OperationRule] = {}
    for operation_id, node in check.mapping(root.get("operations", {}), ("operations",)).items():
        rule = _operation(check, str(operation_id), node)
        if rule is not None:
            operations[str(operation_id)] = rule
    check.raise_if_any()
    return ResourceMapping(collections, operations)
