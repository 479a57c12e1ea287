"""Hostile requests to the mock in-process: each gets a 4xx problem, never a 5xx, and it keeps serving.

A mock run in every CI job meets whatever a buggy client or a fuzzer sends. Every case here is
sent through the ASGI app directly (``_asgi.asgi_request``) so that inputs httpx would refuse
(a 64 KiB URL, bytes that are not UTF-8) still arrive. Each answer must be a refusal in the shape
the spec declares (Leeloo's envelope, or the mock's RFC 7807 problem for what no operation
declares), naming the part of the request that is wrong; after it, a plain GET must still be
answered.

Known failures of the mock are marked ``xfail(strict=True)`` with the reason: they document
the bug, keep ``make test`` green, and turn red as soon as the mock is fixed (remove the mark).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.server.config import ServerLimits
from tests.hardening._asgi import RawResponse, asgi_request
from tests.hardening.conftest import SPEC_PATH
from tests.refusals import INVALID, validation

OBJECT_ID = "5b3f543bb2737000133d25b0"
TAG_ID = "595f5d522a934035decc093d"
JSON = [(b"content-type", b"application/json")]
FORM = [(b"content-type", b"application/x-www-form-urlencoded")]
PEOPLE_FILTERS = b"filter[last_message][from]=2020-01-01&filter[last_message][to]=2020-12-31"
SEND_MESSAGE = "/api/v2/messages/send-message"
ADD_TAG = f"/api/v2/people/{OBJECT_ID}/add-tag"
VALID_MESSAGE = {"account_id": OBJECT_ID, "text": "Message text"}


def assert_problem(
    response: RawResponse, status: int, location: str | None = None, name: str | None = None
) -> None:
    """``response`` refuses with ``status`` in the shape the spec declares for it (Leeloo's envelope,
    or the mock's RFC 7807 problem for what no operation declares) and names the culprit."""
    assert response.status == status, response.body[:500]
    body = response.json()
    if response.headers["content-type"].startswith("application/problem+json"):
        assert body["status"] == status
        assert body["title"] and body["type"]
    else:
        assert response.headers["content-type"] == "application/json"
        assert body["status"] == 0 and body["error"]["code"], body
    if location is not None:
        places = {(issue["location"], issue["name"]) for issue in validation(response)}
        assert any(where == location and (name is None or name in what) for where, what in places), places


async def assert_still_serving(app: Any) -> None:
    response = await asgi_request(app, "GET", "/api/v2/tags")
    assert response.status == 200
    assert response.json()["status"] == 1


# ------------------------------------------------------------------------------------- body size


async def test_10_mib_body_is_refused_with_413(static_app: Any) -> None:
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=b" " * (10 << 20))
    assert_problem(response, 413, "body")
    await assert_still_serving(static_app)


async def test_body_limit_is_configurable(compiled_spec: CompiledSpec) -> None:
    limits = ServerLimits(max_body_size=100)
    app = create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False, limits=limits), compiled_spec)
    body = json.dumps(VALID_MESSAGE).encode()
    padded = body + b" " * (100 - len(body))  # exactly at the limit: accepted
    assert (await asgi_request(app, "POST", SEND_MESSAGE, headers=JSON, body=padded)).status == 200
    assert_problem(
        await asgi_request(app, "POST", SEND_MESSAGE, headers=JSON, body=padded + b" "), 413, "body"
    )


async def test_declared_length_over_the_limit_is_refused_before_reading(static_app: Any) -> None:
    headers = [*JSON, (b"content-length", str(10 << 20).encode())]
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=headers, body=b"{}")
    assert_problem(response, 413)


# ----------------------------------------------------------------------------------- JSON bodies


@pytest.mark.parametrize(("opening", "closing"), [(b"[", b"]"), (b'{"a":', b"}")], ids=["arrays", "objects"])
async def test_json_nested_100000_deep_is_a_400(static_app: Any, opening: bytes, closing: bytes) -> None:
    body = opening * 100_000 + b"1" + closing * 100_000
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert_problem(response, 400, "body")


async def test_json_nested_100000_deep_never_stops_the_app(static_app: Any) -> None:
    """Whatever the status, the answer is a refusal and the next request is served."""
    body = b"[" * 100_000 + b"]" * 100_000
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert 400 <= response.status < 500
    assert_problem(response, response.status, "body")
    await assert_still_serving(static_app)


@pytest.mark.parametrize(
    "body",
    [
        b'{"account_id": "\xff\xfe", "text": "x"}',  # invalid UTF-8
        b'{"account_id": "5b3f543bb2737000133d25b0", "text": "a\x00b"}',  # raw NUL in a string
        b'{"account_id": "5b3f543bb2737000133d25b0", "text": 1' + b"9" * 5000 + b"}",  # > 4,300 digits
        b"\x00" * 64,
    ],
    ids=["invalid-utf8", "raw-nul", "5000-digit-integer", "only-nuls"],
)
async def test_body_that_does_not_parse_is_a_400(static_app: Any, body: bytes) -> None:
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert_problem(response, 400, "body")
    await assert_still_serving(static_app)


async def test_empty_body_of_a_required_body_is_refused(static_app: Any) -> None:
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=b"")
    assert_problem(response, INVALID, "body")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1e999", "/text"),  # parses to inf
        ("NaN", "/text"),
        ("18446744073709551616", "/text"),  # 2**64: beyond int64
        ("-9223372036854775809", "/text"),  # below int64
    ],
)
async def test_numbers_json_cannot_carry_are_refused_naming_the_field(
    static_app: Any, text: str, name: str
) -> None:
    body = b'{"account_id": "5b3f543bb2737000133d25b0", "text": ' + text.encode() + b"}"
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert_problem(response, INVALID, "body", name)


async def test_escaped_nul_in_a_json_string_is_just_a_character(static_app: Any) -> None:
    body = b'{"account_id": "5b3f543bb2737000133d25b0", "text": "a\\u0000b"}'
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert response.status == 200


async def test_duplicate_json_keys_are_validated_as_parsed(static_app: Any) -> None:
    """The last duplicate wins (as json.loads has it): a wrong last value is named."""
    body = b'{"account_id": "5b3f543bb2737000133d25b0", "text": "fine", "text": 5}'
    response = await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)
    assert_problem(response, INVALID, "body", "/text")
    body = b'{"account_id": "5b3f543bb2737000133d25b0", "text": 5, "text": "fine"}'
    assert (await asgi_request(static_app, "POST", SEND_MESSAGE, headers=JSON, body=body)).status == 200


# ----------------------------------------------------------------------------------- form bodies


async def test_form_with_repeated_fields_is_not_a_server_error(static_app: Any) -> None:
    body = f"tag_id={TAG_ID}&tag_id=5b3f543bb2737000133d25b1&tag_id=".encode()
    response = await asgi_request(static_app, "PUT", ADD_TAG, headers=FORM, body=body)
    assert response.status in (200, INVALID), response.body
    if response.status == INVALID:
        assert_problem(response, INVALID, "body", "tag_id")
    await assert_still_serving(static_app)


@pytest.mark.parametrize(
    "body",
    [b"tag_id=%ff%fe", b"tag_id=%00", b"tag_id", b"=&=&&", b"%zz=%zz", b"tag_id=" + b"a" * 65536],
    ids=["invalid-utf8", "nul", "no-value", "empty-names", "bad-escapes", "64KiB-value"],
)
async def test_odd_form_bodies_are_refused_naming_tag_id(static_app: Any, body: bytes) -> None:
    response = await asgi_request(static_app, "PUT", ADD_TAG, headers=FORM, body=body)
    assert_problem(response, INVALID, "body")
    await assert_still_serving(static_app)


# ---------------------------------------------------------------------------------- Content-Type


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        (SEND_MESSAGE, None, json.dumps(VALID_MESSAGE).encode()),
        (SEND_MESSAGE, b"text/plain", json.dumps(VALID_MESSAGE).encode()),
        (SEND_MESSAGE, b";;;==\x01\xff", json.dumps(VALID_MESSAGE).encode()),
        (SEND_MESSAGE, b"application/x-www-form-urlencoded", b"account_id=x&text=y"),
        (SEND_MESSAGE, b"multipart/form-data; boundary=", b"--\r\n"),
        (ADD_TAG, b"text/plain", json.dumps({"tag_id": TAG_ID}).encode()),
        (ADD_TAG, None, f"tag_id={TAG_ID}".encode()),
    ],
    ids=[
        "json-missing",
        "json-as-text",
        "json-garbage",
        "json-as-form",
        "json-as-multipart",
        "json-or-form-as-text",
        "form-missing",
    ],
)
async def test_wrong_content_type_is_a_415_naming_the_header(
    static_app: Any, path: str, content_type: bytes | None, body: bytes
) -> None:
    headers = [(b"content-type", content_type)] if content_type is not None else []
    response = await asgi_request(
        static_app, "PUT" if path == ADD_TAG else "POST", path, headers=headers, body=body
    )
    assert_problem(response, 415, "header", "Content-Type")


# ------------------------------------------------------------------------- path and query string


@pytest.mark.parametrize(
    ("path", "query", "location"),
    [
        ("/api/v2/people/\ufffd\ufffd", b"", "path"),  # what uvicorn hands over for /people/%ff%fe
        ("/api/v2/people/5b3f543bb2737000133d25b0\x00", b"", "path"),
        ("/api/v2/people", PEOPLE_FILTERS.replace(b"2020-01-01", b"%ff%fe"), "query"),
        ("/api/v2/people", PEOPLE_FILTERS.replace(b"2020-01-01", b"2020-01-01%00"), "query"),
        ("/api/v2/people", PEOPLE_FILTERS + b"&limit=18446744073709551616", "query"),  # 2**64
        ("/api/v2/people", PEOPLE_FILTERS + b"&limit=-9223372036854775809", "query"),
        ("/api/v2/people", PEOPLE_FILTERS + b"&limit=1e400", "query"),
    ],
    ids=[
        "path-invalid-utf8",
        "path-nul",
        "query-invalid-utf8",
        "query-nul",
        "limit-2**64",
        "limit-below-int64",
        "limit-1e400",
    ],
)
async def test_bad_path_or_query_is_refused(static_app: Any, path: str, query: bytes, location: str) -> None:
    response = await asgi_request(static_app, "GET", path, query)
    assert_problem(response, INVALID, location)
    await assert_still_serving(static_app)


@pytest.mark.parametrize("name", [b"limit", b"offset"])
async def test_64_kib_integer_in_the_query_is_refused(static_app: Any, name: bytes) -> None:
    response = await asgi_request(
        static_app, "GET", "/api/v2/people", PEOPLE_FILTERS + b"&" + name + b"=" + b"1" * 65536
    )
    assert_problem(response, INVALID, "query", name.decode())


@pytest.mark.parametrize(
    "extra",
    [
        b"filter[tags]=" + b"a" * 65536,  # one 64 KiB value: valid
        b"&".join(b"filter[tags]=t%d" % i for i in range(6000)),  # 6,000 repeated values
        b"&".join(b"unknown%d=1" % i for i in range(6000)),  # 6,000 undeclared parameters
        b"filter%5B" * 8000,  # unbalanced brackets
    ],
    ids=["one-64KiB-value", "6000-tags", "6000-unknown", "unbalanced-brackets"],
)
async def test_64_kib_query_string_is_answered_without_a_server_error(static_app: Any, extra: bytes) -> None:
    query = PEOPLE_FILTERS + b"&" + extra
    assert len(query) >= 40_000
    response = await asgi_request(static_app, "GET", "/api/v2/people", query)
    assert response.status in (200, INVALID), response.body[:300]
    if response.status == INVALID:
        assert_problem(response, INVALID, "query")
    await assert_still_serving(static_app)


# ------------------------------------------------------------------------------------- Prefer


@pytest.mark.parametrize(
    "prefer", [b"code=abc", b"code", b"code=", b"code=99999", b"dynamic=maybe", b"example"]
)
async def test_malformed_prefer_is_refused_naming_it(static_app: Any, prefer: bytes) -> None:
    response = await asgi_request(static_app, "GET", "/api/v2/tags", headers=[(b"prefer", prefer)])
    assert_problem(response, 422, "header", "Prefer")  # a mock header: Prism's 422 problem


async def test_prefer_of_only_separators_is_refused(static_app: Any) -> None:
    response = await asgi_request(static_app, "GET", "/api/v2/tags", headers=[(b"prefer", b";;;==")])
    assert_problem(response, 422, "header", "Prefer")


@pytest.mark.parametrize(
    ("prefer", "words"),
    [
        (b"code=418", "418"),
        (b"code=403", "403"),
        (b"example=nope", "nope"),
        (b"code=401, example=nope", "nope"),
    ],
)
async def test_prefer_naming_what_the_spec_does_not_declare_is_a_404(
    static_app: Any, prefer: bytes, words: str
) -> None:
    response = await asgi_request(static_app, "GET", "/api/v2/tags", headers=[(b"prefer", prefer)])
    assert_problem(response, 404)
    assert words in response.json()["detail"]


async def test_prefer_a_declared_code_is_honoured(static_app: Any) -> None:
    """The control case: a well-formed, declared preference gets that response."""
    response = await asgi_request(static_app, "GET", "/api/v2/tags", headers=[(b"prefer", b"code=401")])
    assert response.status == 401
