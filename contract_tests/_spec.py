"""The spec as the contract tests read it: operations, resolved schemas, validators, client modules.

Read once per session. Schemas are handed out with every ``$ref`` inlined (the spec has no
recursive schema), which is what hypothesis-jsonschema and plain jsonschema validation want.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.test import EnvironBuilder

import openapi_document
from contract_tests._settings import SPEC_PATH
from openapi_document import Operation, follow, operation_list
from openapi_document._yaml_positions import load_yaml_with_positions

CLIENT_CONFIG = SPEC_PATH.parents[1] / "generator" / "client_config.yaml"


@cache
def spec_document() -> dict[str, Any]:
    """The spec as plain data, read by the project's bounded loader."""
    document: dict[str, Any] = load_yaml_with_positions(SPEC_PATH, positions=False).data
    return document


@cache
def openapi() -> OpenAPI:
    """openapi-core's view of the spec (slow to build, so built once)."""
    return OpenAPI.from_file_path(str(SPEC_PATH))


def _follow(reference: str) -> Any:
    return follow(spec_document(), reference)


def resolve(node: Any) -> Any:
    """``node`` with its own ``$ref`` chain followed (one level; nested refs stay)."""
    return openapi_document.resolve(spec_document(), node)


def inline(node: Any) -> Any:
    """A copy of ``node`` with every ``$ref`` replaced by what it points at, recursively."""
    if isinstance(node, Mapping):
        if "$ref" in node:
            return inline(_follow(node["$ref"]))
        return {key: inline(value) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(item) for item in node]
    return node


def component_schema(name: str) -> dict[str, Any]:
    """``components.schemas[name]`` with every ``$ref`` inlined."""
    schema: dict[str, Any] = inline(spec_document()["components"]["schemas"][name])
    return schema


@cache
def model_name(schema_name: str) -> str:
    """The client's class for a component schema: its name, unless the generator config renames it."""
    config: dict[str, Any] = yaml.safe_load(CLIENT_CONFIG.read_text(encoding="utf-8")) or {}
    override = (config.get("class_overrides") or {}).get(schema_name) or {}
    return str(override.get("class_name", schema_name))


def model_class(schema_name: str) -> type[Any]:
    """The generated model class of a component schema."""
    model: type[Any] = getattr(importlib.import_module("leeloo_client.models"), model_name(schema_name))
    return model


def component_names() -> list[str]:
    """The names of every component schema, in spec order."""
    return list(spec_document()["components"]["schemas"])


def client_module(operation: Operation) -> ModuleType:
    """Where the client keeps an operation: ``leeloo_client.api.<tag>.<operation_id>``."""
    return importlib.import_module(
        f"leeloo_client.api.{operation.tag.replace('-', '_')}.{operation.operation_id}"
    )


def _schema_name(media: Mapping[str, Any], where: str) -> str:
    reference = media.get("schema", {}).get("$ref")
    assert isinstance(reference, str), (
        f"{where}: the schema is written inline; the generated client names its model after a component, "
        "so the spec keeps it under components/schemas and points at it with $ref"
    )
    return reference.rsplit("/", 1)[-1]


def body_media_type(operation: Operation) -> str | None:
    """The first media type of an operation's request body (the client sends that one), or None."""
    return next(iter((operation.request_body or {}).get("content", {})), None)


def body_schema_name(operation: Operation) -> str | None:
    """The component schema of an operation's request body, or None without a body."""
    media_type = body_media_type(operation)
    if media_type is None:
        return None
    assert operation.request_body is not None
    return _schema_name(
        operation.request_body["content"][media_type], f"{operation.operation_id} request body"
    )


def success_schema_name(operation: Operation) -> str:
    """The component schema of an operation's 200 JSON answer."""
    media = operation.responses["200"]["content"]["application/json"]
    return _schema_name(media, f"{operation.operation_id} 200 answer")


def success_model(operation: Operation) -> type[Any]:
    """The generated model class of an operation's 200 answer."""
    return model_class(success_schema_name(operation))


def success_example(operation: Operation) -> Any:
    """The ``docs`` example of an operation's 200 JSON answer: the body the docs page shows for it."""
    return operation.responses["200"]["content"]["application/json"]["examples"]["docs"]["value"]


def success_schema(operation: Operation) -> dict[str, Any]:
    """An operation's 200 answer schema, inlined."""
    return component_schema(success_schema_name(operation))


@cache
def spec_operations() -> tuple[Operation, ...]:
    """Every operation of the spec, sorted by operationId; each names its bodies by component schema."""
    found = operation_list(spec_document())
    for operation in found:
        body_schema_name(operation)
        success_schema_name(operation)
    return tuple(sorted(found, key=lambda op: op.operation_id))


def spec_operation(operation_id: str) -> Operation:
    """The operation with this operationId."""
    for operation in spec_operations():
        if operation.operation_id == operation_id:
            return operation
    raise KeyError(operation_id)


def schema_validator(schema: Mapping[str, Any]) -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator of an inlined schema that also checks formats (date-time, email)."""
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def validate_request(request: httpx.Request) -> None:
    """Raise (openapi-core) when ``request`` breaks the spec: path, query, headers, body, security."""
    url = urlsplit(str(request.url))
    path = url.path
    base = urlsplit(spec_document()["servers"][0]["url"]).path.rstrip("/")
    if not path.startswith(base):
        path = base + path
    builder = EnvironBuilder(
        method=request.method,
        base_url="https://api.leeloo.ai",
        path=path,
        query_string=url.query,
        headers=list(request.headers.multi_items()),
        data=request.content,
    )
    try:
        werkzeug_request = builder.get_request()
    finally:
        builder.close()
    openapi().validate_request(WerkzeugOpenAPIRequest(werkzeug_request))
