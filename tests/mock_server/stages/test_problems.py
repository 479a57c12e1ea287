"""Problem bodies follow RFC 7807 and the mock's own problem schema."""

from __future__ import annotations

import json
from http import HTTPStatus

import jsonschema

from mock_server import Issue
from mock_server.stages.problems import NO_PATH_MATCHED, PROBLEM_SCHEMA, encode, problem


def test_problem_validates_against_the_problem_schema() -> None:
    body = problem(
        422, "bad", type_uri=NO_PATH_MATCHED, instance="/x", issues=[Issue("query", "limit", "too big")]
    )
    jsonschema.Draft202012Validator(PROBLEM_SCHEMA).validate(body)
    assert body["title"] == HTTPStatus(422).phrase  # "Unprocessable Content" since Python 3.13
    assert body["validation"] == [{"location": "query", "name": "limit", "message": "too big"}]


def test_encode_is_compact_utf8() -> None:
    assert (
        encode({"title": "Ручной"})
        == json.dumps({"title": "Ручной"}, ensure_ascii=False, separators=(",", ":")).encode()
    )


def test_unnamed_status_still_gets_a_title() -> None:
    assert problem(599, "odd")["title"] == "Error"
