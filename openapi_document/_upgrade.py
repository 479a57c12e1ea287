"""Upgrade a Swagger 2.0 or OpenAPI 3.0.x document to OpenAPI 3.1, in memory.

The mock and its spec check understand OpenAPI 3.1 only; most API descriptions in the wild are
3.0 or Swagger 2.0. What an upgrade means follows swagger2openapi (2.0 -> 3.0) and
``@scalar/openapi-upgrader`` (3.0 -> 3.1); the code is this project's own.

3.0 -> 3.1, in every Schema Object:

- ``nullable: true`` becomes ``"null"`` in ``type`` (and ``None`` in an ``enum``); beside a
  ``$ref`` or with no ``type``, the schema becomes ``anyOf: [schema, {type: "null"}]``;
- a boolean ``exclusiveMinimum``/``exclusiveMaximum`` becomes the number of its ``minimum``/
  ``maximum``;
- ``example`` stays (the 3.1 dialect keeps it); ``x-nullable`` (2.0) counts as ``nullable``.

2.0 -> 3.1, the same, after: ``definitions``, ``parameters``, ``responses`` and
``securityDefinitions`` move under ``components`` (a body or formData parameter becomes a
request body); ``host``, ``basePath`` and ``schemes`` become ``servers``; ``consumes`` and
``produces`` name the media types of request bodies and responses; a ``formData`` parameter
becomes a property of a form body (``type: file`` a binary string); a non-body parameter's type
keywords move into its ``schema``, its ``collectionFormat`` into ``style``/``explode``; a
response's ``examples`` become each media type's ``example``; ``$ref``s are rewritten to the
new places.

What has no 3.1 equivalent (a ``tsv`` collection, a boolean exclusive bound with no bound) is
dropped and counted in :attr:`Upgraded.lost`, for one warning line. Every walk is bounded by
the loader's depth bound (the document was read with it). A part of a 2.0 document that is not
the type the format says (``paths`` a list, a parameter list a number) is left as it is, for the
spec check to name; only copies grow the document (a schema written once is copied into each
media type of ``consumes``/``produces``), and they are bounded: past ``MAX_COPIED_NODES`` the
upgrade stops with :class:`UpgradeRefused` at the line of the part it was copying.

Two flaws of 2.0 and 3.0 documents that Prism serves and a mock never needs are repaired, each
listed in :attr:`Upgraded.repaired` (path, what was done) for a warning at its line: a 3.0
parameter or header written Swagger-2 style (``type``, ``items``, ... beside ``in``) gets those
keywords as its ``schema`` (or, beside a ``schema``, loses them); a schema whose ``type`` is not
a type name (an object: a property named ``type`` written outside ``properties``) loses that
``type``.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openapi_document import HTTP_METHODS
from openapi_document._yaml_positions import JsonPath

SERVED = "OpenAPI 3.1, OpenAPI 3.0.x and Swagger 2.0"
TARGET_VERSION = "3.1.0"
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})
# schema keywords whose value is a schema, a list of schemas or a mapping of schemas
_ONE_SCHEMA = ("items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "$defs", "dependentSchemas")
# keywords a 2.0 non-body parameter shares with a schema
_PARAMETER_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"
_JSON = "application/json"
# How many nodes the upgrade of a 2.0 document may copy, in all (the real 2.0 documents of
# ../shared/data/real-specs copy 0 to 370); the refusal comes before the copying, in well under a second.
MAX_COPIED_NODES = 250_000


class UnsupportedVersion(Exception):
    """The document is not one of the versions served; ``where`` is the path of the version key."""

    def __init__(self, where: JsonPath, reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


class UpgradeRefused(UnsupportedVersion):
    """The upgrade would pass a bound; ``where`` is the path, in the document as written, of the
    part it was upgrading."""


class _Copies:
    """Deep copies of schemas, counted against ``MAX_COPIED_NODES``."""

    def __init__(self) -> None:
        self.left = MAX_COPIED_NODES

    def copies(self, node: Any, count: int, where: JsonPath) -> list[Any]:
        """``count`` deep copies of ``node``, refused before any is made when they pass the bound."""
        needed = _size(node, self.left + 1) * count
        if needed > self.left:
            raise UpgradeRefused(
                where,
                f"upgrading to {TARGET_VERSION} would copy more than {MAX_COPIED_NODES:,} nodes "
                f"(a schema is copied into each of {count:,} media types of `consumes`/`produces`)",
            )
        self.left -= needed
        return [copy.deepcopy(node) for _ in range(count)]


def _size(node: Any, limit: int) -> int:
    """The number of nodes under ``node`` (itself included), counting stopped past ``limit``."""
    count = 0
    stack = [node]
    while stack and count <= limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _list(value: Any) -> list[Any]:
    """``value`` when it is a list, else nothing (a 2.0 list written as something else)."""
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict[Any, Any]:
    """``value`` when it is a mapping, else nothing."""
    return value if isinstance(value, dict) else {}


@dataclass
class Upgraded:
    """The 3.1 document, the version it was written in, and what had no 3.1 equivalent."""

    document: dict[str, Any]
    source_version: str
    lost: Counter[str] = field(default_factory=Counter)
    origin: Callable[[JsonPath], JsonPath] = field(default=lambda where: where)
    repaired: list[tuple[JsonPath, str]] = field(default_factory=list)
    # every string the file wrote as a `pattern` or `patternProperties` key, when its loader
    # gathered them (WrittenStrings): the upgrade moves patterns, it never makes one
    patterns: frozenset[str] | None = None

    @property
    def upgraded(self) -> bool:
        return not self.source_version.startswith("3.1")

    def warning(self) -> str | None:
        """One line naming what the upgrade lost (``None`` when nothing was)."""
        if not self.lost:
            return None
        parts = ", ".join(f"{what} ({count}x)" for what, count in sorted(self.lost.items()))
        return f"upgraded from {self.source_version} to {TARGET_VERSION} in memory; dropped: {parts}"


def source_version(document: dict[str, Any]) -> tuple[JsonPath, str]:
    """The version field's path and value; :class:`UnsupportedVersion` for any other document."""
    if "openapi" in document:
        version = str(document["openapi"])
        if version.startswith(("3.0.", "3.1.")) or version in ("3.0", "3.1"):
            return ("openapi",), version
        reason = f"OpenAPI {version} cannot be served: leeloo-mock serves {SERVED}"
        raise UnsupportedVersion(("openapi",), reason)
    if "swagger" in document:
        version = str(document["swagger"])
        if version == "2.0":
            return ("swagger",), version
        raise UnsupportedVersion(
            ("swagger",), f"Swagger {version} cannot be served: leeloo-mock serves {SERVED}"
        )
    raise UnsupportedVersion(
        (), f"neither an 'openapi' nor a 'swagger' version field: leeloo-mock serves {SERVED}"
    )


def upgrade(document: dict[str, Any], *, in_place: bool = False) -> Upgraded:
    """``document`` as OpenAPI 3.1 (a copy when it was not 3.1 already; 3.1 is returned as it is).

    ``in_place``: ``document`` itself is rewritten, for a caller that parsed it and keeps no other
    use of it (the copy took 4 s of the 6 s a 19 MiB document took to upgrade).
    """
    _, version = source_version(document)
    if version.startswith("3.1"):
        return Upgraded(document, version)
    lost: Counter[str] = Counter()
    owned = document if in_place else copy.deepcopy(document)
    if version == "2.0":
        result = _from_swagger2(owned, lost)
        origin = _swagger2_origin
    else:
        result = owned
        origin = _same
    result["openapi"] = TARGET_VERSION
    repaired: list[tuple[JsonPath, str]] = []
    _walk_document(result, lost, repaired)
    return Upgraded(result, version, lost, origin, repaired)


def _same(where: JsonPath) -> JsonPath:
    return where


# ---- 3.0 -> 3.1: Schema Objects --------------------------------------------------------------


_TYPE_NAMES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null", "file"})
_PARAMETER_HOLDERS = ("parameters", "headers")  # lists or maps of Parameter / Header Objects


def _walk_document(
    node: Any, lost: Counter[str], repaired: list[tuple[JsonPath, str]], here: JsonPath = ()
) -> None:
    """Upgrade every Schema Object of an OpenAPI 3.0 document (found under ``schema``/``schemas``)."""
    if len(here) > 200:
        return
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key in _DATA_KEYS and key != "examples":
                continue
            where = (*here, key)
            if key == "schema":
                node[key] = _schema(value, lost, repaired, where)
            elif key == "schemas" and isinstance(value, dict):
                for name, schema in list(value.items()):
                    value[name] = _schema(schema, lost, repaired, (*where, name))
            elif key == "examples" and isinstance(value, dict):
                continue  # Example Objects: data
            else:
                if key in _PARAMETER_HOLDERS:
                    _repair_parameters(value, repaired, where)
                _walk_document(value, lost, repaired, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _walk_document(item, lost, repaired, (*here, index))


def _repair_parameters(holder: Any, repaired: list[tuple[JsonPath, str]], here: JsonPath) -> None:
    """Parameters or headers written Swagger-2 style: their type keywords become their schema."""
    items = (
        holder.items() if isinstance(holder, dict) else enumerate(holder) if isinstance(holder, list) else ()
    )
    for key, parameter in items:
        if not isinstance(parameter, dict) or "$ref" in parameter:
            continue
        stray = [name for name in _PARAMETER_SCHEMA_KEYS if name in parameter]
        if not stray or ("in" not in parameter and here[-1] == "parameters"):
            continue
        moved = {name: parameter.pop(name) for name in stray}
        if "schema" in parameter or "content" in parameter:
            repaired.append(
                ((*here, key), f"{', '.join(stray)} beside its schema (Swagger 2.0 style): ignored")
            )
        else:
            parameter["schema"] = moved
            repaired.append(
                ((*here, key), f"{', '.join(stray)} written Swagger 2.0 style: read as its schema")
            )


def _names_types(declared: Any) -> bool:
    """Whether a ``type`` value is a type name or a list of them."""
    if isinstance(declared, str):
        return declared in _TYPE_NAMES
    return isinstance(declared, list) and all(isinstance(t, str) and t in _TYPE_NAMES for t in declared)


_SUBSCHEMA_KEYS = frozenset((*_ONE_SCHEMA, *_SCHEMA_LISTS, *_SCHEMA_MAPS))
_REWRITTEN_KEYS = frozenset(
    {"discriminator", "exclusiveMinimum", "exclusiveMaximum", "nullable", "x-nullable"}
)


def _schema(schema: Any, lost: Counter[str], repaired: list[tuple[JsonPath, str]], here: JsonPath) -> Any:
    """One Schema Object upgraded (and its subschemas).

    Most schemas are leaves with nothing to rewrite but a ``type`` to look at: each keyword is
    looked for only when one of its kind is there (looking for all of them in each of loket.nl's
    43,000 schemas was two thirds of its upgrade).
    """
    if not isinstance(schema, dict) or len(here) > 200:
        return schema
    keys = schema.keys()
    if not keys.isdisjoint(_SUBSCHEMA_KEYS):
        _subschemas(schema, lost, repaired, here)
    declared = schema.get("type")
    if declared is not None and not _names_types(declared):
        del schema["type"]
        what = type(declared).__name__ if not isinstance(declared, str) else repr(declared)
        repaired.append(((*here, "type"), f"a type that names no type ({what}): served without it"))
    if declared == "file":  # 2.0 only
        schema["type"] = "string"
        schema.setdefault("format", "binary")
    if keys.isdisjoint(_REWRITTEN_KEYS):
        return schema
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, str):  # 2.0 names the property only
        schema["discriminator"] = {"propertyName": discriminator}
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        flag = schema.get(exclusive)
        if isinstance(flag, bool):
            del schema[exclusive]
            if flag and isinstance(schema.get(bound), int | float):
                schema[exclusive] = schema.pop(bound)
            elif flag:
                lost[f"boolean {exclusive} without {bound}"] += 1
    nullable = schema.pop("nullable", None)
    x_nullable = schema.pop("x-nullable", None)
    if nullable is True or x_nullable is True:
        return _nullable(schema)
    return schema


def _subschemas(
    schema: dict[str, Any], lost: Counter[str], repaired: list[tuple[JsonPath, str]], here: JsonPath
) -> None:
    """The subschemas of ``schema`` upgraded in place, keyword by keyword in a fixed order."""
    for key in _ONE_SCHEMA:
        if isinstance(schema.get(key), dict):
            schema[key] = _schema(schema[key], lost, repaired, (*here, key))
    for key in _SCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            schema[key] = [
                _schema(item, lost, repaired, (*here, key, i)) for i, item in enumerate(schema[key])
            ]
    for key in _SCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            schema[key] = {
                name: _schema(sub, lost, repaired, (*here, key, name)) for name, sub in schema[key].items()
            }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    declared = schema.get("type")
    if "$ref" in schema or declared is None:
        return {"anyOf": [schema, {"type": "null"}]}
    if isinstance(declared, str):
        schema["type"] = [declared, "null"]
    elif isinstance(declared, list) and "null" not in declared:
        schema["type"] = [*declared, "null"]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    return schema


# ---- 2.0 -> 3.0 structure --------------------------------------------------------------------

_REF_MOVES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/responses/", "#/components/responses/"),
    ("#/securityDefinitions/", "#/components/securitySchemes/"),
)


def _rewrite_refs(node: Any, body_parameters: frozenset[str], depth: int = 0) -> None:
    if depth > 200:
        return
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            for old, new in _REF_MOVES:
                if ref.startswith(old):
                    node["$ref"] = new + ref[len(old) :]
                    break
            else:
                if ref.startswith("#/parameters/"):
                    name = ref[len("#/parameters/") :]
                    kind = "requestBodies" if name in body_parameters else "parameters"
                    node["$ref"] = f"#/components/{kind}/{name}"
        for value in node.values():
            _rewrite_refs(value, body_parameters, depth + 1)
    elif isinstance(node, list):
        for item in node:
            _rewrite_refs(item, body_parameters, depth + 1)


def _servers(document: dict[str, Any]) -> list[dict[str, str]]:
    host = document.pop("host", None)
    base_path = str(document.pop("basePath", "") or "")
    schemes = [str(scheme) for scheme in _list(document.pop("schemes", None))] or ["https"]
    if not base_path.startswith("/"):
        base_path = "/" + base_path
    if not host:
        return [{"url": base_path}]
    return [{"url": f"{scheme}://{host}{base_path.rstrip('/')}"} for scheme in schemes]


_STYLES = {"csv": ("form", False), "ssv": ("spaceDelimited", False), "pipes": ("pipeDelimited", False)}


def _parameter(parameter: dict[str, Any], lost: Counter[str]) -> dict[str, Any]:
    """A 2.0 non-body parameter as a 3.0 Parameter Object."""
    result = {key: value for key, value in parameter.items() if key not in _PARAMETER_SCHEMA_KEYS}
    schema = {key: parameter[key] for key in _PARAMETER_SCHEMA_KEYS if key in parameter}
    collection = result.pop("collectionFormat", None)
    _items_collection(schema, lost)
    if collection == "multi":
        result["style"], result["explode"] = "form", True
    elif collection in _STYLES:
        style, explode = _STYLES[collection]
        if parameter.get("in") in ("path", "header") and style == "form":
            style = "simple"
        result["style"], result["explode"] = style, explode
    elif collection == "tsv":
        lost["collectionFormat tsv"] += 1
    if "allowEmptyValue" in result and result.get("in") != "query":
        del result["allowEmptyValue"]
    if result.get("in") == "path":
        result["required"] = True
    result["schema"] = schema
    return result


def _items_collection(schema: dict[str, Any], lost: Counter[str]) -> None:
    items = schema.get("items")
    if isinstance(items, dict) and items.pop("collectionFormat", None) not in (None, "csv"):
        lost["nested collectionFormat"] += 1


def _media_types(declared: Any, fallback: list[str]) -> list[str]:
    if isinstance(declared, list) and declared:
        return [str(item) for item in declared]
    return fallback


def _form_body(form: list[dict[str, Any]], consumes: list[str], lost: Counter[str]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    has_file = False
    for parameter in form:
        name = str(parameter.get("name", ""))
        schema = {key: parameter[key] for key in _PARAMETER_SCHEMA_KEYS if key in parameter}
        _items_collection(schema, lost)
        if schema.get("type") == "file":
            has_file = True
            schema = {"type": "string", "format": "binary"}
        if "description" in parameter:
            schema["description"] = parameter["description"]
        properties[name] = schema
        if parameter.get("required"):
            required.append(name)
    body_schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        body_schema["required"] = required
    forms = [media for media in consumes if media in (_FORM, _MULTIPART)]
    if not forms:
        forms = [_MULTIPART if has_file else _FORM]
    return {"content": {media: {"schema": body_schema} for media in forms}, "required": bool(required)}


def _body(parameter: dict[str, Any], consumes: list[str], copies: _Copies, where: JsonPath) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    media = [item for item in consumes if item not in (_FORM, _MULTIPART)] or [_JSON]
    schemas = copies.copies(schema, len(media), where)
    body: dict[str, Any] = {
        "content": {item: {"schema": copied} for item, copied in zip(media, schemas, strict=True)}
    }
    if parameter.get("required"):
        body["required"] = True
    if "description" in parameter:
        body["description"] = parameter["description"]
    for key, value in parameter.items():
        if isinstance(key, str) and key.startswith("x-"):
            body[key] = value
    return body


def _response(response: Any, produces: list[str], copies: _Copies, where: JsonPath) -> Any:
    if not isinstance(response, dict) or "$ref" in response:
        return response
    result = {key: value for key, value in response.items() if key not in ("schema", "examples", "headers")}
    result.setdefault("description", "")
    raw_examples = response.get("examples")
    examples: dict[str, Any] = raw_examples if isinstance(raw_examples, dict) else {}
    if "schema" in response:
        media_types = list(dict.fromkeys([*produces, *examples])) if examples else produces
        content: dict[str, Any] = {}
        schemas = copies.copies(response["schema"], len(media_types), where)
        for media, schema in zip(media_types, schemas, strict=True):
            entry: dict[str, Any] = {"schema": schema}
            if media in examples:
                entry["example"] = examples[media]
            content[media] = entry
        result["content"] = content
    headers = response.get("headers")
    if isinstance(headers, dict):
        result["headers"] = {name: _header(header) for name, header in headers.items()}
    return result


def _header(header: Any) -> Any:
    if not isinstance(header, dict) or "$ref" in header:
        return header
    result = {key: value for key, value in header.items() if key not in _PARAMETER_SCHEMA_KEYS}
    result.pop("collectionFormat", None)
    result["schema"] = {key: header[key] for key in _PARAMETER_SCHEMA_KEYS if key in header}
    return result


def _global_parameter(document: dict[str, Any], ref: Any) -> dict[str, Any] | None:
    if not isinstance(ref, str) or not ref.startswith("#/parameters/"):
        return None
    found = _mapping(document.get("parameters")).get(
        ref[len("#/parameters/") :].replace("~1", "/").replace("~0", "~")
    )
    return found if isinstance(found, dict) else None


def _operation(
    document: dict[str, Any],
    where: JsonPath,
    shared: list[Any],
    consumes: list[str],
    produces: list[str],
    lost: Counter[str],
    copies: _Copies,
) -> None:
    operation = document["paths"][where[1]][where[2]]
    consumes = _media_types(operation.pop("consumes", None), consumes)
    produces = _media_types(operation.pop("produces", None), produces)
    operation.pop("schemes", None)  # http or https of the real API: the mock answers on its own (Kubernetes)
    parameters: list[Any] = []
    body: dict[str, Any] | None = None
    form: list[dict[str, Any]] = []
    own = _list(operation.get("parameters"))
    own_keys = {_key(document, p) for p in own if _resolved(document, p)}
    for raw in [*(p for p in shared if _key(document, p) not in own_keys), *own]:
        parameter = _resolved(document, raw)
        if parameter is None:
            parameters.append(raw)
            continue
        location = parameter.get("in")
        if location == "body":
            body = _body(parameter, consumes, copies, (*where, "parameters"))
        elif location == "formData":
            form.append(parameter)
        elif isinstance(raw, dict) and "$ref" in raw:
            parameters.append(raw)  # a global parameter, upgraded under components
        else:
            parameters.append(_parameter(parameter, lost))
    if form:
        body = _form_body(form, consumes, lost)
    if parameters:
        operation["parameters"] = parameters
    else:
        operation.pop("parameters", None)
    if body is not None:
        operation["requestBody"] = body
    responses = operation.get("responses")
    if isinstance(responses, dict):
        operation["responses"] = {
            str(code): _response(r, produces, copies, (*where, "responses", code))
            for code, r in responses.items()
        }


def _resolved(document: dict[str, Any], parameter: Any) -> dict[str, Any] | None:
    if isinstance(parameter, dict) and "$ref" in parameter:
        return _global_parameter(document, parameter["$ref"])
    return parameter if isinstance(parameter, dict) else None


def _key(document: dict[str, Any], parameter: Any) -> tuple[str, str]:
    """What makes a parameter the same as another: its name and place (as text: they may be any YAML)."""
    resolved = _resolved(document, parameter)
    return (repr(resolved.get("name")), repr(resolved.get("in"))) if resolved else ("", "")


_OAUTH_FLOWS = {
    "implicit": "implicit",
    "password": "password",
    "application": "clientCredentials",
    "accessCode": "authorizationCode",
}


def _security_scheme(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    kind = scheme.get("type")
    if kind == "basic":
        return {**{k: v for k, v in scheme.items() if k != "type"}, "type": "http", "scheme": "basic"}
    if kind == "oauth2":
        flow: dict[str, Any] = {"scopes": scheme.get("scopes") or {}}
        for key in ("authorizationUrl", "tokenUrl"):
            if key in scheme:
                flow[key] = scheme[key]
        result = {
            k: v for k, v in scheme.items() if k not in ("flow", "scopes", "authorizationUrl", "tokenUrl")
        }
        result["flows"] = {_OAUTH_FLOWS.get(str(scheme.get("flow")), "implicit"): flow}
        return result
    return scheme


def _from_swagger2(document: dict[str, Any], lost: Counter[str]) -> dict[str, Any]:
    copies = _Copies()
    document.pop("swagger", None)
    consumes = _media_types(document.pop("consumes", None), [_JSON])
    produces = _media_types(document.pop("produces", None), [_JSON])
    servers = _servers(document)
    raw_parameters = document.get("parameters")
    global_parameters: dict[str, Any] = raw_parameters if isinstance(raw_parameters, dict) else {}
    body_names = frozenset(
        name
        for name, parameter in global_parameters.items()
        if isinstance(parameter, dict) and parameter.get("in") in ("body", "formData")
    )
    for name, path_item in _mapping(document.get("paths")).items():
        if not isinstance(path_item, dict):
            continue
        shared = _list(path_item.get("parameters"))
        for method in HTTP_METHODS:
            if isinstance(path_item.get(method), dict):
                _operation(document, ("paths", name, method), shared, consumes, produces, lost, copies)
        kept = [p for p in shared if (_resolved(document, p) or {}).get("in") not in ("body", "formData")]
        if kept:
            path_item["parameters"] = [
                p if "$ref" in p else _parameter(p, lost) for p in kept if isinstance(p, dict)
            ]
        else:
            path_item.pop("parameters", None)
    components: dict[str, Any] = {}
    if isinstance(document.get("definitions"), dict):
        components["schemas"] = document.pop("definitions")
    if global_parameters:
        document.pop("parameters", None)
        plain = {
            name: _parameter(p, lost)
            for name, p in global_parameters.items()
            if isinstance(p, dict) and name not in body_names
        }
        bodies = {
            name: _body(p, consumes, copies, ("parameters", name))
            if p.get("in") == "body"
            else _form_body([p], consumes, lost)
            for name, p in global_parameters.items()
            if name in body_names
        }
        if plain:
            components["parameters"] = plain
        if bodies:
            components["requestBodies"] = bodies
    if isinstance(document.get("responses"), dict):
        components["responses"] = {
            name: _response(r, produces, copies, ("responses", name))
            for name, r in document.pop("responses").items()
        }
    if isinstance(document.get("securityDefinitions"), dict):
        components["securitySchemes"] = {
            name: _security_scheme(s) for name, s in document.pop("securityDefinitions").items()
        }
    _rewrite_refs(document, body_names)
    _rewrite_refs(components, body_names)  # a definition's own $refs (Kubernetes: 1,263 of them)
    result: dict[str, Any] = {"openapi": TARGET_VERSION}
    for key, value in document.items():
        result[key] = value
        if key == "info":
            result["servers"] = servers
    result.setdefault("servers", servers)
    if components:
        result["components"] = components
    return result


# where a node of the upgraded document was written in the 2.0 document (for error lines)
_COMPONENT_ORIGINS = {
    "schemas": "definitions",
    "parameters": "parameters",
    "requestBodies": "parameters",
    "responses": "responses",
    "securitySchemes": "securityDefinitions",
}


def _swagger2_origin(where: JsonPath) -> JsonPath:
    """The path in the 2.0 document of the node at ``where`` in its upgrade (near enough for a line)."""
    if len(where) >= 2 and where[0] == "components" and isinstance(where[1], str):
        moved = _COMPONENT_ORIGINS.get(where[1])
        return (moved, *where[2:]) if moved else where[:1]
    if where[:1] == ("servers",):
        return ("host",)
    parts = list(where)
    if len(parts) >= 4 and parts[0] == "paths":
        rest = parts[3:]
        if rest[:1] == ["requestBody"]:
            return (*parts[:3], "parameters")
        if rest[:1] == ["responses"] and len(rest) >= 4 and rest[2] == "content":
            return (*parts[:3], *rest[:2], *rest[4:])
        if rest[:1] == ["parameters"] and len(rest) >= 3 and rest[2] == "schema":
            return (*parts[:3], *rest[:2], *rest[3:])
    return where
