"""Read an OpenAPI 3.x document and follow its local ``$ref``s.

The mock knows nothing beyond the document it is given: it is read with the project's bounded
loader (``openapi_document._yaml_positions``: size, depth and alias bounds), and a ``$ref`` to another
file is refused, or with ``--allow-refs-under DIR`` bundled in from under DIR
(``openapi_document._refs``); a URL is never fetched. Everything later stages need from it is
read here once, at start-up: the parameters, bodies and responses of each operation with their
``$ref``s followed, and schemas packaged so that a JSON Schema validator can resolve the
``#/components/...`` references they still contain.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from openapi_document import (
    Located,
    LocatedError,
    Operation,
    UnresolvableRef,
    operation_list,
    pointer_parts,
    resolve,
)
from openapi_document._refs import RefError, RefPolicy, Resolver, ref_strings
from openapi_document._upgrade import UnsupportedVersion, Upgraded, upgrade
from openapi_document._yaml_positions import (
    DEFAULT_BOUNDS,
    MAX_DOCUMENT_BYTES,
    DocumentBounds,
    JsonPath,
    LoadedYaml,
    YamlSyntaxError,
    load_yaml_with_positions,
)

logger = logging.getLogger("leeloo_mock")

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SPEC_ENV_VAR = "LEELOO_MOCK_SPEC"


SPEC_URI = "urn:leeloo-mock:spec"
IN_MEMORY = "<document in memory>"  # the file named by a problem of a document no file holds


# a local "$ref" in the text json.dumps writes (a quote escaped in a string has a backslash before it)
_LOCAL_REF_IN_JSON = re.compile(r'(?<!\\)"\$ref": "#')


def _absolute_refs(node: Any) -> Any:
    """``node`` with its ``"$ref": "#/..."`` values pointing into ``SPEC_URI`` (``node`` itself
    when it has none: the validator copies what it is given).

    Rewritten in the JSON text (in C: walking each schema in Python was a third of compiling
    loket.nl's 933 schemas); data that is not JSON (a YAML date) is walked.
    """
    try:
        text = json.dumps(node)
    except (TypeError, ValueError, RecursionError):
        return _absolute_refs_walked(node)
    if '"$ref": "#' not in text:
        return node
    return json.loads(_LOCAL_REF_IN_JSON.sub(lambda _: f'"$ref": "{SPEC_URI}#', text))


def _absolute_refs_walked(node: Any) -> Any:
    if isinstance(node, Mapping):
        copied = {key: _absolute_refs_walked(value) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            copied["$ref"] = SPEC_URI + ref
        return copied
    if isinstance(node, list):
        return [_absolute_refs_walked(item) for item in node]
    return node


class SpecError(LocatedError):
    """The document cannot be mocked (for example a ``$ref`` that points nowhere): each problem
    at its place, ``file:line:column: reason``."""


@dataclass
class SpecSource:
    """Where a loaded document came from, to name the line of a warning about one of its nodes.

    ``origin`` maps a path of the (upgraded) document to where the original wrote it; the
    file's positions are read only when a line is first asked for.
    """

    path: Path
    origin: Callable[[JsonPath], JsonPath] = lambda where: where
    bounds: DocumentBounds = DEFAULT_BOUNDS  # the bound the document was read with
    _positions: LoadedYaml | None = field(default=None, repr=False)
    _single_line: bool | None = field(default=None, repr=False)
    _large: bool | None = field(default=None, repr=False)

    def line(self, where: JsonPath) -> str:
        """``file:line`` of the node at ``where`` (``file:1`` if the file cannot be read again).

        A document written on one line (a minified JSON, as API directories ship them) has every
        node on line 1: it is not read again (GitHub's 5.7 MB description: 6 s and 220 MiB).
        """
        if self._positions is None and self._one_line():
            return f"{self.path}:1"
        return self.place(where).rsplit(":", 1)[0]

    def _one_line(self) -> bool:
        if self._single_line is None:
            try:
                with self.path.open("rb") as stream:
                    self._single_line = b"\n" not in stream.read().rstrip(b"\n")
            except OSError:
                self._single_line = False
        return self._single_line

    def _past_default_bound(self) -> bool:
        if self._large is None:
            try:
                self._large = self.path.stat().st_size > MAX_DOCUMENT_BYTES
            except OSError:
                self._large = False
        return self._large

    def place(self, where: JsonPath) -> str:
        """``file:line:column`` of the node at ``where`` (``file:1:1`` if the file cannot be read again)."""
        return str(self.located(where, "")).removesuffix(": ")

    def located(self, where: JsonPath, reason: str) -> Located:
        """``reason`` at the node at ``where`` (line 1, column 1 if the file cannot be read again).

        A document past the default size bound (read with ``--max-spec-size``) is not read again:
        every node's position of a 45 MiB document would take more memory than serving it (a
        warning about one of its operations names the operation).
        """
        if self._positions is None and self._past_default_bound():
            return Located.at(self.path, 1, 1, reason)
        if self._positions is None:
            try:
                self._positions = load_yaml_with_positions(self.path, bounds=self.bounds)
            except (YamlSyntaxError, OSError, UnicodeDecodeError):
                return Located.at(self.path, 1, 1, reason)
        position = self._positions.locate(self.origin(where))
        return Located.at(self.path, position.line, position.column, reason)


_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})
_MAX_WALK_DEPTH = 256


def _regex_compiles(pattern: str, cache: dict[str, bool]) -> bool:
    """Whether jsonschema-rs (the mock's validator) can compile ``pattern``."""
    known = cache.get(pattern)
    if known is None:
        import jsonschema_rs

        try:
            jsonschema_rs.validator_for({"pattern": pattern})
            known = True
        except ValueError:
            known = False
        cache[pattern] = known
    return known


def drop_bad_patterns(
    document: Any, source: SpecSource | None, written_patterns: Collection[str] | None = None
) -> int:
    """Remove each ``pattern`` (and ``patternProperties`` entry) jsonschema-rs cannot compile.

    Such a schema is served without that keyword, and one warning line says where it is; the
    count of patterns dropped is returned. ``written_patterns``: every such string the document
    holds, when its loader gathered them (``openapi_document._yaml_positions.WrittenStrings``);
    when each of them compiles, the document is not walked (0.1 s of loket.nl's 6 MB).
    """
    cache: dict[str, bool] = {}
    if written_patterns is not None and all(_regex_compiles(pattern, cache) for pattern in written_patterns):
        return 0
    dropped = 0
    # walked with a stack; a node's path is kept as a chain (parent's chain, key) and spelled out
    # only for a warning (building a tuple per node was most of this walk on loket.nl's 6 MB)
    stack: list[tuple[Any, Any, int]] = [(document, None, 0)]
    while stack:
        node, trail, depth = stack.pop()
        if isinstance(node, dict):
            pattern = node.get("pattern")
            if isinstance(pattern, str) and not _regex_compiles(pattern, cache):
                del node["pattern"]
                dropped += 1
                where = source.line((*_spelled(trail), "pattern")) if source else "spec"
                logger.warning(
                    "%s: pattern %r cannot be compiled (jsonschema-rs); that schema is served without it",
                    where,
                    pattern[:80],
                )
            properties = node.get("patternProperties")
            if isinstance(properties, dict):
                for key in [k for k in properties if isinstance(k, str) and not _regex_compiles(k, cache)]:
                    del properties[key]
                    dropped += 1
                    where = source.line((*_spelled(trail), "patternProperties", key)) if source else "spec"
                    logger.warning(
                        "%s: patternProperties %r cannot be compiled (jsonschema-rs); served without it",
                        where,
                        key[:80],
                    )
            children: Any = (
                (str(key), value) for key, value in reversed(node.items()) if key not in _DATA_KEYS
            )
        elif isinstance(node, list):
            children = ((index, node[index]) for index in range(len(node) - 1, -1, -1))
        else:
            continue
        if depth < _MAX_WALK_DEPTH:
            for step, child in children:
                if isinstance(child, dict | list):
                    stack.append((child, (trail, step), depth + 1))
    return dropped


def _spelled(trail: Any) -> JsonPath:
    """The path a chain of ``(parent's chain, step)`` pairs stands for."""
    steps: list[str | int] = []
    while trail is not None:
        trail, step = trail
        steps.append(step)
    return tuple(reversed(steps))


def default_spec_path() -> Path:
    """The spec to mock when none is named: ``$LEELOO_MOCK_SPEC``, else Leeloo's.

    Leeloo's is the checkout's ``spec/openapi.yaml``, or the copy a wheel ships (``_bundled``).
    """
    from_env = os.environ.get(SPEC_ENV_VAR)
    if from_env:
        return Path(from_env)
    from mock_server.spec.bundled import leeloo_spec_path

    return leeloo_spec_path()


def load_spec(
    path: Path, allow_refs_under: Path | None = None, bounds: DocumentBounds = DEFAULT_BOUNDS
) -> Spec:
    """The document at ``path`` (:func:`load_document`) as a :class:`Spec` that knows its source,
    so that what is said of one of its nodes names the node's line; ``bounds`` raises the size
    bound (``--max-spec-size``)."""
    document, source = _load(path, allow_refs_under, bounds)
    return Spec(document, source)


def load_document(path: Path, allow_refs_under: Path | None = None) -> dict[str, Any]:
    """Parse the YAML (or JSON) document at ``path``; :class:`SpecError` as ``file:line:column: reason``.

    A ``$ref`` to another file is refused unless it names a file under ``allow_refs_under``; such
    targets are then copied into the document, so that every ``$ref`` left is a local one. A
    Swagger 2.0 or OpenAPI 3.0 document is upgraded to 3.1 (``openapi_document._upgrade``); another
    version is refused in one sentence. A ``pattern`` jsonschema-rs cannot compile is dropped
    with a warning (:func:`drop_bad_patterns`).
    """
    return _load(path, allow_refs_under, DEFAULT_BOUNDS)[0]


def checked_document(path: Path, allow_refs_under: Path | None) -> Upgraded | None:
    """The document the spec check just read from ``path`` and passed, if it ran in this process
    and the file has not changed since: reading and upgrading it again took 2.5 s of GitHub's
    5.7 MB description, and a second copy of it in memory."""
    checker = sys.modules.get("openapi_document.spec_check")
    if checker is None or allow_refs_under is not None:
        return None
    handed: Upgraded | None = checker.take_checked_document(path)
    return handed


def _load(
    path: Path, allow_refs_under: Path | None, bounds: DocumentBounds
) -> tuple[dict[str, Any], SpecSource]:
    checked = checked_document(path, allow_refs_under)
    if checked is not None:
        source = SpecSource(path, checked.origin, bounds)
        drop_bad_patterns(checked.document, source, checked.patterns)
        return checked.document, source
    return finish_parsed(path, parse_document(path, allow_refs_under, bounds), bounds)


def spec_from_parsed(path: Path, data: dict[str, Any], bounds: DocumentBounds = DEFAULT_BOUNDS) -> Spec:
    """The :class:`Spec` of what :func:`parse_document` read from ``path`` (the rest of :func:`load_spec`)."""
    return Spec(*finish_parsed(path, data, bounds))


def parse_document(
    path: Path, allow_refs_under: Path | None = None, bounds: DocumentBounds = DEFAULT_BOUNDS
) -> dict[str, Any]:
    """The first half of :func:`load_document`, the one in C: the file parsed (its ``$ref``s to
    other files copied in), plain data not yet upgraded; :class:`SpecError` as :func:`load_document`."""
    try:
        # lines only when one is reported
        loaded = load_yaml_with_positions(path, positions=False, bounds=bounds)
    except YamlSyntaxError as exc:
        raise SpecError(exc.problems) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"not UTF-8 text: {exc.reason}"
        raise SpecError(Located.at(path, 1, 1, f"cannot read: {reason}")) from None
    data: Any = loaded.data
    if not isinstance(data, dict):
        raise SpecError(Located.at(path, 1, 1, "the document is not a mapping"))
    written = loaded.written.refs if loaded.written is not None else ref_strings(data)
    if any(not ref.startswith("#") for ref in written):
        located = load_yaml_with_positions(path, bounds=bounds)
        resolver = Resolver(located, RefPolicy.allowing(allow_refs_under), bounds)
        try:
            for refused in resolver.refused():
                raise refused
            data = resolver.bundle()
        except RefError as exc:
            raise SpecError(exc.problems) from None
    parsed: dict[str, Any] = data
    return parsed


def finish_parsed(
    path: Path, data: dict[str, Any], bounds: DocumentBounds = DEFAULT_BOUNDS
) -> tuple[dict[str, Any], SpecSource]:
    """The second half of :func:`load_document`: upgrade to 3.1, drop the patterns that cannot compile."""
    try:
        upgraded = upgrade(data, in_place=True)  # the parsed data is this function's own
    except UnsupportedVersion as exc:
        raise SpecError(SpecSource(path, bounds=bounds).located(exc.where, exc.reason)) from None
    source = SpecSource(path, upgraded.origin, bounds)
    document = upgraded.document
    drop_bad_patterns(document, source)
    return document, source


_KEPT_DEPTH = 3  # a target elsewhere is kept with its siblings below this depth (#/paths/~1pets/get)
_NEVER_A_SCHEMA = ("examples",)  # parts of `components` no schema's `$ref` may point into


def referenced_parts(document: Mapping[str, Any]) -> dict[str, Any]:
    """What a validator's ``$ref`` can reach of ``document``, at the places the document has it.

    The registry holds its own copy of what it is given: 50 MiB for GitHub's whole 5.7 MB
    description, most of it paths and examples that no schema points into. Kept: ``components``
    but its Example Objects, and each other part a ``$ref`` of the document points into, from its
    first three steps (``#/paths/~1pets/get``); a step through something other than a mapping
    keeps the whole document, as before.
    """
    components = document.get("components")
    kept: dict[str, Any] = {}
    if isinstance(components, Mapping):
        kept["components"] = {key: value for key, value in components.items() if key not in _NEVER_A_SCHEMA}
    wanted: set[tuple[str, ...]] = set()
    for ref in ref_strings({**document, **kept}):  # an Example Object's references are never followed
        if ref.startswith("#") and not ref.startswith("#/components/"):
            wanted.add(tuple(pointer_parts(unquote(ref[1:])))[:_KEPT_DEPTH])
    taken: set[tuple[str, ...]] = set()
    for parts in sorted(wanted, key=len):
        if not parts or parts[0] == "components":  # the whole document (#), or #/components
            return dict(document)
        if any(parts[:length] in taken for length in range(1, len(parts))):
            continue  # inside a part kept whole already
        source: Any = document
        into = kept
        for step in parts[:-1]:
            source = source.get(step) if isinstance(source, Mapping) else None
            into = into.setdefault(step, {})
        if not isinstance(source, Mapping):
            return dict(document)
        if parts[-1] in source:
            into[parts[-1]] = source[parts[-1]]
            taken.add(parts)
    return kept


class Spec:
    """An OpenAPI document, with ``$ref`` following and validator-ready schemas."""

    def __init__(self, document: Mapping[str, Any], source: SpecSource | None = None) -> None:
        self.document = document
        self.source = source  # where it was read from; None for a document built in memory
        components = document.get("components")
        self._components: Mapping[str, Any] = components if isinstance(components, Mapping) else {}
        self._resolved: dict[str, Any] = {}
        self._registry: Any = None
        # compiled validators by schema text (mock_server.stages.validation.compile_validator)
        self.validators: dict[str, Any] = {}

    def located(self, reason: str, where: JsonPath = ()) -> Located:
        """``reason`` at the node at ``where`` of the file the document came from (its first line
        when the place is not known; ``IN_MEMORY`` for a document built in memory)."""
        if self.source is None:
            return Located(IN_MEMORY, 1, 1, reason)
        return self.source.located(where, reason)

    def deref(self, node: Any) -> Any:
        """``node`` with its ``$ref`` chain followed (only local ``#/...`` references exist here).

        Follows with the project's one resolver (``openapi_document.resolve``); what each
        reference leads to is remembered, since data generation asks again and again.
        """
        if type(node) is not dict or "$ref" not in node:  # the hot path of data generation
            return node
        reference = node["$ref"]
        if not isinstance(reference, str):
            return node
        found = self._resolved.get(reference)
        if found is None:
            try:
                found = self._resolved[reference] = resolve(self.document, node)
            except UnresolvableRef as exc:
                raise SpecError(self.located(exc.args[0])) from None
        return found

    def validator_schema(self, schema: Any) -> dict[str, Any]:
        """``schema`` as a standalone JSON Schema 2020-12 document whose ``$ref``s still resolve.

        For any JSON Schema library (the tests check the mock's answers with python-jsonschema
        this way): attaching the document's ``components`` at the root lets
        ``#/components/schemas/X`` resolve without inlining, which would loop forever on
        recursive schemas. The mock's own validators use :attr:`registry` instead, which does
        not copy the components into every validator.
        """
        if isinstance(schema, bool):
            schema = {} if schema else {"not": {}}
        if not isinstance(schema, Mapping):
            raise SpecError(self.located(f"a schema must be a mapping, not {type(schema).__name__}"))
        return {"$schema": JSON_SCHEMA_DIALECT, **schema, "components": self._components}

    @property
    def registry(self) -> Any:
        """The whole document as one jsonschema_rs resource (``SPEC_URI``), built once.

        Validators resolve ``#/components/...`` through it, so each compiles only the schemas
        it reaches: compile time and memory stay linear in the size of the spec.
        """
        if self._registry is None:
            import jsonschema_rs

            self._registry = jsonschema_rs.Registry([(SPEC_URI, referenced_parts(self.document))])
        return self._registry

    def registry_schema(self, schema: Any, *, has_refs: bool = True) -> dict[str, Any]:
        """``schema`` with its local ``$ref``s made absolute (``SPEC_URI#/...``), for :attr:`registry`
        (``has_refs=False``: the caller knows it has none, and it is taken as it is)."""
        if isinstance(schema, bool):
            schema = {} if schema else {"not": {}}
        if not isinstance(schema, Mapping):
            raise SpecError(self.located(f"a schema must be a mapping, not {type(schema).__name__}"))
        rewritten = _absolute_refs(schema) if has_refs else schema
        return {"$schema": JSON_SCHEMA_DIALECT, **rewritten}

    def servers_base_paths(self) -> list[str]:
        """The path part of each server URL (``/api/v2``), without a trailing slash."""
        from urllib.parse import urlsplit

        bases: list[str] = []
        for server in self.document.get("servers") or []:
            url = str(server.get("url", "")) if isinstance(server, Mapping) else ""
            path = urlsplit(url).path.rstrip("/")
            if path and "{" not in path and path not in bases:
                bases.append(path)
        return bases

    def operations(self) -> list[Operation]:
        """Every operation in document order (a path item written as a ``$ref`` followed)."""
        try:
            return operation_list(self.document, follow_path_item_refs=True)
        except UnresolvableRef as exc:
            raise SpecError(self.located(exc.args[0])) from None
