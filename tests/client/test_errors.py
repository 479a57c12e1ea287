"""Typed errors: `sync()` raises by status (or by Leeloo's `status: 0` in any answer) with the
envelope's code and fields; `sync_detailed()` returns the answer."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from leeloo_client import (
    APIStatusError,
    AuthenticationError,
    LeelooClient,
    LeelooError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ValidationError,
)
from leeloo_client.api.orders import get_order
from leeloo_client.api.people import create_person, get_person
from leeloo_client.api.tags import list_tags
from leeloo_client.errors import Problem
from leeloo_client.models import CreatePersonRequest, ErrorEnvelope

from contract_tests._spec import spec_document

from ._fake_api import FakeAPI, envelope_response, error_example, problem_response

ID = "5b3f543bb2737000133d25b0"
WRONG_EMAIL = error_example("BadRequest", "wrong_email")


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, ValidationError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (599, ServerError),
        (409, APIStatusError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_its_error_class(
    status: int,
    error_class: type[APIStatusError],
    make_client: Callable[..., LeelooClient],
    fake_api: FakeAPI,
) -> None:
    fake_api.answer = lambda request: envelope_response(status, WRONG_EMAIL, {"x-request-id": "req-42"})

    with pytest.raises(error_class) as raised:
        get_order.sync(ID, client=make_client(max_retries=0))

    error = raised.value
    assert isinstance(error, LeelooError)
    assert error.status_code == status
    assert error.request_id == "req-42"
    assert error.code == "FORMAT_ERROR"
    assert error.fields == {"data/0/email": "WRONG_EMAIL"}
    assert (
        str(error) == f"get_order: HTTP {status} FORMAT_ERROR: data/0/email WRONG_EMAIL (request id req-42)"
    )


@pytest.mark.parametrize(
    ("body", "error_class"),
    [
        (WRONG_EMAIL, ValidationError),
        (error_example("Unauthorized", "missing_token"), AuthenticationError),
        (error_example("NotFound", "unknown_id"), NotFoundError),
        ({"status": 0, "error": {"code": "SOMETHING_NEW"}}, APIStatusError),
        ({"status": 0}, APIStatusError),
    ],
)
def test_status_0_in_a_200_answer_raises_the_typed_error(
    body: object, error_class: type[APIStatusError], client: LeelooClient, fake_api: FakeAPI
) -> None:
    """Leeloo may report a failure inside a 2xx answer; the body's `status: 0` decides."""
    fake_api.answer = lambda request: envelope_response(200, body)

    with pytest.raises(error_class) as raised:
        get_person.sync(ID, client=client)

    assert raised.value.status_code == 200
    assert type(raised.value) is error_class
    detailed = get_person.sync_detailed(ID, client=client)
    assert detailed.status_code == 200 and detailed.parsed is None


def test_the_message_names_the_first_fields_and_counts_the_rest(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fields = {f"data/{i}/email": "WRONG_EMAIL" for i in range(500)}
    fake_api.answer = lambda request: envelope_response(
        200, {"status": 0, "error": {"code": "FORMAT_ERROR", "fields": fields}}
    )
    body = CreatePersonRequest(name="a", email="a@b.co", phone="1", leadgentool_id=ID)

    with pytest.raises(ValidationError) as raised:
        create_person.sync(client=client, body=body)

    message = str(raised.value)
    assert message.startswith("create_person: HTTP 200 FORMAT_ERROR: data/0/email WRONG_EMAIL, ")
    assert message.endswith("(and 497 more)")
    assert len(message) < 400
    assert len(raised.value.fields) == 500


def test_a_rate_limit_answered_in_plain_text_raises_rate_limit_error(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    text = error_example("TooManyRequests", "")
    fake_api.answer = lambda request: httpx.Response(
        429, text=text, headers={"content-type": "text/plain", "Retry-After": "30"}
    )

    with pytest.raises(RateLimitError) as raised:
        list_tags.sync(client=make_client(max_retries=0))

    assert raised.value.retry_after == 30.0
    assert raised.value.code is None and raised.value.content == text.encode()


def test_sync_detailed_returns_the_error_answer_instead_of_raising(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: envelope_response(404, error_example("NotFound", "unknown_id"))

    response = get_order.sync_detailed(ID, client=client)

    assert response.status_code == 404
    assert not response.is_success
    assert isinstance(response.parsed, ErrorEnvelope)
    assert response.parsed.error.code == "NOT_FOUND"


def test_a_mock_problem_answer_still_gives_a_typed_error(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    """Mocks and proxies (Prism, leeloo-mock) answer what no operation describes with problem+json."""
    fake_api.answer = lambda request: problem_response(405, "Method Not Allowed", detail="No such method.")

    with pytest.raises(APIStatusError) as raised:
        list_tags.sync(client=make_client(max_retries=0))

    assert isinstance(raised.value.problem, Problem)
    assert raised.value.problem.detail == "No such method."
    assert str(raised.value) == "list_tags: HTTP 405 Method Not Allowed: No such method."


def test_an_error_body_that_is_not_json_still_gives_a_typed_error(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: httpx.Response(
        502, content=b"<html>Bad gateway</html>", headers={"content-type": "text/html"}
    )
    client = make_client(max_retries=0)

    detailed = list_tags.sync_detailed(client=client)
    assert detailed.status_code == 502
    assert detailed.parsed is None
    with pytest.raises(ServerError) as raised:
        list_tags.sync(client=client)
    assert raised.value.problem is None and raised.value.error is None
    assert raised.value.content == b"<html>Bad gateway</html>"


@pytest.mark.parametrize(
    "body",
    [
        b'{"status": 1}',  # `data` missing
        b'{"status": 1, "data": [{"id": "x"}]}',  # a tag without `name`
        b"not json at all",
        b'{"status": 1, "data": "not a list"}',
        b'{"status": false, "data": []}',  # not the envelope: status is not the number 0
    ],
)
def test_a_2xx_body_that_does_not_fit_the_model_raises_response_validation_error(
    body: bytes, client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: httpx.Response(
        200, content=body, headers={"content-type": "application/json", "x-request-id": "r-1"}
    )

    with pytest.raises(ResponseValidationError) as raised:
        list_tags.sync(client=client)
    assert raised.value.status_code == 200
    assert raised.value.request_id == "r-1"
    assert str(raised.value).startswith("list_tags: the 200 answer does not match the spec")
    with pytest.raises(ResponseValidationError):
        list_tags.sync_detailed(client=client)


def test_an_undeclared_2xx_status_raises_response_validation_error(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: httpx.Response(204)

    with pytest.raises(ResponseValidationError):
        list_tags.sync(client=client)
    assert list_tags.sync_detailed(client=client).status_code == 204


async def test_async_calls_raise_the_same_errors(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = lambda request: envelope_response(200, error_example("Unauthorized", "missing_token"))

    with pytest.raises(AuthenticationError) as raised:
        await list_tags.asyncio(client=client)
    assert raised.value.fields == {"authToken": "REQUIRED"}
    detailed = await list_tags.asyncio_detailed(client=client)
    assert detailed.status_code == 200
    await client.aclose()


def test_the_spec_examples_of_every_error_are_read_as_envelopes() -> None:
    """Each declared error example is Leeloo's envelope and the client reads its code."""
    from leeloo_client.errors import envelope_error

    for name, response in spec_document()["components"]["responses"].items():
        for media_type, media in response.get("content", {}).items():
            for example in (media.get("examples") or {}).values():
                value = example["value"]
                if media_type == "application/json" and value.get("status") == 0:
                    error = envelope_error(json.loads(json.dumps(value)))
                    assert error is not None and error.code == value["error"]["code"], name
