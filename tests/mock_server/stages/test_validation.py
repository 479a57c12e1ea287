"""Request validation collects every problem, with its location and name."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from mock_server import Spec
from mock_server.spec.document import SpecError
from mock_server.stages.validation import RejectedRequest, RequestValidator, ValidatedRequest, _json_text

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "components": {"schemas": {"Id": {"type": "string", "pattern": "^[0-9]+$"}}},
}
PARAMETERS: list[dict[str, Any]] = [
    {"name": "id", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/Id"}},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}},
    {
        "name": "ids",
        "in": "query",
        "explode": False,
        "schema": {"type": "array", "items": {"type": "integer"}},
    },
    {
        "name": "filter",
        "in": "query",
        "style": "deepObject",
        "schema": {
            "type": "object",
            "properties": {"age": {"type": "integer"}},
            "additionalProperties": False,
        },
    },
    {"name": "X-Trace", "in": "header", "required": True, "schema": {"type": "string", "minLength": 2}},
]
BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
        },
        "application/x-www-form-urlencoded": {
            "schema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}
        },
    },
}


def _validator() -> RequestValidator:
    return RequestValidator(Spec(DOCUMENT), PARAMETERS, BODY)


def test_valid_request_gets_typed_values() -> None:
    result = _validator().validate(
        {"id": "12"},
        {"limit": ["5"], "ids": ["1,2"], "filter[age]": ["30"]},
        {"x-trace": "ab"},
        "application/json; charset=utf-8",
        b'{"name": "x"}',
    )
    assert isinstance(result, ValidatedRequest)
    assert result.query == {"limit": 5, "ids": [1, 2], "filter": {"age": 30}}
    assert result.body == {"name": "x"}


def test_every_problem_is_reported_at_once() -> None:
    result = _validator().validate(
        {"id": "x"}, {"limit": ["0"], "ids": ["1,a"], "filter[zip]": ["1"]}, {}, "application/json", b"{}"
    )
    assert isinstance(result, RejectedRequest)
    assert result.status == 422
    assert {(i.location, i.name) for i in result.issues} == {
        ("path", "id"),
        ("query", "limit"),
        ("query", "ids[1]"),
        ("query", "filter[zip]"),
        ("header", "X-Trace"),  # as the spec names it, though looked up case-insensitively
        ("body", "/name"),
    }


def test_form_body_is_coerced() -> None:
    ok = _validator().validate(
        {"id": "1"}, {}, {"x-trace": "ab"}, "application/x-www-form-urlencoded", b"n=3"
    )
    assert isinstance(ok, ValidatedRequest)
    assert ok.body == {"n": 3}
    bad = _validator().validate(
        {"id": "1"}, {}, {"x-trace": "ab"}, "application/x-www-form-urlencoded", b"n=x"
    )
    assert isinstance(bad, RejectedRequest)
    assert bad.issues[0].name == "/n"


def test_malformed_json_is_400_and_wrong_media_type_415() -> None:
    broken = _validator().validate({"id": "1"}, {}, {"x-trace": "ab"}, "application/json", b"{")
    assert isinstance(broken, RejectedRequest)
    assert broken.status == 400
    wrong = _validator().validate({"id": "1"}, {}, {"x-trace": "ab"}, "text/plain", b"hi")
    assert isinstance(wrong, RejectedRequest)
    assert wrong.status == 415
    unnamed = _validator().validate({"id": "1"}, {}, {"x-trace": "ab"}, None, b"{}")
    assert isinstance(unnamed, RejectedRequest)
    assert unnamed.status == 415


def test_required_body_missing() -> None:
    result = _validator().validate({"id": "1"}, {}, {"x-trace": "ab"}, None, b"")
    assert isinstance(result, RejectedRequest)
    assert [(i.location, i.message) for i in result.issues] == [("body", "The request body is required.")]


def test_a_scalar_parameter_given_twice_is_an_issue_and_arrays_take_every_value() -> None:
    validator = RequestValidator(
        Spec(DOCUMENT),
        [
            *PARAMETERS,
            {"name": "tag", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "session", "in": "cookie", "schema": {"type": "string"}},
        ],
        None,
    )
    twice = validator.validate(
        {"id": "1"},
        {"limit": ["5", "abc"], "tag": ["a", "b"]},
        {"x-trace": "ab", "cookie": "session=a; session=b"},
        None,
        b"",
    )
    assert isinstance(twice, RejectedRequest)
    assert twice.status == 422
    assert [(i.location, i.name, i.message) for i in twice.issues] == [
        ("query", "limit", "query parameter limit takes one value, got 2"),
        ("cookie", "session", "cookie parameter session takes one value, got 2"),
    ]
    once = validator.validate({"id": "1"}, {"limit": ["5"], "tag": ["a", "b"]}, {"x-trace": "ab"}, None, b"")
    assert isinstance(once, ValidatedRequest)
    assert once.query == {"limit": 5, "tag": ["a", "b"]}


def _path_parameter(style: str, explode: bool, schema: dict[str, Any]) -> RequestValidator:
    parameter = {"name": "id", "in": "path", "required": True, "style": style, "explode": explode}
    return RequestValidator(Spec(DOCUMENT), [{**parameter, "schema": schema}], None)


INTEGERS = {"type": "array", "items": {"type": "integer"}}


def test_label_and_matrix_styles_have_their_own_deserializers() -> None:
    """OpenAPI's label (``.3.4``) and matrix (``;id=3;id=4``) styles, exploded or not."""
    cases: list[tuple[str, bool, dict[str, Any], str, Any]] = [
        ("label", False, {"type": "integer"}, ".5", 5),
        ("label", False, INTEGERS, ".3,4", [3, 4]),
        ("label", True, INTEGERS, ".3.4", [3, 4]),
        ("matrix", False, {"type": "integer"}, ";id=5", 5),
        ("matrix", False, INTEGERS, ";id=3,4", [3, 4]),
        ("matrix", True, INTEGERS, ";id=3;id=4", [3, 4]),
        ("simple", False, INTEGERS, "3,4", [3, 4]),
    ]
    for style, explode, schema, text, expected in cases:
        validated = _path_parameter(style, explode, schema).validate({"id": text}, {}, {}, None, b"")
        assert isinstance(validated, ValidatedRequest), (style, explode, text, validated)
        assert validated.path_params["id"] == expected, (style, explode, text)


def test_an_object_in_label_or_matrix_style_is_refused_at_compile_time() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}}
    for style in ("label", "matrix"):
        with pytest.raises(SpecError, match=f"style {style} with an object value is not supported"):
            _path_parameter(style, False, schema)


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "Message text"}',
        '{"text": "\u043f\u0440\u0438\u0432\u0435\u0442"}'.encode(),
        b'\xef\xbb\xbf{"text": "after a byte order mark"}',
        '{"text": "utf-16"}'.encode("utf-16"),
        '{"text": "utf-16-le"}'.encode("utf-16-le"),
        '{"text": "utf-16-be"}'.encode("utf-16-be"),
        '{"text": "utf-32"}'.encode("utf-32"),
        b'{"text": "\xff not utf-8"}',
        b'"\\ud800"',
        b"1",
        b"12",
        b"{\x00}",
    ],
)
def test_a_json_body_reads_as_json_loads_reads_the_bytes(body: bytes) -> None:
    """The UTF-8 shortcut before ``json.loads`` changes nothing: same value, or the same error."""

    def outcome(read: Callable[[], object]) -> object:
        try:
            return read()
        except ValueError as exc:
            return (type(exc), str(exc))

    assert outcome(lambda: json.loads(_json_text(body))) == outcome(lambda: json.loads(body))
