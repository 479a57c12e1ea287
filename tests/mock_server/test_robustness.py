"""Bad input of any shape gets a 4xx refusal, never a 500: random requests through the pipeline.

A refusal is in the shape the operation declares for it (Leeloo's envelope, validated against the
spec's schema) or, for what no operation describes, the mock's RFC 7807 problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_server import CompiledSpec, MockConfig, MockRequest, Pipeline, Spec
from mock_server.stages.problems import PROBLEM_JSON, PROBLEM_SCHEMA
from tests.mock_server.conftest import OBJECT_ID, SPEC_PATH

SEGMENTS = ["api", "v2", "people", "tags", "orders", "tunnels", "stats", "add-tag", OBJECT_ID, "x", "%zz", ""]
text = st.text(st.characters(codec="latin-1"), max_size=20)
requests = st.builds(
    MockRequest,
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "BREW"]),
    path=st.lists(st.sampled_from(SEGMENTS) | text, max_size=5).map(lambda parts: "/" + "/".join(parts)),
    query_string=st.lists(
        st.tuples(st.sampled_from(["limit", "offset", "filter[tags]", "include"]) | text, text)
    ).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)),
    headers=st.fixed_dictionaries(
        {"x-leeloo-authtoken": st.just("t")},
        optional={
            "prefer": st.sampled_from(
                ["code=404", "code=", "example=x", "dynamic=true", "seed=-1", "=", ",,"]
            )
            | text,
            "accept": st.sampled_from(["*/*", "text/html", "application/json;q=x", ""]) | text,
            "content-type": st.sampled_from(["application/json", "application/x-www-form-urlencoded", "a/b"])
            | text,
        },
    ),
    body=st.binary(max_size=64) | st.sampled_from([b"{}", b"[]", b"null", b'{"tag_id": 1}', b"tag_id=%ff"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request=requests)
def test_random_requests_get_a_problem_never_a_server_error(
    compiled: CompiledSpec, spec: Spec, request: MockRequest
) -> None:
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH)))
    response = pipeline.handle(request)
    asked_for_5xx = "code=5" in request.headers.get("prefer", "").replace(" ", "")
    assert 200 <= response.status < 500 or asked_for_5xx, (response.status, response.body)
    if response.status >= 400 and response.body:
        if response.media_type == "text/plain":  # Leeloo's 429 (Prefer: code=429)
            return
        body: Any = json.loads(response.body)
        if response.media_type == PROBLEM_JSON:
            jsonschema.Draft202012Validator(PROBLEM_SCHEMA).validate(body)
        else:
            schema = spec.validator_schema({"$ref": "#/components/schemas/LeelooError"})
            jsonschema.Draft202012Validator(schema).validate(body)
