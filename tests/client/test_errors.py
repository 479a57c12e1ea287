"""Typed errors: `sync()` raises by status with the parsed problem; `sync_detailed()` returns the answer."""

from __future__ import annotations

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
from leeloo_client.api.people import get_person
from leeloo_client.api.tags import list_tags
from leeloo_client.models import Problem

from ._fake_api import FakeAPI, problem_response

ID = "5b3f543bb2737000133d25b0"


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
    fake_api.answer = lambda request: problem_response(
        status, "Something", detail="It went wrong.", headers={"x-request-id": "req-42"}
    )

    with pytest.raises(error_class) as raised:
        get_order.sync(ID, client=make_client(max_retries=0))

    error = raised.value
    assert isinstance(error, LeelooError)
    assert error.status_code == status
    assert error.request_id == "req-42"
    assert isinstance(error.problem, Problem)
    assert error.problem.detail == "It went wrong."
    assert str(error) == f"get_order: HTTP {status} Something: It went wrong. (request id req-42)"


def test_validation_error_carries_the_invalid_fields(client: LeelooClient, fake_api: FakeAPI) -> None:
    issues = [{"location": "query", "name": "include", "message": "does not match the pattern"}]
    fake_api.answer = lambda request: problem_response(422, "Unprocessable Entity", validation=issues)

    with pytest.raises(ValidationError) as raised:
        get_person.sync(ID, client=client, include="orders")

    problem = raised.value.problem
    assert problem is not None and isinstance(problem.validation, list)
    assert [(issue.location, issue.name) for issue in problem.validation] == [("query", "include")]


def test_rate_limit_error_exposes_retry_after(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: problem_response(
        429, "Too Many Requests", headers={"Retry-After": "30"}
    )

    with pytest.raises(RateLimitError) as raised:
        list_tags.sync(client=make_client(max_retries=0))

    assert raised.value.retry_after == 30.0


def test_sync_detailed_returns_the_error_answer_instead_of_raising(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: problem_response(404, "Not Found", detail="No resource has this id.")

    response = get_order.sync_detailed(ID, client=client)

    assert response.status_code == 404
    assert not response.is_success
    assert isinstance(response.parsed, Problem)
    assert response.parsed.title == "Not Found"


def test_an_error_body_that_is_not_a_problem_still_gives_a_typed_error(
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
    assert raised.value.problem is None
    assert raised.value.content == b"<html>Bad gateway</html>"


@pytest.mark.parametrize(
    "body",
    [
        b'{"status": 1}',  # `data` missing
        b'{"status": 1, "data": [{"id": "x"}]}',  # a tag without `name`
        b"not json at all",
        b'{"status": 1, "data": "not a list"}',
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
    fake_api.answer = lambda request: problem_response(401, "Unauthorized")

    with pytest.raises(AuthenticationError):
        await list_tags.asyncio(client=client)
    detailed = await list_tags.asyncio_detailed(client=client)
    assert detailed.status_code == 401
    await client.aclose()
