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


def object_shape(document: Any, located: Located) -> tuple[list[Located], bool]:
    """The branches that declare properties, and whether the value may hold others."""
    parts = branches(document, located)
    declaring = [
        p for p in parts if isinstance(p.node, Mapping) and isinstance(p.node.get("properties"), Mapping)
    ]
    return declaring, any(is_open(p) for p in parts)


def property_schema(document: Any, located: Located, key: str) -> Located | None:
    """The schema of property ``key`` of an object described by ``located``, if declared."""
    for part in branches(document, located):
        properties = part.node.get("properties") if isinstance(part.node, Mapping) else None
        if isinstance(properties, Mapping) and key in properties:
            return deref(document, Located(properties[key], (*part.where, "properties", key), part.sites))
    return None


def items_schema(document: Any, located: Located) -> Located | None:
    """The schema of an array's items, if declared."""
    for part in branches(document, located):
        items = part.node.get("items") if isinstance(part.node, Mapping) else None
        if isinstance(items, Mapping):
            return deref(document, Located(items, (*part.where, "items"), part.sites))
    return None


def schema_at(document: Any, located: Located, steps: list[str]) -> Located:
    """The schema that describes the value at ``steps`` (a body's pointer): the deepest one declared."""
    current = deref(document, located)
    for step in steps[:MAX_DEPTH]:
        following = property_schema(document, current, step)
        if following is None and step.isdigit():
            following = items_schema(document, current)
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


def undeclared_properties(document: Any, located: Located, value: Any) -> Iterator[Undeclared]:
    """Every property of ``value`` that its schema (walked beside it) neither names nor allows."""
    steps = 0
    stack: list[tuple[Located, Any, tuple[str | int, ...]]] = [(deref(document, located), value, ())]
    while stack:
        schema, instance, pointer = stack.pop()
        steps += 1
        if steps > MAX_STEPS or len(pointer) > MAX_DEPTH:
            return
        if isinstance(instance, Mapping):
            declaring, open_ = object_shape(document, schema)
            for key, item in instance.items():
                child = property_schema(document, schema, str(key))
                if child is not None:
                    stack.append((child, item, (*pointer, str(key))))
                elif declaring and not open_:
                    yield Undeclared((*pointer, str(key)), str(key), item, declaring[0])
        elif isinstance(instance, list):
            child = items_schema(document, schema)
            if child is not None:
                stack.extend((child, item, (*pointer, i)) for i, item in enumerate(instance))
