"""Edits to the spec that a docs change might bring, for tests that show what follows from them.

``additive`` only adds: a response field, an endpoint, an optional query parameter. ``breaking``
removes a query parameter, adds a required body field and narrows a request enum. Each returns a
new document; the committed spec is never touched.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write_spec(spec: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def additive(spec: dict[str, Any]) -> dict[str, Any]:
    """A new optional response field (Tag.color), a new endpoint (GET /tags/{tag_id}) and a new
    optional query parameter of GET /tags (filter[name])."""
    edited = copy.deepcopy(spec)
    schemas = edited["components"]["schemas"]
    schemas["Tag"]["properties"]["color"] = {"type": "string", "description": "The tag's colour."}
    list_tags = edited["paths"]["/tags"]["get"]
    list_tags.setdefault("parameters", []).append(
        {
            "name": "filter[name]",
            "in": "query",
            "required": False,
            "description": "Only tags with this name.",
            "schema": {"type": "string"},
        }
    )
    edited["paths"]["/tags/{tag_id}"] = {
        "get": {
            "operationId": "get_tag",
            "tags": ["tags"],
            "summary": "Get a tag",
            "description": "One tag by its id.",
            "security": [{"LeelooAuthToken": []}],
            "parameters": [
                {
                    "name": "tag_id",
                    "in": "path",
                    "required": True,
                    "schema": {"$ref": "#/components/schemas/ObjectId"},
                }
            ],
            "responses": {
                "200": {
                    "description": "The tag.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["status", "data"],
                                "properties": {
                                    "status": {"$ref": "#/components/schemas/ResultStatus"},
                                    "data": {"$ref": "#/components/schemas/Tag"},
                                },
                            },
                            "examples": {
                                "docs": {
                                    "summary": "A tag",
                                    "value": {
                                        "status": 1,
                                        "data": {"id": "595f5d522a934035decc093d", "name": "Tag #1"},
                                    },
                                }
                            },
                        }
                    },
                },
                "401": {"$ref": "#/components/responses/Unauthorized"},
                "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"},
                "5XX": {"$ref": "#/components/responses/ServerError"},
            },
        }
    }
    return edited


def breaking(spec: dict[str, Any]) -> dict[str, Any]:
    """GET /people loses filter[tags]; POST /people requires a new body field; the request enum
    Currency loses RUB."""
    edited = copy.deepcopy(spec)
    list_people = edited["paths"]["/people"]["get"]
    list_people["parameters"] = [
        parameter for parameter in list_people["parameters"] if parameter.get("name") != "filter[tags]"
    ]
    create = edited["components"]["schemas"]["CreatePersonRequest"]
    create["properties"]["source"] = {"type": "string", "minLength": 1}
    create["required"] = [*create["required"], "source"]
    currency = edited["components"]["schemas"]["Currency"]
    currency["enum"] = [value for value in currency["enum"] if value != "RUB"]
    return edited
