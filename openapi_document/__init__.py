"""The OpenAPI document layer: the vocabulary every tool of the project shares to read a spec.

The mock, the generator's checks, the docs-drift check, the lint, the contract tests and the unit
tests all walk the same kind of document; this module is the one place that says which keys of a
path item are operations (``HTTP_METHODS``), how a JSON pointer is read and written, how a local
``$ref`` is followed (:func:`resolve`), what one operation of a document is (:class:`Operation`)
and a value's JSON Schema type. The package also owns loading with positions (``_yaml_positions``,
the bounded YAML reader), the in-document ``$ref`` resolution of a whole spec (``_refs``), reading
older versions as 3.1 (``_upgrade``), example validation (``example_check``), the spec check
(``spec_check``, ``_spec_validation``), the one way an error names its place in a file
(``Located``, ``LocatedError``: the tree is drawn in ``_located``) and the spec's evidence
register (``evidence``): the mock, the generator, the drift check, the lint and the contract tests
stand on it, and it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from openapi_document._located import Located, LocatedError

__all__ = [
    "HTTP_METHODS",
    "MAX_REF_HOPS",
    "Located",
    "LocatedError",
    "Operation",
    "UnresolvableRef",
    "follow",
    "json_pointer",
    "json_type",
    "operation_list",
    "operations",
    "pointer_parts",
    "pointer_target",
    "pointer_walk",
    "resolve",
    "resolve_or_keep",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The keys of a path item that hold operations, in the order OpenAPI lists them."""

MAX_REF_HOPS = 64
"""A chain of ``$ref``s longer than this is refused (a loop, or an attack)."""


class UnresolvableRef(KeyError):
    """A ``$ref`` that is not local, points nowhere, loops, or chains past ``MAX_REF_HOPS``."""


def pointer_parts(pointer: str) -> list[str]:
    """The steps of a JSON pointer, unescaped (``~1`` is ``/``, ``~0`` is ``~``):
    ``/a~1b/0`` -> ``["a/b", "0"]``; a leading ``/`` may be left out; ``""`` is no step."""
    if not pointer:
        return []
    return [raw.replace("~1", "/").replace("~0", "~") for raw in pointer.removeprefix("/").split("/")]


def pointer_walk(document: Any, pointer: str) -> tuple[Any, tuple[str | int, ...]]:
    """The node a JSON pointer (RFC 6901: ``/data/0``, ``""`` for the whole) names in ``document``,
    and the path to it (list steps as integers): the one walker of a pointer in the project.

    A step into a list must be an index within it (:func:`pointer_parts` reads the steps).
    :class:`UnresolvableRef` when no node is there.
    """
    node = document
    path: list[str | int] = []
    for part in pointer_parts(pointer):
        if isinstance(node, Mapping) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
            path.append(int(part))
        else:
            raise UnresolvableRef(f"JSON pointer {pointer!r} points nowhere")
    return node, tuple(path)


def pointer_target(document: Any, pointer: str) -> Any:
    """The node a JSON pointer names in ``document`` (:func:`pointer_walk` without the path)."""
    return pointer_walk(document, pointer)[0]


def json_type(value: Any) -> str:
    """The JSON Schema type of a JSON value (``integer`` for a whole number; ``boolean`` is never
    ``integer``), as a schema's ``enum`` or ``const`` implies one."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def json_pointer(parts: Sequence[str | int]) -> str:
    """The JSON pointer of a path into a document: ``["data", 0, "a/b"]`` -> ``/data/0/a~1b``
    (RFC 6901; ``""`` is the whole document). The inverse of :func:`pointer_target`."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def follow(document: Any, reference: str) -> Any:
    """What a local reference (``#/components/schemas/Tag``) points at.

    The fragment is percent-decoded first, then read as a JSON pointer (RFC 6901 §5, §6).
    """
    if not reference.startswith("#"):
        raise UnresolvableRef(f"$ref {reference!r} is not a reference inside the document")
    try:
        return pointer_target(document, unquote(reference[1:]))
    except UnresolvableRef:
        raise UnresolvableRef(f"$ref {reference!r} points nowhere") from None


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


def resolve_or_keep(document: Any, node: Any) -> Any:
    """:func:`resolve`, except that a reference that loops or points nowhere leaves ``node`` as
    it is: for the checks that report such a reference themselves, at its line."""
    try:
        return resolve(document, node)
    except UnresolvableRef:
        return node


def operations(
    document: Mapping[str, Any], *, follow_path_item_refs: bool = False
) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """Every operation of the document: ``(path, method, operation object)``, in document order.

    A path item written as a ``$ref`` is skipped unless ``follow_path_item_refs`` (then a dangling
    one raises :class:`UnresolvableRef`); the tools that place an operation by its line keep the
    default, since such an operation has no line under ``paths``.
    """
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path, raw_item in paths.items():
        item = resolve(document, raw_item) if follow_path_item_refs else raw_item
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, Mapping):
                yield str(path), method, operation


def _identity(parameter: Mapping[str, Any]) -> tuple[Any, Any]:
    return parameter.get("name"), parameter.get("in")


@dataclass(frozen=True)
class Operation:
    """One operation of a document: the one operation type every tool of the project shares.

    Its names and raw objects (``definition``, ``path_item``: ``$ref``s not followed) are read at
    once, which is all the spec check's table and the drift check need and works on a broken
    document. What serving or testing it needs is read on first use, with ``$ref``s followed
    (:class:`UnresolvableRef` for a dangling one): the parameters with the path item's merged
    in, the request body, the responses and the security that applies.
    """

    method: str  # upper case
    path: str
    operation_id: str  # "" when the document gives none
    tag: str  # its first tag, "" without one
    summary: str
    definition: Mapping[str, Any] = field(repr=False)
    path_item: Mapping[str, Any] = field(repr=False)
    document: Mapping[str, Any] = field(repr=False, compare=False)
    line: int = 0  # where the operation starts in its file, when the caller knows

    @property
    def label(self) -> str:
        """``GET /people``."""
        return f"{self.method} {self.path}"

    @property
    def name(self) -> str:
        """Its ``operationId``, or its label when the document gives none."""
        return self.operation_id or self.label

    @cached_property
    def parameters(self) -> tuple[Mapping[str, Any], ...]:
        """Its parameters, resolved: the path item's first, each unless the operation redeclares it."""
        shared = [resolve(self.document, p) for p in self.path_item.get("parameters") or ()]
        own = [resolve(self.document, p) for p in self.definition.get("parameters") or ()]
        redeclared = {_identity(p) for p in own if isinstance(p, Mapping)}
        merged = [p for p in shared if isinstance(p, Mapping) and _identity(p) not in redeclared]
        return tuple(merged + [p for p in own if isinstance(p, Mapping)])

    @cached_property
    def request_body(self) -> Mapping[str, Any] | None:
        """Its request body object, resolved; ``None`` when it declares none."""
        body = self.definition.get("requestBody")
        return resolve(self.document, body) if body is not None else None

    @cached_property
    def responses(self) -> Mapping[str, Mapping[str, Any]]:
        """Its responses by status key (``"200"``, ``"4XX"``, ``"default"``), resolved."""
        declared = self.definition.get("responses") or {}
        return {str(key): resolve(self.document, response) for key, response in declared.items()}

    @cached_property
    def security(self) -> tuple[Mapping[str, Any], ...]:
        """The security requirements that apply: its own, else the document's."""
        own = self.definition.get("security")
        return tuple(own if own is not None else self.document.get("security") or ())


def operation_list(
    document: Mapping[str, Any],
    line_of: Callable[[tuple[str, str, str]], int] | None = None,
    *,
    follow_path_item_refs: bool = False,
) -> list[Operation]:
    """Every operation of ``document`` in document order; ``line_of`` places each in its file."""
    found = []
    for path, method, definition in operations(document, follow_path_item_refs=follow_path_item_refs):
        tags = definition.get("tags")
        found.append(
            Operation(
                method=method.upper(),
                path=path,
                operation_id=str(definition.get("operationId") or ""),
                tag=str(tags[0]) if isinstance(tags, list) and tags else "",
                summary=str(definition.get("summary") or ""),
                definition=definition,
                path_item=resolve(document, document["paths"][path]),
                document=document,
                line=line_of(("paths", path, method)) if line_of is not None else 0,
            )
        )
    return found
