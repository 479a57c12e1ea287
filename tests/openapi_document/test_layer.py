"""The OpenAPI document layer: one list of operation keys, one way to follow a local ``$ref``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import openapi_document
from openapi_document import (
    HTTP_METHODS,
    UnresolvableRef,
    follow,
    json_pointer,
    json_type,
    operation_list,
    operations,
    pointer_parts,
    pointer_target,
    pointer_walk,
    resolve,
    resolve_or_keep,
)

DOCUMENT = {
    "paths": {
        "/items/{id}": {
            "parameters": [],
            "get": {"operationId": "get_item"},
            "put": {"operationId": "put_item"},
        },
        "/x": {"description": "no operation here"},
    },
    "components": {
        "schemas": {
            "Item": {"$ref": "#/components/schemas/Base"},
            "Base": {"type": "object"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
        }
    },
}


def test_operations_are_the_http_method_keys_in_document_order() -> None:
    assert [(path, method) for path, method, _ in operations(DOCUMENT)] == [
        ("/items/{id}", "get"),
        ("/items/{id}", "put"),
    ]
    assert HTTP_METHODS[:3] == ("get", "put", "post")


def test_follow_unescapes_a_percent_encoded_pointer() -> None:
    """RFC 6901 §6: a pointer in a URI fragment is percent-encoded; ``~1`` is ``/``."""
    assert follow(DOCUMENT, "#/paths/~1items~1%7Bid%7D/get") == {"operationId": "get_item"}
    assert follow(DOCUMENT, "#") is DOCUMENT


def test_resolve_follows_a_chain_and_refuses_loops_and_strangers() -> None:
    assert resolve(DOCUMENT, {"$ref": "#/components/schemas/Item"}) == {"type": "object"}
    assert resolve(DOCUMENT, {"type": "string"}) == {"type": "string"}
    with pytest.raises(UnresolvableRef, match="loops"):
        resolve(DOCUMENT, {"$ref": "#/components/schemas/Loop"})
    with pytest.raises(UnresolvableRef, match="not a reference inside the document"):
        resolve(DOCUMENT, {"$ref": "other.yaml#/x"})
    with pytest.raises(UnresolvableRef, match="points nowhere"):
        resolve(DOCUMENT, {"$ref": "#/components/schemas/Nope"})


def test_a_json_pointer_names_a_node_or_refuses() -> None:
    example = {"data": [{"id": "a/b"}], "a/b": {"~": 1}}
    assert pointer_target(example, "/data/0/id") == "a/b"
    assert pointer_target(example, "/a~1b/~0") == 1
    assert pointer_target(example, "") is example
    for nowhere in ("/data/1", "/data/x", "/meta"):
        with pytest.raises(UnresolvableRef, match="points nowhere"):
            pointer_target(example, nowhere)


SERVED = {
    "security": [{"Key": []}],
    "paths": {
        "/items/{id}": {
            "parameters": [
                {"$ref": "#/components/parameters/Id"},
                {"name": "q", "in": "query", "schema": {"type": "string"}},
            ],
            "get": {"operationId": "get_item", "tags": ["items", "more"], "summary": "One item"},
            "put": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "integer"}}],
                "requestBody": {"$ref": "#/components/requestBodies/Item"},
                "responses": {"200": {"$ref": "#/components/responses/Ok"}, "4XX": {"description": "no"}},
                "security": [],
            },
            "delete": {"responses": {"200": {"$ref": "#/components/responses/Missing"}}},
        },
        "/elsewhere": {"$ref": "#/components/pathItems/Elsewhere"},
    },
    "components": {
        "parameters": {"Id": {"name": "id", "in": "path", "required": True}},
        "requestBodies": {"Item": {"content": {"application/json": {}}}},
        "responses": {"Ok": {"description": "ok"}},
        "pathItems": {"Elsewhere": {"get": {"operationId": "elsewhere"}}},
    },
}


def test_the_operation_type_reads_names_at_once_and_resolves_on_use() -> None:
    get, put, delete = operation_list(SERVED)
    assert (get.label, get.name, get.tag, get.summary) == ("GET /items/{id}", "get_item", "items", "One item")
    assert [p["name"] for p in get.parameters] == ["id", "q"]
    assert get.security == ({"Key": []},)
    assert (get.request_body, get.responses) == (None, {})
    assert (put.operation_id, put.name) == ("", "PUT /items/{id}")
    assert [(p["name"], p.get("schema")) for p in put.parameters] == [
        ("id", None),
        ("q", {"type": "integer"}),
    ]
    assert put.request_body == {"content": {"application/json": {}}}
    assert put.responses == {"200": {"description": "ok"}, "4XX": {"description": "no"}}
    assert put.security == ()
    with pytest.raises(UnresolvableRef, match="points nowhere"):
        _ = delete.responses


def test_a_path_item_behind_a_ref_is_followed_only_when_asked() -> None:
    assert [op.name for op in operation_list(SERVED)] == ["get_item", "PUT /items/{id}", "DELETE /items/{id}"]
    followed = operation_list(SERVED, follow_path_item_refs=True)
    assert [op.name for op in followed][-1] == "elsewhere"


def test_json_pointer_is_the_inverse_of_pointer_target() -> None:
    example = {"data": [{"a/b": {"~x": 1}}]}
    parts: list[str | int] = ["data", 0, "a/b", "~x"]
    assert json_pointer(parts) == "/data/0/a~1b/~0x"
    assert pointer_target(example, json_pointer(parts)) == 1
    assert json_pointer([]) == ""


def test_resolve_or_keep_leaves_a_broken_reference_for_the_check_to_report() -> None:
    dangling = {"$ref": "#/components/schemas/Nope"}
    assert resolve_or_keep(DOCUMENT, dangling) is dangling
    assert resolve_or_keep(DOCUMENT, {"$ref": "#/components/schemas/Item"}) == {"type": "object"}


def test_the_operation_keys_are_written_down_once() -> None:
    """Every tool reads ``HTTP_METHODS`` from this layer; a second copy would drift from it."""
    root = Path(openapi_document.__file__).resolve().parents[1]
    listing = re.compile(r"""["']get["'],\s*["']put["'],\s*["']post["']""")
    packages = ("openapi_document", "mock_server", "generator", "contract_tests", "bench", "examples")
    writers = sorted(
        str(source.relative_to(root))
        for package in packages
        for source in (root / package).rglob("*.py")
        if listing.search(source.read_text(encoding="utf-8"))
    )
    assert writers == ["openapi_document/__init__.py"]


def test_json_type_names_the_schema_type_of_a_value() -> None:
    values = [None, True, 3, 2.5, "x", [1], {"a": 1}]
    names = ["null", "boolean", "integer", "number", "string", "array", "object"]
    assert [json_type(v) for v in values] == names


def test_pointer_parts_unescape_each_step() -> None:
    assert pointer_parts("/a~1b/~0c/0") == ["a/b", "~c", "0"]
    assert pointer_parts("a/b") == ["a", "b"]
    assert pointer_parts("") == []


def test_pointer_walk_gives_the_node_and_its_path_with_list_steps_as_integers() -> None:
    example = {"a/b": [{"x": 1}, {"~": 2}]}
    assert pointer_walk(example, "/a~1b/1/~0") == (2, ("a/b", 1, "~"))
    with pytest.raises(UnresolvableRef):
        pointer_walk(example, "/a~1b/2")
