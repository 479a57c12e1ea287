"""The in-memory store behind ``leeloo-mock --stateful``: create a person, read it back.

Prism has no stateful mode. Ours keeps collections of records in memory, seeded from the spec's
``docs`` examples, and lets the operations declared in ``spec/mock-resources.yaml`` list, get,
create and update them. This module is the generic engine that follows that mapping; it knows
no resource by name (the two steps that are not plain data are the hooks of
``_stateful_hooks``).

Guarantees:

- Answers validate against the operation's declared response: records are cut down to the
  properties of the response schema; errors are RFC 7807 problems (``Problem`` schema): 404 for
  an unknown id in the path, 422 naming the body field for an unknown id in the body, 507 when a
  collection holds ``max_records`` records, when a list inside a record (a person's custom
  fields, tags, linked orders) would, or when the records would take more than
  ``max_store_bytes`` as compact JSON (memory stays bounded whatever a client sends: a few
  large records fill the store as surely as many small ones). A refused request changes nothing.
- One lock guards every collection, so concurrent requests lose no update.
- Where the records really live is the backend's business (``mock_server.stores``: memory,
  SQLite, Redis). The engine keeps a copy of them, catches up with the backend before each
  request and commits what a request changed; a commit that another worker beat is undone and
  the request run again on the new records (see ``mock_server.stores.seam``).
- Generated ids come from a counter (``6d6f636b`` + 16 hex digits), so a run is reproducible.

The server calls :meth:`StatefulStore.handle` for every valid request and falls back to its
example-based answer when the store returns None (an operation the mapping does not declare).
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mock_server.stages.problems import Issue
from mock_server.stateful import schema
from mock_server.stateful.config import DEFAULT_MAX_RECORDS, DEFAULT_MAX_STORE_BYTES
from mock_server.stateful.hooks import HOOKS
from mock_server.stateful.index import KeyIndex
from mock_server.stateful.mapping import (
    DEFAULT_RESOURCES_PATH,
    Change,
    IncludeRule,
    Lookup,
    OperationRule,
    ResourceMapping,
    load_mapping,
)
from mock_server.stateful.seam import StatefulRequest
from mock_server.stateful.template import ABSENT, ID_PREFIX, Context, UnknownReference, evaluate
from mock_server.stores.memory import MemoryBackend
from mock_server.stores.seam import StoreBackend, StoreError, StoreState
from openapi_document import pointer_parts

Record = dict[str, Any]
SUCCESS_STATUS = 1
DEFAULT_LIMIT = 20
MAX_ATTEMPTS = 50  # runs of one request whose commit other workers beat, then 503
BACKOFF_S = 0.0005  # after the n-th beaten run, a pause of up to n times this (random: no lockstep)
_STALE = -1  # the version of a copy that must be read again whole


@dataclass(frozen=True)
class StatefulResult:
    """The store's answer: a 2xx status with the declared body, or a refusal as data (an error
    status, ``detail`` in words, and the ``issues``: the parts of the request it is about), which
    the pipeline shapes as the operation declares (Leeloo's envelope names them in ``fields``)."""

    status: int
    body: Any = None
    issues: tuple[Issue, ...] = ()
    detail: str = ""


class _RequestRefused(Exception):
    """Ends a request early with a refusal (nothing it changed is kept)."""

    def __init__(self, result: StatefulResult) -> None:
        super().__init__(result.detail)
        self.result = result


def store_refusal(status: int, detail: str, validation: list[dict[str, str]] | None = None) -> StatefulResult:
    """A refusal of the store, as data: the status, why, and the parts of the request it names."""
    issues = tuple(
        Issue(item["location"], item["name"], item["message"], item.get("reason", "WRONG_FORMAT"))
        for item in validation or ()
    )
    return StatefulResult(status, None, issues, detail)


def _unknown(source: Any, message: str) -> dict[str, str]:
    """The validation item naming the path parameter or body field whose id matches no record."""
    text = str(source)
    location = "path" if text.startswith("$path.") else "body"
    return {"location": location, "name": _source_name(source), "message": message, "reason": "NOT_FOUND"}


def _clone(value: Any) -> Any:
    """A copy of JSON-like data (faster than copy.deepcopy, which handles far more than JSON)."""
    if isinstance(value, dict):
        return {key: _clone(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clone(item) for item in value]
    return value


def _project(record: Mapping[str, Any], keys: frozenset[str] | None) -> Record:
    """A copy of ``record`` with only the properties the answer's schema declares."""
    return {key: _clone(value) for key, value in record.items() if keys is None or key in keys}


def _get_path(record: Mapping[str, Any], path: Sequence[str]) -> Any:
    node: Any = record
    for part in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _first(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = _values(query, name)
    return values[0] if values else None


def _values(query: Mapping[str, Sequence[str]], name: str) -> list[str]:
    values = query.get(name)
    if values is None:
        return []
    return [values] if isinstance(values, str) else [str(value) for value in values]


def _int_or(text: str | None, default: int, minimum: int) -> int:
    try:
        return max(minimum, int(text)) if text is not None else default
    except ValueError:
        return default


def _source_name(expression: Any) -> str:
    """What an expression reads, for messages: ``$path.person_id`` -> ``person_id``."""
    return str(expression).rpartition(".")[2] if isinstance(expression, str) else "id"


@dataclass(frozen=True)
class _AnswerShape:
    """What the spec says an operation's 200 answer holds, read once at start-up."""

    data_keys: frozenset[str] | None
    item_keys: frozenset[str] | None
    has_meta: bool
    paged: bool
    limit_default: int
    offset_default: int
    fill: Mapping[str, Any]  # required top-level properties nothing else fills, with their empty value
    include_keys: Mapping[str, frozenset[str] | None]  # relation name -> item properties


def _answer_shape(spec: Mapping[str, Any], rule: OperationRule) -> _AnswerShape:
    operation = schema.find_operation(spec, rule.operation_id) or {}
    answer = schema.success_schema(spec, operation)
    properties = answer.get("properties", {})
    items = schema.item_schema(spec, schema.subschema(spec, answer, rule.items_at))
    declared = schema.query_parameters(spec, operation)
    filled = {"status", "data", "meta", rule.include.into if rule.include else ""}
    fill = {
        name: schema.empty_value(spec, properties.get(name, {}))
        for name in answer.get("required", [])
        if name not in filled
    }
    include_keys: dict[str, frozenset[str] | None] = {}
    if rule.include:
        for relation in rule.include.relations.values():
            block = schema.subschema(spec, answer, f"/{rule.include.into}/{relation.into_key}")
            include_keys[relation.name] = schema.property_names(spec, schema.item_schema(spec, block))
    return _AnswerShape(
        data_keys=schema.property_names(spec, schema.subschema(spec, answer, "/data")),
        item_keys=schema.property_names(spec, items),
        has_meta="meta" in properties,
        paged="limit" in declared,
        limit_default=schema.parameter_default(spec, declared["limit"], DEFAULT_LIMIT)
        if "limit" in declared
        else 0,
        offset_default=schema.parameter_default(spec, declared["offset"], 0) if "offset" in declared else 0,
        fill=fill,
        include_keys=include_keys,
    )


class StatefulStore:
    """Collections of records that the operations of the resource mapping read and change."""

    def __init__(
        self,
        spec: Mapping[str, Any],
        mapping: ResourceMapping,
        *,
        max_records: int,
        max_store_bytes: int = DEFAULT_MAX_STORE_BYTES,
        backend: StoreBackend | None = None,
    ) -> None:
        if max_records < 1:
            raise ValueError("max_records must be at least 1")
        if max_store_bytes < 1:
            raise ValueError("max_store_bytes must be at least 1")
        self._mapping = mapping
        self._spec = spec
        self._max_records = max_records
        self._max_store_bytes = max_store_bytes
        self._lock = threading.Lock()
        self._shapes = {op: _answer_shape(spec, rule) for op, rule in mapping.operations.items()}
        self._sizes: dict[tuple[str, str], int] = {}  # (collection, id) -> the record's JSON size
        self._store_bytes = 0
        self._counter = 0
        self._collections: dict[str, dict[str, Record]] = {}
        self._indexes: dict[Lookup, KeyIndex] = {}
        # records a request changed, with their copy from before it (shared backends: for the undo)
        self._touched: dict[tuple[str, str], Record | None] = {}
        self._backend: StoreBackend = backend if backend is not None else MemoryBackend()
        attached = self._backend.attach(self._seeded())
        self._kept = attached.kept
        self._version = _STALE
        self._load(attached.state)

    def _seeded(self) -> dict[str, dict[str, Record]]:
        collections: dict[str, dict[str, Record]] = {name: {} for name in self._mapping.collections}
        for name, rule in self._mapping.collections.items():
            records = collections[name]
            for seed in rule.seeds:
                operation = schema.find_operation(self._spec, seed.operation) or {}
                for record in schema.seed_records(schema.docs_example(self._spec, operation), seed.at):
                    record = {**_clone(record), **_clone(dict(seed.set))}
                    existing = records.get(record[rule.id_field], {})
                    records[record[rule.id_field]] = {**record, **existing}
        return collections

    def _fill(self, collections: dict[str, dict[str, Record]], counter: int = 0) -> None:
        """Hold ``collections`` (records not shared with anyone) in place of what the store held."""
        self._collections = collections
        self._counter = counter
        self._sizes = {}
        self._store_bytes = 0
        for name, records in self._collections.items():  # the seeds count, but are never refused
            for record_id, record in records.items():
                self._sizes[name, record_id] = size = _json_size(record)
                self._store_bytes += size
        self._indexes = {}
        for lookup in _secondary_lookups(self._mapping):
            index = self._indexes[lookup] = KeyIndex(lookup)
            for record_id, record in self._collections[lookup.collection].items():
                index.add(record_id, record)

    def _load(self, state: StoreState) -> None:
        """Hold the backend's whole ``state`` (the collections of this mapping only)."""
        self._fill({name: state.records.get(name, {}) for name in self._mapping.collections}, state.counter)
        self._version = state.version

    def adopt(self, previous: StatefulStore) -> list[str]:
        """Take ``previous``'s records of every collection this store has too (a reloaded spec).

        Collections the new mapping dropped are left behind; new ones keep their seed. The id
        counter carries over, so ids handed out before are not handed out again. Returns the
        names of the collections taken over. A shared backend kept them already: this store
        started on them.
        """
        if self._backend.shared:
            return list(self._kept)
        with previous._lock:
            kept = {
                name: {record_id: _clone(record) for record_id, record in records.items()}
                for name, records in previous._collections.items()
                if name in self._mapping.collections
            }
            counter = previous._counter
        with self._lock:
            collections = {name: kept.get(name, records) for name, records in self._collections.items()}
            self._fill(collections, max(counter, self._counter))
        return sorted(kept)

    def reset(self) -> int:
        """Back to the seed records, as at start-up; the number of records held after it."""
        seeded = self._seeded()
        with self._lock:
            version = self._backend.reset(seeded)
            self._fill(seeded)
            self._version = version
            return sum(len(records) for records in self._collections.values())

    def close(self) -> None:
        """Let go of the backend's connection (the store is not used after it)."""
        self._backend.close()

    @property
    def backend(self) -> StoreBackend:
        """Where the records live."""
        return self._backend

    @classmethod
    def from_spec(
        cls,
        spec: Mapping[str, Any],
        *,
        max_records: int = DEFAULT_MAX_RECORDS,
        max_store_bytes: int = DEFAULT_MAX_STORE_BYTES,
        resources_path: Path | None = None,
        backend: StoreBackend | None = None,
    ) -> StatefulStore:
        """A store seeded from ``spec``'s examples that follows the mapping (``spec/mock-resources.yaml``).

        Raises ``ResourceMappingError`` (file:line:column: reason) when the mapping is not valid,
        ``StoreError`` when the backend cannot be used.
        """
        mapping = load_mapping(resources_path or DEFAULT_RESOURCES_PATH, spec)
        return cls(spec, mapping, max_records=max_records, max_store_bytes=max_store_bytes, backend=backend)

    @property
    def operation_ids(self) -> frozenset[str]:
        """The operations this store answers (all others fall back to the examples)."""
        return frozenset(self._mapping.operations)

    def count(self, collection: str) -> int:
        """How many records ``collection`` holds now."""
        with self._lock:
            self._catch_up()
            return len(self._collections[collection])

    @property
    def store_bytes(self) -> int:
        """The size of every record held, as compact JSON (what ``max_store_bytes`` bounds)."""
        with self._lock:
            self._catch_up()
            return self._store_bytes

    def handle(self, request: StatefulRequest) -> StatefulResult | None:
        """Answer ``request`` from the store; None when its operation is not stateful."""
        rule = self._mapping.operations.get(request.operation_id)
        if rule is None:
            return None
        with self._lock:
            counter = self._counter
            try:
                for attempt in range(MAX_ATTEMPTS):
                    self._touched = {}
                    self._catch_up()
                    counter = self._counter
                    result = self._answer(rule, request)
                    if not self._touched or self._commit():
                        return result
                    self._undo(counter)  # another worker committed first: run again on its records
                    time.sleep(random.uniform(0, BACKOFF_S * (attempt + 1)))
            except StoreError as exc:
                if self._touched:
                    self._undo(counter)
                self._version = _STALE  # whether the commit was stored is unknown: read it all again
                return store_refusal(503, f"The mock's store cannot be used: {exc}. Try again.")
            return store_refusal(
                503,
                f"The mock's store was changed by other workers {MAX_ATTEMPTS} times in a row; try again.",
            )

    def _answer(self, rule: OperationRule, request: StatefulRequest) -> StatefulResult:
        """Run ``request`` on the records held (the caller holds the lock and commits)."""
        body = request.body if isinstance(request.body, Mapping) else {}
        context = Context(
            body=body,
            path=request.path_params,
            now=_now(),
            next_id=self._next_id,
            find=self._find_by_text,
            hooks=HOOKS,
        )
        try:
            self._check_requirements(rule, context)
            if rule.action == "list":
                return self._list(rule, request, context)
            if rule.action == "get":
                return self._get(rule, request, context)
            if rule.action == "create":
                return self._create(rule, context)
            return self._update(rule, context)
        except _RequestRefused as refusal:
            return refusal.result
        except UnknownReference as unknown:
            return store_refusal(
                422,
                "The request is not valid.",
                [
                    {
                        "location": "body",
                        "name": unknown.field,
                        "message": str(unknown),
                        "reason": "NOT_FOUND",
                    }
                ],
            )

    # ---- the backend ----------------------------------------------------------------------------

    def _catch_up(self) -> None:
        """Apply what other workers committed since the version held (nothing, for memory)."""
        state = self._backend.changes_since(self._version)
        if state is None:
            return
        if state.full:
            self._load(state)
            return
        for name, records in state.records.items():
            if name in self._collections:
                for record_id, record in records.items():
                    self._set(name, record_id, record)
        self._counter = state.counter
        self._version = state.version

    def _commit(self) -> bool:
        """Hand the records this request changed to the backend; False when another beat it."""
        records = [(name, key, self._collections[name][key]) for name, key in self._touched]
        version = self._backend.commit(self._version, self._counter, records)
        if version is None:
            return False
        self._version = version
        return True

    def _touch(self, collection: str, record_id: str) -> None:
        """Note that the request changes this record (keeping its copy for an undo when shared)."""
        key = (collection, record_id)
        if key not in self._touched:
            old = self._collections[collection].get(record_id)
            self._touched[key] = _clone(old) if old is not None and self._backend.shared else None

    def _undo(self, counter: int) -> None:
        """Put back every record the request changed, as it was (a commit that did not happen)."""
        if not self._backend.shared:  # the engine is the store: its commits cannot fail
            self._touched = {}
            return
        for (name, record_id), old in self._touched.items():
            self._set(name, record_id, old)
        self._touched = {}
        self._counter = counter

    def _set(self, collection: str, record_id: str, record: Record | None) -> None:
        """Make the record with ``record_id`` be ``record`` (None: gone), indexes and sizes in step.

        A record that exists keeps its place in the collection (lists keep their order).
        """
        records = self._collections[collection]
        indexes = self._indexes_of(collection)
        old = records.get(record_id)
        if old is not None:
            for index in indexes:
                index.discard(record_id, old)
            self._store_bytes -= self._sizes.pop((collection, record_id), 0)
        if record is None:
            records.pop(record_id, None)
            return
        records[record_id] = record
        self._sizes[collection, record_id] = size = _json_size(record)
        self._store_bytes += size
        for index in indexes:
            index.add(record_id, record)

    # ---- lookups ------------------------------------------------------------------------------

    def _next_id(self) -> str:
        """The next counter id that no record has yet (a seed could, in principle, hold one)."""
        while True:
            self._counter += 1
            new_id = f"{ID_PREFIX}{self._counter:016x}"
            if not any(new_id in records for records in self._collections.values()):
                return new_id

    def _find(self, lookup: Lookup, value: Any) -> Record | None:
        records = self._collections[lookup.collection]
        if lookup.item_key is None and lookup.field == self._mapping.collections[lookup.collection].id_field:
            return records.get(value) if isinstance(value, str) else None
        index = self._indexes.get(lookup)
        if index is not None:
            record_id = index.first(value)
            return records.get(record_id) if record_id is not None else None
        for record in records.values():  # a lookup only a hook makes: not indexed
            found = record.get(lookup.field)
            if lookup.item_key is None:
                if found == value:
                    return record
            elif isinstance(found, list) and any(
                isinstance(item, Mapping) and item.get(lookup.item_key) == value for item in found
            ):
                return record
        return None

    def _find_by_text(self, lookup: str, value: Any) -> Record | None:
        return self._find(Lookup.parse(lookup), value)

    def _find_or_404(self, lookup: Lookup, by: Any, context: Context) -> Record:
        value = evaluate(by, context)
        record = self._find(lookup, value) if value is not ABSENT else None
        if record is None:
            message = f"{_source_name(by)} {value} matches no record in {lookup.collection}."
            raise _RequestRefused(store_refusal(404, message, [_unknown(by, message)]))
        return record

    def _check_requirements(self, rule: OperationRule, context: Context) -> None:
        for requirement in rule.require:
            value = evaluate(requirement.value, context)
            if value is ABSENT or any(
                self._find(lookup, value) is not None for lookup in requirement.lookups
            ):
                continue
            where = " or ".join(lookup.collection for lookup in requirement.lookups)
            if str(requirement.value).startswith("$path."):
                message = f"{_source_name(requirement.value)} {value} matches no record in {where}."
                raise _RequestRefused(store_refusal(404, message, [_unknown(requirement.value, message)]))
            raise UnknownReference(requirement.value, value, where)

    # ---- answers ------------------------------------------------------------------------------

    def _envelope(self, rule: OperationRule, data: Any) -> dict[str, Any]:
        shape = self._shapes[rule.operation_id]
        answer: dict[str, Any] = {"status": SUCCESS_STATUS, "data": data}
        for name, empty in shape.fill.items():
            answer[name] = _clone(empty)
        return answer

    def _list(self, rule: OperationRule, request: StatefulRequest, context: Context) -> StatefulResult:
        shape = self._shapes[rule.operation_id]
        records: list[Record] = list(self._collections[rule.collection].values())
        if rule.where is not None:
            wanted = evaluate(rule.where, context)
            records = [r for r in records if all(r.get(k) == v for k, v in wanted.items())]
        total = len(records)
        for one in rule.filters:
            values = _values(request.query, one.param)
            if values:
                records = _filtered(records, one.field, one.op, values)
        limit, offset = len(records), 0
        if shape.paged:
            limit = _int_or(_first(request.query, "limit"), shape.limit_default, 0)
            offset = _int_or(_first(request.query, "offset"), shape.offset_default, 0)
        page = [_project(r, shape.item_keys) for r in records[offset : offset + limit]]
        answer: dict[str, Any] = {"status": SUCCESS_STATUS}
        parts = pointer_parts(rule.items_at)
        node = answer
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = page
        if shape.has_meta:
            # As Leeloo counts (PageMeta.filteredCount in the spec): the items of this page, not
            # the matches; a client that trusts it as the number of matches stops after one page.
            answer["meta"] = {
                "limit": limit,
                "offset": offset,
                "filteredCount": len(page),
                "totalCount": total,
            }
        for name, empty in shape.fill.items():
            answer.setdefault(name, _clone(empty))
        return StatefulResult(200, answer)

    def _get(self, rule: OperationRule, request: StatefulRequest, context: Context) -> StatefulResult:
        assert rule.find is not None
        record = self._find_or_404(rule.find, rule.by, context)
        answer = self._envelope(rule, _project(record, self._shapes[rule.operation_id].data_keys))
        if rule.include is not None:
            answer[rule.include.into] = self._included(rule, rule.include, record, request)
        return StatefulResult(200, answer)

    def _included(
        self, rule: OperationRule, include: IncludeRule, record: Record, request: StatefulRequest
    ) -> dict[str, Any]:
        asked = (_first(request.query, include.param) or "").split(",")
        block: dict[str, Any] = {}
        for name in asked:
            relation = include.relations.get(name.strip())
            if relation is None:
                continue
            links = _get_path(record, relation.links)
            targets = self._collections[relation.collection]
            keys = self._shapes[rule.operation_id].include_keys.get(relation.name)
            block[relation.into_key] = [
                _project(targets[link["id"]], keys)
                for link in (links if isinstance(links, list) else [])
                if isinstance(link, Mapping) and link.get("id") in targets
            ]
        return block

    def _create(self, rule: OperationRule, context: Context) -> StatefulResult:
        wanted: dict[str, int] = {}
        for insert in rule.inserts:
            wanted[insert.collection] = wanted.get(insert.collection, 0) + 1
        for name, count in wanted.items():
            if len(self._collections[name]) + count > self._max_records:
                raise _RequestRefused(
                    store_refusal(
                        507,
                        f"The mock holds at most {self._max_records} records in {name}; "
                        "restart it or raise its record limit.",
                    )
                )
        # evaluate and check everything first: a refusal (hook, list too long) changes nothing.
        # `then` updates records that exist before the request.
        records = [(insert.collection, evaluate(insert.record, context)) for insert in rule.inserts]
        updates = []
        for update in rule.then:
            changes = self._planned_changes(update.changes, context)
            target = self._find(update.find, evaluate(update.by, context))
            if target is not None:
                updates.append((update.find.collection, target, self._changed(target, changes)))
        sizes = [_json_size(record) for _, record in records]
        grown = sum(sizes) + sum(self._growth(name, old, new) for name, old, new in updates)
        self._check_bytes(grown)
        for (name, record), size in zip(records, sizes, strict=True):
            record = _clone(record)
            record_id = record[self._mapping.collections[name].id_field]
            self._touch(name, record_id)
            self._collections[name][record_id] = record
            self._sizes[name, record_id] = size
            self._store_bytes += size
            for index in self._indexes_of(name):
                index.add(record_id, record)
            context.new[name] = record
        for collection, target, changed in updates:
            self._replace(collection, target, changed)
        return self._respond(rule, context)

    def _update(self, rule: OperationRule, context: Context) -> StatefulResult:
        assert rule.find is not None
        record = self._find_or_404(rule.find, rule.by, context)
        if rule.where is not None:
            self._require_match(record, evaluate(rule.where, context), rule.by, context)
        changed = self._changed(record, self._planned_changes(rule.changes, context))
        self._check_bytes(self._growth(rule.find.collection, record, changed))
        self._replace(rule.find.collection, record, changed)
        return self._respond(rule, context)

    def _require_match(self, record: Record, wanted: Mapping[str, Any], by: Any, context: Context) -> None:
        """Refuse (422, naming the path parameter) a record that exists but is not one to change.

        The record is there, so 404 would be a lie; what is wrong is the id the client chose,
        e.g. POST /orders/{order_id} on an order that was not made by hand.
        """
        wrong = [
            f"{key} is {record.get(key)!r}, not {value!r}"
            for key, value in wanted.items()
            if record.get(key) != value
        ]
        if wrong:
            name = _source_name(by)
            message = f"{name} {evaluate(by, context)} cannot be changed here: {'; '.join(wrong)}."
            raise _RequestRefused(
                store_refusal(
                    422,
                    message,
                    [{"location": "path", "name": name, "message": message}],
                )
            )

    def _indexes_of(self, collection: str) -> list[KeyIndex]:
        return [index for lookup, index in self._indexes.items() if lookup.collection == collection]

    def _changed(self, record: Record, changes: Sequence[tuple[Change, Any]]) -> Record:
        """A copy of ``record`` with ``changes`` applied; 507 when a list in it grows past the bound."""
        changed: Record = _clone(record)
        _apply(changed, changes)
        if _longest_list(changed) > self._max_records:
            raise _RequestRefused(
                store_refusal(
                    507,
                    f"The mock holds at most {self._max_records} items in a list of a record; "
                    "restart it or raise its record limit.",
                )
            )
        return changed

    def _growth(self, collection: str, record: Record, changed: Record) -> int:
        """How many bytes the store grows when ``record`` becomes ``changed`` (negative: it shrinks)."""
        record_id = record[self._mapping.collections[collection].id_field]
        return _json_size(changed) - self._sizes.get((collection, record_id), 0)

    def _check_bytes(self, grown: int) -> None:
        """507 when growing by ``grown`` bytes would take the store past ``max_store_bytes``."""
        if grown > 0 and self._store_bytes + grown > self._max_store_bytes:
            raise _RequestRefused(
                store_refusal(
                    507,
                    f"The mock holds at most {self._max_store_bytes} bytes of records (as JSON) and "
                    f"holds {self._store_bytes}; this request would add {grown}. "
                    "Restart it or raise its byte limit (--max-store-bytes).",
                )
            )

    def _replace(self, collection: str, record: Record, changed: Record) -> None:
        """Make ``record`` hold ``changed``, keeping the collection's indexes and byte count in step."""
        indexes = self._indexes_of(collection)
        record_id = record[self._mapping.collections[collection].id_field]
        self._touch(collection, record_id)
        size = _json_size(changed)
        self._store_bytes += size - self._sizes.get((collection, record_id), 0)
        self._sizes[collection, record_id] = size
        for index in indexes:
            index.discard(record_id, record)
        record.clear()
        record.update(changed)
        for index in indexes:
            index.add(record_id, record)

    def _planned_changes(self, changes: Sequence[Change], context: Context) -> list[tuple[Change, Any]]:
        planned = []
        for change in changes:
            value = evaluate(change.value, context)
            if value is not ABSENT:
                planned.append((change, value))
        return planned

    def _respond(self, rule: OperationRule, context: Context) -> StatefulResult:
        data = evaluate(rule.respond, context)
        if isinstance(data, Mapping):
            data = _project(data, self._shapes[rule.operation_id].data_keys)
        return StatefulResult(200, self._envelope(rule, data))


def _json_size(record: Any) -> int:
    """The size of ``record`` as compact UTF-8 JSON: what the store counts against its byte limit."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
    return len(text.encode("utf-8", "surrogatepass"))


def _secondary_lookups(mapping: ResourceMapping) -> set[Lookup]:
    """The lookups of the mapping that find records by a key other than their id (they get an index)."""
    lookups: set[Lookup] = set()
    for rule in mapping.operations.values():
        lookups.update(lookup for requirement in rule.require for lookup in requirement.lookups)
        lookups.update(update.find for update in rule.then)
        if rule.find is not None:
            lookups.add(rule.find)
    return {
        lookup
        for lookup in lookups
        if lookup.item_key is not None or lookup.field != mapping.collections[lookup.collection].id_field
    }


def _filtered(records: list[Record], field: str, op: str, wanted: list[str]) -> list[Record]:
    """The records whose ``field`` passes filter ``op`` for the query's ``wanted`` values.

    One comprehension per operator, without a call per record: GET /people scans every stored
    person on each request, so this loop is the store's hot path.
    """
    first = wanted[0]
    if op == "equals":
        return [r for r in records if r.get(field) == first]
    if op == "all":
        return [r for r in records if isinstance(v := r.get(field), list) and all(w in v for w in wanted)]
    if op == "any":
        return [r for r in records if isinstance(v := r.get(field), list) and any(w in v for w in wanted)]
    if op == "date_from":
        return [r for r in records if isinstance(v := r.get(field), str) and v[:10] >= first]
    return [r for r in records if isinstance(v := r.get(field), str) and v[:10] <= first]


def _longest_list(value: Any) -> int:
    """The length of the longest list anywhere in ``value``."""
    if isinstance(value, dict):
        return max((_longest_list(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return max([len(value), *(_longest_list(item) for item in value)])
    return 0


def _apply(record: Record, changes: Sequence[tuple[Change, Any]]) -> None:
    """Carry out planned changes on ``record`` in place (the caller holds the lock)."""
    for change, value in changes:
        parent: Record = record
        for part in change.field[:-1]:
            child = parent.get(part)
            if not isinstance(child, dict):
                child = parent[part] = {}
            parent = child
        name = change.field[-1]
        if change.op == "set":
            parent[name] = _clone(value)
            continue
        current = parent.get(name)
        if not isinstance(current, list):
            current = parent[name] = []
        if change.op == "add" and value not in current:
            current.append(_clone(value))
        elif change.op == "remove":
            current[:] = [item for item in current if item != value]
        elif change.op == "merge" and isinstance(value, list):
            for item in value:
                key = item.get(change.by) if isinstance(item, Mapping) else None
                index = next(
                    (
                        i
                        for i, old in enumerate(current)
                        if isinstance(old, Mapping) and old.get(change.by) == key
                    ),
                    None,
                )
                if index is None:
                    current.append(_clone(item))
                else:
                    current[index] = _clone(item)
