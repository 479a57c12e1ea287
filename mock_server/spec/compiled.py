"""Compile a spec into what the request pipeline needs, once, at start-up.

Per operation: its security alternatives, its request validator, and per declared response the
validator of each media type's schema, the pre-serialized example bodies and the response
headers. Nothing here runs per request.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from mock_server.producers.dynamic import DataGenerator
from mock_server.producers.examples import StaticMedia, build_static_media
from mock_server.spec.document import Spec, SpecError
from mock_server.stages.envelope import is_envelope_schema
from mock_server.stages.negotiation import status_key
from mock_server.stages.router import Router
from mock_server.stages.security import Credential, compile_requirements
from mock_server.stages.validation import RequestValidator, compile_validator
from openapi_document import Located, Operation, UnresolvableRef

logger = logging.getLogger("leeloo_mock")

# headers the server writes itself from the answer it sends: a declared example value (GitHub's
# `Content-Length: 279`) would contradict the body and make the server drop the answer
# set by the server for each answer, whatever the spec declares (x-request-id: a fresh id per answer)
_SERVER_HEADERS = frozenset(
    {
        "content-type",
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "upgrade",
        "trailer",
        "x-request-id",
    }
)

NO_BODY_STATUSES = frozenset({"204", "205", "304"})
"""Statuses whose answers carry no body (RFC 9110): content declared for them is not sent."""


@dataclass(frozen=True)
class CompiledMedia:
    """One media type of one response: its schema, validator and static bodies."""

    media_type: str
    schema: Any
    validator: Any
    static: StaticMedia


@dataclass(frozen=True)
class CompiledResponse:
    """One declared response (``200``, ``4XX``, ``default``)."""

    key: str
    media: Mapping[str, CompiledMedia]  # in declaration order
    headers: tuple[tuple[str, str], ...]  # declared headers with example values
    envelope_media: str | None = None  # the media type whose schema is Leeloo's error envelope

    @property
    def media_types(self) -> tuple[str, ...]:
        """The media types in declaration order, for Accept negotiation."""
        return tuple(self.media)


@dataclass(frozen=True)
class CompiledOperation:
    """Everything the pipeline needs about one operation."""

    method: str
    path: str
    operation_id: str
    summary: str
    security: tuple[tuple[Credential, ...], ...]
    validator: RequestValidator
    responses: Mapping[str, CompiledResponse]
    response_keys: tuple[str, ...]
    invalid_request_status: int = 422  # see invalid_request_status()

    def declared_response(self, status: int) -> CompiledResponse | None:
        """The response the spec declares for ``status``: exact, then ``4XX``, then ``default``
        (Prism answers a refusal with the ``default`` response where nothing closer is declared)."""
        key = status_key(status, self.response_keys)
        return self.responses[key] if key is not None else None


@dataclass(frozen=True)
class CompiledSpec:
    """The route table and every compiled operation."""

    router: Router[CompiledOperation]
    operations: tuple[CompiledOperation, ...]
    spec: Spec
    generator: DataGenerator


def _header_value(spec: Spec, header: Any, generator: DataGenerator) -> str | None:
    header = spec.deref(header)
    if not isinstance(header, Mapping):
        return None
    if "example" in header:
        return str(header["example"])
    schema = spec.deref(header.get("schema", {}))
    if isinstance(schema, Mapping) and "example" in schema:
        return str(schema["example"])
    if isinstance(schema, Mapping) and "default" in schema:
        return str(schema["default"])
    value = generator.generate(schema, 0)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _compile_response(
    spec: Spec,
    key: str,
    response: Mapping[str, Any],
    generator: DataGenerator,
    where: str,
    generated: dict[str, Any] | None = None,
) -> CompiledResponse:
    media: dict[str, CompiledMedia] = {}
    content = response.get("content") or {}
    if key in NO_BODY_STATUSES or key.startswith("1"):
        if content:
            _warn(spec, where, f"response {key} declares content, which a {key} never carries; none is sent")
        content = {}
    for media_type, declared in content.items():
        declared = declared or {}
        schema = declared.get("schema", {})
        validator = _validator_or_any(spec, schema, where, f"response {key} {media_type}")
        static = build_static_media(
            str(media_type),
            declared,
            spec.deref,
            validator.is_valid,
            partial(_generated_or_empty, generator, schema, validator, generated),
            partial(_placed, spec, where, f"{where} {key} {media_type}"),
        )
        media[str(media_type)] = CompiledMedia(str(media_type), schema, validator, static)
    headers: list[tuple[str, str]] = []
    for name, header in (response.get("headers") or {}).items():
        if str(name).lower() in _SERVER_HEADERS:
            continue
        value = _header_value(spec, header, generator)
        if value is not None:
            headers.append((str(name), value))
    envelope_media = next(
        (name for name, compiled in media.items() if is_envelope_schema(compiled.schema, spec.deref)), None
    )
    return CompiledResponse(key, media, tuple(headers), envelope_media)


def _placed(spec: Spec, where: str, what: str) -> str:
    """``file:line: what``, the line of the operation ``where`` (``METHOD /path``) when known."""
    source = spec.source
    if source is None:
        return what
    method, _, path = where.partition(" ")
    return f"{source.line(('paths', path, method.lower()))}: {what}"


def _at_operation(spec: Spec, where: str, reason: str) -> Located:
    """``reason`` at the operation ``where`` (``METHOD /path``)."""
    method, _, path = where.partition(" ")
    return spec.located(reason, ("paths", path, method.lower()))


def _warn(spec: Spec, where: str, message: str) -> None:
    """One warning line about the operation ``where`` (``METHOD /path``), at its line when known."""
    logger.warning("%s: %s", _placed(spec, where, where), message)


def _validator_or_any(spec: Spec, schema: Any, where: str, what: str) -> Any:
    """The schema's validator; one accepting anything (and a warning) where it cannot be compiled."""
    try:
        return compile_validator(spec, schema)
    except ValueError as exc:
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        _warn(spec, where, f"the schema of {what} cannot be compiled ({reason}); any value passes it")
        return compile_validator(spec, {})


def _generated_or_empty(
    generator: DataGenerator, schema: Any, validator: Any, generated: dict[str, Any] | None = None
) -> Any:
    """A generated value the validator accepts, else the first one; ``generated`` remembers them by
    schema text for one compile (generation is a pure function of the schema: Kubernetes' document
    names the same schema in three media types and many operations, 77 % of its compile)."""
    try:
        text = json.dumps(schema) if generated is not None else None
    except (TypeError, ValueError):  # not JSON data (a YAML date, say): generated on its own
        text = None
    if text is not None and generated is not None and text in generated:
        return generated[text]
    value = _first_valid(generator, schema, validator)
    if text is not None and generated is not None:
        generated[text] = value
    return value


def _first_valid(generator: DataGenerator, schema: Any, validator: Any) -> Any:
    for seed in range(5):
        value = generator.generate(schema, seed)
        if validator.is_valid(value):
            return value
    return generator.generate(schema, 0)


def invalid_request_status(response_keys: tuple[str, ...]) -> int:
    """The status of an answer to invalid parameters or body: 422, or 400 where only 400 is declared.

    Prism looks for a declared 422, then a 400: an API that documents its validation failures as
    400 gets 400 from the mock too, so clients written against the spec see the status it names.
    ``default`` says nothing about either, so it leaves the answer at 422.
    """
    if status_key(422, response_keys) not in (None, "default"):
        return 422
    if status_key(400, response_keys) not in (None, "default"):
        return 400
    return 422


def _request_validator(spec: Spec, operation: Operation, where: str) -> RequestValidator:
    try:
        return RequestValidator(spec, operation.parameters, operation.request_body)
    except SpecError as exc:  # file:line:column: METHOD /path: reason, at the operation
        raise SpecError(_at_operation(spec, where, f"{where}: {exc.first.reason}")) from None


def compile_operation(
    spec: Spec, operation: Operation, generator: DataGenerator, generated: dict[str, Any] | None = None
) -> CompiledOperation:
    """One operation, ready to serve (``generated``: stand-in bodies already generated, by schema text)."""
    schemes = (spec.document.get("components") or {}).get("securitySchemes") or {}
    where = f"{operation.method} {operation.path}"
    responses = {
        key: _compile_response(spec, key, response, generator, where, generated)
        for key, response in operation.responses.items()
    }
    return CompiledOperation(
        method=operation.method,
        path=operation.path,
        operation_id=operation.name,
        summary=operation.summary,
        security=compile_requirements(operation.security, {k: spec.deref(v) for k, v in schemes.items()}),
        validator=_request_validator(spec, operation, where),
        responses=responses,
        response_keys=tuple(responses),
        invalid_request_status=invalid_request_status(tuple(responses)),
    )


def compile_spec(spec: Spec) -> CompiledSpec:
    """Every operation of ``spec`` compiled, and the route table over them."""
    generator = DataGenerator(spec.deref)
    compiled: list[CompiledOperation] = []
    generated: dict[str, Any] = {}  # for this compile only
    for operation in spec.operations():
        try:
            compiled.append(compile_operation(spec, operation, generator, generated))
        except UnresolvableRef as exc:
            reason = f"{operation.label}: {exc.args[0]}"
            raise SpecError(_at_operation(spec, operation.label, reason)) from None
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            # a part of the spec no check caught: that operation is left out, the rest is served
            where = f"{operation.method} {operation.path}"
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            _warn(spec, where, f"cannot be served ({type(exc).__name__}: {reason}); left out")
    operations = tuple(compiled)
    router = Router(((op.method, op.path, op) for op in operations), spec.servers_base_paths())
    return CompiledSpec(router, operations, spec, generator)
