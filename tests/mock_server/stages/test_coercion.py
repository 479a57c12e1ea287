"""Strings from the wire become the schema's types; what does not convert stays a string."""

from __future__ import annotations

from typing import Any

from mock_server.stages.coercion import coerce_form, coerce_scalar, schema_types


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


def test_a_second_try_reads_numbers_where_a_string_is_also_admitted() -> None:
    either = frozenset({"integer", "string"})
    assert coerce_scalar("30.0", either) == "30.0"  # a string first, as "007" stays one
    assert coerce_scalar("30.0", either, typed_first=True) == 30.0
    assert coerce_scalar("30.0", frozenset({"integer"})) == 30.0  # 30.0 is an integer to JSON Schema
