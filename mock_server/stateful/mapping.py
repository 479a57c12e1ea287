"""Read ``spec/mock-resources.yaml``, the declarative mapping behind ``--stateful``, into rules.

The mapping is data a person edits; a mistake in it must read as ``file:line:column: reason``
at start-up, not as a KeyError in the middle of a request. So it is read with the project's
positioned loader, checked whole by the one check that ``make spec-check`` runs too
(:mod:`mock_server.stateful.mapping_check`: its grammar is ``mock-resources.schema.json``, then
what it names in the spec), and only then turned into frozen rules the engine follows without
further checks. The file's header explains the format to a person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_server.spec.bundled import leeloo_spec_dir
from mock_server.spec.document import SpecError
from mock_server.stateful.mapping_check import MAX_PROBLEMS, mapping_problems
from openapi_document import Located
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions

JsonPath = tuple[str | int, ...]
CHANGE_OPS = ("set", "add", "remove", "merge")
RESOURCES_FILE_NAME = "mock-resources.yaml"
DEFAULT_RESOURCES_PATH = leeloo_spec_dir() / RESOURCES_FILE_NAME


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


def _located(path: Path, problems: Sequence[tuple[JsonPath, str]]) -> ResourceMappingError:
    # positions cost a slow pure-Python parse: only a broken mapping pays for it
    loaded = load_yaml_with_positions(path)
    found = []
    for where, reason in problems[:MAX_PROBLEMS]:
        position = loaded.locate(list(where))
        found.append(Located.at(path, position.line, position.column, reason))
    if len(problems) > MAX_PROBLEMS:
        found.append(Located.at(path, 1, 1, f"and {len(problems) - MAX_PROBLEMS} more problems"))
    return ResourceMappingError(found)


def _lookup(text: str) -> Lookup:
    return Lookup.parse(text)


def _changes(nodes: Sequence[Mapping[str, Any]]) -> tuple[Change, ...]:
    changes = []
    for change in nodes:
        op = next(op for op in CHANGE_OPS if op in change)
        changes.append(Change(op, tuple(str(change[op]).split(".")), change["value"], change.get("by")))
    return tuple(changes)


def _update(node: Mapping[str, Any]) -> UpdateRule:
    return UpdateRule(find=_lookup(node["find"]), by=node["by"], changes=_changes(node["changes"]))


def _include(node: Mapping[str, Any]) -> IncludeRule:
    relations = {
        str(name): Relation(str(name), tuple(str(r["links"]).split(".")), str(r["collection"]), str(r["as"]))
        for name, r in node["relations"].items()
    }
    return IncludeRule(str(node["param"]), str(node["into"]), relations)


def _operation(operation_id: str, node: Mapping[str, Any]) -> OperationRule:
    return OperationRule(
        operation_id=operation_id,
        action=str(node["action"]),
        collection=str(node.get("collection", "")),
        require=tuple(
            Requirement(r["value"], tuple(_lookup(one) for one in r["in"])) for r in node.get("require") or ()
        ),
        where=dict(node["where"]) if node.get("where") is not None else None,
        filters=tuple(
            FilterRule(str(f["param"]), str(f["field"]), str(f["op"])) for f in node.get("filters") or ()
        ),
        items_at=str(node.get("items_at", "/data")),
        find=_lookup(node["find"]) if "find" in node else None,
        by=node.get("by"),
        include=_include(node["include"]) if "include" in node else None,
        inserts=tuple(Insert(str(i["collection"]), i["record"]) for i in node.get("insert") or ()),
        then=tuple(_update(update) for update in node.get("then") or ()),
        changes=_changes(node.get("changes") or ()),
        respond=node.get("respond"),
    )


def _collection(name: str, node: Mapping[str, Any]) -> CollectionRule:
    seeds = tuple(
        Seed(str(seed["operation"]), str(seed["at"]), dict(seed.get("set") or {}))
        for seed in node.get("seed") or ()
    )
    return CollectionRule(name, str(node["id"]), seeds)


def load_mapping(path: Path, spec: Mapping[str, Any]) -> ResourceMapping:
    """Read the mapping at ``path`` and check it against ``spec``; raise :class:`ResourceMappingError`
    with every problem as ``file:line:column: reason``."""
    try:  # the project's one bounded loader: size, depth and aliases (see _yaml_positions)
        data = load_yaml_with_positions(path, positions=False).data
    except OSError as exc:
        reason = (
            f"cannot read the resource mapping ({exc.strerror}); --stateful reads it from beside the spec"
        )
        raise ResourceMappingError(Located.at(path, 1, 1, reason)) from exc
    except YamlSyntaxError as exc:
        raise ResourceMappingError(exc.problems) from exc
    problems = mapping_problems(data, spec)
    if problems:
        raise _located(path, [(problem.where, problem.reason) for problem in problems])
    return ResourceMapping(
        {str(name): _collection(str(name), node) for name, node in (data.get("collections") or {}).items()},
        {str(op_id): _operation(str(op_id), node) for op_id, node in (data.get("operations") or {}).items()},
    )
