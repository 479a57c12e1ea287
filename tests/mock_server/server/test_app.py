"""The mock end to end, in process: every answer it sends validates against the spec."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from mock_server import AccessLog, CompiledOperation, CompiledSpec, MockConfig, Spec, create_app
from mock_server.testing import app_in_process
from tests.mock_server.conftest import OBJECT_ID, SPEC_PATH, TOKEN_HEADER, ClientFactory, MockClient
from tests.refusals import INVALID, validation

PROBLEM_TYPES = ("application/problem+json",)


def _url(spec: Spec, operation: CompiledOperation) -> str:
    """The operation's URL with each path parameter set to its example in the spec (an object id
    where it has none): a new endpoint's parameters need no entry here."""
    declared = next(op for op in spec.operations() if op.operation_id == operation.operation_id)
    examples = {
        str(p["name"]): str(p["example"])
        for p in declared.parameters
        if p.get("in") == "path" and "example" in p
    }
    return "/api/v2" + re.sub(r"\{([^}]+)\}", lambda match: examples.get(match[1], OBJECT_ID), operation.path)


def _example_request(spec: Spec, operation_id: str) -> dict[str, Any]:
    """A valid request of the operation, from the spec's own examples (tests follow the spec).

    The body is the first example of the first media type the operation takes (JSON, or a form);
    each required query parameter gets its example.
    """
    operation = next(op for op in spec.operations() if op.operation_id == operation_id)
    request: dict[str, Any] = {}
    params = {
        str(p["name"]): str(p["example"])
        for p in operation.parameters
        if p.get("in") == "query" and p.get("required")
    }
    if params:
        request["params"] = params
    content = (operation.request_body or {}).get("content") or {}
    if content:
        media_type, media = next(iter(content.items()))
        examples = media.get("examples") or {}
        value = next(iter(examples.values()))["value"] if examples else media["example"]
        request["json" if media_type == "application/json" else "data"] = value
    return request


def _call(
    client: MockClient, spec: Spec, operation: CompiledOperation, headers: dict[str, str] | None = None
) -> Any:
    return client.request(
        operation.method,
        _url(spec, operation),
        headers={**TOKEN_HEADER, **(headers or {})},
        **_example_request(spec, operation.operation_id),
    )


def _assert_valid(spec: Spec, operation: CompiledOperation, key: str, response: Any) -> None:
    media = operation.responses[key].media
    media_type = response.headers["content-type"]
    assert media_type in media, f"{operation.operation_id} {key}: undeclared media type {media_type}"
    schema = spec.validator_schema(media[media_type].schema)
    body = response.json() if "json" in media_type else response.text
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(body)


def test_every_operation_answers_every_declared_response_and_example_validly(
    client: MockClient, compiled: CompiledSpec, spec: Spec
) -> None:
    checked = 0
    for operation in compiled.operations:
        default = _call(client, spec, operation)
        assert default.status_code == 200, (operation.operation_id, default.text)
        _assert_valid(spec, operation, "200", default)
        for key, response in operation.responses.items():
            code = key.replace("XX", "00")
            for media in response.media.values():
                for name in media.static.examples:
                    answer = _call(client, spec, operation, {"Prefer": f"code={code}, example={name}"})
                    assert answer.status_code == int(code), (operation.operation_id, key, name, answer.text)
                    _assert_valid(spec, operation, key, answer)
                    checked += 1
    assert checked >= len(compiled.operations) * 4


@pytest.mark.parametrize("seed", [1, 2, 3, 42, 1000])
def test_dynamic_answers_validate_for_several_seeds(
    make_client: ClientFactory, compiled: CompiledSpec, spec: Spec, seed: int
) -> None:
    client = make_client(dynamic=True, seed=seed)
    for operation in compiled.operations:
        answer = _call(client, spec, operation)
        assert answer.status_code == 200, (operation.operation_id, answer.text)
        _assert_valid(spec, operation, "200", answer)


def test_prefer_dynamic_with_seed_is_deterministic_and_differs_from_the_example(client: MockClient) -> None:
    first = client.get(
        "/api/v2/people/" + OBJECT_ID, headers={**TOKEN_HEADER, "Prefer": "dynamic=true, seed=7"}
    )
    again = client.get(
        "/api/v2/people/" + OBJECT_ID, headers={**TOKEN_HEADER, "Prefer": "dynamic=true, seed=7"}
    )
    other = client.get(
        "/api/v2/people/" + OBJECT_ID, headers={**TOKEN_HEADER, "Prefer": "dynamic=true, seed=8"}
    )
    static = client.get("/api/v2/people/" + OBJECT_ID, headers=TOKEN_HEADER)
    assert first.content == again.content
    assert first.content != other.content
    assert first.content != static.content


def test_validation_refusals_validate_against_the_declared_answer(
    client: MockClient, compiled: CompiledSpec, spec: Spec
) -> None:
    by_id = {op.operation_id: op for op in compiled.operations}
    answer = client.post("/api/v2/orders", headers=TOKEN_HEADER, json={"email": "nope", "isNotifyAccount": 3})
    assert answer.status_code == INVALID
    _assert_valid(spec, by_id["create_order"], str(INVALID), answer)
    names = {(issue["location"], issue["name"]) for issue in validation(answer)}
    assert {
        ("body", "/email"),
        ("body", "/isNotifyAccount"),
        ("body", "/paymentCreditsId"),
        ("body", "/personId"),
    } <= names


def test_query_problems_are_all_reported(client: MockClient) -> None:
    answer = client.get(
        "/api/v2/people",
        params={
            "limit": "abc",
            "offset": "-1",
            "filter[last_message][from]": "yesterday",
            "filter[email]": "x",
        },
        headers=TOKEN_HEADER,
    )
    assert answer.status_code == INVALID
    names = {issue["name"] for issue in validation(answer)}
    assert names == {
        "limit",
        "offset",
        "filter[last_message][from]",
        "filter[email]",
    }
    violations = json.loads(answer.headers["sl-violations"])  # Prism's header, for tools that read it
    assert {v["location"][2] for v in violations} == names
    assert all(v["location"][:2] == ["request", "query"] and v["severity"] == "Error" for v in violations)


def test_repeated_bracketed_query_parameters_are_an_array(client: MockClient) -> None:
    good = "filter[last_message][from]=2020-01-01&filter[last_message][to]=2020-01-02"
    ok = client.get(f"/people?{good}&filter[tags]=vip&filter[tags]=tag2", headers=TOKEN_HEADER)
    bad = client.get(f"/people?{good}&filter[tags]=vip&filter[tags]=", headers=TOKEN_HEADER)
    assert ok.status_code == 200
    assert bad.status_code == INVALID
    assert validation(bad)[0]["name"] == "filter[tags][1]"


def test_a_repeated_scalar_query_parameter_is_refused_not_half_read(client: MockClient) -> None:
    answer = client.get("/users?limit=5&limit=abc", headers=TOKEN_HEADER)
    assert answer.status_code == INVALID
    assert validation(answer) == [
        {"location": "query", "name": "limit", "message": "query parameter limit takes one value, got 2"}
    ]


def test_enum_and_limit_bounds(client: MockClient, compiled: CompiledSpec) -> None:
    assert (
        client.get("/tunnels/" + OBJECT_ID, params={"include": "nope"}, headers=TOKEN_HEADER).status_code
        == INVALID
    )
    assert (
        client.get(
            "/tunnels/" + OBJECT_ID, params={"include": "leadgentools"}, headers=TOKEN_HEADER
        ).status_code
        == 200
    )
    bounds = compiled.spec.document["components"]["parameters"]["Limit"]["schema"]  # the spec's, not ours
    lowest, highest = bounds["minimum"], bounds["maximum"]
    for limit, status in ((lowest - 1, INVALID), (highest + 1, INVALID), (highest, 200)):
        assert client.get("/users", params={"limit": str(limit)}, headers=TOKEN_HEADER).status_code == status


def test_path_parameter_is_validated(client: MockClient) -> None:
    answer = client.get("/api/v2/users/not-an-id", headers=TOKEN_HEADER)
    assert answer.status_code == INVALID
    assert validation(answer)[0] == {
        "location": "path",
        "name": "user_id",
        "message": '"not-an-id" does not match "^[0-9a-fA-F]{24}$"',
    }


def test_form_bodies_are_coerced_then_validated(client: MockClient) -> None:
    url = f"/api/v2/orders/{OBJECT_ID}"
    assert (
        client.post(url, headers=TOKEN_HEADER, data={"price": "12.5", "currency": "USD"}).status_code == 200
    )
    answer = client.post(
        url, headers=TOKEN_HEADER, data={"price": "cheap", "currency": "XXX", "paymentDate": "today"}
    )
    assert answer.status_code == INVALID
    assert {i["name"] for i in validation(answer)} == {"/price", "/currency", "/paymentDate"}
    missing = client.put(f"/people/{OBJECT_ID}/add-tag", headers=TOKEN_HEADER, data={"other": "x"})
    assert missing.status_code == INVALID
    assert validation(missing)[0]["name"] == "/tag_id"


def test_malformed_json_is_400_problem(client: MockClient, compiled: CompiledSpec, spec: Spec) -> None:
    answer = client.post(
        "/api/v2/messages/send-message",
        headers={**TOKEN_HEADER, "Content-Type": "application/json"},
        content=b"{nope",
    )
    assert answer.status_code == 400
    operation = next(op for op in compiled.operations if op.operation_id == "send_message")
    _assert_valid(spec, operation, "400", answer)
    assert validation(answer)[0]["location"] == "body"


def test_wrong_content_type_is_415_and_missing_body_is_422(client: MockClient) -> None:
    url = "/api/v2/messages/send-message"
    answer = client.post(url, headers={**TOKEN_HEADER, "Content-Type": "text/plain"}, content=b"hello")
    assert answer.status_code == 415
    assert validation(answer)[0]["name"] == "Content-Type"
    missing = client.post(url, headers=TOKEN_HEADER)
    assert missing.status_code == INVALID
    assert validation(missing)[0]["message"] == "The request body is required."


def test_body_over_the_limit_is_413(make_client: ClientFactory) -> None:
    client = make_client(max_body_size=64)
    answer = client.post(
        "/messages/send-message", headers=TOKEN_HEADER, json={"account_id": OBJECT_ID, "text": "x" * 100}
    )
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/problem+json"


def test_missing_token_is_the_specs_401_with_www_authenticate(
    client: MockClient, compiled: CompiledSpec, spec: Spec
) -> None:
    answer = client.get("/api/v2/tags")
    assert answer.status_code == 401
    assert "X-Leeloo-AuthToken" in answer.headers["www-authenticate"]
    operation = next(op for op in compiled.operations if op.operation_id == "list_tags")
    _assert_valid(spec, operation, "401", answer)
    assert validation(answer)[0]["location"] == "security"


def test_only_configured_tokens_pass(make_client: ClientFactory) -> None:
    client = make_client(tokens=frozenset({"good"}))
    assert client.get("/tags", headers={"X-Leeloo-AuthToken": "good"}).status_code == 200
    wrong = client.get("/tags", headers={"X-Leeloo-AuthToken": "bad"})
    assert wrong.status_code == 401
    assert validation(wrong)[0]["message"] == "The token is not valid."


def test_unknown_path_and_wrong_method(client: MockClient) -> None:
    missing = client.get("/api/v2/nowhere", headers=TOKEN_HEADER)
    assert missing.status_code == 404
    assert missing.json()["type"].endswith("NO_PATH_MATCHED_ERROR")
    wrong = client.delete("/api/v2/orders", headers=TOKEN_HEADER)
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET, POST"
    assert wrong.headers["content-type"] == "application/problem+json"


def test_concrete_path_beats_templated(client: MockClient) -> None:
    stats = client.get("/tunnels/stats", headers=TOKEN_HEADER)
    assert stats.status_code == 200
    assert "subscribers" in stats.json()["data"][0]


def test_prefer_code_and_example(client: MockClient) -> None:
    assert client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=429"}).status_code == 429
    server_error = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=503"})
    assert server_error.status_code == 503  # the 5XX range answers any 5xx
    undeclared = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=404"})
    assert undeclared.status_code == 404
    assert undeclared.json()["detail"] == "Requested status code 404 is not defined in the document."
    unknown_example = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "example=nope"})
    assert unknown_example.status_code == 404
    malformed = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=abc"})
    assert malformed.status_code == 422  # a mock header, not the API's: Prism's 422 problem
    assert validation(malformed)[0]["name"] == "Prefer"


def test_accept_negotiation(client: MockClient) -> None:
    assert client.get("/tags", headers={**TOKEN_HEADER, "Accept": "application/json"}).status_code == 200
    assert (
        client.get("/tags", headers={**TOKEN_HEADER, "Accept": "text/*;q=0.5, */*;q=0.1"}).status_code == 200
    )
    refused = client.get("/tags", headers={**TOKEN_HEADER, "Accept": "text/html"})
    assert refused.status_code == 406
    assert validation(refused)[0]["name"] == "Accept"


def test_cors_on_by_default_and_off_with_no_cors(make_client: ClientFactory) -> None:
    client = make_client()
    preflight = client.options(
        "/api/v2/tags", headers={"Origin": "http://localhost:5173", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 204
    assert "content-length" not in preflight.headers
    assert preflight.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    # without Origin no browser asks: no grant (the default allows loopback origins only, not "*")
    assert "access-control-allow-origin" not in client.get("/tags", headers=TOKEN_HEADER).headers
    assert client.options("/api/v2/tags", headers={"Origin": "http://app.test"}).status_code == 403
    closed = make_client(cors=False)
    assert closed.options("/api/v2/tags", headers={"Origin": "http://localhost:5173"}).status_code == 405
    assert "access-control-allow-origin" not in closed.get("/tags", headers=TOKEN_HEADER).headers


def test_head_answers_like_get_without_a_body(client: MockClient) -> None:
    answer = client.head("/tags", headers=TOKEN_HEADER)
    assert answer.status_code == 200
    assert answer.content == b""
    assert int(answer.headers["content-length"]) > 0


def test_declared_response_headers_are_sent(client: MockClient) -> None:
    answer = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=429"})
    assert answer.headers["retry-after"].isdigit()
    forced_401 = client.get("/tags", headers={**TOKEN_HEADER, "Prefer": "code=401"})
    assert forced_401.headers["www-authenticate"] == 'ApiKey realm="leeloo-mock", header="X-Leeloo-AuthToken"'


def test_internal_errors_become_problems_and_the_server_keeps_serving(
    compiled: CompiledSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(MockConfig(spec_path=SPEC_PATH), compiled)
    original = app.pipeline.handle

    def broken(request: Any) -> Any:
        raise RuntimeError("boom")

    with app_in_process(app) as mock, mock.client(base_url=mock.url) as client:
        monkeypatch.setattr(app.pipeline, "handle", broken)
        failed = client.get("/tags", headers=TOKEN_HEADER)
        assert failed.status_code == 500
        assert failed.headers["content-type"] == "application/problem+json"
        monkeypatch.setattr(app.pipeline, "handle", original)
        assert client.get("/tags", headers=TOKEN_HEADER).status_code == 200


def test_encoded_slash_stays_inside_its_path_parameter(client: MockClient) -> None:
    answer = client.get("/api/v2/users/a%2Fb", headers=TOKEN_HEADER)
    assert answer.status_code == INVALID
    assert validation(answer)[0]["message"].startswith('"a/b" does not match')


def test_absurdly_deep_json_is_a_400_not_a_crash(client: MockClient) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    answer = client.post(
        "/messages/send-message", headers={**TOKEN_HEADER, "Content-Type": "application/json"}, content=body
    )
    assert answer.status_code == 400


def test_streamed_body_over_the_limit_is_413_too(make_client: ClientFactory) -> None:
    client = make_client(max_body_size=64)

    def chunks() -> Iterator[bytes]:
        yield b'{"account_id": "' + OBJECT_ID.encode() + b'",'
        yield b'"text": "' + b"x" * 100 + b'"}'

    answer = client.post(
        "/messages/send-message",
        headers={**TOKEN_HEADER, "Content-Type": "application/json"},
        content=chunks(),
    )
    assert answer.status_code == 413


def test_access_log_writes_one_line_per_request() -> None:
    stream = io.StringIO()
    log = AccessLog(stream)
    log.write("GET", "/tags", 200, time.perf_counter())
    AccessLog(stream, enabled=False).write("GET", "/x", 200, time.perf_counter())
    assert re.fullmatch(r"GET /tags 200 \d+\.\d\dms\n", stream.getvalue())


def test_proxy_configuration_wires_the_proxy_handler(compiled: CompiledSpec) -> None:
    from mock_server.proxy.config import ProxyConfig
    from mock_server.proxy.forwarder import ProxyHandler

    proxy = ProxyConfig("http://127.0.0.1:9", errors=True)
    app = create_app(MockConfig(spec_path=SPEC_PATH, proxy=proxy), compiled)
    assert isinstance(app.handler, ProxyHandler)
    assert app.handler.errors
    assert app.on_shutdown == (app.handler.aclose,)


def test_huge_query_value_gets_a_short_422(client: MockClient) -> None:
    answer = client.get("/users", params={"limit": "1" * 6000}, headers=TOKEN_HEADER)
    assert answer.status_code == INVALID
    assert validation(answer)[0]["name"] == "limit"
    assert len(answer.content) < 1000


def test_the_specs_own_request_examples_are_accepted(
    client: MockClient, spec: Spec, compiled: CompiledSpec
) -> None:
    accepted = 0
    for source in spec.operations():
        if source.request_body is None:
            continue
        operation = next(op for op in compiled.operations if op.operation_id == source.operation_id)
        for media_type, media in source.request_body["content"].items():
            for example in media.get("examples", {}).values():
                value = spec.deref(example)["value"]
                body: dict[str, Any] = (
                    {"json": value} if media_type == "application/json" else {"data": value}
                )
                answer = client.request(operation.method, _url(spec, operation), headers=TOKEN_HEADER, **body)
                assert answer.status_code == 200, (operation.operation_id, answer.text)
                accepted += 1
    assert accepted >= 12


# --- x-request-id: every answer carries one (a guess about Leeloo; the register says so) -----------


def test_every_answer_carries_a_fresh_request_id(client: MockClient) -> None:
    answers = [
        client.get("/api/v2/tags", headers=TOKEN_HEADER),
        client.get("/api/v2/tags", headers=TOKEN_HEADER),
        client.get("/api/v2/tags"),  # 401
        client.get("/api/v2/nowhere", headers=TOKEN_HEADER),  # 404 problem
        client.get("/__admin/health"),
    ]
    ids = [answer.headers.get_list("x-request-id") for answer in answers]
    assert all(len(found) == 1 and re.fullmatch(r"[0-9a-f]{32}", found[0]) for found in ids), ids
    assert len({found[0] for found in ids}) == len(ids)
    assert [answer.status_code for answer in answers] == [200, 200, 401, 404, 200]


@pytest.mark.parametrize(
    ("sent", "echoed"),
    [("req-7f3a.2026:12", True), ("x" * 129, False), ("two words", False), ("", False)],
)
def test_a_plausible_request_id_of_the_client_is_echoed(client: MockClient, sent: str, echoed: bool) -> None:
    answer = client.get("/api/v2/tags", headers={**TOKEN_HEADER, "x-request-id": sent})
    assert (answer.headers["x-request-id"] == sent) is echoed


def test_the_spec_declares_the_header_on_errors_as_a_guess(spec: Spec) -> None:
    header = spec.document["components"]["headers"]["RequestId"]
    assert header["x-evidence"]["status"] == "guess"
    for name in ("BadRequest", "Unauthorized", "NotFound", "TooManyRequests", "ServerError"):
        declared = spec.document["components"]["responses"][name]["headers"]["x-request-id"]
        assert declared == {"$ref": "#/components/headers/RequestId"}
