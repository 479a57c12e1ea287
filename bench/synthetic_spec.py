"""Synthetic OpenAPI 3.1 specs of any size, shaped like the Leeloo spec, for the scale benchmark.

Prism is known to load large specs slowly (prism#1479); to say how start-up time, memory and
throughput of the mock grow with the spec, we need specs of 30, 300 and 3,000 operations that look
like real ones: every resource has a list (paging and filter query parameters), a create (JSON
body), a read, an update (path parameter and JSON body) and a delete, all bodies and answers are
``$ref`` components with examples, errors are RFC 7807 problems, and a header token secures it.

Usage: ``python -m bench.synthetic_spec OPERATIONS OUT.yaml`` (OPERATIONS a multiple of 5).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

OPERATIONS_PER_RESOURCE = 5
SERVER_URL = "https://api.example.test/api/v2"
EXAMPLE_ID = "5b3f543bb2737000133d25b0"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], example: Any) -> dict[str, Any]:
    return {"application/json": {"schema": schema, "examples": {"default": {"value": example}}}}


def _problem_responses(*codes: str) -> dict[str, Any]:
    return {code: {"$ref": f"#/components/responses/Problem{code}"} for code in codes}


def _resource_schemas(name: str) -> dict[str, Any]:
    item = {
        "type": "object",
        "required": ["id", "name", "status", "createdAt"],
        "additionalProperties": False,
        "properties": {
            "id": _ref("ObjectId"),
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "status": {"type": "string", "enum": ["OPENED", "CLOSED", "ARCHIVED"]},
            "price": {"type": "number", "minimum": 0},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
            "createdAt": {"type": "string", "format": "date-time"},
        },
    }
    body = {
        "type": "object",
        "required": ["name"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "price": {"type": "number", "minimum": 0},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
        },
    }
    return {
        name: item,
        f"{name}Input": body,
        f"{name}Response": {
            "type": "object",
            "required": ["status", "data"],
            "properties": {"status": {"type": "integer", "enum": [1]}, "data": _ref(name)},
        },
        f"{name}ListResponse": {
            "type": "object",
            "required": ["status", "data", "meta"],
            "properties": {
                "status": {"type": "integer", "enum": [1]},
                "data": {"type": "array", "items": _ref(name)},
                "meta": _ref("PageMeta"),
            },
        },
    }


def _resource_paths(index: int, name: str) -> dict[str, Any]:
    collection = f"/things{index}"
    item_example = {
        "id": EXAMPLE_ID,
        "name": f"{name} one",
        "status": "OPENED",
        "price": 100,
        "tags": ["vip"],
        "createdAt": "2020-02-25T11:18:56.419Z",
    }
    id_parameter = {
        "name": "thing_id",
        "in": "path",
        "required": True,
        "schema": _ref("ObjectId"),
        "example": EXAMPLE_ID,
    }
    body = {
        "required": True,
        "content": _json(_ref(f"{name}Input"), {"name": f"{name} one", "price": 100, "tags": ["vip"]}),
    }
    one = {
        "description": f"One {name}.",
        "content": _json(_ref(f"{name}Response"), {"status": 1, "data": item_example}),
    }
    listing = {
        "description": f"A page of {name} items.",
        "content": _json(
            _ref(f"{name}ListResponse"),
            {"status": 1, "data": [item_example], "meta": {"totalCount": 1, "limit": 20, "offset": 0}},
        ),
    }
    return {
        collection: {
            "get": {
                "operationId": f"list_things{index}",
                "tags": [name],
                "summary": f"List {name} items",
                "parameters": [
                    {"$ref": "#/components/parameters/Limit"},
                    {"$ref": "#/components/parameters/Offset"},
                    {
                        "name": "filter[status]",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": ["OPENED", "CLOSED", "ARCHIVED"]},
                    },
                    {
                        "name": "filter[tags]",
                        "in": "query",
                        "required": False,
                        "style": "form",
                        "explode": True,
                        "schema": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    },
                ],
                "responses": {"200": listing, **_problem_responses("401", "422")},
            },
            "post": {
                "operationId": f"create_things{index}",
                "tags": [name],
                "summary": f"Create a {name}",
                "requestBody": body,
                "responses": {"200": one, **_problem_responses("400", "401", "422")},
            },
        },
        f"{collection}/{{thing_id}}": {
            "parameters": [id_parameter],
            "get": {
                "operationId": f"get_things{index}",
                "tags": [name],
                "summary": f"Get a {name}",
                "responses": {"200": one, **_problem_responses("401", "404")},
            },
            "put": {
                "operationId": f"update_things{index}",
                "tags": [name],
                "summary": f"Update a {name}",
                "requestBody": body,
                "responses": {"200": one, **_problem_responses("400", "401", "404", "422")},
            },
            "delete": {
                "operationId": f"delete_things{index}",
                "tags": [name],
                "summary": f"Delete a {name}",
                "responses": {"204": {"description": "Deleted."}, **_problem_responses("401", "404")},
            },
        },
    }


_PROBLEM_TITLES = {
    "400": "Bad Request",
    "401": "Unauthorized",
    "404": "Not Found",
    "422": "Unprocessable Content",
}


def synthetic_spec(operations: int) -> dict[str, Any]:
    """A valid OpenAPI 3.1 document with exactly ``operations`` operations."""
    if operations <= 0 or operations % OPERATIONS_PER_RESOURCE:
        raise ValueError(
            f"operations must be a positive multiple of {OPERATIONS_PER_RESOURCE}, got {operations}"
        )
    schemas: dict[str, Any] = {
        "ObjectId": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
        "PageMeta": {
            "type": "object",
            "required": ["totalCount", "limit", "offset"],
            "properties": {
                "totalCount": {"type": "integer", "minimum": 0},
                "limit": {"type": "integer", "minimum": 1},
                "offset": {"type": "integer", "minimum": 0},
            },
        },
        "Problem": {
            "type": "object",
            "required": ["type", "title", "status"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
            },
        },
    }
    paths: dict[str, Any] = {}
    for index in range(operations // OPERATIONS_PER_RESOURCE):
        name = f"Thing{index}"
        schemas.update(_resource_schemas(name))
        paths.update(_resource_paths(index, name))
    responses = {
        f"Problem{code}": {
            "description": title,
            "content": {
                "application/problem+json": {
                    "schema": _ref("Problem"),
                    "examples": {
                        "default": {"value": {"type": "about:blank", "title": title, "status": int(code)}}
                    },
                }
            },
        }
        for code, title in _PROBLEM_TITLES.items()
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Synthetic API of {operations} operations", "version": "1.0"},
        "servers": [{"url": SERVER_URL}],
        "security": [{"Token": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"Token": {"type": "apiKey", "in": "header", "name": "X-Leeloo-AuthToken"}},
            "parameters": {
                "Limit": {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                },
                "Offset": {
                    "name": "offset",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 0, "default": 0},
                },
            },
            "responses": responses,
            "schemas": schemas,
        },
    }


def write_synthetic_spec(operations: int, path: Path) -> Path:
    path.write_text(
        yaml.safe_dump(synthetic_spec(operations), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="synthetic_spec", description=__doc__.splitlines()[0])
    parser.add_argument("operations", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        write_synthetic_spec(args.operations, args.out)
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
