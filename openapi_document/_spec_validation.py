"""openapi-spec-validator, made to name where each problem is and to meta-check schemas in Rust.

openapi-spec-validator checks every Schema Object against the OpenAPI 3.1 schema dialect with
pure-Python jsonschema: 0.37 s of its 0.42 s on this spec (and ``spec_check`` runs it twice).
Here jsonschema-rs validates against the same dialect documents (the registry
openapi-schema-validator checks with) in 2 ms. Of the formats those documents use (``regex``,
``uri``, ``uri-reference``) openapi-schema-validator asserts only ``regex``; jsonschema-rs is given
that very Python check and told to accept the others, so both reject the same schemas (tests
compare the two). A schema jsonschema-rs cannot read (a non-string key) or one that names another
dialect is checked the Python way, as before.

openapi-spec-validator's own findings carry no JSON path (a duplicate operationId, an undeclared
path parameter, a duplicate parameter or tag, ``required`` naming no property), and a schema's
meta-schema error carries only the path inside that schema, so each used to be printed at 1:1.
The keyword validators below give every error the document path of the node it is about; a
schema's path is where the schema is written, even when the error was met through a ``$ref``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, partial
from typing import Any, cast

import jsonschema_rs
from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_schema_validator import OAS31_BASE_DIALECT_ID, OAS31Validator, oas31_format_checker

# the registry openapi-schema-validator meta-checks schemas with; no public name exports it
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SCHEMA_REGISTRY
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    OpenAPIValidationError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)
from openapi_spec_validator.validation.keywords import (
    KeywordValidator,
    OpenAPIV31SchemaValidator,
    OpenAPIV31ValueValidator,
    OperationValidator,
    ParametersValidator,
    TagsValidator,
)
from openapi_spec_validator.validation.registries import KeywordValidatorRegistry

from openapi_document._yaml_positions import JsonPath

JSON_SCHEMA_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
_UNRESOLVED_PATH_PARAMETER = re.compile(
    r"Path parameter '(?P<name>.*)' for '.*' operation in '.*' was not resolved"
)


def _placed(error: ValidationError, where: Sequence[str | int]) -> ValidationError:
    """``error`` with ``where`` as its path in the document."""
    error.path = error.relative_path = deque(where)
    return error


def _format_names(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        if isinstance(node.get("format"), str):
            found.add(node["format"])
        for value in node.values():
            _format_names(value, found)
    elif isinstance(node, list):
        for item in node:
            _format_names(item, found)
    return found


def _accept_any(_value: str) -> bool:
    return True


@cache
def _oas31_dialect_checker() -> jsonschema_rs.Validator:
    """A jsonschema-rs validator of schemas written in the OpenAPI 3.1 base dialect."""
    uris = [uri for uri in OPENAPI_SCHEMA_REGISTRY if "/oas/3.1/" in uri or "/draft/2020-12/" in uri]
    resources = [(uri, OPENAPI_SCHEMA_REGISTRY.contents(uri)) for uri in uris]
    formats = {name: _accept_any for name in _format_names([contents for _, contents in resources], set())}
    for name in oas31_format_checker.checkers:
        formats[name] = partial(oas31_format_checker.conforms, format=name)
    return jsonschema_rs.validator_for(
        OAS31Validator.META_SCHEMA,
        registry=jsonschema_rs.Registry(resources),
        formats=formats,
        validate_formats=True,
    )


def _container_paths(node: Any, here: JsonPath, found: dict[int, JsonPath]) -> dict[int, JsonPath]:
    """The JSON path of every mapping and list of the document, by identity.

    A node met again (a YAML alias, a ``$ref`` target resolved into several places) keeps the
    path it was first met at, and is not walked again.
    """
    if id(node) in found:
        return found
    found[id(node)] = here
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, dict | list):
                _container_paths(value, (*here, str(key)), found)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, dict | list):
                _container_paths(item, (*here, index), found)
    return found


class _LocatingRegistry(KeywordValidatorRegistry):
    """The keyword validators of one run, and where each node of the document is written."""

    def __init__(self, keyword_validators: Mapping[str, type[KeywordValidator]], document: Any) -> None:
        super().__init__(keyword_validators)
        self.paths_by_identity = _container_paths(document, (), {})

    def written_at(self, node: SchemaPath) -> JsonPath:
        """Where ``node`` is written: the target of the ``$ref`` it was reached through, if any."""
        value = node.read_value()
        if isinstance(value, dict | list) and id(value) in self.paths_by_identity:
            return self.paths_by_identity[id(value)]
        return tuple(node.parts)


def _written_at(validator: KeywordValidator, node: SchemaPath) -> JsonPath:
    return cast(_LocatingRegistry, validator.registry).written_at(node)


def _reason(error: jsonschema_rs.ValidationError) -> str:
    """jsonschema-rs's message, except that a bad ``type`` says which name it does not know."""
    value = error.instance
    if list(error.schema_path[-3:]) == ["properties", "type", "anyOf"]:
        names = value if isinstance(value, list) else [value]
        unknown = [name for name in names if name not in JSON_SCHEMA_TYPES]
        if unknown and all(isinstance(name, str) for name in names):
            listed = ", ".join(repr(name) for name in unknown)
            return f"unknown type {listed} (known: {', '.join(JSON_SCHEMA_TYPES)})"
    return str(error.message)


class _IdList(list[int]):
    """A list of ids whose membership test is a set lookup."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


class _SchemaValidator(OpenAPIV31SchemaValidator):
    """Meta-checks each schema once, in Rust, and places its findings in the document.

    openapi-spec-validator forgets a schema that failed its meta check and walks it again when
    another ``$ref`` reaches it, and walks a schema first reached through a ``$ref`` inside
    another schema unchecked: either way a ``type: intger`` crashed its default-value check with
    UnknownType. Here every schema is checked the first time it is reached (one already checked
    as part of the schema it is written in passes again, cheaply), and one that failed is not
    walked.
    """

    def __init__(self, registry: KeywordValidatorRegistry) -> None:
        super().__init__(registry)
        self.meta_check_passed: dict[int, bool] = {}
        # the base class keeps the ids it has seen in lists: a membership test per schema made
        # the walk quadratic (28 s of GitHub's 5.7 MB description); the same lists, found by set
        self.visited_schema_ids = _IdList()
        self.meta_checked_schema_ids = _IdList()

    def __call__(
        self, schema: SchemaPath, require_properties: bool = True, meta_checked: bool = False
    ) -> Iterator[ValidationError]:
        # `meta_checked` (the caller's word that `schema` was checked with the schema it is written
        # in) is not trusted: see the class docstring
        value = schema.read_value()
        if not isinstance(value, Mapping | bool):
            not_a_schema = OpenAPIValidationError(f"{value!r} is not of type 'object', 'boolean'")
            yield _placed(not_a_schema, _written_at(self, schema))
            return
        if id(value) not in self.meta_check_passed:
            errors = self._meta_errors(schema, value)
            self.meta_check_passed[id(value)] = not errors
            yield from errors
        if not self.meta_check_passed[id(value)]:
            return
        for error in super().__call__(schema, require_properties, meta_checked=True):
            if not error.path:  # a nested schema placed its own; this one is about `schema` itself
                suffix = ("required",) if isinstance(error, ExtraParametersError) else ()
                _placed(error, (*_written_at(self, schema), *suffix))
            yield error

    def _meta_errors(self, schema: SchemaPath, value: Any) -> list[ValidationError]:
        where = _written_at(self, schema)
        try:
            uses_base_dialect = self._get_schema_dialect_id(schema, value) == OAS31_BASE_DIALECT_ID
            found = list(_oas31_dialect_checker().iter_errors(value)) if uses_base_dialect else None
        except (ValueError, TypeError, OverflowError):  # not JSON (a non-string key): Python copes
            found = None
        if found is None:
            error = self._validate_schema_meta(schema, value)
            return [] if error is None else [_placed(error, (*where, *error.path))]
        errors: dict[tuple[str | int, ...], ValidationError] = {}
        for rs_error in found:  # one finding per node: jsonschema-rs may explain a node twice
            inside = tuple(rs_error.instance_path)
            if inside not in errors:
                errors[inside] = OpenAPIValidationError(_reason(rs_error), path=(*where, *inside))
        return list(errors.values())


class _DefaultValueValidator(OpenAPIV31ValueValidator):
    """A schema's ``default`` checked against the schema, placed at that ``default``."""

    def __call__(self, schema: SchemaPath, value: Any) -> Iterator[ValidationError]:
        for error in super().__call__(schema, value):
            yield _placed(error, (*_written_at(self, schema), "default", *error.path))


class _OperationValidator(OperationValidator):
    """Places a duplicate operationId at it, and an unmatched path parameter at its declaration."""

    def __call__(
        self, url: str, name: str, operation: SchemaPath, path_parameters: SchemaPath | None
    ) -> Iterator[ValidationError]:
        for error in super().__call__(url, name, operation, path_parameters):
            if isinstance(error, DuplicateOperationIDError) and not error.path:
                _placed(error, (*_written_at(self, operation), "operationId"))
            elif isinstance(error, UnresolvableParameterError) and not error.path:
                _placed(error, self._declaration(error, operation, path_parameters))
            yield error

    def _declaration(
        self, error: ValidationError, operation: SchemaPath, path_parameters: SchemaPath | None
    ) -> JsonPath:
        """The parameter the error names, if declared (in the URL only: the operation)."""
        match = _UNRESOLVED_PATH_PARAMETER.fullmatch(error.message)
        declared = [operation / "parameters"] if "parameters" in operation else []
        declared += [path_parameters] if path_parameters is not None else []
        for parameters in declared:
            for index, parameter in enumerate(parameters):
                value = parameter.read_value()
                declares = isinstance(value, dict) and value.get("in") == "path"
                if match and declares and value.get("name") == match["name"]:
                    return (*parameters.parts, index)
        return _written_at(self, operation)


def _repeated_indexes(items: SchemaPath, key_of: Callable[[dict[str, Any]], object]) -> Iterator[int]:
    """Indexes of the mappings whose key an earlier mapping of ``items`` already had."""
    seen = set()
    for index, item in enumerate(items):
        value = item.read_value()
        if not isinstance(value, dict):
            continue
        if key_of(value) in seen:
            yield index
        seen.add(key_of(value))


class _ParametersValidator(ParametersValidator):
    """Places a duplicate parameter at its second declaration."""

    def __call__(self, parameters: SchemaPath) -> Iterator[ValidationError]:
        repeated = _repeated_indexes(parameters, lambda value: (value.get("name"), value.get("in")))
        for error in super().__call__(parameters):
            if isinstance(error, ParameterDuplicateError) and not error.path:
                _placed(error, (*parameters.parts, next(repeated, 0)))
            yield error


class _TagsValidator(TagsValidator):
    """Places a duplicate tag name at its second declaration."""

    def __call__(self, tags: SchemaPath) -> Iterator[ValidationError]:
        repeated = _repeated_indexes(tags, lambda value: value.get("name"))
        for error in super().__call__(tags):
            if not error.path:
                _placed(error, (*tags.parts, next(repeated, 0), "name"))
            yield error


def _retrieve_nothing(uri: str) -> Any:
    raise LookupError(f"not retrieved: {uri}")


class _NoRetrieval(dict[str, Callable[[str], Any]]):
    """Resolver handlers that read no file and fetch no URL, whatever the scheme.

    jsonschema-path falls back to ``urlopen`` for a scheme it has no handler for, so every
    scheme has this one. ``openapi_document._refs`` has followed (or refused) every ``$ref`` already;
    this is the safety net under it.
    """

    def __contains__(self, scheme: object) -> bool:
        return True

    def __missing__(self, scheme: str) -> Callable[[str], Any]:
        return _retrieve_nothing


class LocatingOpenAPIV31SpecValidator(OpenAPIV31SpecValidator):
    """openapi-spec-validator for OpenAPI 3.1, whose every error has its document path.

    It retrieves nothing: a ``$ref`` outside the document is not resolved by it.
    """

    resolver_handlers = _NoRetrieval()  # type: ignore[assignment]

    keyword_validators = {  # noqa: RUF012 (the base class declares it a class attribute)
        **OpenAPIV31SpecValidator.keyword_validators,
        "default": _DefaultValueValidator,
        "operation": _OperationValidator,
        "parameters": _ParametersValidator,
        "schema": _SchemaValidator,
        "tags": _TagsValidator,
    }

    def __init__(self, document: Any, base_uri: str = "") -> None:
        super().__init__(document, base_uri=base_uri)
        self.keyword_validators_registry = _LocatingRegistry(self.keyword_validators, document)
