"""Strings from the wire become the schema's types; what does not convert stays a string."""

from __future__ import annotations

from typing import Any

from mock_server._coercion import coerce_form, coerce_scalar, schema_types
from tests.mock_server.conftest import TOKEN_HEADER, TestClient


def _same(node: Any) -> Any:
    return node


def test_scalars_follow_the_declared_type() -> None:
    assert coerce_scalar("20", frozenset({"integer"})) == 20
    assert coerce_scalar("2.5", frozenset({"number"})) == 2.5
    assert coerce_scalar("true", frozenset({"boolean"})) is True
    assert coerce_scalar("abc", frozenset({"integer"})) == "abc"
    assert coerce_scalar("007", frozenset({"string", "integer"})) == "007"
    assert coerce_scalar("inf", frozenset({"number"})) == "inf"
    assert coerce_scalar("9" * 5000, frozenset({"integer"})) == "9" * 5000  # beyond int_max_str_digits


def test_types_are_found_through_refs_and_combinators() -> None:
    schemas = {"#/n": {"type": ["number", "null"]}}

    def deref(node: Any) -> Any:
        return schemas[node["$ref"]] if isinstance(node, dict) and "$ref" in node else node

    assert schema_types({"$ref": "#/n"}, deref) == {"number", "null"}
    assert schema_types({"oneOf": [{"type": "integer"}, {"type": "boolean"}]}, deref) == {
        "integer",
        "boolean",
    }
    assert schema_types({"enum": [1, 2]}, deref) == {"integer"}


def test_form_fields_become_the_object_of_the_schema() -> None:
    schema = {
        "type": "object",
        "properties": {"price": {"type": "number"}, "ids": {"type": "array", "items": {"type": "integer"}}},
    }
    fields = [("price", "10"), ("ids", "1"), ("ids", "2"), ("note", "x")]
    assert coerce_form(fields, schema, _same) == {"price": 10, "ids": [1, 2], "note": "x"}


def test_an_integral_number_text_is_an_integer() -> None:
    assert coerce_scalar("30.0", frozenset({"integer"})) == 30.0
    assert coerce_scalar("30.5", frozenset({"integer"})) == "30.5"  # left for the validator to refuse
    assert coerce_scalar("30.0", frozenset({"integer", "string"})) == "30.0"
    assert coerce_scalar("30.0", frozenset({"integer", "string"}), numbers_first=True) == 30.0


def test_a_form_field_refused_as_text_is_read_again_as_a_number(client: TestClient) -> None:
    """``duration`` is an integer or a string of digits: ``30.0`` is the integer 30."""
    body = (
        "account_id=5ef074e9e31801000d73ba11&user_id=5b9f63e3d244d2000e27692f&from=a&to=b&type=OUTBOUND"
        "&status=TALKING&date=2020-01-01T00%3A00%3A00Z&record_link=https%3A%2F%2Fx.example%2Fa.mp3&duration=30.0"
    )
    headers = {**TOKEN_HEADER, "Content-Type": "application/x-www-form-urlencoded"}
    assert client.post("/api/v2/calls", content=body, headers=headers).status_code == 200
    refused = client.post("/api/v2/calls", content=body.replace("30.0", "30.5"), headers=headers)
    assert refused.status_code == 400
