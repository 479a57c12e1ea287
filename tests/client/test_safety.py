"""Safe by default (issue 12): each test here failed on the client before the resources release.

A PUT that creates is not repeated; `Retry-After` is read one way and never trusted blindly; the
token stays on the API's origin through redirects; an answer cannot be arbitrarily large; error
messages are bounded; errors pickle without the token; `.` and `..` cannot change the endpoint.
"""

from __future__ import annotations

import email.utils
import pickle
import time
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from leeloo_client import (
    APIConnectionError,
    APITimeoutError,
    LeelooClient,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    RetryPolicy,
)
from leeloo_client import errors as client_errors
from leeloo_client.api.orders import get_order
from leeloo_client.api.people import add_comment_to_person, add_tag_to_person, get_person
from leeloo_client.api.tags import list_tags
from leeloo_client.errors import status_error
from leeloo_client.models import AddCommentRequest, TagForm

from contract_tests._spec import spec_operation, success_example

from ._fake_api import TOKEN, FakeAPI, RecordedSleep, envelope_response

ID = "5b3f543bb2737000133d25b0"
MiB = 1024 * 1024


def test_a_read_timeout_does_not_make_add_comment_send_twice(client: LeelooClient, fake_api: FakeAPI) -> None:
    # Before: PUT counted as idempotent, so the comment was sent again (two comments).
    def answer(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("the server acted but the answer was late", request=request)

    fake_api.answer = answer

    with pytest.raises(APITimeoutError):
        add_comment_to_person.sync(ID, client=client, body=AddCommentRequest(comment="sent once"))

    assert [request.url.path for request in fake_api.requests] == [f"/api/v2/people/{ID}/add-comment"]


def test_the_operation_module_says_whether_it_may_be_repeated() -> None:
    assert getattr(add_comment_to_person, "IDEMPOTENT", None) is False
    assert getattr(get_person, "IDEMPOTENT", None) is True


@pytest.mark.parametrize("value", ["-5", "nan", "inf", "-inf", "1e400"])
def test_an_unusable_retry_after_falls_back_to_backoff(
    value: str, client: LeelooClient, fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    # Before: -5 and nan were read as "retry at once" (0 s).
    answers = [httpx.Response(503, headers={"Retry-After": value}, text="busy")]
    fake_api.answer = lambda request: answers.pop(0) if answers else fake_api.forward(request)

    list_tags.sync(client=client)

    assert len(sleeps.delays) == 1
    policy = RetryPolicy()
    assert policy.initial_delay * (1 - policy.jitter) <= sleeps.delays[0] <= policy.initial_delay


def test_retry_after_as_an_http_date_is_understood_by_the_error_too() -> None:
    # Before: RateLimitError.retry_after read only numbers; the transport also read dates.
    in_thirty_seconds = email.utils.formatdate(time.time() + 30, usegmt=True)
    error = status_error(
        "list_tags", status_code=429, content=b"Too Many Requests", headers={"Retry-After": in_thirty_seconds}
    )

    assert isinstance(error, RateLimitError)
    assert error.retry_after is not None
    assert 25 <= error.retry_after <= 31
    assert RetryPolicy().delay(0, httpx.Response(429, headers={"Retry-After": in_thirty_seconds})) > 25


def test_a_redirect_to_another_origin_does_not_carry_the_token(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    # Before: httpx drops `Authorization` across origins but not `X-Leeloo-AuthToken`.
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.leeloo.ai" and request.url.path == "/api/v2/tags":
            return httpx.Response(302, headers={"Location": "https://attacker.example/collect"})
        if request.url.host == "api.leeloo.ai":
            return httpx.Response(200, json={"not": "a tag list"})
        return httpx.Response(307, headers={"Location": "https://api.leeloo.ai/api/v2/tags/again"})

    fake_api.answer = answer
    client = make_client(follow_redirects=True)

    with pytest.raises(ResponseValidationError):
        list_tags.sync(client=client)  # the chain ends on a body that is not a tag list

    hosts = [(request.url.host, AUTH in request.headers) for request in fake_api.requests]
    # Once dropped the token stays dropped, even when the chain comes back to the API.
    assert hosts == [("api.leeloo.ai", True), ("attacker.example", False), ("api.leeloo.ai", False)]


AUTH = "X-Leeloo-AuthToken"


def test_a_redirect_on_the_same_origin_keeps_the_token(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/tags":
            return httpx.Response(301, headers={"Location": "/api/v2/tags/"})
        return httpx.Response(200, json=success_example(spec_operation("list_tags")))

    fake_api.answer = answer

    list_tags.sync(client=make_client(follow_redirects=True))

    assert [request.headers.get(AUTH) for request in fake_api.requests] == [TOKEN, TOKEN]


class _Endless(httpx.SyncByteStream):
    """A body of `size` bytes made as it is read, counting what was read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.produced = 0

    def __iter__(self) -> Iterator[bytes]:
        chunk = b" " * MiB
        while self.produced < self.size:
            self.produced += len(chunk)
            yield chunk


def test_a_1_gib_answer_is_refused_after_the_cap_not_read(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    # Before: no cap; the client read the whole gibibyte into memory.
    body = _Endless(1024 * MiB)
    fake_api.answer = lambda request: httpx.Response(200, stream=body)
    started = time.perf_counter()

    with pytest.raises(client_errors.LeelooError, match=r"list_tags: the answer is larger than max_response"):
        list_tags.sync(client=make_client())

    assert body.produced <= 64 * MiB + MiB
    assert time.perf_counter() - started < 5


def test_the_cap_is_configurable_and_a_declared_length_is_refused_before_reading(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: httpx.Response(200, content=b"{" + b" " * 2000 + b"}")
    client = make_client(max_response_size=1000)

    with pytest.raises(client_errors.ResponseTooLargeError) as raised:
        list_tags.sync(client=client)
    assert raised.value.limit == 1000
    with pytest.raises(ResponseValidationError):  # read, then found not to be a tag list
        list_tags.sync(client=client.with_options(max_response_size=10_000))


def test_error_messages_are_bounded(client: LeelooClient, fake_api: FakeAPI) -> None:
    # Before: the reason of a ResponseValidationError quoted the whole offending value.
    example = success_example(spec_operation("get_order"))
    huge = {**example, "data": {**example["data"], "currency": "X" * 100_000}}
    fake_api.answer = lambda request: httpx.Response(200, json=huge)
    with pytest.raises(ResponseValidationError) as validation:
        get_order.sync(ID, client=client)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("x" * 100_000, request=request)

    fake_api.answer = refuse
    with pytest.raises(APIConnectionError) as connection:
        list_tags.sync(client=client.with_options(max_retries=0))

    fake_api.answer = lambda request: envelope_response(200, {"status": 0, "error": {"code": "E" * 100_000}})
    with pytest.raises(Exception) as envelope:
        list_tags.sync(client=client)

    for raised in (validation, connection, envelope):
        assert len(str(raised.value)) < 1000, str(raised.value)[:200]


def test_errors_pickle_and_the_pickle_never_holds_the_token(client: LeelooClient, fake_api: FakeAPI) -> None:
    # Before: unpickling an APIStatusError raised TypeError (its __init__ takes keywords), and an
    # APIConnectionError pickled its request, headers and token included.
    fake_api.answer = lambda request: envelope_response(
        404, {"status": 0, "error": {"code": "NOT_FOUND"}}, headers={"x-request-id": "req-1"}
    )
    with pytest.raises(NotFoundError) as not_found:
        get_person.sync(ID, client=client)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    fake_api.answer = refuse
    with pytest.raises(APIConnectionError) as connection:
        list_tags.sync(client=client.with_options(max_retries=0))
    assert connection.value.request is not None  # kept in memory, for whoever debugs

    for raised in (not_found.value, connection.value):
        data = pickle.dumps(raised)
        assert TOKEN.encode() not in data
        again = pickle.loads(data)
        assert type(again) is type(raised)
        assert str(again) == str(raised)
    copy = pickle.loads(pickle.dumps(not_found.value))
    assert (copy.status_code, copy.code, copy.request_id) == (404, "NOT_FOUND", "req-1")
    assert pickle.loads(pickle.dumps(connection.value)).request is None


@pytest.mark.parametrize("person_id", [".", "..", ""])
def test_dot_segments_cannot_change_the_endpoint(
    person_id: str, client: LeelooClient, fake_api: FakeAPI
) -> None:
    # Before: `..` was sent as is and httpx resolved /people/.. to /, another endpoint.
    with pytest.raises(client_errors.LeelooError, match="person_id"):
        get_person.sync(person_id, client=client)
    with pytest.raises(ValueError):  # an InvalidParameterError is a ValueError too
        add_tag_to_person.sync(person_id, client=client, body=TagForm(tag_id=ID))

    assert fake_api.requests == []


def test_a_dot_inside_an_id_is_sent_percent_encoded_as_part_of_it(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = lambda request: httpx.Response(404, text="no")
    with pytest.raises(NotFoundError):
        get_person.sync("../tags", client=client)

    assert fake_api.requests[0].url.raw_path == b"/api/v2/people/..%2Ftags"


def test_every_kind_of_error_pickles_with_its_attributes() -> None:
    errors: list[client_errors.LeelooError] = [
        client_errors.ResponseTooLargeError("list_tags", 1000),
        client_errors.InvalidParameterError("person_id must name a resource"),
        client_errors.ConfigurationError("set LEELOO_AUTH_TOKEN"),
        client_errors.ResponseValidationError(
            "get_order",
            status_code=200,
            content=b"{}",
            headers={"x-request-id": "r"},
            reason="KeyError: 'data'",
        ),
    ]
    for error in errors:
        again = pickle.loads(pickle.dumps(error))
        assert (type(again), str(again), again.__dict__) == (type(error), str(error), error.__dict__)


class _AsyncEndless(httpx.AsyncByteStream):
    def __init__(self, size: int) -> None:
        self.size = size
        self.produced = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunk = b" " * MiB
        while self.produced < self.size:
            self.produced += len(chunk)
            yield chunk


async def test_the_async_transport_caps_answers_and_keeps_the_token_home(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    body = _AsyncEndless(1024 * MiB)

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host != "api.leeloo.ai":
            return httpx.Response(200, stream=body)
        return httpx.Response(302, headers={"Location": "https://elsewhere.example/tags"})

    fake_api.answer = answer
    client = make_client(follow_redirects=True, max_response_size=4 * MiB)

    with pytest.raises(client_errors.ResponseTooLargeError):
        await list_tags.asyncio(client=client)

    assert [AUTH in request.headers for request in fake_api.requests] == [True, False]
    assert body.produced <= 5 * MiB
    await client.aclose()
