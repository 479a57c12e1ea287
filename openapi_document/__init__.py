"""The OpenAPI document layer: the vocabulary every tool of the project shares to read a spec.

The mock, the generator's checks, the docs-drift check, the lint, the contract tests and the
unit tests all walk the same kind of document; this module is the one place that says which keys
of a path item are operations and how a local ``$ref`` is followed. The package also owns loading
with positions (``_yaml_positions``, the bounded YAML reader), the in-document ``$ref`` resolution
of a whole spec (``_refs``), reading older versions as 3.1 (``_upgrade``) and the spec check
(``spec_check``, ``_spec_validation``): the mock, the generator, the drift check, the lint and the
contract tests stand on it, and it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The keys of a path item that hold operations, in the order OpenAPI lists them."""

MAX_REF_HOPS = 64
"""A chain of ``$ref``s longer than this is refused (a loop, or an attack)."""


class UnresolvableRef(KeyError):
    """A ``$ref`` that is not local, points nowhere, loops, or chains past ``MAX_REF_HOPS``."""


def follow(document: Any, reference: str) -> Any:
    """What a local reference (``#/components/schemas/Tag``) points at.

    The fragment is percent-decoded first, then ``~1``/``~0`` are unescaped (RFC 6901 §5, §6).
    """
    if not reference.startswith("#"):
        raise UnresolvableRef(f"$ref {reference!r} is not a reference inside the document")
    node = document
    pointer = unquote(reference[1:])
    for raw in pointer.split("/")[1:] if pointer else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise UnresolvableRef(f"$ref {reference!r} points nowhere")
    return node


def resolve(document: Any, node: Any) -> Any:
    """``node`` with its chain of local ``$ref``s followed; any other node as it is."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        reference: str = node["$ref"]
        if reference in seen or len(seen) >= MAX_REF_HOPS:
            raise UnresolvableRef(f"$ref {reference!r} loops")
        seen.add(reference)
        node = follow(document, reference)
    return node


def operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """Every operation of the document: ``(path, method, operation object)``, in document order."""
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, Mapping):
                yield str(path), method, operation


@dataclass(frozen=True)
class Operation:
    """One operation of a document, as the tools that walk the spec see it (the check's table,
    the drift check): where it is, its names, and its raw objects (``$ref``s not followed)."""

    method: str  # upper case
    path: str
    operation_id: str
    tag: str  # its first tag, "" without one
    summary: str
    definition: Mapping[str, Any] = field(repr=False)
    path_item: Mapping[str, Any] = field(repr=False)
    line: int = 0  # where the operation starts in its file, when the caller knows

    @property
    def label(self) -> str:
        """``GET /people``."""
        return f"{self.method} {self.path}"


def operation_list(
    document: Mapping[str, Any], line_of: Callable[[tuple[str, str, str]], int] | None = None
) -> list[Operation]:
    """Every operation of ``document`` in document order; ``line_of`` places each in its file."""
    found = []
    for path, method, definition in operations(document):
        tags = definition.get("tags")
        found.append(
            Operation(
                method=method.upper(),
                path=path,
                operation_id=str(definition.get("operationId", "")),
                tag=str(tags[0]) if isinstance(tags, list) and tags else "",
                summary=str(definition.get("summary", "")),
                definition=definition,
                path_item=document["paths"][path],
                line=line_of(("paths", path, method)) if line_of is not None else 0,
            )
        )
    return found
