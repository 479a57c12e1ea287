"""The pipeline in plain values, including the stateful seam with a fake store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_server import CompiledSpec, MockConfig, MockRequest, Pipeline, Spec, compile_spec
from mock_server.stages.problems import VIOLATIONS_HEADER, Issue
from mock_server.stateful.seam import StatefulBackend, StatefulRequest
from tests.mock_server.conftest import OBJECT_ID, SPEC_PATH
from tests.refusals import INVALID

AUTH = {"x-leeloo-authtoken": "t"}


@dataclass(frozen=True)
class FakeResult:
    status: int
    body: Any
    issues: tuple[Issue, ...] = ()
    detail: str = ""


class FakeStore:
    """Answers get_user from memory, 404 for one id, and nothing else."""

    def __init__(self) -> None:
        self.seen: list[StatefulRequest] = []

    def handle(self, request: StatefulRequest) -> FakeResult | None:
        self.seen.append(request)
        if request.operation_id != "get_user":
            return None
        if request.path_params["user_id"] == "0" * 24:
            issue = Issue("path", "user_id", "No such user.", "NOT_FOUND")
            return FakeResult(404, None, (issue,), "No such user.")
        return FakeResult(
            200, {"status": 1, "data": {"id": request.path_params["user_id"], "name": "Stored"}}
        )


def _pipeline(compiled: CompiledSpec, store: StatefulBackend | None = None, **settings: Any) -> Pipeline:
    return Pipeline(compiled, MockConfig.from_options(Path(SPEC_PATH), **settings), store)


def test_stateful_answers_replace_the_example(compiled: CompiledSpec) -> None:
    store = FakeStore()
    pipeline = _pipeline(compiled, store, stateful=True)
    answer = pipeline.handle(MockRequest("GET", f"/users/{OBJECT_ID}", "", AUTH))
    assert (answer.status, json.loads(answer.body)["data"]["name"]) == (200, "Stored")
    assert answer.media_type == "application/json"
    missing = pipeline.handle(MockRequest("GET", "/users/" + "0" * 24, "", AUTH))
    # the store's refusal in the shape the spec declares for get_user's 404: Leeloo's envelope
    assert (missing.status, missing.media_type) == (404, "application/json")
    assert json.loads(missing.body)["error"] == {
        "code": "NOT_FOUND",
        "fields": {"user_id": "NOT_FOUND"},
        "message": "No such user.",
    }


def test_error_status_sends_envelopes_with_that_status(compiled: CompiledSpec) -> None:
    """--error-status 200: Leeloo may report a failure inside a 2xx answer; the mock can too."""
    pipeline = _pipeline(compiled, FakeStore(), stateful=True, error_status=200)
    missing = pipeline.handle(MockRequest("GET", "/users/" + "0" * 24, "", AUTH))
    invalid = pipeline.handle(MockRequest("GET", "/users", "limit=abc", AUTH))
    no_token = pipeline.handle(MockRequest("GET", "/users", "", {}))
    no_route = pipeline.handle(MockRequest("GET", "/nowhere", "", AUTH))
    assert [a.status for a in (missing, invalid, no_token)] == [200, 200, 200]
    assert [json.loads(a.body)["status"] for a in (missing, invalid, no_token)] == [0, 0, 0]
    assert json.loads(invalid.body)["error"]["fields"] == {"limit": "WRONG_TYPE"}
    assert json.loads(no_token.body)["error"]["fields"] == {"authToken": "REQUIRED"}
    assert no_route.status == 404  # what no operation describes stays Prism's problem


def test_store_gets_validated_typed_values_and_none_falls_back(compiled: CompiledSpec) -> None:
    store = FakeStore()
    pipeline = _pipeline(compiled, store, stateful=True)
    body = b"tag_id=" + OBJECT_ID.encode()
    headers = {**AUTH, "content-type": "application/x-www-form-urlencoded"}
    answer = pipeline.handle(
        MockRequest("PUT", f"/api/v2/people/{OBJECT_ID}/add-tag", "a=1&a=2", headers, body)
    )
    assert answer.status == 200
    assert json.loads(answer.body) == {"status": 1, "data": {}}  # the spec's example
    seen = store.seen[-1]
    assert (seen.operation_id, seen.path_params, seen.body) == (
        "add_tag_to_person",
        {"person_id": OBJECT_ID},
        {"tag_id": OBJECT_ID},
    )
    assert seen.query == {"a": ["1", "2"]}


def test_invalid_requests_and_prefer_code_never_reach_the_store(compiled: CompiledSpec) -> None:
    store = FakeStore()
    pipeline = _pipeline(compiled, store, stateful=True)
    assert pipeline.handle(MockRequest("GET", "/users/bad", "", AUTH)).status == INVALID
    forced = pipeline.handle(MockRequest("GET", f"/users/{OBJECT_ID}", "", {**AUTH, "prefer": "code=404"}))
    assert forced.status == 404
    assert store.seen == []


def test_the_real_store_plugs_into_the_seam(compiled: CompiledSpec) -> None:
    from mock_server.stateful.store import StatefulStore

    store = StatefulStore.from_spec(compiled.spec.document, max_records=100)
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH), stateful=True), store)
    answer = pipeline.handle(MockRequest("GET", "/tags", "", AUTH))
    assert answer.status == 200
    media = next(op for op in compiled.operations if op.operation_id == "list_tags").responses["200"].media
    assert media["application/json"].validator.is_valid(json.loads(answer.body))


def _operation(responses: dict[str, Any]) -> dict[str, Any]:
    return {
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
        "requestBody": {
            "content": {"application/json": {"schema": {"type": "object", "required": ["name"]}}}
        },
        "responses": {"200": {"description": "ok"}, **responses},
    }


BAD_REQUESTS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "bad requests", "version": "1"},
    "paths": {
        "/only-400": {"post": _operation({"400": {"description": "bad"}})},
        "/4xx-and-400": {"post": _operation({"4XX": {"description": "bad"}, "400": {"description": "bad"}})},
        "/both": {"post": _operation({"400": {"description": "bad"}, "422": {"description": "bad"}})},
        "/neither": {"post": _operation({"default": {"description": "error"}})},
    },
}


def test_invalid_request_is_the_specs_400_when_it_declares_400_but_not_422() -> None:
    pipeline = Pipeline(compile_spec(Spec(BAD_REQUESTS)), MockConfig(spec_path=Path("bad.yaml")))
    json_body = {"content-type": "application/json"}

    def post(path: str, body: bytes) -> tuple[int, bytes]:
        answer = pipeline.handle(MockRequest("POST", path, "limit=0", json_body, body))
        return answer.status, answer.body

    answer = pipeline.handle(MockRequest("POST", "/only-400", "limit=0", json_body, b"{}"))
    # the declared 400 has no body, so neither has the answer (Prism's too); the header names the parts
    assert (answer.status, answer.body, answer.media_type) == (400, b"", None)
    [violations] = [json.loads(value) for name, value in answer.headers if name == VIOLATIONS_HEADER]
    assert {tuple(v["location"][1:3]) for v in violations} == {("query", "limit"), ("body", "/name")}
    assert post("/4xx-and-400", b"{}")[0] == 422  # 4XX covers 422: looked for first, as Prism does
    assert post("/both", b"{}")[0] == 422
    assert post("/neither", b"{}")[0] == 422  # default is neither 422 nor 400
    assert post("/only-400", b"{")[0] == 400  # malformed JSON: 400 whatever is declared
    assert post("/neither", b"{")[0] == 400


def _secured(responses: dict[str, Any]) -> CompiledSpec:
    """One operation behind an API key, with ``responses``."""
    return compile_spec(
        Spec(
            {
                "openapi": "3.1.0",
                "info": {"title": "t", "version": "1"},
                "components": {
                    "securitySchemes": {"Key": {"type": "apiKey", "in": "header", "name": "X-Key"}}
                },
                "security": [{"Key": []}],
                "paths": {"/pets": {"get": {"responses": responses}}},
            }
        )
    )


def test_a_missing_key_without_a_declared_401_gets_a_made_up_problem() -> None:
    pipeline = Pipeline(_secured({"200": {"description": "ok"}}), MockConfig(spec_path=Path(SPEC_PATH)))
    answer = pipeline.handle(MockRequest("GET", "/pets", "", {}))
    assert (answer.status, answer.media_type) == (401, "application/problem+json")
    body = json.loads(answer.body)
    assert body["type"].endswith("UNAUTHORIZED")
    assert [item["location"] for item in body["validation"]] == ["security"]
    assert dict(answer.headers)["WWW-Authenticate"]


def test_a_missing_key_gets_the_declared_401_example_as_prism_sends_it() -> None:
    declared = {
        "description": "no key",
        "content": {"application/json": {"example": {"message": "Unauthorized"}}},
    }
    compiled = _secured({"200": {"description": "ok"}, "401": declared})
    answer = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH))).handle(
        MockRequest("GET", "/pets", "", {})
    )
    assert (answer.status, answer.media_type) == (401, "application/json")
    assert json.loads(answer.body) == {"message": "Unauthorized"}  # as written: Prism does not add to it
    headers = dict(answer.headers)
    [violation] = json.loads(headers["sl-violations"])  # the reason travels beside the body, as with Prism
    assert violation["location"] == ["request", "security", "X-Key"]
    assert headers["WWW-Authenticate"] == 'ApiKey realm="leeloo-mock", header="X-Key"'


class ConflictStore:
    """Refuses every get_user with a status the spec does not declare for it."""

    def handle(self, request: StatefulRequest) -> FakeResult | None:
        if request.operation_id != "get_user":
            return None
        issue = Issue("path", "user_id", "Locked.", "LOCKED")
        return FakeResult(409, None, (issue,), "Locked.")


def test_a_store_refusal_with_an_undeclared_status_is_the_pipelines_problem(compiled: CompiledSpec) -> None:
    pipeline = _pipeline(compiled, ConflictStore(), stateful=True)
    answer = pipeline.handle(MockRequest("GET", f"/users/{OBJECT_ID}", "", AUTH))
    assert (answer.status, answer.media_type) == (409, "application/problem+json")
    body = json.loads(answer.body)
    assert (body["detail"], body["instance"]) == ("Locked.", f"/users/{OBJECT_ID}")
    assert body["validation"] == [{"location": "path", "name": "user_id", "message": "Locked."}]
    assert "sl-violations" in dict(answer.headers)
