"""The escape hatches (issue 26): `extra_body=`, `http_client=`, `LEELOO_LOG`, and the request id
and bounded body every error and raw response carries."""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
from collections.abc import Callable, Iterator

import httpx
import pytest
from leeloo_client import APIStatusError, AsyncLeelooClient, LeelooClient, ResponseValidationError
from leeloo_client._http import safe_url
from leeloo_client._logging import LOGGER_NAME, setup_logging
from leeloo_client.errors import MAX_BODY_CHARS

from contract_tests._spec import validate_request

from ._fake_api import TOKEN, FakeAPI, RecordedSleep, envelope_response

ID = "5b3f543bb2737000133d25b0"


# --- extra_body -------------------------------------------------------------------------------


def test_extra_body_adds_fields_to_the_json_body_and_replaces_same_named_ones(
    fake_api: FakeAPI, client: LeelooClient
) -> None:
    client.people.add_comment(ID, comment="hi", extra_body={"pinned": True, "comment": "edited"})

    sent = json.loads(fake_api.requests[-1].content)
    assert sent == {"comment": "edited", "pinned": True}


def test_extra_body_is_sent_as_json_by_an_operation_without_a_body(
    fake_api: FakeAPI, client: LeelooClient
) -> None:
    # The mock is asked the same request without the body the spec does not declare.
    bodiless = {"content-type", "content-length"}
    fake_api.answer = lambda request: fake_api.forward(
        httpx.Request(
            request.method, request.url, headers=[h for h in request.headers.items() if h[0] not in bodiless]
        )
    )
    client.tags.list(extra_body={"probe": 1})

    request = fake_api.requests[-1]
    assert json.loads(request.content) == {"probe": 1}
    assert request.headers["content-type"] == "application/json"


def test_a_call_without_extra_body_sends_exactly_the_spec_body(
    fake_api: FakeAPI, client: LeelooClient
) -> None:
    client.people.add_comment(ID, comment="hi")

    assert json.loads(fake_api.requests[-1].content) == {"comment": "hi"}
    validate_request(fake_api.requests[-1])


# --- http_client --------------------------------------------------------------------------------


@pytest.fixture
def own_client(fake_api: FakeAPI) -> Iterator[tuple[httpx.Client, list[str]]]:
    """A user's httpx.Client with an event hook and a header of its own, wired to the fake API."""
    seen: list[str] = []
    with httpx.Client(
        transport=fake_api.transport(),
        headers={"X-Team": "growth"},
        event_hooks={"request": [lambda request: seen.append(str(request.url))]},
    ) as own:
        yield own, seen


def test_a_users_http_client_carries_our_calls_with_its_hooks_and_headers(
    fake_api: FakeAPI, own_client: tuple[httpx.Client, list[str]], sleeps: RecordedSleep
) -> None:
    own, seen = own_client
    client = LeelooClient(token=TOKEN, http_client=own, sleep=sleeps)

    tags = client.tags.list()

    assert tags.data
    request = fake_api.requests[-1]
    assert request.headers["x-team"] == "growth" and request.headers["x-leeloo-authtoken"] == TOKEN
    assert seen == [str(request.url)]


def test_our_retries_wrap_a_users_http_client_for_our_calls_only(
    fake_api: FakeAPI, own_client: tuple[httpx.Client, list[str]], sleeps: RecordedSleep
) -> None:
    own, _ = own_client
    fake_api.answer = lambda request: httpx.Response(503)
    client = LeelooClient(token=TOKEN, http_client=own, sleep=sleeps, max_retries=2)
    client.get_httpx_client()  # adopts `own`

    assert own.get("https://elsewhere.example/ping").status_code == 503  # the user's own request:
    assert len(fake_api.requests) == 1 and sleeps.delays == []  # one attempt, no retry

    fake_api.requests.clear()
    failures = iter([httpx.Response(503), httpx.Response(503)])
    fake_api.answer = lambda request: next(failures, None) or fake_api.forward(request)
    client.tags.list()
    assert len(fake_api.requests) == 3 and len(sleeps.delays) == 2


def test_the_token_stays_on_the_api_origin_through_a_users_http_client(
    fake_api: FakeAPI, own_client: tuple[httpx.Client, list[str]]
) -> None:
    own, _ = own_client
    fake_api.answer = lambda request: (
        httpx.Response(302, headers={"location": "https://evil.example/steal"})
        if request.url.host == "api.leeloo.ai"
        else httpx.Response(200, json={"status": 1, "data": [], "meta": {}})
    )
    client = LeelooClient(token=TOKEN, http_client=own, follow_redirects=True, max_retries=0)

    client.tags.list()

    assert fake_api.requests[-1].url.host == "evil.example"
    assert "x-leeloo-authtoken" not in fake_api.requests[-1].headers


def test_closing_the_leeloo_client_leaves_the_users_http_client_open(
    own_client: tuple[httpx.Client, list[str]],
) -> None:
    own, _ = own_client
    with LeelooClient(token=TOKEN, http_client=own) as client:
        client.tags.list()
    assert not own.is_closed
    LeelooClient(token=TOKEN, http_client=own).tags.list()  # adopted once, still works


def test_an_async_client_takes_a_users_async_http_client(fake_api: FakeAPI) -> None:
    async def main() -> int:
        async with httpx.AsyncClient(transport=fake_api.transport(), headers={"X-Team": "growth"}) as own:
            async with AsyncLeelooClient(token=TOKEN, http_client=own) as client:
                tags = await client.tags.list()
            assert not own.is_closed
        return len(tags.data)

    assert asyncio.run(main()) > 0
    assert fake_api.requests[-1].headers["x-team"] == "growth"


# --- LEELOO_LOG ---------------------------------------------------------------------------------


@pytest.fixture
def leeloo_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set LEELOO_LOG and let the client configure its logger; restores the logger afterwards."""
    logger = logging.getLogger(LOGGER_NAME)
    handlers, level = list(logger.handlers), logger.level

    def configure(value: str) -> None:
        monkeypatch.setenv("LEELOO_LOG", value)
        setup_logging()

    yield configure
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_leeloo_log_info_writes_one_line_per_attempt_and_retry(
    leeloo_log: Callable[[str], None],
    fake_api: FakeAPI,
    make_client: Callable[..., LeelooClient],
    capsys: pytest.CaptureFixture[str],
) -> None:
    leeloo_log("info")
    failures = iter([httpx.Response(503)])
    fake_api.answer = lambda request: next(failures, None) or fake_api.forward(request)

    make_client().tags.list(extra_query={"api_key": "k-123"})

    lines = capsys.readouterr().err.splitlines()
    attempts = [line for line in lines if "-> " in line]
    assert len(attempts) == 2
    assert "GET https://api.leeloo.ai/api/v2/tags?api_key=****" in attempts[0]
    assert "-> 503 in" in attempts[0] and "(attempt 1, list_tags)" in attempts[0]
    assert "-> 200 in" in attempts[1] and "(attempt 2, list_tags)" in attempts[1]
    assert any("retrying GET" in line for line in lines)
    assert TOKEN not in "\n".join(lines) and "k-123" not in "\n".join(lines)
    assert not any("headers" in line for line in lines)


def test_leeloo_log_debug_adds_the_headers_with_the_token_masked(
    leeloo_log: Callable[[str], None],
    make_client: Callable[..., LeelooClient],
    capsys: pytest.CaptureFixture[str],
) -> None:
    leeloo_log("debug")

    make_client().tags.list()

    err = capsys.readouterr().err
    assert "request headers:" in err and "x-leeloo-authtoken: ****" in err.lower()
    assert "answer headers:" in err
    assert TOKEN not in err


def test_without_leeloo_log_the_client_says_nothing(
    monkeypatch: pytest.MonkeyPatch,
    make_client: Callable[..., LeelooClient],
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("LEELOO_LOG", raising=False)
    make_client().tags.list()
    assert capsys.readouterr().err == ""


def test_a_logged_url_loses_user_info_and_secret_query_values() -> None:
    url = httpx.URL("https://user:pw@api.leeloo.ai/api/v2/people?limit=5&token=abc&filter[email]=a@b.c")
    logged = safe_url(url)
    assert "pw" not in logged and "abc" not in logged and "user" not in logged
    assert "limit=5" in logged and "token=****" in logged and "filter[email]=a@b.c" in logged


# --- request id and body ------------------------------------------------------------------------


def test_a_status_error_carries_the_request_id_and_the_parsed_body(
    fake_api: FakeAPI, client: LeelooClient
) -> None:
    body = {"status": 0, "error": {"code": "NOT_FOUND"}}
    fake_api.answer = lambda request: envelope_response(404, body, {"x-request-id": "req-42"})

    with pytest.raises(APIStatusError) as raised:
        client.people.get(ID)

    assert raised.value.request_id == "req-42"
    assert raised.value.body == body
    restored = pickle.loads(pickle.dumps(raised.value))
    assert restored.body == body and restored.request_id == "req-42"


def test_a_huge_error_body_is_cut_to_the_bound(
    fake_api: FakeAPI, make_client: Callable[..., LeelooClient]
) -> None:
    fake_api.answer = lambda request: httpx.Response(502, content=b"x" * (MAX_BODY_CHARS * 3))

    with pytest.raises(APIStatusError) as raised:
        make_client(max_retries=0).tags.list()

    assert isinstance(raised.value.body, str)
    assert len(raised.value.body) == MAX_BODY_CHARS + 1 and raised.value.body.endswith("…")


def test_a_validation_error_carries_the_request_id_and_body(fake_api: FakeAPI, client: LeelooClient) -> None:
    fake_api.answer = lambda request: httpx.Response(
        200, json={"unexpected": True}, headers={"x-request-id": "r-7"}
    )

    with pytest.raises(ResponseValidationError) as raised:
        client.tags.list()

    assert raised.value.request_id == "r-7" and raised.value.body == {"unexpected": True}


def test_a_raw_response_carries_the_request_id_and_the_body(fake_api: FakeAPI, client: LeelooClient) -> None:
    fake_api.answer = lambda request: _with_header(fake_api.forward(request), "x-request-id", "r-9")

    raw = client.tags.with_raw_response.list()

    assert raw.request_id == "r-9"
    assert isinstance(raw.body, dict) and raw.body["data"] == [tag.to_dict() for tag in raw.parsed.data]


def _with_header(response: httpx.Response, name: str, value: str) -> httpx.Response:
    response.read()
    headers = {**response.headers, name: value}
    return httpx.Response(response.status_code, content=response.content, headers=headers)
