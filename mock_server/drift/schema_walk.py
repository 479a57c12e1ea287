"""Walk a response or request body beside its schema, knowing where in the spec each step stands.

Every step returns the schema node and its place in the document (a JSON path, ``$ref``s
followed), with the places of the ``$ref``s passed on the way (the ref sites): the evidence tie
looks for an ``x-evidence`` up from each, and ``--propose`` edits the place itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from openapi_document import UnresolvableRef, follow, pointer_parts

JsonPath = tuple[str | int, ...]
MAX_DEPTH = 32  # levels of a body walked
MAX_STEPS = 20_000  # schema nodes visited for one body: a huge answer costs a bounded walk
_REF_HOPS = 32


@dataclass(frozen=True)
class Located:
    """A schema node, where it is written, and the ref sites that led there (nearest last)."""

    node: Any
    where: JsonPath
    sites: tuple[JsonPath, ...] = ()

    @property
    def places(self) -> tuple[JsonPath, ...]:
        """Where it is written, then each ref site back to the start: for the evidence tie."""
        return (self.where, *reversed(self.sites))


def deref(document: Any, located: Located) -> Located:
    """``located`` with its chain of local ``$ref``s followed."""
    node, where, sites = located.node, located.where, list(located.sites)
    for _ in range(_REF_HOPS):
        reference = node.get("$ref") if isinstance(node, Mapping) else None
        if not isinstance(reference, str) or not reference.startswith("#"):
            break
        try:
            target = follow(document, reference)
        except UnresolvableRef:
            break
        sites.append(where)
        node, where = target, tuple(pointer_parts(reference[1:]))
    return Located(node, where, tuple(sites))


def branches(document: Any, located: Located) -> list[Located]:
    """The schemas that together describe a value: ``located`` and its allOf/anyOf/oneOf parts."""
    found: list[Located] = []
    stack = [deref(document, located)]
    while stack and len(found) < 64:
        current = stack.pop(0)
        found.append(current)
        if not isinstance(current.node, Mapping):
            continue
        for keyword in ("allOf", "anyOf", "oneOf"):
            parts = current.node.get(keyword)
            if isinstance(parts, list):
                stack.extend(
                    deref(document, Located(part, (*current.where, keyword, i), current.sites))
                    for i, part in enumerate(parts)
                )
    return found


def is_open(located: Located) -> bool:
    """The schema allows properties it does not name (additionalProperties or patternProperties)."""
    node = located.node
    if not isinstance(node, Mapping):
        return True  # a `true` schema
    extra = node.get("additionalProperties")
    return bool(node.get("patternProperties")) or (extra is not None and extra is not False)


@dataclass(frozen=True)
class Shape:
    """What a (dereferenced) schema says of an object's properties and an array's items."""

    properties: Mapping[str, Located]
    items: Located | None
    declaring: Located | None  # the first branch that lists properties
    open: bool  # other properties are allowed


class Shapes:
    """The shape of each schema of one document, worked out once: a capture of 100,000 exchanges
    walks the same few schemas over and over."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self._cache: dict[tuple[JsonPath, tuple[JsonPath, ...]], Shape] = {}

    def shape(self, located: Located) -> Shape:
        key = (located.where, located.sites)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._work_out(located)
        return found

    def _work_out(self, located: Located) -> Shape:
        parts = branches(self.document, located)
        properties: dict[str, Located] = {}
        declaring = None
        items = None
        for part in parts:
            node = part.node
            if not isinstance(node, Mapping):
                continue
            listed = node.get("properties")
            if isinstance(listed, Mapping):
                declaring = declaring or part
                for key, schema in listed.items():
                    if str(key) not in properties:
                        where = (*part.where, "properties", str(key))
                        properties[str(key)] = deref(self.document, Located(schema, where, part.sites))
            if items is None and isinstance(node.get("items"), Mapping):
                items = deref(self.document, Located(node["items"], (*part.where, "items"), part.sites))
        return Shape(properties, items, declaring, any(is_open(p) for p in parts))


def schema_at(shapes: Shapes, located: Located, steps: list[str]) -> Located:
    """The schema that describes the value at ``steps`` (a body's pointer): the deepest one declared."""
    current = deref(shapes.document, located)
    for step in steps[:MAX_DEPTH]:
        shape = shapes.shape(current)
        following = shape.properties.get(step)
        if following is None and step.isdigit():
            following = shape.items
        if following is None:
            return current
        current = following
    return current


@dataclass(frozen=True)
class Undeclared:
    """A property of a body its schema does not name."""

    pointer: tuple[str | int, ...]  # into the body, down to the property
    key: str
    value: Any
    owner: Located  # the schema that lists the object's properties


def undeclared_properties(shapes: Shapes, located: Located, value: Any) -> Iterator[Undeclared]:
    """Every property of ``value`` that its schema (walked beside it) neither names nor allows."""
    steps = 0
    stack: list[tuple[Located, Any, tuple[str | int, ...]]] = [(deref(shapes.document, located), value, ())]
    while stack:
        schema, instance, pointer = stack.pop()
        steps += 1
        if steps > MAX_STEPS or len(pointer) > MAX_DEPTH:
            return
        if isinstance(instance, dict):
            shape = shapes.shape(schema)
            for key, item in instance.items():
                child = shape.properties.get(key)
                if child is not None:
                    if isinstance(item, dict | list):
                        stack.append((child, item, (*pointer, key)))
                elif shape.declaring is not None and not shape.open:
                    yield Undeclared((*pointer, key), key, item, shape.declaring)
        elif isinstance(instance, list):
            child = shapes.shape(schema).items
            if child is not None:
                stack.extend(
                    (child, item, (*pointer, i))
                    for i, item in enumerate(instance)
                    if isinstance(item, dict | list)
                )
