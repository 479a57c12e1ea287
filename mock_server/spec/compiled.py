"""Compile a spec into what the request pipeline needs.

Per operation: its security alternatives, its request validator, and per declared response the
validator of each media type's schema, the pre-serialized example bodies and the response
headers. A spec of at most ``MAX_COMPILED_OPERATIONS`` operations is compiled whole at start-up,
and nothing here runs per request but one thing: the body of a response that declares no example
is generated when it is first sent (``mock_server.producers.examples``).

A larger one (Microsoft Graph's description: 11,422 operations; its beta 22,361) is compiled one
operation at a time, when a request first asks for it: compiling Graph whole took 13.5 s and
1.5 GiB (most of it generating the bodies of answers without an example). At most
``KEPT_ON_DEMAND`` compiled operations are kept, the least recently asked for dropped first, and
at most ``MAX_KEPT_VALIDATORS`` compiled schemas are shared between them (a validator of one of
Graph's entities compiles the closure of what it references: ~0.5 MiB each); so memory is bounded
by the document and those two numbers, not by how many operations clients call.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
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

MAX_COMPILED_OPERATIONS = 2048  # a larger spec is compiled on demand
KEPT_ON_DEMAND = 256  # compiled operations kept when compiled on demand
MAX_KEPT_VALIDATORS = 512  # compiled schemas shared by operations compiled on demand; then emptied

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
class OperationParts:
    """What compiling one operation makes: what a request to it is checked with and answered from."""

    security: tuple[tuple[Credential, ...], ...]
    validator: RequestValidator
    responses: Mapping[str, CompiledResponse]
    response_keys: tuple[str, ...]
    invalid_request_status: int = 422  # see invalid_request_status()


class CompiledOperation:
    """Everything the pipeline needs about one operation: its names at once, the rest (its
    :class:`OperationParts`) compiled already or, in a large spec, on first use."""

    __slots__ = ("_on_demand", "_parts", "method", "operation_id", "path", "summary")

    def __init__(
        self,
        method: str,
        path: str,
        operation_id: str,
        summary: str,
        parts: OperationParts | None = None,
        on_demand: OnDemand | None = None,
    ) -> None:
        if (parts is None) == (on_demand is None):
            raise ValueError("an operation has its parts, or compiles them on demand")
        self.method = method
        self.path = path
        self.operation_id = operation_id
        self.summary = summary
        self._parts = parts
        self._on_demand = on_demand

    def __repr__(self) -> str:
        return f"CompiledOperation({self.method} {self.path}, {self.operation_id!r})"

    @property
    def parts(self) -> OperationParts:
        """The compiled parts (compiled now, if this operation is compiled on demand and not kept)."""
        if self._parts is not None:
            return self._parts
        assert self._on_demand is not None
        return self._on_demand.parts(self)

    @property
    def security(self) -> tuple[tuple[Credential, ...], ...]:
        return self.parts.security

    @property
    def validator(self) -> RequestValidator:
        return self.parts.validator

    @property
    def responses(self) -> Mapping[str, CompiledResponse]:
        return self.parts.responses

    @property
    def response_keys(self) -> tuple[str, ...]:
        return self.parts.response_keys

    @property
    def invalid_request_status(self) -> int:
        return self.parts.invalid_request_status

    def declared_response(self, status: int) -> CompiledResponse | None:
        """The response the spec declares for ``status``: exact, then ``4XX``, then ``default``
        (Prism answers a refusal with the ``default`` response where nothing closer is declared)."""
        parts = self.parts
        key = status_key(status, parts.response_keys)
        return parts.responses[key] if key is not None else None


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
            partial(_stand_in, spec, generator, schema, validator, f"{where} {key} {media_type}"),
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


def _stand_in(spec: Spec, generator: DataGenerator, schema: Any, validator: Any, what: str) -> Any:
    """A generated value the validator accepts, else the first one: the body of a response that
    declares no example, made when it is first sent (``mock_server.producers.examples``). A part
    of the spec no check caught that breaks generation gives ``null``, with a warning, not a 500."""
    try:
        return _first_valid(generator, schema, validator)
    except (SpecError, UnresolvableRef, *_SPEC_FLAWS) as exc:
        logger.warning("%s: no stand-in body can be generated (%s); null is sent", what, _flaw(exc))
        return None


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


def compile_parts(spec: Spec, operation: Operation, generator: DataGenerator) -> OperationParts:
    """What a request to ``operation`` is checked with and answered from."""
    schemes = (spec.document.get("components") or {}).get("securitySchemes") or {}
    where = f"{operation.method} {operation.path}"
    responses = {
        key: _compile_response(spec, key, response, generator, where)
        for key, response in operation.responses.items()
    }
    return OperationParts(
        security=compile_requirements(operation.security, {k: spec.deref(v) for k, v in schemes.items()}),
        validator=_request_validator(spec, operation, where),
        responses=responses,
        response_keys=tuple(responses),
        invalid_request_status=invalid_request_status(tuple(responses)),
    )


def compile_operation(spec: Spec, operation: Operation, generator: DataGenerator) -> CompiledOperation:
    """One operation, ready to serve."""
    parts = compile_parts(spec, operation, generator)
    return CompiledOperation(operation.method, operation.path, operation.name, operation.summary, parts)


_SPEC_FLAWS = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


def _flaw(exc: Exception) -> str:
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    return f"{type(exc).__name__}: {reason}"


class OnDemand:
    """The operations of a large spec, compiled when first asked for; the last
    ``max_kept`` used are kept (least recently used dropped first)."""

    def __init__(self, spec: Spec, generator: DataGenerator, max_kept: int = KEPT_ON_DEMAND) -> None:
        self.spec = spec
        self.generator = generator
        self.max_kept = max_kept
        self._sources: dict[int, Operation] = {}
        self._kept: OrderedDict[int, OperationParts] = OrderedDict()
        self.compiled_count = 0  # operations compiled so far (again after being dropped too)

    def operation(self, operation: Operation) -> CompiledOperation:
        """``operation`` as served, its parts compiled on first use."""
        compiled = CompiledOperation(
            operation.method, operation.path, operation.name, operation.summary, on_demand=self
        )
        self._sources[id(compiled)] = operation
        return compiled

    @property
    def kept(self) -> int:
        """How many compiled operations are kept now."""
        return len(self._kept)

    def parts(self, compiled: CompiledOperation) -> OperationParts:
        """The parts of ``compiled``: kept ones, else compiled now (and kept)."""
        key = id(compiled)
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            return found
        found = self._compile(self._sources[key])
        self._kept[key] = found
        if len(self._kept) > self.max_kept:
            self._kept.popitem(last=False)
        return found

    def _compile(self, operation: Operation) -> OperationParts:
        self.compiled_count += 1
        if len(self.spec.validators) > MAX_KEPT_VALIDATORS:
            self.spec.validators.clear()  # kept operations hold their own; the rest are compiled again
        try:
            return compile_parts(self.spec, operation, self.generator)
        except (UnresolvableRef, *_SPEC_FLAWS) as exc:
            # the spec check did not catch it (a schema jsonschema-rs cannot compile, say): the
            # operation is answered without checks and without a body, and says so once a compile
            where = f"{operation.method} {operation.path}"
            _warn(self.spec, where, f"cannot be compiled ({_flaw(exc)}); answered 204 without checks")
            return OperationParts((), RequestValidator(self.spec, [], None), {}, ())


def compile_spec(
    spec: Spec, max_compiled: int = MAX_COMPILED_OPERATIONS, kept_on_demand: int = KEPT_ON_DEMAND
) -> CompiledSpec:
    """Every operation of ``spec`` compiled (on demand, ``kept_on_demand`` kept, when there are more
    than ``max_compiled``), and the route table over them."""
    generator = DataGenerator(spec.deref)
    compiled: list[CompiledOperation] = []
    operations = spec.operations()
    if len(operations) > max_compiled:
        on_demand = OnDemand(spec, generator, kept_on_demand)
        compiled = [on_demand.operation(operation) for operation in operations]
    for operation in operations if not compiled else ():
        try:
            compiled.append(compile_operation(spec, operation, generator))
        except UnresolvableRef as exc:
            reason = f"{operation.label}: {exc.args[0]}"
            raise SpecError(_at_operation(spec, operation.label, reason)) from None
        except _SPEC_FLAWS as exc:
            # a part of the spec no check caught: that operation is left out, the rest is served
            _warn(spec, f"{operation.method} {operation.path}", f"cannot be served ({_flaw(exc)}); left out")
    router = Router(((op.method, op.path, op) for op in compiled), spec.servers_base_paths())
    return CompiledSpec(router, tuple(compiled), spec, generator)
