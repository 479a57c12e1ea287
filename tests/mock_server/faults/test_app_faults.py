"""Faults through the app, in process: the spec's body for an injected status, delays, the journal,
``/__admin/faults``, and broken connections raised as httpx raises them."""

from __future__ import annotations

import time

import httpx
import pytest

from mock_server.faults.config import FaultsConfig
from mock_server.faults.values import FaultRule, RateLimit, parse_delay, parse_failures
from mock_server.testing import in_process, mock_config
from tests.mock_server.conftest import TOKEN_HEADER, ClientFactory

TAGS = "/api/v2/tags"
PEOPLE = "/api/v2/people"


def _failing(*failures: str, **rule: object) -> FaultsConfig:
    return FaultsConfig(everywhere=FaultRule(None, failures=parse_failures(failures), **rule), seed=1)  # type: ignore[arg-type]


def test_an_injected_5xx_is_leeloos_envelope_with_a_short_retry_after(make_client: ClientFactory) -> None:
    answer = make_client().get(TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=503"})
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["status"] == 0 and answer.json()["error"]["code"] == "INTERNAL_ERROR"
    assert answer.headers["retry-after"] == "1"  # the spec declares the header; not its random example


def test_an_injected_429_is_the_specs_plain_text(make_client: ClientFactory) -> None:
    answer = make_client().get(TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=429"})
    assert answer.status_code == 429
    assert answer.headers["content-type"] == "text/plain"
    assert answer.text == "Too many requests, please try again later."


def test_error_status_applies_to_an_injected_envelope(make_client: ClientFactory) -> None:
    answer = make_client(error_status=200).get(TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=500"})
    assert answer.status_code == 200
    assert answer.json()["error"]["code"] == "INTERNAL_ERROR"


def test_an_injected_failure_never_reaches_the_store(make_client: ClientFactory) -> None:
    client = make_client(stateful=True, faults=_failing("1:503"))
    body = {"name": "Never", "email": "never@example.com", "leadgentool_id": "609290d3e060416cdea6823e"}
    assert client.post(PEOPLE, json=body, headers=TOKEN_HEADER).status_code == 503
    client.delete("/__admin/faults")  # no faults from here on
    listed = client.get(PEOPLE, headers=TOKEN_HEADER, params={"limit": 100}).json()
    assert "never@example.com" not in str(listed)


def test_a_delay_is_waited_and_noted_in_the_journal(make_client: ClientFactory) -> None:
    client = make_client(faults=FaultsConfig(everywhere=FaultRule(None, parse_delay("120"))))
    started = time.perf_counter()
    assert client.get(TAGS, headers=TOKEN_HEADER).status_code == 200
    assert time.perf_counter() - started >= 0.12
    client.get(f"{TAGS}?__delay=0&__fault=503", headers=TOKEN_HEADER)
    entries = client.get("/__admin/requests").json()["requests"]
    assert entries[0]["fault"] == {"delayMs": 120.0, "fault": None, "source": "everywhere"}
    assert entries[0]["durationMs"] >= 120
    assert entries[1]["fault"] == {"delayMs": 0.0, "fault": "503", "source": "request"}
    assert entries[1]["status"] == 503


def test_a_request_without_faults_has_none_in_the_journal(make_client: ClientFactory) -> None:
    client = make_client()
    client.get(TAGS, headers=TOKEN_HEADER)
    assert client.get("/__admin/requests").json()["requests"][0]["fault"] is None


def test_a_dribble_spreads_the_whole_answer_over_its_time(make_client: ClientFactory) -> None:
    client = make_client()
    plain = client.get(TAGS, headers=TOKEN_HEADER)
    started = time.perf_counter()
    dribbled = client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": "fault=dribble:200"})
    assert time.perf_counter() - started >= 0.2
    assert dribbled.content == plain.content


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("reset", httpx.ReadError),
        ("empty", httpx.RemoteProtocolError),
        ("malformed", httpx.RemoteProtocolError),
    ],
)
def test_in_process_a_broken_connection_is_httpxs_error(
    make_client: ClientFactory, kind: str, error: type[Exception]
) -> None:
    client = make_client()
    with pytest.raises(error):
        client.get(TAGS, headers={**TOKEN_HEADER, "Prefer": f"fault={kind}"})
    assert client.get("/__admin/requests").json()["requests"][0]["fault"]["fault"] == kind


def test_a_malformed_preference_is_a_422(make_client: ClientFactory) -> None:
    answer = make_client().get(f"{TAGS}?__delay=99999999", headers=TOKEN_HEADER)
    assert answer.status_code == 422
    assert answer.json()["validation"][0]["name"] == "__delay/__fault"


def test_faults_never_apply_to_admin(make_client: ClientFactory) -> None:
    client = make_client(faults=_failing("1:reset", delay=parse_delay("60000")))
    started = time.perf_counter()
    assert client.get("/__admin/health", headers={"Prefer": "fault=reset"}).status_code == 200
    assert client.get("/__admin/faults").status_code == 200
    assert time.perf_counter() - started < 5


def test_admin_faults_post_list_and_clear(make_client: ClientFactory) -> None:
    client = make_client(faults=FaultsConfig(rules=(FaultRule("list_users", parse_delay("1")),)))
    assert client.get("/__admin/faults").json() == {
        "faults": [{"operation": "list_users", "delay": "1", "fail": [], "rate_limit": None}]
    }
    posted = client.post("/__admin/faults", json={"operation": "GET /tags", "fail": "1:502"})
    assert posted.status_code == 201
    assert len(posted.json()["faults"]) == 2
    assert client.get(TAGS, headers=TOKEN_HEADER).status_code == 502
    assert client.get("/api/v2/users", headers=TOKEN_HEADER).status_code == 200
    assert client.delete("/__admin/faults").json()["faults"][0]["operation"] == "list_users"
    assert client.get(TAGS, headers=TOKEN_HEADER).status_code == 200


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b'{"operation": "teapot", "delay": 5}', "teapot"),
        (b'{"fail": "1.5:503"}', "1.5"),
        (b'{"delay": 61000}', "61000"),
        (b'{"rate_limit": "ten"}', "ten"),
        (b"{not json", "not JSON"),
        (b'{"operation": "list_tags"}', "at least one of"),
    ],
)
def test_admin_faults_refuses_a_bad_entry_with_a_400_naming_it(
    make_client: ClientFactory, body: bytes, named: str
) -> None:
    answer = make_client().post("/__admin/faults", content=body)
    assert answer.status_code == 400
    assert named in answer.json()["detail"]


def test_admin_faults_allows_get_post_delete_only(make_client: ClientFactory) -> None:
    answer = make_client().put("/__admin/faults")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST, DELETE"


def test_a_rate_limit_through_the_app(make_client: ClientFactory) -> None:
    client = make_client(faults=FaultsConfig(everywhere=FaultRule(None, rate_limit=RateLimit(2, 60))))
    statuses = [client.get(TAGS, headers=TOKEN_HEADER).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.get(TAGS, headers=TOKEN_HEADER)
    assert 58 <= int(limited.headers["retry-after"]) <= 60
    assert limited.text == "Too many requests, please try again later."
    assert client.get(TAGS, headers={"X-Leeloo-AuthToken": "another"}).status_code == 200


async def test_in_process_async_clients_get_httpxs_error_too() -> None:
    with in_process(mock_config(stateful=False)) as mock:
        async with mock.async_client(headers=TOKEN_HEADER) as client:
            with pytest.raises(httpx.ReadError):
                await client.get("/tags", headers={"Prefer": "fault=reset"})
            assert (await client.get("/tags")).status_code == 200
