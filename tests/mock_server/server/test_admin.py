"""The ``/__admin`` endpoints: the request journal, the store's reset, who may call them."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.har.redaction import REDACTED
from mock_server.proxy.config import ProxyConfig
from mock_server.server.admin import BODY_EXCERPT_BYTES, RequestJournal, is_loopback_origin
from mock_server.stages.pipeline import MockRequest, MockResponse
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER

TAGS = "/api/v2/tags"


def _call(
    app: Any,
    method: str,
    path: str,
    *,
    client: tuple[str, int] = ("127.0.0.1", 50000),
    **options: Any,
) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:4010") as http:
            return await http.request(method, path, **options)

    return asyncio.run(send())


def _app(compiled: CompiledSpec, **options: Any) -> Any:
    return create_app(MockConfig.from_options(SPEC_PATH, log_requests=False, **options), compiled)


def test_the_journal_lists_requests_with_their_validation_outcome(compiled: CompiledSpec) -> None:
    app = _app(compiled)
    assert _call(app, "GET", TAGS, headers=TOKEN_HEADER).status_code == 200
    assert (
        _call(app, "GET", "/api/v2/people", params={"limit": "many"}, headers=TOKEN_HEADER).status_code == 400
    )

    listed = _call(app, "GET", "/__admin/requests").json()
    assert listed["meta"] == {"total": 2, "kept": 2, "dropped": 0, "capacity": 1000}
    good, bad = listed["requests"]
    assert (good["method"], good["path"], good["status"], good["operationId"], good["valid"]) == (
        "GET",
        TAGS,
        200,
        "list_tags",
        True,
    )
    assert good["headers"]["x-leeloo-authtoken"] == REDACTED  # a token never shows in the journal
    assert bad["query"] == "limit=many"
    assert not bad["valid"]
    assert any(v["location"][:3] == ["request", "query", "limit"] for v in bad["violations"])


def test_admin_requests_are_not_journaled_and_the_journal_clears(compiled: CompiledSpec) -> None:
    app = _app(compiled)
    _call(app, "GET", TAGS, headers=TOKEN_HEADER)
    _call(app, "GET", "/__admin/health")
    assert len(_call(app, "GET", "/__admin/requests").json()["requests"]) == 1
    assert _call(app, "DELETE", "/__admin/requests").status_code == 204
    assert _call(app, "GET", "/__admin/requests").json()["meta"]["total"] == 0


def test_limit_keeps_the_newest_and_a_bad_limit_is_a_400(compiled: CompiledSpec) -> None:
    app = _app(compiled)
    for _ in range(3):
        _call(app, "GET", TAGS, headers=TOKEN_HEADER)
    newest = _call(app, "GET", "/__admin/requests", params={"limit": "1"}).json()["requests"]
    assert [entry["number"] for entry in newest] == [3]
    assert _call(app, "GET", "/__admin/requests", params={"limit": "-1"}).status_code == 400


def test_the_journal_is_bounded_in_count_and_body_size() -> None:
    journal = RequestJournal(capacity=2)
    big = b"x" * (BODY_EXCERPT_BYTES + 10)
    for _ in range(5):
        journal.record(MockRequest("POST", "/p", "", {}, big), MockResponse(200), 0.0)
    kept = journal.as_json()
    assert kept["meta"] == {"total": 5, "kept": 2, "dropped": 3, "capacity": 2}
    assert all(len(e["body"]) == BODY_EXCERPT_BYTES and e["bodyTruncated"] for e in kept["requests"])
    with pytest.raises(ValueError, match="0 to"):
        RequestJournal(capacity=10**9)


def test_journal_size_zero_keeps_nothing(compiled: CompiledSpec) -> None:
    app = _app(compiled, journal_size=0)
    _call(app, "GET", TAGS, headers=TOKEN_HEADER)
    assert _call(app, "GET", "/__admin/requests").json()["requests"] == []


def test_reset_puts_the_stateful_store_back_to_its_seed(compiled: CompiledSpec) -> None:
    app = _app(compiled, stateful=True)
    people = _call(app, "GET", "/api/v2/people", headers=TOKEN_HEADER).json()["data"]
    person_id = people[0]["id"]
    changed = {"email": "changed@example.com"}
    assert (
        _call(app, "PUT", f"/api/v2/people/{person_id}", json=changed, headers=TOKEN_HEADER).status_code
        == 200
    )
    after = _call(app, "GET", f"/api/v2/people/{person_id}", headers=TOKEN_HEADER).json()["data"]["email"]
    assert after == "changed@example.com"

    reset = _call(app, "POST", "/__admin/reset")
    assert reset.status_code == 200
    assert reset.json()["stateful"] is True
    back = _call(app, "GET", f"/api/v2/people/{person_id}", headers=TOKEN_HEADER).json()["data"]["email"]
    assert back == people[0]["email"]
    assert _call(app, "GET", "/__admin/requests").json()["meta"]["total"] == 1  # emptied by the reset


def test_reset_without_a_store_says_so(compiled: CompiledSpec) -> None:
    assert _call(_app(compiled), "POST", "/__admin/reset").json() == {"stateful": False, "records": 0}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/__admin/reset", 405), ("POST", "/__admin/requests", 405), ("GET", "/__admin/other", 404)],
)
def test_wrong_admin_calls(compiled: CompiledSpec, method: str, path: str, status: int) -> None:
    assert _call(_app(compiled), method, path).status_code == status


def test_admin_refuses_a_client_from_another_machine(compiled: CompiledSpec) -> None:
    app = _app(compiled, allowed_hosts=("*",))
    refused = _call(app, "GET", "/__admin/requests", client=("192.0.2.7", 50000))
    assert refused.status_code == 403
    assert "this machine" in refused.json()["detail"]
    # the API itself still answers that client: the mock was started to be reachable
    assert _call(app, "GET", TAGS, headers=TOKEN_HEADER, client=("192.0.2.7", 50000)).status_code == 200


def test_admin_refuses_pages_of_other_origins_even_when_cors_allows_them(compiled: CompiledSpec) -> None:
    app = _app(compiled, cors_origins=("*",))
    page = {"Origin": "https://app.example"}
    assert _call(app, "POST", "/__admin/reset", headers=page).status_code == 403
    assert _call(app, "GET", TAGS, headers={**page, **TOKEN_HEADER}).status_code == 200
    local_page = {"Origin": "http://localhost:3000"}
    assert _call(app, "GET", "/__admin/requests", headers=local_page).status_code == 200


def test_admin_keeps_the_host_check(compiled: CompiledSpec) -> None:
    assert (
        _call(_app(compiled), "GET", "/__admin/requests", headers={"Host": "evil.example"}).status_code == 421
    )


@pytest.mark.parametrize(
    ("origin", "loopback"),
    [
        (None, True),
        ("http://localhost:5173", True),
        ("http://127.0.0.1", True),
        ("http://[::1]:8080", True),
        ("http://localhost.evil.example", False),
        ("null", False),
        ("http://[bad", False),
    ],
)
def test_loopback_origins(origin: str | None, loopback: bool) -> None:
    assert is_loopback_origin(origin) is loopback


def test_the_proxy_never_forwards_admin_requests(compiled: CompiledSpec) -> None:
    """The upstream is a closed port: a forwarded request would come back as a 502."""
    app = create_app(
        MockConfig(spec_path=SPEC_PATH, log_requests=False, proxy=ProxyConfig("http://127.0.0.1:9")), compiled
    )
    assert _call(app, "GET", TAGS, headers=TOKEN_HEADER).status_code == 502
    listed = _call(app, "GET", "/__admin/requests")
    assert listed.status_code == 200
    assert [(e["path"], e["status"]) for e in listed.json()["requests"]] == [(TAGS, 502)]
    assert _call(app, "POST", "/__admin/reset").json() == {"stateful": False, "records": 0}
