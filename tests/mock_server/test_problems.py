"""Problem bodies follow RFC 7807 and the spec's Problem schema."""

from __future__ import annotations

import json

import jsonschema

from mock_server import Issue, Spec
from mock_server._problems import NO_PATH_MATCHED, encode, problem


def test_problem_validates_against_the_specs_problem_schema(spec: Spec) -> None:
    body = problem(
        422, "bad", type_uri=NO_PATH_MATCHED, instance="/x", issues=[Issue("query", "limit", "too big")]
    )
    schema = spec.validator_schema({"$ref": "#/components/schemas/Problem"})
    jsonschema.Draft202012Validator(schema).validate(body)
    assert body["title"] == "Unprocessable Entity"
    assert body["validation"] == [{"location": "query", "name": "limit", "message": "too big"}]


def test_encode_is_compact_utf8() -> None:
    assert (
        encode({"title": "Ручной"})
        == json.dumps({"title": "Ручной"}, ensure_ascii=False, separators=(",", ":")).encode()
    )


def test_unnamed_status_still_gets_a_title() -> None:
    assert problem(599, "odd")["title"] == "Error"
