"""Requests that attacked the validation stage itself (issue "Hard to break, round 2", items 2 and 3).

- A JSON string with a lone UTF-16 surrogate (``"\\ud800"``) was stored by ``--stateful`` and made
  every later GET /people a 500; it is refused at parse time, naming the field, and nothing is
  stored.
- A 1 MiB body of 349,000 invalid items took 10.5 s of the event loop and answered 32 MB; the
  issues collected are capped (``MAX_ISSUES``), and the answer names at most ``MAX_FIELDS``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.stages.envelope import MAX_FIELDS
from mock_server.stages.validation import MAX_ISSUES
from tests.hardening._asgi import asgi_request
from tests.hardening.conftest import SPEC_PATH
from tests.refusals import INVALID, validation

JSON = [(b"content-type", b"application/json")]
PEOPLE = "/api/v2/people"
EVERYONE = b"limit=100"
OBJECT_ID = "5b3f543bb2737000133d25b0"


@pytest.fixture
def stateful_app(compiled_spec: CompiledSpec) -> Any:
    return create_app(MockConfig(spec_path=SPEC_PATH, stateful=True, log_requests=False), compiled_spec)


def _person(name: bytes) -> bytes:
    return (
        b'{"name": "' + name + b'", "email": "a@example.com", "phone": "+380000000001", '
        b'"leadgentool_id": "' + OBJECT_ID.encode() + b'"}'
    )


@pytest.mark.parametrize(
    "name", [b"\\ud800", b"x\\udfffy", b"\xed\xa0\x80"], ids=["escaped-high", "escaped-low", "raw-bytes"]
)
async def test_a_lone_surrogate_is_refused_naming_the_field_and_nothing_is_stored(
    stateful_app: Any, name: bytes
) -> None:
    before = await asgi_request(stateful_app, "GET", PEOPLE, EVERYONE)
    refused = await asgi_request(stateful_app, "POST", PEOPLE, headers=JSON, body=_person(name))

    assert refused.status == INVALID, refused.body[:300]
    assert refused.json()["error"]["fields"] == {"name": "NOT_VALID_UTF8"}
    assert {(i["location"], i["name"]) for i in validation(refused)} == {("body", "/name")}
    after = await asgi_request(stateful_app, "GET", PEOPLE, EVERYONE)
    assert after.status == 200
    assert after.json()["data"] == before.json()["data"]


async def test_a_surrogate_pair_is_text_and_is_stored(stateful_app: Any) -> None:
    created = await asgi_request(stateful_app, "POST", PEOPLE, headers=JSON, body=_person(b"\\ud83d\\ude00"))
    assert created.status == 200
    assert created.json()["data"]["name"] == "\U0001f600"


async def test_half_a_million_bad_items_get_a_small_answer(static_app: Any) -> None:
    body = json.dumps(
        {"connection_id": OBJECT_ID, "leadgentool_id": OBJECT_ID, "data": [{}] * 349_000},
        separators=(",", ":"),
    ).encode()
    assert len(body) < 1024 * 1024  # under the default --max-body-size

    refused = await asgi_request(static_app, "POST", "/api/v2/people/sms", headers=JSON, body=body)

    assert refused.status == INVALID
    fields = refused.json()["error"]["fields"]
    assert len(fields) == min(MAX_FIELDS, MAX_ISSUES)
    assert fields["data/0/phone"] == "REQUIRED"
    assert len(refused.body) < 16 * 1024
    assert len(validation(refused)) <= 20  # sl-violations, as Prism, lists the first 20
    assert f"at most {MAX_ISSUES}" in refused.json()["error"]["message"]
