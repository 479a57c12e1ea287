"""One deserializer per parameter style (OpenAPI 3.1 §4.8.12.4): how a parameter's raw text(s)
become a typed value before validation judges it.

Each style reads scalars, arrays and objects its own way:

- ``form`` (query, cookie): an exploded array is the repeated values (``id=1&id=2``), else one
  comma-separated text; an exploded object is the query's own keys (``a=1&b=2``), else
  ``a,1,b,2``.
- ``simple`` (path, header): comma-separated; an exploded object is ``a=1,b=2``.
- ``spaceDelimited``, ``pipeDelimited`` (query arrays): one text split on its delimiter.
- ``deepObject`` (query objects): ``name[a]=1&name[b][c]=2``.
- ``label`` (``.a``, ``.a.b`` exploded, ``.a,b`` not) and ``matrix`` (``;id=a``, ``;id=a;id=b``
  exploded, ``;id=a,b`` not). A value without its prefix is read as it came (leniently, as a
  mock should). An object in these styles is not read: the validator refuses such a parameter
  when it compiles the operation (:func:`unsupported`), rather than split it on commas.

An object parameter in the query is handed the whole query; every other one its list of texts.
A style the spec does not name is its location's default (form for query and cookie, simple
otherwise); one OpenAPI does not define is read as simple.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from mock_server.stages.coercion import coerce_scalar

Query = Mapping[str, Sequence[str]]
Raw = Sequence[str] | Query


class Shape(Protocol):
    """What a deserializer needs to know of a parameter: where it is and the types it holds
    (the validator's compiled parameter rule is one)."""

    @property
    def name(self) -> str: ...
    @property
    def location(self) -> str: ...  # path, query, header, cookie
    @property
    def explode(self) -> bool: ...
    @property
    def types(self) -> frozenset[str]: ...
    @property
    def item_types(self) -> frozenset[str]: ...
    @property
    def property_types(self) -> Mapping[str, frozenset[str]]: ...


Deserializer = Callable[[Shape, Raw], Any]


def default_style(location: str) -> str:
    """The style of a parameter that names none."""
    return "form" if location in ("query", "cookie") else "simple"


def unsupported(style: str, types: frozenset[str]) -> str | None:
    """Why a parameter of ``style`` holding ``types`` cannot be read, or None when it can."""
    if style in ("label", "matrix") and "object" in types:
        return f"style {style} with an object value is not supported by the mock; use simple or form"
    return None


def _texts(shape: Shape, raw: Raw) -> Sequence[str]:
    if isinstance(raw, Mapping):  # only object parameters are handed the whole query
        raise TypeError(f"{shape.name} is not an object parameter")
    return raw


def _items(shape: Shape, parts: Sequence[str]) -> list[Any]:
    return [coerce_scalar(part, shape.item_types) for part in parts]


def _split_first(values: Sequence[str], delimiter: str) -> list[str]:
    """The items of an array that arrived as one text."""
    return values[0].split(delimiter) if values and values[0] else []


def _object_from_query(shape: Shape, query: Query) -> dict[str, Any]:
    """An exploded form object: the query's keys that are the object's properties."""
    return {
        key: coerce_scalar(values[0], shape.property_types[key])
        for key, values in query.items()
        if key in shape.property_types
    }


def _object(shape: Shape, raw: Raw) -> dict[str, Any]:
    """An object from the whole query (exploded form), or from one text: ``a=1,b=2`` when
    exploded outside the query (simple), else alternating keys and values ``a,1,b,2``."""
    if isinstance(raw, Mapping):
        return _object_from_query(shape, raw)
    parts = raw[0].split(",") if raw and raw[0] else []
    if shape.explode and shape.location != "query":
        pairs = [part.partition("=") for part in parts]
        return {k: coerce_scalar(v, shape.property_types.get(k, frozenset())) for k, _, v in pairs}
    return {
        key: coerce_scalar(value, shape.property_types.get(key, frozenset()))
        for key, value in zip(parts[0::2], parts[1::2], strict=False)
    }


def _delimited(delimiter: str, *, exploded_query_repeats: bool = False) -> Deserializer:
    """The deserializer of a style whose array items are separated by ``delimiter``; with
    ``exploded_query_repeats`` (form) an exploded array in the query is the repeated values."""

    def read(shape: Shape, raw: Raw) -> Any:
        if "object" in shape.types:
            return _object(shape, raw)
        values = _texts(shape, raw)
        if "array" in shape.types:
            if exploded_query_repeats and shape.explode and shape.location == "query":
                return _items(shape, values)
            return _items(shape, _split_first(values, delimiter))
        return coerce_scalar(values[0], shape.types)

    return read


read_form = _delimited(",", exploded_query_repeats=True)
read_simple = _delimited(",")


def read_deep_object(shape: Shape, raw: Raw) -> Any:
    if "object" in shape.types and isinstance(raw, Mapping):
        found: dict[str, Any] = {}
        for key, values in raw.items():
            if key.startswith(shape.name + "["):
                _insert(found, key[len(shape.name) :], values[0], shape.property_types)
        return found
    return read_simple(shape, raw)


def _insert(
    target: dict[str, Any], brackets: str, value: str, property_types: Mapping[str, frozenset[str]]
) -> None:
    """``[a][b]`` = value into nested dicts; top-level properties are coerced."""
    keys = [k for k in brackets.replace("]", "").split("[") if k]
    if not keys:
        return
    node = target
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            return
        node = child
    last = keys[-1]
    node[last] = coerce_scalar(value, property_types.get(last, frozenset())) if len(keys) == 1 else value


def _unprefixed(text: str, prefix: str) -> str:
    return text[len(prefix) :] if text.startswith(prefix) else text


def read_label(shape: Shape, raw: Raw) -> Any:
    values = _texts(shape, raw)
    if "array" in shape.types:
        text = values[0] if values else ""
        if text.startswith("."):
            return _items(shape, text[1:].split("." if shape.explode else ","))
        return _items(shape, _split_first(values, ","))
    return coerce_scalar(_unprefixed(values[0], "."), shape.types)


def read_matrix(shape: Shape, raw: Raw) -> Any:
    values = _texts(shape, raw)
    prefix = f";{shape.name}="
    if "array" in shape.types:
        text = values[0] if values else ""
        if not text:
            return []
        if shape.explode:  # ;id=a;id=b
            named = [item for item in text.split(";")[1:] if item.startswith(prefix[1:])]
            return _items(shape, [item[len(prefix) - 1 :] for item in named])
        return _items(shape, _unprefixed(text, prefix).split(","))
    return coerce_scalar(_unprefixed(values[0], prefix), shape.types)


DESERIALIZERS: Mapping[str, Deserializer] = {
    "form": read_form,
    "simple": read_simple,
    "spaceDelimited": _delimited(" "),
    "pipeDelimited": _delimited("|"),
    "deepObject": read_deep_object,
    "label": read_label,
    "matrix": read_matrix,
}


def deserializer(style: str) -> Deserializer:
    """The deserializer of ``style`` (simple for a style OpenAPI does not define)."""
    return DESERIALIZERS.get(style, read_simple)
