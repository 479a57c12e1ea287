"""openapi-spec-validator's checks, run over the plain document and placed where each node is written.

openapi-spec-validator checks a document in two parts: the OpenAPI 3.1 meta-schema over the whole
document (jsonschema-rs does that, here too: ``openapi_document._meta_check.document_checker``),
then a walk of its keyword validators: duplicate tags, each path item's and operation's parameters
(a duplicate, a path parameter the URL does not name or one it names and none declares), duplicate
operationIds, each
Schema Object met under a response's content, a parameter or ``components/schemas`` (the 3.1
dialect's meta-schema, ``required`` naming no property beside ``allOf``, a ``default`` its own
schema rejects). That walk went through jsonschema-path, which resolves every step again: 10 of
the 13 s the check took on GitHub's 5.7 MB description. :func:`spec_errors` walks the same nodes
in the same order with the same rules and messages over the parsed document, following each
``$ref`` with the project's pointer walk, in a tenth of the time.

Each Schema Object is meta-checked by jsonschema-rs against the dialect documents that
openapi-schema-validator checks with: of the formats those documents use (``regex``, ``uri``,
``uri-reference``) openapi-schema-validator asserts only ``regex``; jsonschema-rs is given that
very Python check and told to accept the others, so both reject the same schemas (tests compare
the two). A schema jsonschema-rs cannot read (a non-string key) or one that names another
dialect is checked the Python way. A ``default`` is checked by openapi-schema-validator's own
``OAS31Validator``, as before.

Every finding carries the path of the node it is about, as the document writes it: a node
reached through a ``$ref`` is placed at the reference's target, where a person fixes it. A
``$ref`` that points nowhere stops the walk (``referencing``'s ``Unresolvable``, as
openapi-spec-validator raised it): the spec check reports it at its line.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from functools import cache, partial
from typing import Any, cast
from urllib.parse import unquote

import jsonschema_rs
from jsonschema.exceptions import SchemaError, ValidationError
from jsonschema.validators import validator_for
from openapi_schema_validator import OAS31_BASE_DIALECT_ID, OAS31Validator, oas31_format_checker

# the registry openapi-schema-validator meta-checks schemas with; no public name exports it
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SCHEMA_REGISTRY
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from openapi_document import HTTP_METHODS, MAX_REF_HOPS, UnresolvableRef, pointer_walk
from openapi_document._meta_check import document_checker
from openapi_document._yaml_positions import JsonPath

JSON_SCHEMA_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
# what the walk looks at in a schema that passed its meta check: subschemas, `required` beside
# `allOf`, a `default`
_WALKED_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf", "not", "items", "properties", "default"})


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


def _error(message: str, where: JsonPath) -> ValidationError:
    """A finding about the node at ``where`` of the document."""
    return ValidationError(message, path=where)


class _Walk:
    """One run of the keyword checks over ``document``; see the module docstring."""

    def __init__(self, document: Any, base_uri: str) -> None:
        self.document = document
        self.base_uri = base_uri
        dialect = document.get("jsonSchemaDialect") if isinstance(document, dict) else None
        self.default_dialect = dialect if isinstance(dialect, str) else OAS31_BASE_DIALECT_ID
        self.meta_check_passed: dict[int, bool] = {}
        self.visited_schemas: set[int] = set()
        self.operation_ids: set[Any] = set()
        self._default_resolver: Any = None

    # ---- following references

    def deref(self, node: Any, here: JsonPath) -> tuple[Any, JsonPath]:
        """``node`` with its chain of ``$ref``s followed, and where the target is written."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            reference: str = node["$ref"]
            file_part, hash_sign, pointer = reference.partition("#")
            if file_part or not hash_sign:  # another file: the spec check bundled or refused it
                raise Unresolvable(ref=reference)
            seen += 1
            if seen > MAX_REF_HOPS:
                raise ValueError(f"$ref {reference!r} loops")
            try:
                node, here = pointer_walk(self.document, unquote(pointer))
            except UnresolvableRef:
                raise Unresolvable(ref=pointer) from None
        return node, here

    def child(self, node: Any, key: str | int, here: JsonPath) -> tuple[Any, JsonPath]:
        """The member ``key`` of ``node`` (written at ``here``), its ``$ref``s followed."""
        return self.deref(node[key], (*here, key))

    def items(self, node: Any, here: JsonPath) -> Iterator[tuple[Any, Any, JsonPath]]:
        """Each member of a mapping or item of a list: key, value resolved, where it is written."""
        if isinstance(node, dict):
            for key in list(node):
                yield (key, *self.child(node, key, here))
        elif isinstance(node, list):
            for index in range(len(node)):
                yield (index, *self.child(node, index, here))

    # ---- the document

    def root(self) -> Iterator[ValidationError]:
        spec, here = self.deref(self.document, ())
        if not isinstance(spec, dict):
            return
        if "tags" in spec:
            yield from self.tags(*self.child(spec, "tags", here))
        if "paths" in spec:
            paths, paths_at = self.child(spec, "paths", here)
            for url, path_item, item_at in self.items(paths, paths_at):
                yield from self.path_item(str(url), path_item, item_at)
        if "components" in spec:
            components, components_at = self.child(spec, "components", here)
            if isinstance(components, dict) and "schemas" in components:
                schemas, schemas_at = self.child(components, "schemas", components_at)
                for _, schema, schema_at in self.items(schemas, schemas_at):
                    yield from self.schema(schema, schema_at)

    def tags(self, tags: Any, here: JsonPath) -> Iterator[ValidationError]:
        seen: set[Any] = set()
        for index, tag, _ in self.items(tags, here):
            name = tag.get("name") if isinstance(tag, dict) else None
            if name in seen:
                yield _error(f"Duplicate tag name '{name}'", (*here, index, "name"))
            seen.add(name)

    def path_item(self, url: str, item: Any, here: JsonPath) -> Iterator[ValidationError]:
        if not isinstance(item, dict):
            return
        shared: tuple[Any, JsonPath] | None = None
        if "parameters" in item:
            shared = self.child(item, "parameters", here)
            yield from self.parameters(*shared)
        for name in list(item):
            if name in HTTP_METHODS:  # openapi-spec-validator's list, in its order
                yield from self.operation(url, str(name), *self.child(item, name, here), shared)

    def parameters(self, parameters: Any, here: JsonPath) -> Iterator[ValidationError]:
        seen: set[tuple[Any, Any]] = set()
        for index, parameter, parameter_at in self.items(parameters, here):
            if isinstance(parameter, dict) and "schema" in parameter:
                yield from self.schema(*self.child(parameter, "schema", parameter_at))
            key = (parameter["name"], parameter["in"])
            if key in seen:
                yield _error(f"Duplicate parameter '{parameter['name']}'", (*here, index))
            seen.add(key)

    def _path_parameter_names(self, parameters: Any, here: JsonPath) -> Iterator[tuple[str, JsonPath]]:
        """Each path parameter's name, and where the list declares it (a ``$ref`` not followed)."""
        for index, parameter, _ in self.items(parameters, here):
            if isinstance(parameter, dict) and parameter.get("in") == "path":
                yield str(parameter.get("name")), (*here, index)

    def operation(
        self,
        url: str,
        name: str,
        operation: Any,
        here: JsonPath,
        shared: tuple[Any, JsonPath] | None,
    ) -> Iterator[ValidationError]:
        if not isinstance(operation, dict):
            return
        if "operationId" in operation:
            operation_id, _ = self.child(operation, "operationId", here)
            if operation_id is not None and operation_id in self.operation_ids:
                reason = f"Operation ID '{operation_id}' for '{name}' in '{url}' is not unique"
                yield _error(reason, (*here, "operationId"))
            self.operation_ids.add(operation_id)
        if "responses" in operation:
            for _, response, response_at in self.items(*self.child(operation, "responses", here)):
                if isinstance(response, dict) and "content" in response:
                    for _, media, media_at in self.items(*self.child(response, "content", response_at)):
                        if isinstance(media, dict) and "schema" in media:
                            yield from self.schema(*self.child(media, "schema", media_at))
        declared: list[tuple[str, JsonPath]] = []
        if "parameters" in operation:
            own = self.child(operation, "parameters", here)
            yield from self.parameters(*own)
            declared += self._path_parameter_names(*own)
        if shared is not None:
            declared += self._path_parameter_names(*shared)
        declared_names = {declared_name for declared_name, _ in declared}
        url_names = {found[1] for found in string.Formatter().parse(url) if found[1]}
        for missing in sorted(url_names - declared_names):
            yield _error(
                f"Path parameter '{missing}' for '{name}' operation in '{url}' was not resolved", here
            )
        for extra in sorted(declared_names - url_names):
            at = next(parameter_at for declared_name, parameter_at in declared if declared_name == extra)
            yield _error(f"Path parameter '{extra}' for '{name}' operation in '{url}' was not resolved", at)

    # ---- Schema Objects

    def schema(
        self, schema: Any, here: JsonPath, require_properties: bool = True, inside_passed: bool = False
    ) -> Iterator[ValidationError]:
        """Meta-checks each schema once and walks its subschemas; one that failed is not walked.

        openapi-spec-validator forgot a schema that failed its meta check and walked it again when
        another ``$ref`` reached it, and walked a schema first reached through a ``$ref`` inside
        another schema unchecked: either way a ``type: intger`` crashed its default-value check.
        Here every schema is checked the first time it is reached, except one written inside a
        schema that passed (``inside_passed``): the dialect's meta-schema checks each subschema
        with itself (``$dynamicRef``), so it passes too (checking each again cost 40,000 calls on
        loket.nl's description). One reached through a ``$ref`` or naming its own ``$schema`` is
        checked on its own.
        """
        if not isinstance(schema, Mapping | bool):
            yield _error(f"{schema!r} is not of type 'object', 'boolean'", here)
            return
        if id(schema) not in self.meta_check_passed:
            if inside_passed and (isinstance(schema, bool) or "$schema" not in schema):
                self.meta_check_passed[id(schema)] = True
            else:
                errors = self._meta_errors(schema, here)
                self.meta_check_passed[id(schema)] = not errors
                yield from errors
        if not self.meta_check_passed[id(schema)] or id(schema) in self.visited_schemas:
            return
        self.visited_schemas.add(id(schema))
        if not isinstance(schema, dict) or schema.keys().isdisjoint(_WALKED_KEYWORDS):
            return  # a leaf: most of a document's schemas
        own_dialect = "$schema" not in schema
        nested_properties: set[str] = set()
        for keyword in ("allOf", "anyOf", "oneOf", "not", "items", "properties"):
            if keyword in schema:
                for inner, inner_at, written_inside in self._subschemas(schema, keyword, here):
                    yield from self.schema(inner, inner_at, False, own_dialect and written_inside)
                    if keyword == "allOf":
                        nested_properties |= self._properties(inner, set())
        if "allOf" in schema and require_properties:
            required = self.child(schema, "required", here)[0] if "required" in schema else None
            own = set(self.child(schema, "properties", here)[0] or ()) if "properties" in schema else set()
            extra = list(set(required or []) - own - nested_properties)
            if extra:
                yield _error(f"Required list has not defined properties: {extra}", (*here, "required"))
        if "default" in schema:
            default = schema["default"]
            if default is not None or schema.get("nullable") is not True:
                yield from self._default_errors(schema, default, here)

    def _subschemas(
        self, schema: dict[str, Any], keyword: str, here: JsonPath
    ) -> Iterator[tuple[Any, JsonPath, bool]]:
        """Each subschema under ``keyword``, where it is written, and whether it is written inside
        ``schema`` (no ``$ref`` followed to reach it)."""
        raw = schema[keyword]
        container, at = self.deref(raw, (*here, keyword))
        if keyword in ("not", "items"):
            yield container, at, container is raw
            return
        entries: Any = (
            container.items()
            if isinstance(container, dict)
            else enumerate(container)
            if isinstance(container, list)
            else ()
        )
        for key, value in list(entries):
            inner, inner_at = self.deref(value, (*at, key))
            yield inner, inner_at, container is raw and inner is value

    def _properties(self, schema: Any, seen: set[int]) -> set[str]:
        """Every property name reachable from ``schema`` through allOf/anyOf/oneOf, items and not."""
        if not isinstance(schema, dict) or id(schema) in seen:
            return set()
        seen.add(id(schema))
        found: set[str] = set()
        if isinstance(schema.get("properties"), dict | list):
            found.update(str(key) for key in self.deref(schema["properties"], ())[0])
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                for _, inner, _ in self.items(*self.child(schema, keyword, ())):
                    found |= self._properties(inner, seen)
        for keyword in ("items", "not"):
            if keyword in schema:
                found |= self._properties(self.child(schema, keyword, ())[0], seen)
        return found

    def _meta_errors(self, schema: Any, here: JsonPath) -> list[ValidationError]:
        dialect: Any = self.default_dialect
        if isinstance(schema, Mapping) and "$schema" in schema:
            dialect = schema["$schema"]
        try:
            if not isinstance(dialect, str):
                raise ValueError
            found = (
                list(_oas31_dialect_checker().iter_errors(schema))
                if dialect == OAS31_BASE_DIALECT_ID
                else None
            )
        except (ValueError, TypeError, OverflowError):  # not JSON (a non-string key): Python copes
            found = None
        if found is None:
            return self._python_meta_errors(schema, dialect, here)
        errors: dict[JsonPath, ValidationError] = {}
        for rs_error in found:  # one finding per node: jsonschema-rs may explain a node twice
            inside = tuple(rs_error.instance_path)
            if inside not in errors:
                errors[inside] = _error(_reason(rs_error), (*here, *inside))
        return list(errors.values())

    @staticmethod
    def _python_meta_errors(schema: Any, dialect: Any, here: JsonPath) -> list[ValidationError]:
        if not isinstance(dialect, str):
            return [_error(f"Unknown JSON Schema dialect: {dialect!r}", here)]
        checker: Any = validator_for({"$schema": dialect}, default=cast(Any, None))
        if checker is None:
            return [_error(f"Unknown JSON Schema dialect: {dialect!r}", here)]
        try:
            checker.check_schema(schema, format_checker=oas31_format_checker)
        except (SchemaError, ValidationError) as exc:
            return [_error(exc.message, (*here, *exc.path))]
        return []

    def _default_errors(
        self, schema: dict[str, Any], default: Any, here: JsonPath
    ) -> Iterator[ValidationError]:
        """``default`` checked against its schema (``$ref``s in it resolve in the document)."""
        if self._default_resolver is None:
            resource = Resource.from_contents(self.document, default_specification=DRAFT202012)
            registry: Registry[Any] = Registry().with_resource(self.base_uri, resource)
            self._default_resolver = registry.resolver(base_uri=self.base_uri)
        validator = OAS31Validator(
            schema, _resolver=self._default_resolver, format_checker=oas31_format_checker
        )
        for error in validator.iter_errors(default):
            yield _error(error.message, (*here, "default", *error.path))


def spec_errors(document: Any, base_uri: str = "") -> list[ValidationError]:
    """openapi-spec-validator's findings on an OpenAPI 3.1 ``document``, each at its document path.

    ``Unresolvable`` for a ``$ref`` that points nowhere or into another file; ``UnknownType``
    (from a ``default``'s check) for a type name jsonschema does not know.
    """
    # the meta-schema check openapi-spec-validator makes with jsonschema-rs, its message and path kept
    errors = [
        ValidationError(str(error), path=list(error.instance_path))
        for error in document_checker().iter_errors(document)
    ]
    errors.extend(_Walk(document, base_uri).root())
    return errors
