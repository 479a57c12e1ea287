"""Retries: idempotent requests are repeated on transient failures; a POST only when it did not act."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable

import httpx
import pytest
from leeloo_client import LeelooClient, RateLimitError, RetryPolicy, ServerError
from leeloo_client.api.orders import create_order
from leeloo_client.api.people import add_comment_to_person, add_tag_to_person
from leeloo_client.api.tags import list_tags
from leeloo_client.errors import APIConnectionError, APITimeoutError
from leeloo_client.models import AddCommentRequest, CreateOrderRequest, TagForm

from contract_tests._spec import spec_operation, success_example

from ._fake_api import FakeAPI, RecordedSleep, problem_response

ID = "5b3f543bb2737000133d25b0"
ORDER = CreateOrderRequest(
    payment_credits_id=ID,
    email="a@example.com",
    phone="+1",
    transaction_date="2020-02-04 00:00",
    offer_id=ID,
    is_notify_account=False,
    person_id=ID,
)


def failing_then_ok(
    fake_api: FakeAPI, failures: list[httpx.Response | type[httpx.TransportError]]
) -> Callable[..., httpx.Response]:
    """An answer function: the given failures in turn, then the mock's answer (the docs example)."""
    remaining = list(failures)

    def answer(request: httpx.Request) -> httpx.Response:
        if remaining:
            failure = remaining.pop(0)
            if isinstance(failure, httpx.Response):
                return failure
            raise failure("simulated", request=request)
        return fake_api.forward(request)

    return answer


@pytest.mark.parametrize(
    "failure",
    [
        problem_response(503, "Service Unavailable"),
        problem_response(500, "Internal Server Error"),
        problem_response(502, "Bad Gateway"),
        problem_response(408, "Request Timeout"),
        problem_response(429, "Too Many Requests"),
        httpx.ConnectError,
        httpx.ReadTimeout,
        httpx.RemoteProtocolError,
    ],
    ids=lambda f: str(f.status_code) if isinstance(f, httpx.Response) else f.__name__,
)
def test_get_is_retried_on_transient_failures(
    failure: httpx.Response | type[httpx.TransportError], client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [failure, failure])

    tags = list_tags.sync(client=client)

    assert len(fake_api.requests) == 3
    assert tags.to_dict() == success_example(spec_operation("list_tags"))


def test_an_idempotent_put_is_retried_like_get(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = failing_then_ok(fake_api, [problem_response(500, "Internal Server Error")])

    add_tag_to_person.sync(ID, client=client, body=TagForm(tag_id=ID))

    assert len(fake_api.requests) == 2


def test_a_put_the_spec_marks_not_idempotent_is_retried_like_post(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    # add_comment_to_person adds a comment on every call (`x-idempotent: false` in the spec).
    fake_api.answer = failing_then_ok(fake_api, [problem_response(500, "Internal Server Error")])

    with pytest.raises(ServerError):
        add_comment_to_person.sync(ID, client=client, body=AddCommentRequest(comment="hi"))

    assert len(fake_api.requests) == 1


def test_get_gives_up_after_max_retries(
    client: LeelooClient, fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [problem_response(503, "Service Unavailable")] * 5)

    with pytest.raises(ServerError) as raised:
        list_tags.sync(client=client)

    assert len(fake_api.requests) == 3  # the request and 2 retries
    assert raised.value.status_code == 503
    assert len(sleeps.delays) == 2


def test_max_retries_is_configurable_per_client(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [problem_response(503, "Service Unavailable")] * 9)

    with pytest.raises(ServerError):
        list_tags.sync(client=make_client(max_retries=0))
    assert len(fake_api.requests) == 1

    fake_api.requests.clear()
    with pytest.raises(ServerError):
        list_tags.sync(client=make_client(max_retries=4))
    assert len(fake_api.requests) == 5


def test_backoff_grows_exponentially_with_jitter(
    make_client: Callable[..., LeelooClient], fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [problem_response(500, "Internal Server Error")] * 3)
    policy = RetryPolicy(max_retries=3, initial_delay=1.0, max_delay=30.0, jitter=0.25)

    list_tags.sync(client=make_client(retry_policy=policy))

    assert len(sleeps.delays) == 3
    for retry, delay in enumerate(sleeps.delays):
        assert 0.75 * 2**retry <= delay <= 2**retry


def test_retry_after_header_is_honoured(
    client: LeelooClient, fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    fake_api.answer = failing_then_ok(
        fake_api,
        [
            problem_response(429, "Too Many Requests", headers={"Retry-After": "7"}),
            problem_response(503, "Service Unavailable", headers={"Retry-After": "0"}),
        ],
    )

    list_tags.sync(client=client)

    assert sleeps.delays == [7.0, 0.0]


def test_a_retry_after_above_the_cap_gives_up_at_once_and_says_how_long(
    client: LeelooClient, fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    # Before: the client slept a short backoff and asked again, against the server's word.
    fake_api.answer = failing_then_ok(
        fake_api, [problem_response(429, "Too Many Requests", headers={"Retry-After": "86400"})]
    )

    with pytest.raises(RateLimitError) as raised:
        list_tags.sync(client=client)

    assert sleeps.delays == []
    assert len(fake_api.requests) == 1
    assert raised.value.retry_after == 86400.0


@pytest.mark.parametrize(
    "failure",
    [
        problem_response(500, "Internal Server Error"),
        problem_response(502, "Bad Gateway"),
        problem_response(503, "Service Unavailable"),  # no Retry-After: it may have acted
        problem_response(408, "Request Timeout"),
    ],
    ids=lambda f: str(f.status_code),
)
def test_create_order_is_not_repeated_after_an_answer_that_may_have_acted(
    failure: httpx.Response, client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [failure])

    with pytest.raises(Exception) as raised:
        create_order.sync(client=client, body=ORDER)

    assert len(fake_api.requests) == 1  # never a second order
    assert getattr(raised.value, "status_code", None) == failure.status_code


@pytest.mark.parametrize("failure", [httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError])
def test_create_order_is_not_repeated_after_the_request_was_sent(
    failure: type[httpx.TransportError], client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [failure])

    with pytest.raises(APIConnectionError):
        create_order.sync(client=client, body=ORDER)

    assert len(fake_api.requests) == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError,
        httpx.ConnectTimeout,
        problem_response(429, "Too Many Requests"),
        problem_response(503, "Service Unavailable", headers={"Retry-After": "1"}),
    ],
    ids=lambda f: str(f.status_code) if isinstance(f, httpx.Response) else f.__name__,
)
def test_create_order_is_retried_when_it_provably_did_not_act(
    failure: httpx.Response | type[httpx.TransportError], client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [failure])

    order = create_order.sync(client=client, body=ORDER)

    assert len(fake_api.requests) == 2
    assert order.data.title == success_example(spec_operation("create_order"))["data"]["title"]


def test_connection_failures_surface_as_typed_errors_after_the_retries(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = failing_then_ok(fake_api, [httpx.ConnectError] * 3)
    with pytest.raises(APIConnectionError) as raised:
        list_tags.sync(client=client)
    assert not isinstance(raised.value, APITimeoutError)
    assert len(fake_api.requests) == 3

    fake_api.requests.clear()
    fake_api.answer = failing_then_ok(fake_api, [httpx.ReadTimeout] * 3)
    with pytest.raises(APITimeoutError):
        list_tags.sync(client=client)


async def test_async_client_retries_the_same_way(
    client: LeelooClient, fake_api: FakeAPI, sleeps: RecordedSleep
) -> None:
    fake_api.answer = failing_then_ok(
        fake_api, [problem_response(503, "Service Unavailable", headers={"Retry-After": "2"})]
    )
    tags = await list_tags.asyncio(client=client)
    assert tags.to_dict() == success_example(spec_operation("list_tags"))
    assert len(fake_api.requests) == 2
    assert sleeps.delays == [2.0]

    fake_api.requests.clear()
    fake_api.answer = failing_then_ok(fake_api, [problem_response(500, "Internal Server Error")])
    with pytest.raises(ServerError):
        await create_order.asyncio(client=client, body=ORDER)
    assert len(fake_api.requests) == 1

    fake_api.requests.clear()
    fake_api.answer = failing_then_ok(fake_api, [problem_response(429, "Too Many Requests")] * 3)
    with pytest.raises(RateLimitError):
        await create_order.asyncio(client=client, body=ORDER)
    assert len(fake_api.requests) == 3
    await client.aclose()


def test_default_timeouts_are_connect_5s_read_60s() -> None:
    client = LeelooClient(token="t")
    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 60.0, 60.0, 60.0)
    client.close()


@pytest.mark.parametrize("retry_after", [None, "5"])
def test_post_is_retried_on_no_status_but_429_and_503_with_retry_after(retry_after: str | None) -> None:
    policy = RetryPolicy()
    request = httpx.Request("POST", "https://api.leeloo.ai/api/v2/orders")
    headers = {"Retry-After": retry_after} if retry_after else {}
    retried = {
        status
        for status in range(100, 600)
        if policy.retries_response("POST", httpx.Response(status, headers=headers, request=request))
    }
    assert retried == ({429, 503} if retry_after else {429})


def test_get_is_retried_on_exactly_408_429_and_5xx() -> None:
    policy = RetryPolicy()
    retried = {status for status in range(100, 600) if policy.retries_response("GET", httpx.Response(status))}
    assert retried == {408, 429, *range(500, 600)}


def test_retry_after_as_an_http_date_is_understood() -> None:
    policy = RetryPolicy()
    in_ten_seconds = email.utils.formatdate(time.time() + 10, usegmt=True)
    delay = policy.delay(0, httpx.Response(429, headers={"Retry-After": in_ten_seconds}))
    assert 8.0 <= delay <= 10.0
    assert policy.delay(0, httpx.Response(429, headers={"Retry-After": "soon"})) <= policy.initial_delay


def test_connection_error_message_names_the_operation(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = failing_then_ok(fake_api, [httpx.ConnectError] * 3)
    with pytest.raises(
        APIConnectionError, match=r"^list_tags: no answer from the API \(ConnectError: simulated\)$"
    ):
        list_tags.sync(client=client)


def test_with_options_changes_one_copy_only(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = failing_then_ok(fake_api, [problem_response(503, "Service Unavailable")] * 9)

    with pytest.raises(ServerError):
        list_tags.sync(client=client.with_options(max_retries=0))
    assert len(fake_api.requests) == 1

    fake_api.requests.clear()
    with pytest.raises(ServerError):
        list_tags.sync(client=client)
    assert len(fake_api.requests) == 3
    assert client.with_options(timeout=httpx.Timeout(1.0)).token == client.token
