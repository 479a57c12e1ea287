"""Validate a request's parameters and body against its operation, collecting every problem.

Each operation's rules are compiled once (jsonschema_rs validators, coercion types, accepted
media types); checking a request then only touches the parameters and body that operation
declares. Every problem is reported, not just the first, up to ``MAX_ISSUES``: a 1 MiB body of
half a million bad items costs the same bounded answer as one with a thousand.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import jsonschema_rs

from mock_server.spec.document import Spec, SpecError
from mock_server.stages.coercion import (
    coerce_form,
    items_schema,
    property_schemas,
    schema_types,
)
from mock_server.stages.parameter_styles import Query, default_style, deserializer, unsupported
from mock_server.stages.problems import Issue
from openapi_document import json_pointer

MAX_ISSUES = 100
"""At most this many issues are collected for one request; the answer says when more were cut."""


def compile_validator(spec: Spec, schema: Any) -> Any:
    """A jsonschema_rs validator for an OpenAPI 3.1 schema; formats (date, email, ...) are checked.

    One validator per distinct schema of a spec: a large document names the same schema again
    and again (Kubernetes: each answer in three media types, the same few dozen definitions in
    a thousand operations), and each compiled copy held the whole closure of what it references
    (1.7 GB at start-up, now a fraction of it). A schema whose text names no reference (``$ref``,
    ``$dynamicRef``) is compiled without the spec's registry: loket.nl's description writes every
    schema in place, and building the registry of a document that no schema refers into was a
    tenth of its compile.
    """
    try:
        key = json.dumps(schema, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError):  # not JSON data (a YAML date, say): compiled on its own
        key = None
    cache = spec.validators
    found = cache.get(key) if key is not None else None
    if found is None:
        refers = key is None or '$ref"' in key or 'Ref"' in key
        found = jsonschema_rs.validator_for(
            spec.registry_schema(schema, has_refs=refers),
            registry=spec.registry if refers else None,
            validate_formats=True,
        )
        if key is not None:
            cache[key] = found
    return found


_MAX_MESSAGE = 300


def _short(message: str) -> str:
    """Messages quote the invalid value; a 64 KiB value must not make a 64 KiB problem."""
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "…"


_Kind = jsonschema_rs.ValidationErrorKind
_REASONS: tuple[tuple[type[Any], str], ...] = (
    (_Kind.Required, "REQUIRED"),
    (_Kind.Type, "WRONG_TYPE"),
    (_Kind.Enum, "NOT_ALLOWED_VALUE"),
    (_Kind.Constant, "NOT_ALLOWED_VALUE"),
    (_Kind.AdditionalProperties, "NOT_ALLOWED"),
    (_Kind.MinLength, "TOO_SHORT"),
    (_Kind.MaxLength, "TOO_LONG"),
    (_Kind.Minimum, "TOO_SMALL"),
    (_Kind.Maximum, "TOO_LARGE"),
    (_Kind.MinItems, "TOO_FEW_ITEMS"),
    (_Kind.MaxItems, "TOO_MANY_ITEMS"),
)


def reason_code(kind: Any, path: Sequence[str | int]) -> str:
    """A Leeloo-style reason for one schema error at ``path``.

    ``REQUIRED``, ``WRONG_EMAIL`` and ``NOT_VALID_PHONE_NUMBER`` are the codes public sources show
    Leeloo using; the others are the mock's own, in the same style.
    """
    if isinstance(kind, _Kind.Required):
        return "REQUIRED"
    if isinstance(kind, _Kind.Format):
        if kind.format == "email":
            return "WRONG_EMAIL"
        if kind.format in ("date", "date-time", "time"):
            return "WRONG_DATE"
    if path and "phone" in str(path[-1]).lower():
        return "NOT_VALID_PHONE_NUMBER"
    for kind_type, reason in _REASONS:
        if isinstance(kind, kind_type):
            return reason
    return "WRONG_FORMAT"


_SAMPLED_ITEMS = MAX_ISSUES + 1
LARGE_BODY = 64 * 1024  # bodies above this size are checked with a bounded-cost error search


def bounded_errors(validator: Any, instance: Any, large: bool) -> Iterator[Any]:
    """The schema errors of an invalid ``instance``, bounded in cost when it is ``large``.

    jsonschema_rs collects every error before yielding the first, so half a million bad items
    take seconds. For a large instance the errors are taken from a sample whose arrays keep their
    first ``_SAMPLED_ITEMS`` items, after the full instance's first error (which also catches
    what only the whole array breaks, such as ``maxItems``): linear, and at most a few hundred.
    """
    if not large:
        yield from validator.iter_errors(instance)
        return
    try:
        validator.validate(instance)
    except jsonschema_rs.ValidationError as first:
        yield first
    try:
        sample = _sample(instance)
    except RecursionError:
        return
    yield from validator.iter_errors(sample)


def _sample(value: Any) -> Any:
    if isinstance(value, list):
        return [_sample(item) for item in value[:_SAMPLED_ITEMS]]
    if isinstance(value, dict):
        return {key: _sample(item) for key, item in value.items()}
    return value


def schema_issues(
    validator: Any,
    instance: Any,
    location: str,
    name: str | None = None,
    limit: int = MAX_ISSUES,
    large: bool = False,
) -> list[Issue]:
    """The errors of ``instance``, at most ``limit`` (each place once); body issues are named by JSON
    pointer, parameters by ``name``. ``large`` bounds the cost for big bodies (see ``_errors``)."""
    if limit <= 0 or validator.is_valid(instance):
        return []
    issues: list[Issue] = []
    seen: set[tuple[str, str]] = set()
    for error in bounded_errors(validator, instance, large):
        path = list(error.instance_path)
        kind = error.kind
        if isinstance(kind, _Kind.Required):
            path.append(str(kind.property))
        elif isinstance(kind, _Kind.AdditionalProperties) and kind.unexpected:
            path.append(str(kind.unexpected[0]))
        reason = reason_code(kind, path)
        named = json_pointer(path) if name is None else name + "".join(f"[{p}]" for p in path)
        message = _short(error.message)
        if (named, message) in seen:  # the sample repeats the full instance's first error
            continue
        seen.add((named, message))
        issues.append(Issue(location, named, message, reason))
        if len(issues) >= limit:
            break
    return issues


def lone_surrogate_path(value: Any) -> list[str | int] | None:
    """Where a parsed JSON value holds a string with a lone surrogate (``"\\ud800"``), or None.

    Such a string cannot be encoded as UTF-8: stored, it would break every later answer that
    includes it. The walk is iterative and linear in the size of the value.
    """
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if not node.isascii():
                try:
                    node.encode("utf-8")
                except UnicodeEncodeError:
                    return path
        elif isinstance(node, dict):
            for key, item in node.items():
                if not key.isascii():
                    try:
                        key.encode("utf-8")
                    except UnicodeEncodeError:
                        return path
                stack.append((item, [*path, key]))
        elif isinstance(node, list):
            stack.extend((item, [*path, index]) for index, item in enumerate(node))
    return None


@dataclass(frozen=True)
class ParameterRule:
    """How to read, coerce and check one declared parameter."""

    name: str  # as the spec spells it: issues name the parameter the way its reader knows it
    key: str  # where to look it up: the name, lower-cased for headers (the request's are)
    location: str  # path, query, header, cookie
    required: bool
    style: str
    explode: bool
    types: frozenset[str]
    item_types: frozenset[str]
    property_types: Mapping[str, frozenset[str]]
    validator: Any

    def read(self, raw: Sequence[str] | Query) -> Any:
        """The typed value of this parameter from its raw text(s), by its style's deserializer
        (``mock_server.stages.parameter_styles``); an object in the query gets the whole query."""
        return deserializer(self.style)(self, raw)


@dataclass(frozen=True)
class MediaRule:
    """One media type an operation accepts as its body."""

    media_type: str
    kind: str  # json, form, text
    validator: Any
    schema: Any


# not frozen: a frozen dataclass costs three times as much to create, and one is made per request
@dataclass(slots=True)
class ValidatedRequest:
    """A request that passed validation, with its values typed."""

    path_params: Mapping[str, Any]
    query: Mapping[str, Any]
    headers: Mapping[str, Any]
    body: Any
    media_type: str | None


@dataclass(frozen=True)
class RejectedRequest:
    """A request that failed: 400 (malformed JSON), 415 (media type) or 422 (invalid values)."""

    status: int
    detail: str
    issues: tuple[Issue, ...]


def media_kind(media_type: str) -> str:
    """json, form or text: how a body of this media type is parsed."""
    if media_type == "application/json" or media_type.endswith("+json") or media_type == "*/*":
        return "json"
    if media_type == "application/x-www-form-urlencoded":
        return "form"
    return "text"


def match_media_type(content_type: str, accepted: Collection[str]) -> str | None:
    """The declared media type (maybe a ``type/*`` range) that a request's Content-Type falls under."""
    if content_type in accepted:
        return content_type
    major = content_type.split("/", 1)[0]
    for candidate in (major + "/*", "*/*"):
        if candidate in accepted:
            return candidate
    return None


class RequestValidator:
    """The compiled request rules of one operation."""

    def __init__(
        self, spec: Spec, parameters: Sequence[Mapping[str, Any]], request_body: Mapping[str, Any] | None
    ) -> None:
        deref = spec.deref
        self.parameters: list[ParameterRule] = []
        for parameter in parameters:
            location = str(parameter.get("in", "query"))
            if location == "header" and str(parameter.get("name", "")).lower() in (
                "accept",
                "content-type",
                "authorization",
            ):
                continue  # OpenAPI: these are described elsewhere and ignored here
            schema = parameter.get("schema")
            if schema is None:  # a ``content`` parameter: take its first media type's schema
                by_media: Mapping[str, Any] = parameter.get("content") or {}
                first: Mapping[str, Any] = next(iter(by_media.values()), {}) or {}
                schema = first.get("schema", {})
            style = str(parameter.get("style") or default_style(location))
            name = str(parameter.get("name", ""))
            refused = unsupported(style, schema_types(schema, deref))
            if refused is not None:  # ``.a=1,b=2`` / ``;p=a,1,b,2``: refused rather than split on commas
                raise SpecError(spec.located(f"parameter {name!r} ({location}): {refused}"))
            self.parameters.append(
                ParameterRule(
                    name=name,
                    key=name.lower() if location == "header" else name,
                    location=location,
                    required=bool(parameter.get("required", location == "path")),
                    style=style,
                    explode=bool(parameter.get("explode", style == "form")),
                    types=schema_types(schema, deref),
                    item_types=schema_types(items_schema(schema, deref), deref),
                    property_types={
                        k: schema_types(v, deref) for k, v in property_schemas(schema, deref).items()
                    },
                    validator=compile_validator(spec, schema),
                )
            )
        self.body_required = bool(request_body and request_body.get("required", False))
        self.media: dict[str, MediaRule] = {}
        body_content: Mapping[str, Any] = (request_body or {}).get("content") or {}
        for media_type, media in body_content.items():
            key = str(media_type).split(";", 1)[0].strip().lower()
            schema = (media or {}).get("schema", {})
            self.media[key] = MediaRule(key, media_kind(key), compile_validator(spec, schema), schema)
        self._deref = deref

    @property
    def accepts_body(self) -> bool:
        """Whether the operation declares a request body at all."""
        return bool(self.media)

    def validate(
        self,
        path_params: Mapping[str, str],
        query: Query,
        headers: Mapping[str, str],
        content_type: str | None,
        body: bytes,
    ) -> ValidatedRequest | RejectedRequest:
        """Typed values, or every reason the request is invalid."""
        issues: list[Issue] = []
        values: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        cookies: Mapping[str, Sequence[str]] | None = None
        for rule in self.parameters:
            raw: Sequence[str] | Query | None
            if rule.location == "path":
                text = path_params.get(rule.key)
                raw = [text] if text is not None else None
            elif rule.location == "query":
                if "object" in rule.types:
                    raw = (
                        query
                        if any(
                            k == rule.name or k.startswith(rule.name + "[") or k in rule.property_types
                            for k in query
                        )
                        else None
                    )
                else:
                    raw = query.get(rule.key)
            elif rule.location == "header":
                text = headers.get(rule.key)
                raw = [text] if text is not None else None
            else:
                if cookies is None:
                    cookies = _parse_cookies(headers.get("cookie", ""))
                raw = cookies.get(rule.key)
            if raw is None:
                if rule.required:
                    message = f"The required {rule.location} parameter is missing."
                    issues.append(Issue(rule.location, rule.name, message, "REQUIRED"))
                continue
            if len(raw) > 1 and not isinstance(raw, Mapping) and "array" not in rule.types:
                # only the first would be read: ``limit=5&limit=abc`` must not pass as ``limit=5``
                message = f"{rule.location} parameter {rule.name} takes one value, got {len(raw)}"
                issues.append(Issue(rule.location, rule.name, message))
                continue
            value = rule.read(raw)
            issues.extend(
                schema_issues(rule.validator, value, rule.location, rule.name, MAX_ISSUES - len(issues))
            )
            values[rule.location][rule.name] = value
        body_value, media_type, rejected = self._validate_body(content_type, body, issues)
        if rejected is not None:
            return rejected
        if issues:
            return RejectedRequest(422, "The request is not valid.", tuple(issues))
        return ValidatedRequest(values["path"], values["query"], values["header"], body_value, media_type)

    def _validate_body(
        self, content_type: str | None, body: bytes, issues: list[Issue]
    ) -> tuple[Any, str | None, RejectedRequest | None]:
        if not self.media:
            return None, None, None
        if not body:
            if self.body_required:
                issues.append(Issue("body", "", "The request body is required.", "REQUIRED"))
            return None, None, None
        if not content_type:
            issue = Issue(
                "header",
                "Content-Type",
                f"The Content-Type header is missing; expected one of: {', '.join(self.media)}.",
            )
            return None, None, RejectedRequest(415, issue.message, (issue, *issues))
        media_type = content_type.split(";", 1)[0].strip().lower()
        matched = match_media_type(media_type, self.media)
        if matched is None:
            issue = Issue(
                "header",
                "Content-Type",
                f"{media_type} is not supported; expected one of: {', '.join(self.media)}.",
            )
            return None, None, RejectedRequest(415, issue.message, (issue, *issues))
        rule = self.media[matched]
        kind = rule.kind if matched != "*/*" else media_kind(media_type)
        if kind == "json":
            try:
                value = json.loads(_json_text(body))
            except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
                reason = f"The request body is not valid JSON: {exc}"
                issue = Issue("body", "", reason, "NOT_VALID_JSON")
                return None, None, RejectedRequest(400, reason, (issue, *issues))
            # only an escape (\\ud800) or raw surrogate bytes (ED A0..BF ..) can make one
            suspect = b"\\u" in body or b"\xed" in body
            where = lone_surrogate_path(value) if suspect else None
            if where is not None:
                reason = "The request body holds a string with a lone UTF-16 surrogate, which is not text."
                issue = Issue("body", json_pointer(where), reason, "NOT_VALID_UTF8")
                return None, None, RejectedRequest(400, reason, (issue, *issues))
        elif kind == "form":
            text = body.decode("utf-8", errors="replace")
            fields = parse_qsl(text, keep_blank_values=True)
            value = coerce_form(fields, rule.schema, self._deref)
            if not rule.validator.is_valid(value):
                # a field whose schema admits a string and a number (`anyOf: [integer, string]`)
                # stays a string first; where that fails, the form may still be valid as numbers
                typed = coerce_form(fields, rule.schema, self._deref, typed_first=True)
                if typed != value and rule.validator.is_valid(typed):
                    value = typed
        else:
            value = body.decode("utf-8", errors="replace")
            if "string" not in schema_types(rule.schema, self._deref):
                return value, media_type, None
        large = len(body) > LARGE_BODY
        issues.extend(
            schema_issues(rule.validator, value, "body", limit=MAX_ISSUES - len(issues), large=large)
        )
        return value, media_type, None


def _json_text(body: bytes) -> str | bytes:
    """``body`` decoded as UTF-8 when ``json.loads`` would take it for UTF-8 (it does not start with
    a byte order mark or a NUL, which mark UTF-16 or UTF-32): its own encoding detection costs a
    third of loading a small body. Anything else is left to ``json.loads``."""
    if len(body) >= 2 and 0 < body[0] < 0x80 and body[1]:
        return body.decode("utf-8", "surrogatepass")
    return body


def _parse_cookies(header: str) -> dict[str, list[str]]:
    cookies: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            cookies.setdefault(name, []).append(value)
    return cookies
