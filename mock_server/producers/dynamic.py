"""Generate schema-valid data from a seed, fast enough to do per request.

A small deterministic walker over the JSON Schema (with a generator for ``pattern`` regexes)
rather than hypothesis: hypothesis' ``.example()`` costs milliseconds and is not meant to be
called in a server. The same schema and seed always give the same value; every value is
checked against the compiled validator by the caller, which falls back to the spec's example.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
import string
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

Deref = Callable[[Any], Any]

_sre: Any = importlib.import_module("re._parser")  # the stdlib regex parser (was sre_parse)
_sre_c: Any = importlib.import_module("re._constants")

_MAX_DEPTH = 8
_WORDS = (
    "alpha",
    "bravo",
    "delta",
    "echo",
    "lima",
    "nova",
    "orbit",
    "pixel",
    "quartz",
    "sierra",
    "tango",
    "vega",
)
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": string.digits,
    "CATEGORY_NOT_DIGIT": string.ascii_letters,
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": string.ascii_letters + string.digits,
    "CATEGORY_WORD": string.ascii_letters + string.digits + "_",
    "CATEGORY_NOT_WORD": "-.,!",
}
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


class UnsupportedPattern(ValueError):
    """A regex feature the generator does not know (backreferences, lookarounds)."""


# A compiled regex is a tuple of nodes: ("text", str), ("class", chars), ("branch", (programs)),
# ("repeat", low, high, program). Compiling once per pattern keeps generation per request cheap.
Program = tuple[tuple[Any, ...], ...]


@lru_cache(maxsize=512)
def compile_pattern(pattern: str) -> Program:
    """The generation program of a regex; :class:`UnsupportedPattern` for features it lacks."""
    return _compile(_sre.parse(pattern))


def _regex_string(pattern: str, rng: random.Random) -> str:
    return _run(compile_pattern(pattern), rng)


def _compile(parsed: Any) -> Program:
    nodes: list[tuple[Any, ...]] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            nodes.append(("text", chr(arg)))
        elif name == "NOT_LITERAL":
            nodes.append(("class", "".join(c for c in string.ascii_letters if ord(c) != arg)))
        elif name == "ANY":
            nodes.append(("class", string.ascii_letters))
        elif name == "IN":
            nodes.append(("class", _class_chars(arg)))
        elif name == "CATEGORY":
            nodes.append(("class", _CATEGORY_CHARS.get(str(arg), string.ascii_letters)))
        elif name == "BRANCH":
            nodes.append(("branch", tuple(_compile(branch) for branch in arg[1])))
        elif name == "SUBPATTERN":
            nodes.extend(_compile(arg[-1]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            high = low + 3 if high == _sre_c.MAXREPEAT else min(high, low + 3)
            nodes.append(("repeat", low, high, _compile(sub)))
        elif name == "AT":
            continue
        else:
            raise UnsupportedPattern(name)
    return tuple(nodes)


def _class_chars(items: Any) -> str:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.append(chr(arg))
        elif name == "RANGE":
            chars.extend(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 200) + 1))
        elif name == "CATEGORY":
            chars.extend(_CATEGORY_CHARS.get(str(arg), string.ascii_letters))
        else:
            raise UnsupportedPattern(name)
    if negate:
        excluded = set(chars)
        chars = [c for c in string.ascii_letters + string.digits if c not in excluded]
    if not chars:
        raise UnsupportedPattern("empty character class")
    return "".join(dict.fromkeys(chars))


def _run(program: Program, rng: random.Random) -> str:
    out: list[str] = []
    for node in program:
        kind = node[0]
        if kind == "text":
            out.append(node[1])
        elif kind == "class":
            out.append(rng.choice(node[1]))
        elif kind == "branch":
            out.append(_run(rng.choice(node[1]), rng))
        else:
            _, low, high, sub = node
            count = rng.randint(low, high)
            if len(sub) == 1 and sub[0][0] == "class":  # the common [0-9a-f]{24}: one call
                out.append("".join(rng.choices(sub[0][1], k=count)))
            else:
                out.extend(_run(sub, rng) for _ in range(count))
    return "".join(out)


class DataGenerator:
    """Values for schemas, seeded: ``generate(schema, seed)`` is a pure function."""

    def __init__(self, deref: Deref) -> None:
        self._deref = deref

    def generate(self, schema: Any, seed: int) -> Any:
        """One value of ``schema``; deterministic for a given seed.

        A schema with no finite instance (a required property that recurses forever) gives
        ``None``, which its validator rejects, so callers fall back to the spec's example.
        """
        try:
            return self._value(schema, random.Random(seed), 0)
        except RecursionError:
            return None

    def _value(self, schema: Any, rng: random.Random, depth: int) -> Any:
        schema = self._deref(schema)
        if type(schema) is not dict:  # ``true`` or ``{}``-like: anything goes
            return rng.choice(_WORDS)
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return rng.choice(list(schema["enum"]))
        if schema.get("allOf"):
            return self._value(self._merge(schema), rng, depth)
        for keyword in ("oneOf", "anyOf"):
            if schema.get(keyword):
                return self._value(rng.choice(list(schema[keyword])), rng, depth)
        kind = self._type(schema, rng, depth)
        if kind == "object":
            return self._object(schema, rng, depth)
        if kind == "array":
            return self._array(schema, rng, depth)
        if kind == "integer":
            return self._integer(schema, rng)
        if kind == "number":
            return self._number(schema, rng)
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        return self._string(schema, rng)

    def _merge(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for sub in schema["allOf"]:
            sub = self._deref(sub)
            if not isinstance(sub, Mapping):
                continue
            if sub.get("allOf"):
                sub = self._merge(sub)
            for key, value in sub.items():
                if key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **value}
                elif key == "required":
                    merged["required"] = sorted({*merged.get("required", []), *value})
                else:
                    merged.setdefault(key, value)
        return merged

    @staticmethod
    def _type(schema: Mapping[str, Any], rng: random.Random, depth: int) -> str:
        declared = schema.get("type")
        if isinstance(declared, list) and "null" in declared and depth >= _MAX_DEPTH:
            return "null"  # where a recursive schema allows it, stop there
        if isinstance(declared, list):
            options = [t for t in declared if t != "null"] or ["null"]
            return str(rng.choice(options))
        if isinstance(declared, str):
            return declared
        if "properties" in schema or "additionalProperties" in schema or "required" in schema:
            return "object"
        if "items" in schema:
            return "array"
        if "minimum" in schema or "maximum" in schema:
            return "number"
        return "string"

    def _object(self, schema: Mapping[str, Any], rng: random.Random, depth: int) -> dict[str, Any]:
        required = set(schema.get("required") or ())
        result: dict[str, Any] = {}
        for name, sub in (schema.get("properties") or {}).items():
            if name in required or (depth < _MAX_DEPTH // 2 and rng.random() < 0.8):
                result[name] = self._value(sub, rng, depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and not schema.get("properties") and depth < _MAX_DEPTH:
            wanted = max(int(schema.get("minProperties", 0)), rng.randint(0, 2))
            for index in range(min(wanted, int(schema.get("maxProperties", wanted)))):
                result[f"{rng.choice(_WORDS)}_{index}"] = self._value(extra, rng, depth + 1)
        return result

    def _array(self, schema: Mapping[str, Any], rng: random.Random, depth: int) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", low + 3))
        if depth >= _MAX_DEPTH:
            high = low
        count = rng.randint(min(max(low, 1), high), max(min(high, low + 3), min(max(low, 1), high)))
        items = schema.get("items", {})
        values: list[Any] = []
        for _ in range(count * 20 if schema.get("uniqueItems") else count):
            value = self._value(items, rng, depth + 1)
            if schema.get("uniqueItems") and value in values:
                continue
            values.append(value)
            if len(values) == count:
                break
        return values

    @staticmethod
    def _bounds(schema: Mapping[str, Any], default_low: float, default_high: float) -> tuple[float, float]:
        low = schema.get("minimum", default_low)
        high = schema.get("maximum", max(default_high, low + default_high))
        if "exclusiveMinimum" in schema and not isinstance(schema["exclusiveMinimum"], bool):
            low = max(low, schema["exclusiveMinimum"] + 1e-9)
        if "exclusiveMaximum" in schema and not isinstance(schema["exclusiveMaximum"], bool):
            high = min(high, schema["exclusiveMaximum"] - 1e-9)
        if "maximum" in schema and "minimum" not in schema:
            low = min(0, high - default_high)
        return float(low), float(high)

    def _integer(self, schema: Mapping[str, Any], rng: random.Random) -> int:
        low, high = self._bounds(schema, 0, 1000)
        start, stop = int(-(-low // 1)), int(high // 1)
        multiple = schema.get("multipleOf")
        if isinstance(multiple, int) and multiple > 0:
            first = -(-start // multiple) * multiple
            return first + multiple * rng.randint(0, max(0, (stop - first) // multiple))
        return rng.randint(start, max(start, stop))

    def _number(self, schema: Mapping[str, Any], rng: random.Random) -> float | int:
        if isinstance(schema.get("multipleOf"), int):
            return self._integer(schema, rng)
        low, high = self._bounds(schema, 0, 1000)
        value = round(rng.uniform(low, high), 2)
        return min(max(value, low), high)

    def _string(self, schema: Mapping[str, Any], rng: random.Random) -> str:
        text = self._formatted(schema, rng)
        if text is None:
            pattern = schema.get("pattern")
            if isinstance(pattern, str):
                try:
                    return _regex_string(pattern, rng)
                except (UnsupportedPattern, Exception):
                    return rng.choice(_WORDS)
            text = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"
        low, high = int(schema.get("minLength", 0)), schema.get("maxLength")
        while len(text) < low:
            text += rng.choice(string.ascii_lowercase)
        return text[: int(high)] if isinstance(high, int) else text

    @staticmethod
    def _formatted(schema: Mapping[str, Any], rng: random.Random) -> str | None:
        kind = schema.get("format")
        if kind is None:
            return None
        moment = _EPOCH + dt.timedelta(
            seconds=rng.randint(0, 5 * 365 * 86400), milliseconds=rng.randint(0, 999)
        )
        if kind == "date-time":
            return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        if kind == "date":
            return moment.date().isoformat()
        if kind == "time":
            return moment.strftime("%H:%M:%SZ")
        if kind in ("email", "idn-email"):
            return f"{rng.choice(_WORDS)}{rng.randint(1, 999)}@example.com"
        if kind in ("uri", "url", "iri", "uri-reference", "iri-reference"):
            return f"https://example.com/{rng.choice(_WORDS)}/{rng.randint(1, 9999)}"
        if kind == "uuid":
            return str(__import__("uuid").UUID(int=rng.getrandbits(128), version=4))
        if kind in ("hostname", "idn-hostname"):
            return f"{rng.choice(_WORDS)}.example.com"
        if kind == "ipv4":
            return ".".join(str(rng.randint(1, 254)) for _ in range(4))
        if kind == "ipv6":
            return ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(8))
        return None
