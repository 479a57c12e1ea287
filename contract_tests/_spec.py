"""The spec as the contract tests read it: operations, resolved schemas, validators, client modules.

Read once per session. Schemas are handed out with every ``$ref`` inlined (the spec has no
recursive schema), which is what hypothesis-jsonschema and plain jsonschema validation want.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
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
from openapi_document import HTTP_METHODS, follow

CLIENT_CONFIG = SPEC_PATH.parents[1] / "generator" / "client_config.yaml"


@cache
def spec_document() -> dict[str, Any]:
    """The spec as plain data."""
    document: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
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


@dataclass(frozen=True)
class SpecOperation:
    """One operation of the spec and where the client keeps it."""

    operation_id: str
    method: str  # upper case
    path: str
    tag: str
    parameters: tuple[dict[str, Any], ...]  # resolved Parameter objects
    body_media_type: str | None
    body_schema_name: str | None
    success_schema_name: str  # the component schema of the 200 JSON answer

    @property
    def label(self) -> str:
        """``GET /people`` (schemathesis' label of the operation)."""
        return f"{self.method} {self.path}"

    def client_module(self) -> ModuleType:
        """``leeloo_client.api.<tag>.<operation_id>``."""
        return importlib.import_module(f"leeloo_client.api.{self.tag.replace('-', '_')}.{self.operation_id}")

    def success_model(self) -> type[Any]:
        """The generated model class of the 200 answer."""
        return model_class(self.success_schema_name)

    def success_schema(self) -> dict[str, Any]:
        """The 200 answer's schema, inlined."""
        return component_schema(self.success_schema_name)

    def success_example(self) -> Any:
        """The ``docs`` example of the 200 JSON answer: the body the docs page shows for it."""
        answer = resolve(spec_document()["paths"][self.path][self.method.lower()]["responses"]["200"])
        return answer["content"]["application/json"]["examples"]["docs"]["value"]


def _schema_name(media: Mapping[str, Any], where: str) -> str:
    reference = media.get("schema", {}).get("$ref")
    assert isinstance(reference, str), (
        f"{where}: the schema is written inline; the generated client names its model after a component, "
        "so the spec keeps it under components/schemas and points at it with $ref"
    )
    return reference.rsplit("/", 1)[-1]


@cache
def spec_operations() -> tuple[SpecOperation, ...]:
    """Every operation of the spec, sorted by operationId."""
    found = []
    for path, item in spec_document()["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            body = resolve(operation.get("requestBody", {})).get("content", {})
            body_media_type = next(iter(body), None)
            success = resolve(operation["responses"]["200"])["content"]["application/json"]
            found.append(
                SpecOperation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    tag=operation["tags"][0],
                    parameters=tuple(resolve(p) for p in operation.get("parameters", [])),
                    body_media_type=body_media_type,
                    body_schema_name=(
                        _schema_name(body[body_media_type], f"{operation['operationId']} request body")
                        if body_media_type
                        else None
                    ),
                    success_schema_name=_schema_name(success, f"{operation['operationId']} 200 answer"),
                )
            )
    return tuple(sorted(found, key=lambda op: op.operation_id))


def spec_operation(operation_id: str) -> SpecOperation:
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
