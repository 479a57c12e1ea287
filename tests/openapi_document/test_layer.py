"""The OpenAPI document layer: one list of operation keys, one way to follow a local ``$ref``."""

from __future__ import annotations

import pytest

from openapi_document import HTTP_METHODS, UnresolvableRef, follow, operations, resolve

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
