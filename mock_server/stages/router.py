"""Find the operation a request path and method name, with the path parameters it carries.

The route table is a segment trie built once: matching costs one dict lookup per path segment
whatever the size of the spec, and literal segments are tried before templated ones, so
``/tunnels/stats`` beats ``/tunnels/{tunnel_id}`` as Prism and the OpenAPI spec require.
Paths are served both under each server's base path (``/api/v2/tags``) and bare (``/tags``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import unquote

T = TypeVar("T")

_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_CACHE_SIZE = 4096  # distinct (method, path) answers kept; emptied when full
_CACHED_PATH_SIZE = 256  # longer paths are matched every time (the cache stays ~1 MB at most)


# not frozen: a frozen dataclass costs three times as much to create, and one is made per request
@dataclass(slots=True)
class RouteMatch(Generic[T]):
    """The operation found, with the raw (percent-decoded) path parameter strings."""

    target: T
    template: str
    path_params: Mapping[str, str]


@dataclass(frozen=True)
class MethodNotAllowed:
    """The path exists but not with this method; ``allowed`` feeds the ``Allow`` header."""

    template: str
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class NoRoute:
    """No path of the spec matches."""


@dataclass
class _Node(Generic[T]):
    literals: dict[str, _Node[T]] = field(default_factory=dict)
    # a segment that is a whole template ``{name}``
    param: tuple[str, _Node[T]] | None = None
    # a segment mixing text and templates, like ``{name}.json``
    patterns: list[tuple[re.Pattern[str], _Node[T]]] = field(default_factory=list)
    template: str | None = None
    methods: dict[str, T] = field(default_factory=dict)
    param_names: tuple[str, ...] = ()


def _split(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


class Router(Generic[T]):
    """A route table from ``(method, path template, target)`` triples."""

    def __init__(self, routes: Iterable[tuple[str, str, T]], base_paths: Iterable[str] = ()) -> None:
        self._root: _Node[T] = _Node()
        for method, template, target in routes:
            self._add(method.upper(), template, target)
        self._cache: dict[tuple[str, str], RouteMatch[T] | MethodNotAllowed | NoRoute] = {}
        self._base_paths = tuple(
            sorted({b.rstrip("/") for b in base_paths if b.strip("/")}, key=len, reverse=True)
        )

    def _add(self, method: str, template: str, target: T) -> None:
        node = self._root
        names: list[str] = []
        for segment in _split(template):
            whole = _TEMPLATE.fullmatch(segment)
            if whole:
                name = whole.group(1)
                if node.param is None:
                    node.param = (name, _Node())
                names.append(name)
                node = node.param[1]
            elif _TEMPLATE.search(segment):
                parts = _TEMPLATE.split(segment)  # text, name, text, name, ..., text
                # unnamed groups: a parameter's name need not be a Python identifier
                # (``{resource-arn}``); the names are kept in order beside the groups
                regex = "".join(re.escape(p) if i % 2 == 0 else "([^/]+?)" for i, p in enumerate(parts))
                names.extend(parts[1::2])
                node = self._pattern_child(node, regex)
            else:
                node = node.literals.setdefault(segment, _Node())
        node.template = template
        node.param_names = tuple(names)
        node.methods[method] = target

    @staticmethod
    def _pattern_child(node: _Node[T], regex: str) -> _Node[T]:
        """The child of ``node`` for a mixed segment; one per pattern, whatever methods use it."""
        for compiled, child in node.patterns:
            if compiled.pattern == regex:
                return child
        child = _Node[T]()
        node.patterns.append((re.compile(regex), child))
        return child

    def match(self, method: str, path: str) -> RouteMatch[T] | MethodNotAllowed | NoRoute:
        """Match ``path`` with a server base path stripped (longest first), else bare.

        The answers for the last ``_CACHE_SIZE`` distinct requests are kept: a client repeats the
        same few paths, and a repeated one costs a dictionary lookup instead of a walk.
        """
        key = (method, path)
        found = self._cache.get(key)
        if found is None:
            found = self._match(method, path)
            if len(path) <= _CACHED_PATH_SIZE:  # bounded: at most 4,096 short paths are kept
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = found
        return found

    def _match(self, method: str, path: str) -> RouteMatch[T] | MethodNotAllowed | NoRoute:
        for base in self._base_paths:
            if path.startswith(base) and (len(path) == len(base) or path[len(base)] == "/"):
                result = self._match_path(method, path[len(base) :])
                if not isinstance(result, NoRoute):
                    return result
        return self._match_path(method, path)

    def _match_path(self, method: str, path: str) -> RouteMatch[T] | MethodNotAllowed | NoRoute:
        values: list[str] = []
        node = self._walk(self._root, _split(path), 0, values)
        if node is None or node.template is None:
            return NoRoute()
        target = node.methods.get(method)
        if target is None:
            return MethodNotAllowed(node.template, tuple(node.methods))
        params = {name: unquote(value) for name, value in zip(node.param_names, values, strict=True)}
        return RouteMatch(target, node.template, params)

    def _walk(self, node: _Node[T], segments: list[str], index: int, values: list[str]) -> _Node[T] | None:
        if index == len(segments):
            return node if node.template is not None else None
        segment = segments[index]
        literal = node.literals.get(segment)
        if literal is not None:
            found = self._walk(literal, segments, index + 1, values)
            if found is not None:
                return found
        for regex, child in node.patterns:
            matched = regex.fullmatch(segment)
            if matched:
                values.extend(matched.groups())
                found = self._walk(child, segments, index + 1, values)
                if found is not None:
                    return found
                del values[len(values) - len(matched.groups()) :]
        if node.param is not None:
            values.append(segment)
            found = self._walk(node.param[1], segments, index + 1, values)
            if found is not None:
                return found
            values.pop()
        return None
