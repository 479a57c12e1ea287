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
PAGE = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"  # the spec's source: the vendor's print
HISTORY_PAGE = ROOT / "spec" / "source" / "leeloo-api-v2.txt"  # the older copy, kept as history
RESOURCES = ROOT / "spec" / "mock-resources.yaml"
_TAGS_URL = "GEThttps://api.leeloo.ai/api/v2/tags\n"
_NEW_SECTION = """
Get one tag

GET https://api.leeloo.ai/api/v2/tags/{tag_id}

Path Params
tag_id (example: 595f5d522a934035decc093d) - tag id

IMPORTANT: Pass your auth token in 'X-Leeloo-AuthToken' header.

Response

{
    "status": 1,
    "data": {
        "id": "595f5d522a934035decc093d",
        "name": "Tag #1",
        "color": "green"
    }
}

"""


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write_spec(spec: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _fresh(name: str, taken: Any) -> str:
    """``name``, or ``name`` with the first number that makes it unused in ``taken``."""
    if name not in taken:
        return name
    stem, suffix = (name[:-1], "]") if name.endswith("]") else (name, "")
    return next(
        f"{stem}{number}{suffix}" for number in range(2, 1000) if f"{stem}{number}{suffix}" not in taken
    )


def additive(spec: dict[str, Any]) -> dict[str, Any]:
    """A new optional response field (Tag.color), a new endpoint (GET /tags/{tag_id}) and a new
    optional query parameter of GET /tags (filter[name]), written as the spec's conventions and
    its lint want them (a response component, the 400 of every operation that takes input)."""
    edited = copy.deepcopy(spec)
    schemas = edited["components"]["schemas"]
    # names the spec does not use yet, so the edit adds even to a spec that already took it once
    color = _fresh("color", schemas["Tag"]["properties"])
    response = _fresh("TagResponse", schemas)
    path = (
        "/tags/{tag_id}"
        if "/tags/{tag_id}" not in edited["paths"]
        else _fresh("/tags/{tag_id}/details", edited["paths"])
    )
    operation_ids = {op.get("operationId") for item in edited["paths"].values() for op in item.values()}
    operation_id = _fresh("get_tag", {name for name in operation_ids if isinstance(name, str)})
    schemas["Tag"]["properties"][color] = {"type": "string", "description": "The tag's colour."}
    schemas[response] = {
        "type": "object",
        "required": ["status", "data"],
        "properties": {
            "status": {"$ref": "#/components/schemas/ResultStatus"},
            "data": {"$ref": "#/components/schemas/Tag"},
        },
    }
    list_tags = edited["paths"]["/tags"]["get"]
    # the spec lint asks an operation that takes input to document the 400 of an invalid one
    list_tags["responses"]["400"] = {"$ref": "#/components/responses/BadRequest"}
    taken = {parameter.get("name") for parameter in list_tags.get("parameters", [])}
    list_tags.setdefault("parameters", []).append(
        {
            "name": _fresh("filter[name]", {name for name in taken if isinstance(name, str)}),
            "in": "query",
            "required": False,
            "description": "Only tags with this name.",
            "schema": {"type": "string"},
        }
    )
    edited["paths"][path] = {
        "get": {
            "operationId": operation_id,
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
                    "example": "595f5d522a934035decc093d",
                }
            ],
            "responses": {
                "200": {
                    "description": "The tag.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{response}"},
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
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"$ref": "#/components/responses/Unauthorized"},
                "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"},
                "5XX": {"$ref": "#/components/responses/ServerError"},
            },
        }
    }
    return edited


_TAG_NAME = """    Tag:
      type: object
      required: [id, name]
      properties:
        id:
          $ref: "#/components/schemas/ObjectId"
        name:
          type: string
"""
_TAG_RESPONSE = """    TagResponse:
      type: object
      required: [status, data]
      properties:
        status:
          $ref: "#/components/schemas/ResultStatus"
        data:
          $ref: "#/components/schemas/Tag"

"""
_FILTER_NAME = """      parameters:
        - name: filter[name]
          in: query
          required: false
          description: Only tags with this name.
          schema:
            type: string
"""
_GET_TAG = """  /tags/{tag_id}:
    get:
      operationId: get_tag
      tags: [tags]
      summary: Get a tag
      description: One tag by its id.
      security:
        - LeelooAuthToken: []
      parameters:
        - name: tag_id
          in: path
          required: true
          description: Id of the tag.
          schema:
            $ref: "#/components/schemas/ObjectId"
          example: 595f5d522a934035decc093d
      responses:
        "200":
          description: The tag.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/TagResponse"
              examples:
                docs:
                  summary: From the docs page
                  value:
                    status: 1
                    data:
                      id: 595f5d522a934035decc093d
                      name: "Tag #1"
                      color: green
        "400":
          $ref: "#/components/responses/BadRequest"
        "401":
          $ref: "#/components/responses/Unauthorized"
        "404":
          $ref: "#/components/responses/NotFound"
        "429":
          $ref: "#/components/responses/TooManyRequests"
        5XX:
          $ref: "#/components/responses/ServerError"

"""


def _insert(text: str, anchor: str, addition: str, after: bool = True, start: int = 0) -> str:
    at = text.index(anchor, start)
    at = at + len(anchor) if after else at
    return text[:at] + addition + text[at:]


def additive_text(text: str) -> str:
    """The additive edit made to the spec's text as a person makes it, leaving every other line as
    it was (tests that read the spec's text keep finding what they look for)."""
    text = _insert(
        text, _TAG_NAME, "        color:\n          type: string\n          description: The tag's colour.\n"
    )
    text = _insert(text, "    TagListResponse:\n", _TAG_RESPONSE, after=False)
    tags = text.index("  /tags:\n")
    text = _insert(text, "      security:\n        - LeelooAuthToken: []\n", _FILTER_NAME, start=tags)
    unauthorized = '        "401":\n          $ref: "#/components/responses/Unauthorized"\n'
    text = _insert(
        text,
        unauthorized,
        '        "400":\n          $ref: "#/components/responses/BadRequest"\n',
        start=tags,
    )
    return _insert(text, "  /people/{person_id}/remove-tag:\n", _GET_TAG, after=False)


def additive_page(page: str) -> str:
    """The older copy of the docs page (copied text) as it would read after the additive change:
    GET /tags takes filter[name] and shows the new field, and a section documents GET /tags/{tag_id}."""
    assert _TAGS_URL in page, "the page no longer has the GET /tags line this edit extends"
    page = page.replace(_TAGS_URL, "GEThttps://api.leeloo.ai/api/v2/tags?filter[name]=vip\n", 1)
    page = page.replace(
        '"name": "Tag #1",\n    }]', '"name": "Tag #1",\n              "color": "green"\n    }]', 1
    )
    section = page.index("Remove a tag from a person")
    return page[:section] + _NEW_SECTION.lstrip("\n") + page[section:]


_PRINT_TAGS_URL = "GET https://api.leeloo.ai/api/v2/tags\n"
_PRINT_TAG_NAME = '5                 "name": "Tag #1",\n6       }]\n7 }\n'
_PRINT_REMOVE_TAG = "PUT https://api.leeloo.ai/api/v2/people/{person_id}/remove-tag\n"
_PRINT_SECTION = """GET https://api.leeloo.ai/api/v2/tags/{tag_id}
Path Params
tag_id (example: 595f5d522a934035decc093d) - id тега
Response
1 {
2       "status": 1,
3       "data": {
4           "id": "595f5d522a934035decc093d",
5           "name": "Tag #1",
6           "color": "green"
7       }
8 }

"""


def additive_print(page: str) -> str:
    """The vendor's print (the spec's source) after the additive change, in the print's own shape
    (numbered code lines): GET /tags takes filter[name] and shows the new field, and a section
    documents GET /tags/{tag_id}."""
    for needle in (_PRINT_TAGS_URL, _PRINT_TAG_NAME, _PRINT_REMOVE_TAG):
        assert needle in page, f"the print no longer has {needle!r}, which this edit extends"
    page = page.replace(_PRINT_TAGS_URL, "GET https://api.leeloo.ai/api/v2/tags?filter[name]=vip\n", 1)
    page = page.replace(
        _PRINT_TAG_NAME,
        '5                 "name": "Tag #1",\n6                 "color": "green"\n7       }]\n8 }\n',
        1,
    )
    return page.replace(_PRINT_REMOVE_TAG, _PRINT_SECTION + _PRINT_REMOVE_TAG, 1)


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


def breaking_resources(text: str) -> str:
    """spec/mock-resources.yaml following the breaking edit, as the spec check asks: the filter on
    the removed filter[tags] goes."""
    kept = [line for line in text.split("\n") if '"filter[tags]"' not in line]
    return "\n".join(kept)
