"""Validate ``spec/openapi.yaml`` and report each problem as ``file:line:column: reason``.

Two passes of openapi-spec-validator read the spec: one over the document as written (the
OpenAPI 3.1 meta-schema plus its semantic rules, such as unique operationIds and declared path
parameters), one over the document with every ``$ref`` replaced by its target (see
``_load_and_check``). A person fixing the spec wants the line, so each finding's JSON path is
mapped back to the YAML source.

References are followed by our own resolver (``openapi_document._refs``), never by a library that
reads files or fetches URLs as it meets them: a ``$ref`` outside the document is refused with
its line, unless ``--allow-refs-under DIR`` names the directory it may read from; a URL is never
fetched; no error quotes what a referenced file holds. The YAML loader is bounded (size, depth,
aliases: ``openapi_document._yaml_positions``), and so is the resolved document.

The leeloo-mock server runs this at start-up and must be listening within 2 s (the whole check
took 4 s; now about 1.2 s, of which 0.6 s is imports). So the spec is parsed once, by libyaml;
openapi-spec-validator meta-checks schemas through jsonschema-rs (``openapi_document._spec_validation``)
instead of pure-Python jsonschema. The one thing prance's parse found that PyYAML does not, a key
written twice in a mapping, is checked here.

Usage: ``python -m openapi_document.spec_check [--table] [--allow-refs-under DIR] SPEC``. Exit 0 when
valid, 1 when not, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from openapi_document import Located, Operation, json_pointer, operation_list, operations, pointer_parts
from openapi_document._refs import ALLOW_OPTION, RefError, RefPolicy, Resolver, ref_strings, target
from openapi_document._refs import refs as _refs
from openapi_document._upgrade import Upgraded
from openapi_document._yaml_positions import (
    DEFAULT_BOUNDS,
    MAX_DOCUMENT_BYTES,
    DocumentBounds,
    JsonPath,
    LoadedYaml,
    Position,
    YamlSyntaxError,
    load_yaml_with_positions,
)

SpecProblem = Located  # one reason the spec is invalid, at its place (the project's one located value)


_DUPLICATE_OPERATION_ID = re.compile(
    r"Operation ID '(?P<id>.*)' for '(?P<method>\w+)' in '(?P<path>.*)' is not unique"
)
# keys whose values are data, not schemas: a `type` inside them is a field of an example
_DATA_KEYS = frozenset({"example", "examples", "value", "default", "enum", "const"})


def _pointer(where: Sequence[str | int]) -> str:
    """A JSON pointer (without the leading ``/``) that a person can search the spec for."""
    return json_pointer(where).removeprefix("/") or "(document)"


def _first_use_of_operation_id(loaded: LoadedYaml, message: str) -> str:
    """`` (first used at line N)`` for a duplicate operationId message, else nothing."""
    match = _DUPLICATE_OPERATION_ID.fullmatch(message)
    if not match:
        return ""
    for path, method, operation in operations(loaded.data):
        if operation.get("operationId") == match["id"]:
            line = loaded.locate(["paths", path, method, "operationId"]).line
            return f" (first used at line {line})"
    return ""


def _type_declarations(node: Any, type_name: object, here: JsonPath = ()) -> Iterator[JsonPath]:
    """Where a schema declares ``type: type_name`` (alone or in a list), skipping example data."""
    if here and here[-1] in _DATA_KEYS:
        return
    if isinstance(node, dict):
        declared = node.get("type")
        if declared == type_name or (isinstance(declared, list) and type_name in declared):
            yield (*here, "type")
        for key, value in node.items():
            yield from _type_declarations(value, type_name, (*here, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _type_declarations(item, type_name, (*here, index))


def _validator_problems(
    loaded: LoadedYaml, document: Any, *, refs_resolved: bool, dangling_refs_reported: bool = False
) -> Iterator[SpecProblem]:
    """openapi-spec-validator's findings on ``document``, each at the line of the node it is about.

    ``document`` is the parsed spec or, ``refs_resolved``, the spec with every ``$ref`` replaced
    by its target; the paths of the latter are followed through the ``$ref``s of the spec to
    where the node is written. A ``$ref`` that points nowhere stops the validator (findings after
    it are lost until it is fixed); when the walk over local references reports it, the crash
    adds nothing.
    """
    # imported on first use: ~0.5 s that tools only listing operations do not pay
    from jsonschema.exceptions import UnknownType
    from referencing.exceptions import NoSuchResource, Unresolvable, Unretrievable

    from openapi_document._spec_validation import spec_errors

    try:
        errors = spec_errors(document, base_uri=loaded.path.resolve().as_uri())
    except (Unresolvable, NoSuchResource, Unretrievable) as exc:
        if not dangling_refs_reported:
            # referencing names the file it could not read, or the pointer it could not follow
            missing = str(exc.ref)

            def names_missing(ref: str) -> bool:
                file_part, _, pointer = ref.partition("#")
                return bool(missing) and missing in (ref, pointer, *_spellings(loaded, file_part))

            found = _ref_meant(loaded, names_missing)
            where, ref = found if found else ((), missing)
            position = loaded.locate(where) if found else Position(1, 1)
            reason = f"{_pointer(where)}: cannot resolve {ref!r}" if found else f"cannot resolve {missing!r}"
            yield SpecProblem(loaded.path, position.line, position.column, reason)
        return
    except UnknownType as exc:  # the validator crashes on a type name it does not know
        for declaration in list(_type_declarations(loaded.data, exc.type)) or [()]:
            position = loaded.locate(declaration)
            reason = f"{_pointer(declaration)}: unknown type {exc.type!r}"
            yield SpecProblem(loaded.path, position.line, position.column, reason)
        return
    except Exception as exc:  # the validator itself can fail on other nonsense
        reason = next(iter(str(exc).splitlines()), "")  # an exception may have no message
        yield SpecProblem(loaded.path, 1, 1, f"openapi-spec-validator failed: {type(exc).__name__}: {reason}")
        return
    reported: set[tuple[JsonPath, str]] = set()
    for error in errors:
        where = (
            _written_path(loaded.data, error.absolute_path) if refs_resolved else tuple(error.absolute_path)
        )
        # openapi-spec-validator appends the failing schema after a blank line; the first line says it
        message = error.message.splitlines()[0]
        if (where, message) in reported:  # a target resolved into several places fails in each
            continue
        reported.add((where, message))
        position = loaded.locate(where)
        reason = f"{_pointer(where)}: {message}{_first_use_of_operation_id(loaded, message)}"
        yield SpecProblem(
            loaded.path,
            position.line,
            position.column,
            reason + (" ($refs resolved)" if refs_resolved else ""),
        )


def _step(node: Any, part: str | int) -> tuple[Any, str | int] | None:
    """The child ``part`` of ``node`` and its key as the document spells it (``None`` if absent)."""
    if isinstance(node, dict):
        for key in (part, str(part)):
            if key in node:
                return node[key], key
    elif isinstance(node, list):
        index = part if isinstance(part, int) else int(part) if part.isdigit() else -1
        if 0 <= index < len(node):
            return node[index], index
    return None


def _target(document: Any, ref: str) -> tuple[Any, JsonPath] | None:
    """The node the local reference ``#/a/b`` points at, and its path (``None`` if nowhere); the
    fragment is percent-decoded first (RFC 6901 section 6: ``~1items~1%7Bid%7D``)."""
    return target(document, unquote(ref.removeprefix("#")))


def _written_path(document: Any, resolved_path: Iterable[str | int]) -> JsonPath:
    """Where the node at ``resolved_path`` of the resolved spec is written in ``document``.

    Each local ``$ref`` met on the way is followed to its target; the path stops at a node
    that is itself a ``$ref`` (an error about it is about that reference).
    """
    node: Any = document
    here: JsonPath = ()
    for part in resolved_path:
        for _ in range(64):  # a chain of references, not a cycle: the resolver refused cycles already
            ref = node.get("$ref") if isinstance(node, dict) else None
            referenced = _target(document, ref) if isinstance(ref, str) and ref.startswith("#") else None
            if referenced is None:
                break
            node, here = referenced
        found = _step(node, part)
        if found is None:
            return (*here, part)
        node, here = found[0], (*here, found[1])
    return here


def _unresolvable_ref_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    """Each local ``$ref`` that points nowhere, at the line of that ``$ref``.

    prance stops at the first unresolvable reference and names no line; walking the local
    references ourselves reports every one of them where it stands.
    """
    for where, ref in _refs(loaded.data):
        if ref.startswith("#") and _target(loaded.data, ref) is None:
            position = loaded.locate(where)
            reason = f"{_pointer(where)}: cannot resolve {ref!r}"
            yield SpecProblem(loaded.path, position.line, position.column, reason)


def _spellings(loaded: LoadedYaml, ref: str) -> tuple[str, ...]:
    """How a message may spell ``ref``: as written and, for another file, by that file's path."""
    file_part = ref.partition("#")[0]
    if not file_part or "://" in file_part:
        return (ref,)
    absolute = (loaded.path.resolve().parent / file_part).resolve()
    return ref, absolute.as_uri(), str(absolute)


def _ref_meant(loaded: LoadedYaml, is_meant: Callable[[str], bool]) -> tuple[JsonPath, str] | None:
    """The ``$ref`` that ``is_meant``, with the path of its ``$ref`` key (``None`` if none).

    Of several ``$ref``s to the same target, one written inside that target is preferred: that
    is where a recursion is broken.
    """
    meant = [(where, ref) for where, ref in _refs(loaded.data) if is_meant(ref)]
    for where, ref in meant:
        referenced = _target(loaded.data, ref) if ref.startswith("#") else None
        if referenced is not None and where[: len(referenced[1])] == referenced[1]:
            return where, ref
    return meant[0] if meant else None


def _duplicate_key_problems(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    for duplicate in loaded.duplicate_keys:
        reason = (
            f"{_pointer(duplicate.json_path)}: key {str(duplicate.json_path[-1])!r} written twice "
            f"(first at line {duplicate.first_position.line}; the last one wins)"
        )
        yield SpecProblem(loaded.path, duplicate.position.line, duplicate.position.column, reason)


def _ref_problem(error: RefError) -> SpecProblem:
    return SpecProblem(error.file, error.position.line, error.position.column, error.reason)


def load_checked(path: Path, tool: str, verb: str) -> LoadedYaml | None:
    """The spec at ``path`` for a tool that walks it (lint, docs drift), or None after printing why
    it cannot be (unreadable, not YAML, not valid OpenAPI: ``make spec-check`` says more)."""
    try:
        loaded = load_yaml_with_positions(path)
    except OSError as exc:
        print(f"{tool}: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None
    except YamlSyntaxError as exc:
        print(f"{tool}: {exc}", file=sys.stderr)
        return None
    problems = structural_problems(loaded)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"{tool}: {path} is not valid OpenAPI; `make spec-check` says why. Not {verb}.", file=sys.stderr
        )
        return None
    return loaded


def structural_problems(
    loaded: LoadedYaml,
    policy: RefPolicy | None = None,
    document: Any = None,
    resolver: Resolver | None = None,
) -> list[SpecProblem]:
    """What makes a parsed document unusable as OpenAPI: a ``$ref`` outside the document that
    ``policy`` refuses (reported alone: nothing is read through it), references that resolve
    past a bound (too deep, too large: reported alone, as the validator would recurse through
    them), meta-schema errors and local ``$ref``s that point nowhere. Tools that walk the spec
    (lint, docs drift) check this first, so that a broken spec is reported with its lines
    instead of crashing them. ``document`` is what the validator reads, the spec with allowed
    files bundled in (default: ``loaded.data``); ``resolver`` the one following its references."""
    if not isinstance(loaded.data, dict):
        return [SpecProblem(loaded.path, 1, 1, "the document is not a YAML mapping")]
    resolver = resolver or Resolver(loaded, policy or RefPolicy())
    refused = resolver.refused()
    if refused:
        return [_ref_problem(error) for error in refused]
    ref_problems = list(_unresolvable_ref_problems(loaded))
    if not ref_problems:
        try:
            resolver.resolve_all()
        except RefError as exc:
            if exc.bound:
                return [_ref_problem(exc)]
    validator_problems = _validator_problems(
        loaded,
        loaded.data if document is None else document,
        refs_resolved=False,
        dangling_refs_reported=bool(ref_problems),
    )
    return [*validator_problems, *ref_problems]


def _load_and_check(
    path: Path, allow_refs_under: Path | None = None
) -> tuple[LoadedYaml | None, list[SpecProblem]]:
    """The parsed spec (``None`` if it cannot be parsed) and its problems.

    A spec without structural problems is checked once more with its references resolved, as
    prance's ``ResolvingParser`` did: openapi-spec-validator skips a schema it has walked before
    through another ``$ref`` (so a ``required`` naming no property can go unseen), and the
    OpenAPI meta-schema sees what a ``$ref`` points at only once it is resolved (a response
    ``$ref`` to a schema, say). Files under ``allow_refs_under`` are bundled in first, so that
    the validator itself never reads a file.
    """
    try:
        loaded = load_yaml_with_positions(path)
    except YamlSyntaxError as exc:
        return None, [SpecProblem(exc.path, exc.position.line, exc.position.column, exc.reason)]
    except OSError as exc:
        return None, [SpecProblem(path, 1, 1, f"cannot read: {exc.strerror}")]
    except UnicodeDecodeError as exc:
        return None, [SpecProblem(path, 1, 1, f"not UTF-8 text: {exc.reason}")]
    policy = RefPolicy.allowing(allow_refs_under)
    resolver = Resolver(loaded, policy)
    document = loaded.data
    if isinstance(document, dict) and not resolver.refused() and resolver.has_external():
        try:
            document = resolver.bundle()
        except RefError as exc:
            return loaded, [_ref_problem(exc)]
    problems = structural_problems(loaded, policy, document, resolver)
    if not problems:  # the checks below would repeat the findings above
        problems.extend(_duplicate_key_problems(loaded))
        try:
            resolved = resolver.resolve_all()
        except RefError as exc:
            problems.append(_ref_problem(exc))
        else:
            problems.extend(_validator_problems(loaded, resolved, refs_resolved=True))
    return loaded, problems


def check_spec(path: Path, allow_refs_under: Path | None = None) -> list[SpecProblem]:
    """Every problem found in the spec at ``path``; an empty list means it is valid.

    ``allow_refs_under``: the directory whose files a ``$ref`` may name (none by default).
    """
    return _load_and_check(path, allow_refs_under)[1]


class _Positions:
    """Where the nodes of one file stand, read only when a line is first asked for.

    The mock's check reads a document without positions (a JSON document by the json module: a
    tenth of the time on GitHub's 5.7 MB description); a finding is rare, and only then is the
    file read again with them.
    """

    def __init__(self, path: Path, bounds: DocumentBounds = DEFAULT_BOUNDS) -> None:
        self.path = path
        self.bounds = bounds
        self._loaded: LoadedYaml | None = None

    def locate(self, where: Sequence[str | int]) -> Position:
        if self._loaded is None:
            try:
                self._loaded = load_yaml_with_positions(self.path, bounds=self.bounds)
            except (YamlSyntaxError, OSError, UnicodeDecodeError):
                self._loaded = LoadedYaml(self.path, None, {})
        return self._loaded.locate(where)


@dataclass(frozen=True)
class _UpgradedYaml(LoadedYaml):
    """A (possibly upgraded) document whose nodes are located where the original file wrote them."""

    origin: Callable[[JsonPath], JsonPath] = lambda where: where
    source: _Positions | None = None

    def locate(self, json_path: Sequence[str | int]) -> Position:
        where = self.origin(tuple(json_path))
        return self.source.locate(where) if self.source is not None else super().locate(where)


@dataclass(frozen=True)
class MockCheck:
    """What the mock needs to know of a spec: refuse it (``problems``) or serve it with warnings."""

    problems: list[SpecProblem]
    warnings: list[SpecProblem]
    source_version: str = ""
    # the document checked, upgraded to 3.1, when it was read from the file alone (no other file
    # bundled in): the mock serves it instead of reading and upgrading the file again
    upgraded: Upgraded | None = field(default=None, repr=False, compare=False)


MOCK_SECOND_PASS_BYTES = 1 << 20
MOCK_GENERATED_SIZE = 100_000
"""What the mock's ``--dynamic`` generates at most in one value (characters, items and members in
all; ``mock_server.producers.dynamic``): a schema asking for more is warned about."""
_SIZE_KEYWORDS = ("minLength", "minItems", "minProperties")
_REGEX_REPEAT = re.compile(r"\{(\d+)(?:,\d*)?\}")
_NEVER_NEEDED_KEYS = frozenset({"default", "example", "examples"})


def _path_parts(reason: str) -> list[str]:
    """The JSON path a finding names (its reason starts with ``a/b~1c: ``)."""
    return pointer_parts(reason.split(": ", 1)[0])


def _used_schemas(ref_values: Iterable[str]) -> set[str]:
    """Names of ``components/schemas`` that one of the document's ``$ref``s points at."""
    prefix = "#/components/schemas/"
    return {pointer_parts(unquote(ref[len(prefix) :]))[0] for ref in ref_values if ref.startswith(prefix)}


def _never_needed(problem: SpecProblem, used_schemas: set[str]) -> bool:
    """Whether a finding is about a part the mock never needs to answer.

    A ``default``, an ``example`` (the mock checks examples itself and falls back to generated
    data), a schema no ``$ref`` reaches, an operationId used twice, and a ``pattern`` (the mock
    compiles each pattern itself and serves without one it cannot compile, saying so).
    """
    parts = _path_parts(problem.reason)
    if _NEVER_NEEDED_KEYS & set(parts) or "pattern" in parts or "patternProperties" in parts:
        return True
    if "is not a 'regex'" in problem.reason or _DUPLICATE_OPERATION_ID.search(problem.reason):
        return True  # the mock routes by method and path; an operationId only labels its table
    return parts[:2] == ["components", "schemas"] and len(parts) > 2 and parts[2] not in used_schemas


def _about_a_pattern(problem: SpecProblem) -> bool:
    parts = _path_parts(problem.reason)
    return "pattern" in parts or "patternProperties" in parts or "is not a 'regex'" in problem.reason


def _asks_for_too_much(node: dict[Any, Any]) -> bool:
    """Whether a schema's size keyword or pattern asks for more than the mock generates."""
    for keyword in _SIZE_KEYWORDS:
        wanted = node.get(keyword)
        if isinstance(wanted, int) and wanted > MOCK_GENERATED_SIZE:
            return True
    pattern = node.get("pattern")
    if isinstance(pattern, str) and "{" in pattern:
        repeats = [int(found) for found in _REGEX_REPEAT.findall(pattern[:10_000]) if len(found) < 19]
        return bool(repeats) and max(repeats) > MOCK_GENERATED_SIZE
    return False


# a size keyword or a regex repeat with a number of six characters or more, as YAML or JSON may
# write one (1_000_000, 0x186A1; a `{` escaped in a JSON string)
_LARGE_SIZE_WRITTEN = re.compile(rb"min(?:Length|Items|Properties)\W{0,16}[+]?[0-9][0-9a-fA-FxXoO_]{5,}")
# two searches, each starting with a literal: one alternation of both was tried at every byte
# (0.05 s of loket.nl's 6 MB, against 0.005 s)
_LARGE_REPEATS_WRITTEN = (re.compile(rb"\{[0-9]{6,}"), re.compile(rb"\\u007[bB][0-9]{6,}"))


def _may_be_too_large(path: Path) -> bool:
    """Whether the file's text may hold what :func:`_too_large_to_generate` warns about: walking
    the document with paths took a second of loket.nl's description, to find nothing."""
    try:
        text = path.read_bytes()  # searched as bytes: a str of a text with one emoji is 4 bytes a character
    except OSError:
        return True
    return any(found.search(text) is not None for found in (_LARGE_SIZE_WRITTEN, *_LARGE_REPEATS_WRITTEN))


def _too_large_to_generate(loaded: LoadedYaml) -> Iterator[SpecProblem]:
    """A warning for each ``minLength``, ``minItems``, ``minProperties`` or regex repeat that asks
    for more than the mock generates in one value (it answers with the example instead)."""
    if not _may_be_too_large(loaded.path):
        return
    stack: list[tuple[Any, JsonPath]] = [(loaded.data, ())]
    while stack:
        node, here = stack.pop()
        if isinstance(node, dict):
            for keyword in _SIZE_KEYWORDS:
                wanted = node.get(keyword)
                if isinstance(wanted, int) and wanted > MOCK_GENERATED_SIZE:
                    yield _size_warning(loaded, (*here, keyword), f"{keyword} {wanted}")
            pattern = node.get("pattern")
            if isinstance(pattern, str):
                repeats = [int(found) for found in _REGEX_REPEAT.findall(pattern[:10_000]) if len(found) < 19]
                if repeats and max(repeats) > MOCK_GENERATED_SIZE:
                    yield _size_warning(loaded, (*here, "pattern"), f"a repeat of {max(repeats)} in pattern")
            stack.extend((value, (*here, str(key))) for key, value in node.items() if key not in _DATA_KEYS)
        elif isinstance(node, list):
            stack.extend((item, (*here, index)) for index, item in enumerate(node))


def _size_warning(loaded: LoadedYaml, where: JsonPath, what: str) -> SpecProblem:
    position = loaded.locate(where)
    reason = (
        f"{_pointer(where)}: {what} asks for more than the mock generates in one value "
        f"({MOCK_GENERATED_SIZE:,} characters and items); --dynamic answers with the example instead"
    )
    return SpecProblem(loaded.path, position.line, position.column, reason)


def check_for_mock(
    path: Path,
    allow_refs_under: Path | None = None,
    bounds: DocumentBounds = DEFAULT_BOUNDS,
    *,
    hand_over: bool = False,
) -> MockCheck:
    """The spec check as the mock needs it: any version it can upgrade, flaws it never meets warned.

    A Swagger 2.0 or OpenAPI 3.0 document is upgraded to 3.1 first (``openapi_document._upgrade``) and
    the upgrade is checked, each finding at the line of the original. A finding about a part the
    mock never needs (see ``_never_needed``) and a key written twice are warnings; a recursive
    ``$ref`` is legal (the second pass, over the document with references resolved, is skipped
    where resolving never ends or passes a bound). Everything else refuses the spec, as
    :func:`check_spec` does. ``bounds`` raises the loader's size bound; a document past the
    default one is checked against the meta-schema alone (``openapi_document._meta_check``).
    ``hand_over``: a document that passes is kept (one at most) for
    :func:`take_checked_document`, so that the mock serves it without reading it again.
    """
    from openapi_document._upgrade import UnsupportedVersion, source_version, upgrade

    try:
        read_as = _file_identity(path)
        parsed = load_yaml_with_positions(path, positions=False, bounds=bounds)
    except YamlSyntaxError as exc:
        return MockCheck([SpecProblem(exc.path, exc.position.line, exc.position.column, exc.reason)], [])
    except OSError as exc:
        return MockCheck([SpecProblem(path, 1, 1, f"cannot read: {exc.strerror}")], [])
    except UnicodeDecodeError as exc:
        return MockCheck([SpecProblem(path, 1, 1, f"not UTF-8 text: {exc.reason}")], [])
    if not isinstance(parsed.data, dict):
        return MockCheck([SpecProblem(path, 1, 1, "the document is not a YAML mapping")], [])
    positions = _Positions(path, bounds)
    loaded = _UpgradedYaml(path, parsed.data, {}, written=parsed.written, source=positions)
    try:
        source_version(loaded.data)
    except UnsupportedVersion as exc:
        position = loaded.locate(exc.where)
        return MockCheck([SpecProblem(path, position.line, position.column, exc.reason)], [])
    policy = RefPolicy.allowing(allow_refs_under)
    resolver = Resolver(loaded, policy, bounds)
    refused = resolver.refused()
    if refused:
        return MockCheck([_ref_problem(error) for error in refused], [])
    document = loaded.data
    if resolver.has_external():
        try:
            document = resolver.bundle()
        except RefError as exc:
            return MockCheck([_ref_problem(exc)], [])
    version_key = ("swagger",) if "swagger" in loaded.data else ("openapi",)
    try:
        upgraded = upgrade(document, in_place=True)  # nothing else reads the parsed document
    except UnsupportedVersion as exc:  # the upgrade passed a bound (UpgradeRefused)
        position = loaded.locate(exc.where)
        return MockCheck([SpecProblem(path, position.line, position.column, exc.reason)], [])
    checked = _UpgradedYaml(path, upgraded.document, {}, origin=upgraded.origin, source=positions)
    warnings: list[SpecProblem] = []
    lost = upgraded.warning()
    if lost is not None:
        position = loaded.locate(version_key)
        warnings.append(SpecProblem(path, position.line, position.column, lost))
    for where, what in upgraded.repaired:
        position = checked.locate(where)
        warnings.append(SpecProblem(path, position.line, position.column, f"{_pointer(where)}: {what}"))
    # the upgrade rewrites references and makes none: a document written without one has none
    ref_values = ref_strings(checked.data) if resolver.has_refs() else []
    if any(ref.startswith("#") and _target(checked.data, ref) is None for ref in ref_values):
        ref_problems = list(_unresolvable_ref_problems(checked))  # walked again, for their places
        if ref_problems:
            return MockCheck(ref_problems, warnings, upgraded.source_version)
    # none other than the file's; the patterns its loader saw spare the mock a walk for them
    written_patterns = parsed.written.patterns if parsed.written is not None else None
    handed = replace(upgraded, patterns=written_patterns) if document is parsed.data else None
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        large = _large_document_check(checked, warnings, upgraded.source_version)
        return _handed_over(large, handed if hand_over else None, read_as)
    findings = list(_validator_problems(checked, checked.data, refs_resolved=False))
    if not findings and path.stat().st_size <= MOCK_SECOND_PASS_BYTES:
        try:
            resolved = Resolver(checked, policy).resolve_all()
        except RefError:
            resolved = None  # recursive (legal), or past a bound: the first pass is what there is
        if resolved is not None:
            findings = list(_validator_problems(checked, resolved, refs_resolved=True))
    used = _used_schemas(ref_values)
    problems = [finding for finding in findings if not _never_needed(finding, used)]
    # a pattern is warned about where the mock compiles it (mock_server.spec.document.drop_bad_patterns):
    # Python's regex and jsonschema-rs's disagree, and only the latter's verdict matters there
    warnings.extend(
        finding for finding in findings if _never_needed(finding, used) and not _about_a_pattern(finding)
    )
    warnings.extend(_too_large_to_generate(checked))
    return _handed_over(
        MockCheck(problems, warnings, upgraded.source_version), handed if hand_over else None, read_as
    )


def _handed_over(
    checked: MockCheck, handed: Upgraded | None, read_as: tuple[str, int, int, int] | None
) -> MockCheck:
    """``checked`` with the document it passed, which is also kept for :func:`take_checked_document`."""
    if handed is None or read_as is None or checked.problems:
        return checked
    _CHECKED_DOCUMENT.clear()
    _CHECKED_DOCUMENT[read_as] = handed
    return replace(checked, upgraded=handed)


_CHECKED_DOCUMENT: dict[tuple[str, int, int, int], Upgraded] = {}
"""The last document :func:`check_for_mock` passed, by the file's identity when it was read (one at
most: the mock reads it back once with :func:`take_checked_document`)."""


def _file_identity(path: Path) -> tuple[str, int, int, int] | None:
    """The file's path, inode, size and modification time (``None`` when it cannot be read)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path.resolve()), status.st_ino, status.st_size, status.st_mtime_ns


def take_checked_document(path: Path) -> Upgraded | None:
    """The document the last passed :func:`check_for_mock` read from ``path``, upgraded to 3.1,
    if the file has not changed since; it is handed over once (the caller owns it then)."""
    identity = _file_identity(path)
    handed = _CHECKED_DOCUMENT.pop(identity, None) if identity is not None else None
    _CHECKED_DOCUMENT.clear()
    return handed


def _large_document_check(checked: LoadedYaml, warnings: list[SpecProblem], version: str) -> MockCheck:
    """:func:`check_for_mock`'s end for a document past the default size bound (see ``_meta_check``)."""
    from openapi_document._meta_check import meta_schema_problems, partial_check_warning

    problems = list(meta_schema_problems(checked))
    warning = partial_check_warning(DEFAULT_BOUNDS.size_text)
    warnings = [SpecProblem(checked.path, 1, 1, warning), *warnings, *_too_large_to_generate(checked)]
    return MockCheck(problems, warnings, version)


PRINTED_WARNINGS: dict[str, list[str]] = {}
"""The warning lines :func:`check_spec_for_mock` printed, by spec path (the mock's check cache keeps
them, to print them again on a start the cache spares the check)."""
MAX_PRINTED_WARNINGS = 50


def check_spec_for_mock(
    path: Path, allow_refs_under: Path | None = None, bounds: DocumentBounds = DEFAULT_BOUNDS
) -> list[SpecProblem]:
    """:func:`check_for_mock`'s problems; its warnings are printed to stderr, one line each.

    At most ``MAX_PRINTED_WARNINGS`` are printed, then a line saying how many more there are. A
    spec that is refused gets no warnings printed: the reason it is refused is the first line
    its user reads, not one after a screen of warnings about parts that would have been served.
    """
    checked = check_for_mock(path, allow_refs_under, bounds, hand_over=True)
    if checked.problems:
        return checked.problems
    lines = [f"{w.file}:{w.line}:{w.column}: warning: {w.reason}" for w in checked.warnings]
    if len(lines) > MAX_PRINTED_WARNINGS:
        more = len(lines) - MAX_PRINTED_WARNINGS
        lines = [*lines[:MAX_PRINTED_WARNINGS], f"{path}: warning: and {more} more warnings like these"]
    for line in lines:
        print(line, file=sys.stderr)
    PRINTED_WARNINGS[str(path)] = lines
    return checked.problems


def list_operations(spec: dict[str, Any]) -> list[Operation]:
    """The spec's operations in document order."""
    return operation_list(spec)


def format_operation_table(operations: Sequence[Operation]) -> str:
    """A fixed-width table: method, path, operationId, tag, summary."""
    rows = [("METHOD", "PATH", "OPERATION", "TAG", "SUMMARY")]
    rows += [(op.method, op.path, op.operation_id, op.tag, op.summary) for op in operations]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m openapi_document.spec_check", description=__doc__.split("\n")[0]
    )
    parser.add_argument("spec", type=Path, help="path of the OpenAPI document")
    parser.add_argument("--table", action="store_true", help="also print the table of operations")
    parser.add_argument(
        ALLOW_OPTION,
        dest="allow_refs_under",
        type=Path,
        metavar="DIR",
        help="let a $ref name files under DIR (default: only references inside the document)",
    )
    args = parser.parse_args(argv)
    loaded, problems = _load_and_check(args.spec, args.allow_refs_under)
    if problems or loaded is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{args.spec}: INVALID ({len(problems)} problem(s))", file=sys.stderr)
        return 1
    spec = loaded.data
    operations = list_operations(spec)
    print(f"{args.spec}: valid OpenAPI {spec['openapi']} ({len(operations)} operations)")
    if args.table:
        print()
        print(format_operation_table(operations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
