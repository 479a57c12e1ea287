"""Which ``$ref``s a spec may follow, and the one resolver that follows them.

A spec comes in pull requests, and CI checks it; so a ``$ref`` is data from a stranger. One that
named ``/etc/passwd`` or ``../../.env`` used to have the file read and its content quoted in an
error; one that named ``http://...`` had it fetched. Now:

- a reference inside the document (``#/...``) is always followed;
- a reference to another file is refused, unless the user names a directory it may read from
  (``--allow-refs-under DIR`` of ``spec_check`` and ``leeloo-mock``); the file must then resolve,
  symbolic links followed, to a path under that directory, and it is read with the same bounded
  loader as the spec (at most ``MAX_REF_FILES`` files), its own ``$ref``s held to the same rule;
- a URL (``http:``, ``https:``, any scheme but ``file:``) is never fetched;
- an error names the ``$ref`` as written and where it stands, never what the target holds.

:class:`Resolver` replaces prance's resolver (which read files and fetched URLs as it met them)
for the spec check's second pass, and bundles allowed files into one document for the mock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from openapi_document import Located, LocatedError, UnresolvableRef, pointer_walk
from openapi_document._yaml_positions import (
    DEFAULT_BOUNDS,
    MAX_DEPTH,
    DocumentBounds,
    JsonPath,
    LoadedYaml,
    Position,
    YamlSyntaxError,
    load_yaml_with_positions,
)

ALLOW_OPTION = "--allow-refs-under"
MAX_REF_FILES = 100
# nodes of the document once every $ref is replaced by its target: 29,968 for the spec, 972,919
# for the bench's synthetic spec of 3,000 operations; a target used many times expands like an alias.
# A document allowed k times the default size (DocumentBounds) may resolve to k times as many.
MAX_RESOLVED_NODES = 5_000_000
_SHOWN_REF = 200  # characters of a $ref quoted in a message


def shown(ref: str) -> str:
    """``ref`` quoted for a message, cut to a readable length."""
    return repr(ref if len(ref) <= _SHOWN_REF else ref[:_SHOWN_REF] + "...")


def refs(node: Any, here: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every ``$ref`` string of the data, with the JSON path of its ``$ref`` key, in document order.

    Walked with a stack of its own, not by recursion: a generator per level passed each ``$ref``
    up through every level above it (1 s of the check of GitHub's 5.7 MB description, three times).
    """
    stack: list[tuple[Any, JsonPath, bool]] = [(node, here, False)]
    while stack:
        node, here, is_ref = stack.pop()
        if is_ref:
            yield here, node
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                if key == "$ref" and isinstance(value, str):
                    stack.append((value, (*here, "$ref"), True))
                elif isinstance(value, dict | list):
                    stack.append((value, (*here, str(key)), False))
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                if isinstance(node[index], dict | list):
                    stack.append((node[index], (*here, index), False))


def ref_strings(node: Any) -> list[str]:
    """Every ``$ref`` string of the data, in document order, without their paths (for the checks
    that need a place only when one of them is wrong, and then walk again with :func:`refs`).

    Walked like :func:`refs` but without building a path per node (half the walk's time).
    """
    found: list[str] = []
    stack: list[Any] = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, str):  # a $ref's value, pushed in its place
            found.append(node)
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                if isinstance(value, dict | list) or (key == "$ref" and isinstance(value, str)):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(item for item in reversed(node) if isinstance(item, dict | list))
    return found


def target(document: Any, fragment: str) -> tuple[Any, JsonPath] | None:
    """The node the JSON pointer ``fragment`` (``/a/b``, after the ``#``) names, and its path."""
    try:
        return pointer_walk(document, fragment)
    except UnresolvableRef:
        return None


class RefRefused(Exception):
    """A ``$ref`` points where the policy does not let the tools look."""


@dataclass(frozen=True)
class RefPolicy:
    """Where references may point: inside the document, or into files under ``allow_under``."""

    allow_under: Path | None = None

    @classmethod
    def allowing(cls, directory: Path | None) -> RefPolicy:
        return cls(directory.resolve() if directory is not None else None)

    def locate(self, ref: str, base: Path) -> tuple[Path | None, str]:
        """The file ``ref`` names (``None``: the document ``base`` itself) and its JSON pointer.

        Raises :class:`RefRefused` with the reason for a reference the policy refuses.
        """
        file_part, _, fragment = ref.partition("#")
        fragment = unquote(fragment)
        if not file_part:
            return None, fragment
        parts = urlsplit(file_part)
        if (parts.scheme and parts.scheme != "file") or parts.netloc:
            raise RefRefused(f"$ref {shown(ref)} points outside the document; URLs are never fetched")
        if self.allow_under is None:
            raise RefRefused(
                f"$ref {shown(ref)} points outside the document; external references are refused "
                f"(use {ALLOW_OPTION} DIR)"
            )
        written = Path(unquote(parts.path))
        try:
            file = (written if written.is_absolute() else base.parent / written).resolve()
        except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
            file = None
        if file is None or not file.is_relative_to(self.allow_under):
            raise RefRefused(
                f"$ref {shown(ref)} points outside {self.allow_under}; only files under "
                f"{ALLOW_OPTION} are read"
            )
        return file, fragment


class RefError(LocatedError):
    """A ``$ref`` that cannot be followed, with the file and position of that ``$ref``.

    ``bound``: a bound of the resolver was passed (too deep, too large, too many files): the
    document cannot be walked safely, even by a validator that follows references lazily.
    """

    def __init__(self, file: Path, position: Position, reason: str, *, bound: bool = False) -> None:
        super().__init__(Located.at(file, position.line, position.column, reason))
        self.file = file
        self.position = position
        self.reason = reason
        self.bound = bound


def _pointer_text(where: JsonPath) -> str:
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in where) or "(document)"


@dataclass
class Resolver:
    """Follows the ``$ref``s of ``root`` under ``policy``; each target is resolved once and shared.

    Bounds: a reference cycle is refused (resolving it would never end), so is a resolved
    document deeper than ``MAX_DEPTH`` or larger than ``MAX_RESOLVED_NODES`` nodes (references
    used many times expand like YAML aliases), and more than ``MAX_REF_FILES`` files.
    """

    root: LoadedYaml
    policy: RefPolicy
    bounds: DocumentBounds = DEFAULT_BOUNDS  # the size bound of each file read, and the node bound
    _documents: dict[Path, LoadedYaml] = field(default_factory=dict)
    _done: dict[tuple[Path, str, bool], tuple[Any, int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._has_external: bool | None = None
        self._has_refs: bool | None = None
        self._root_file = self.root.path.resolve()
        self._max_resolved_nodes = int(MAX_RESOLVED_NODES * self.bounds.scale)
        self._documents[self._root_file] = self.root

    def refused(self) -> list[RefError]:
        """Each ``$ref`` of the root document that the policy refuses, at its line."""
        found: list[RefError] = []
        gathered = self.root.written  # by the loader, as it read the file (a JSON one)
        written = list(gathered.refs) if gathered is not None else ref_strings(self.root.data)
        self._has_refs = bool(written)
        external = any(not ref.startswith("#") for ref in written)
        self._has_external = external
        if not external:  # every reference is inside the document: always followed
            return found
        for where, ref in refs(self.root.data):
            if ref.startswith("#"):
                continue
            try:
                self.policy.locate(ref, self._root_file)
            except RefRefused as exc:
                found.append(RefError(self.root.path, self.root.locate(where), str(exc)))
        return found

    def has_refs(self) -> bool:
        """Whether the root document has a ``$ref`` at all (known once :meth:`refused` ran)."""
        if self._has_refs is None:
            self._has_refs = bool(ref_strings(self.root.data))
        return self._has_refs

    def has_external(self) -> bool:
        """Whether a ``$ref`` of the root document names another file (known once :meth:`refused` ran)."""
        if self._has_external is None:
            self._has_external = any(not ref.startswith("#") for ref in ref_strings(self.root.data))
        return self._has_external

    def resolve_all(self) -> Any:
        """The root document with every ``$ref`` replaced by its target (raises :class:`RefError`)."""
        return self._walk(self.root.data, self._root_file, (), 0, (), inline_local=True)[0]

    def bundle(self) -> Any:
        """The root document with each ``$ref`` to another file replaced by its target.

        References inside the root document stay as they are; one from another file back into
        the root document becomes the local ``#/...`` reference it means.
        """
        return self._walk(self.root.data, self._root_file, (), 0, (), inline_local=False)[0]

    def _document(self, file: Path, source: LoadedYaml, site: JsonPath, ref: str) -> LoadedYaml:
        known = self._documents.get(file)
        if known is not None:
            return known
        position = source.locate(site)
        if len(self._documents) > MAX_REF_FILES:
            raise RefError(source.path, position, f"more than {MAX_REF_FILES} files referenced", bound=True)
        try:
            loaded = load_yaml_with_positions(file, bounds=self.bounds)
        except YamlSyntaxError as exc:
            raise RefError(exc.path, exc.position, exc.reason) from None
        except (OSError, UnicodeDecodeError):
            reason = f"{_pointer_text(site)}: cannot resolve {shown(ref)} (no such file, or unreadable)"
            raise RefError(source.path, position, reason) from None
        self._documents[file] = loaded
        return loaded

    def _walk(
        self,
        node: Any,
        file: Path,
        here: JsonPath,
        depth: int,
        stack: tuple[tuple[Path, str], ...],
        *,
        inline_local: bool,
    ) -> tuple[Any, int, int]:
        """``node`` resolved, its height and its expanded size (``depth``: its level in the result)."""
        document = self._documents[file]
        if depth > MAX_DEPTH:
            reason = f"too deep: more than {MAX_DEPTH} levels of nesting once $refs are resolved"
            raise RefError(document.path, document.locate(here), reason, bound=True)
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                return self._follow(ref, node, file, here, depth, stack, inline_local=inline_local)
            items = [
                (key, self._walk(value, file, (*here, str(key)), depth + 1, stack, inline_local=inline_local))
                for key, value in node.items()
            ]
            resolved: Any = {key: value for key, (value, _, _) in items}
            height = 1 + max((h for _, (_, h, _) in items), default=0)
            size = 1 + sum(1 + s for _, (_, _, s) in items)
        elif isinstance(node, list):
            walked = [
                self._walk(item, file, (*here, index), depth + 1, stack, inline_local=inline_local)
                for index, item in enumerate(node)
            ]
            resolved = [value for value, _, _ in walked]
            height = 1 + max((h for _, h, _ in walked), default=0)
            size = 1 + sum(s for _, _, s in walked)
        else:
            return node, 0, 1
        if size > self._max_resolved_nodes:
            reason = f"too large: more than {self._max_resolved_nodes:,} nodes once $refs are resolved"
            raise RefError(document.path, document.locate(here), reason, bound=True)
        return resolved, height, size

    def _follow(
        self,
        ref: str,
        node: dict[str, Any],
        file: Path,
        here: JsonPath,
        depth: int,
        stack: tuple[tuple[Path, str], ...],
        *,
        inline_local: bool,
    ) -> tuple[Any, int, int]:
        document = self._documents[file]
        site = (*here, "$ref")
        position = document.locate(site)
        try:
            named, fragment = self.policy.locate(ref, file)
        except RefRefused as exc:
            raise RefError(document.path, position, str(exc)) from None
        target_file = named or file
        if not inline_local and target_file == self._root_file:
            if named is None:  # a local reference of the root document stays as it is
                return node, 1, 2
            # a way back into the root document (from another file, or naming the root's own file)
            return {**node, "$ref": "#" + ref.partition("#")[2]}, 1, 2
        key = (target_file, fragment)
        if key in stack:
            reason = (
                f"{_pointer_text(site)}: $ref {shown(ref)} is recursive (it is met again inside its target)"
            )
            raise RefError(document.path, position, reason)
        done = self._done.get((*key, inline_local))
        if done is None:
            target_document = self._document(target_file, document, site, ref)
            found = target(target_document.data, fragment)
            if found is None:
                raise RefError(document.path, position, f"{_pointer_text(site)}: cannot resolve {shown(ref)}")
            value, path = found
            if target_file != self._root_file and not isinstance(value, dict | bool):
                # an OpenAPI object or a schema; a whole .env file read as YAML is one string
                kind = "a list" if isinstance(value, list) else "a scalar"
                reason = f"{_pointer_text(site)}: $ref {shown(ref)} names {kind}, not an object (not shown)"
                raise RefError(document.path, position, reason)
            # resolved at the depth it is first met: a long chain of references stops at the bound
            # on the way down, not after recursing through all of it
            done = self._walk(value, target_file, path, depth, (*stack, key), inline_local=inline_local)
            self._done[(*key, inline_local)] = done
        if depth + done[1] > MAX_DEPTH:
            reason = f"too deep: more than {MAX_DEPTH} levels of nesting once $refs are resolved"
            raise RefError(document.path, position, reason, bound=True)
        return done
