"""The validation proxy against a local upstream (an in-process starlette app), never the internet."""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mock_server import CompiledSpec, MockApp, MockConfig, Pipeline
from mock_server.proxy.forwarder import (
    ForeignTarget,
    ProxyHandler,
    UndecodableAnswer,
    UpstreamTooLarge,
    Violation,
    _Decoder,
    origin_form_path,
    violations_text,
)
from mock_server.stages.pipeline import MockRequest
from mock_server.stages.problems import Issue, merged_violations, violations_header
from mock_server.stages.validation import MAX_ISSUES, RequestValidator
from mock_server.testing import app_in_process
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER, MockClient
from tests.refusals import INVALID

SEEN: list[dict[str, Any]] = []


async def _tags(request: Request) -> JSONResponse:
    return JSONResponse({"status": 1, "data": [{"id": "not-an-object-id", "name": 3}]})


async def _users(request: Request) -> JSONResponse:
    SEEN.append({"query": str(request.query_params), "token": request.headers.get("x-leeloo-authtoken")})
    return JSONResponse(
        {"status": 1, "data": [], "meta": {"limit": 5, "offset": 0, "filteredCount": 0, "totalCount": 0}}
    )


UPSTREAM = Starlette(routes=[Route("/api/v2/tags", _tags), Route("/api/v2/users", _users)])


@contextlib.contextmanager
def _client(
    compiled: CompiledSpec, *, errors: bool = False, transport: httpx.AsyncBaseTransport | None = None
) -> Iterator[MockClient]:
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH)))
    proxy = ProxyHandler(
        pipeline,
        "http://upstream.local",
        errors=errors,
        transport=transport or httpx.ASGITransport(app=UPSTREAM),
    )
    app = MockApp(pipeline, handler=proxy, on_shutdown=[proxy.aclose])
    with app_in_process(app) as mock, mock.client(base_url=mock.url) as client:
        yield client


def test_valid_exchange_passes_through_unchanged(compiled: CompiledSpec) -> None:
    SEEN.clear()
    with _client(compiled) as client:
        answer = client.get("/api/v2/users", params={"limit": "5"}, headers=TOKEN_HEADER)
    assert answer.status_code == 200
    assert answer.json()["meta"]["limit"] == 5
    assert "sl-violations" not in answer.headers
    assert SEEN == [{"query": "limit=5", "token": "any-token"}]


def test_wrong_upstream_field_is_reported_in_sl_violations(compiled: CompiledSpec) -> None:
    with _client(compiled) as client:
        answer = client.get("/api/v2/tags", headers=TOKEN_HEADER)
    assert answer.status_code == 200
    assert answer.json()["data"][0]["name"] == 3  # passed through as the upstream gave it
    violations = json.loads(answer.headers["sl-violations"])
    assert {tuple(v["location"]) for v in violations} == {
        ("response", "body", "/data/0/id"),
        ("response", "body", "/data/0/name"),
    }


def test_errors_turns_a_violating_answer_into_a_502_problem(compiled: CompiledSpec) -> None:
    with _client(compiled, errors=True) as client:
        answer = client.get("/api/v2/tags", headers=TOKEN_HEADER)
    assert answer.status_code == 502
    assert answer.headers["content-type"] == "application/problem+json"
    assert {issue["name"] for issue in answer.json()["validation"]} == {"/data/0/id", "/data/0/name"}
    violations = json.loads(answer.headers["sl-violations"])  # the answer's fault, not the request's
    assert {tuple(v["location"]) for v in violations} == {
        ("response", "body", "/data/0/id"),
        ("response", "body", "/data/0/name"),
    }


def test_invalid_request_is_forwarded_with_violations_or_refused_with_errors(compiled: CompiledSpec) -> None:
    SEEN.clear()
    with _client(compiled) as client:
        forwarded = client.get("/api/v2/users", params={"limit": "0"}, headers=TOKEN_HEADER)
    assert forwarded.status_code == 200
    assert json.loads(forwarded.headers["sl-violations"])[0] == {
        "location": ["request", "query", "limit"],
        "severity": "Error",
        "message": "0 is less than the minimum of 1",
    }
    with _client(compiled, errors=True) as client:
        refused = client.get("/api/v2/users", params={"limit": "0"}, headers=TOKEN_HEADER)
    assert refused.status_code == INVALID  # in the shape the spec declares: Leeloo's envelope
    assert refused.json()["error"]["fields"] == {"limit": "TOO_SMALL"}
    assert len(SEEN) == 1  # the refused request never reached the upstream


def test_unreachable_upstream_is_a_502_problem(compiled: CompiledSpec) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with _client(compiled, transport=httpx.MockTransport(refuse)) as client:
        answer = client.get("/api/v2/users", headers=TOKEN_HEADER)
    assert answer.status_code == 502
    assert answer.json()["detail"] == "The upstream API did not answer: ConnectError."


@pytest.fixture
def httpx_log_level() -> Iterator[None]:
    """The proxy quiets the global ``httpx`` logger; other tests must not inherit that."""
    httpx_logger = logging.getLogger("httpx")
    level = httpx_logger.level
    httpx_logger.setLevel(logging.NOTSET)
    yield
    httpx_logger.setLevel(level)


@pytest.mark.usefixtures("httpx_log_level")
def test_httpx_does_not_log_a_second_line_per_proxied_request(
    compiled: CompiledSpec, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with _client(compiled) as client:
        assert client.get("/api/v2/users", headers=TOKEN_HEADER).status_code == 200
    assert [r.getMessage() for r in caplog.records if r.name.startswith("httpx")] == []
    logging.getLogger("httpx").warning("still heard")  # only its INFO chatter is silenced
    assert [r.getMessage() for r in caplog.records if r.name.startswith("httpx")] == ["still heard"]


async def _many_violations(request: Request) -> JSONResponse:
    return JSONResponse({"status": 1, "data": [{"id": 1, "name": 2}] * 5_000})


def test_errors_lists_at_most_20_violations_and_says_how_many(compiled: CompiledSpec) -> None:
    upstream = Starlette(routes=[Route("/api/v2/tags", _many_violations)])
    with _client(compiled, errors=True, transport=httpx.ASGITransport(app=upstream)) as client:
        answer = client.get("/api/v2/tags", headers=TOKEN_HEADER)
    assert answer.status_code == 502
    assert len(answer.json()["validation"]) == 20
    # validation collects at most MAX_ISSUES (a bounded cost for any answer), so the count is a floor
    assert f"at least {MAX_ISSUES} violation(s)" in answer.json()["detail"]
    assert len(json.loads(answer.headers["sl-violations"])) == 20


def test_violations_text_is_bounded() -> None:
    many = [Violation("response", Issue("body", f"/data/{i}/id", "x" * 5000)) for i in range(100_000)]
    text = violations_text(many)
    assert len(text) < 20 * 700
    assert text.endswith("; and 99980 more")


@pytest.mark.parametrize(
    ("path", "forwarded"),
    [
        ("/api/v2/tags", "/api/v2/tags"),
        ("//evil.example/x", "//evil.example/x"),  # a path: joined after the upstream's host
        ("/a b/\u00e9#x", "/a%20b/%E9%23x"),
        ("*", None),
        ("*@127.0.0.2:1/steal", None),
        ("http://127.0.0.2/steal", None),
        ("/../admin", None),
        ("/a/./b", None),
        ("/%2e%2E/admin", None),
        ("/a/%2e/b", None),
    ],
)
def test_only_origin_form_targets_without_dot_segments_are_forwarded(
    path: str, forwarded: str | None
) -> None:
    assert origin_form_path(path) == forwarded


def test_target_keeps_scheme_host_port_and_base_path(compiled: CompiledSpec) -> None:
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH)))
    proxy = ProxyHandler(pipeline, "https://user:pw@127.0.0.1:8443/base/")
    url = proxy.target(MockRequest("GET", "//127.0.0.2:1/x", "a=1&b=%20", {}))
    assert url is not None
    assert (url.scheme, url.host, url.port, url.raw_path) == (
        "https",
        "127.0.0.1",
        8443,
        b"/base//127.0.0.2:1/x?a=1&b=%20",
    )
    with pytest.raises(ForeignTarget):
        proxy.target(MockRequest("GET", "*", "", {}))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://leeloo:hunter2@127.0.0.1:8080/api", "http://leeloo:REDACTED@127.0.0.1:8080/api"),
        ("http://:hunter2@127.0.0.1", "http://:REDACTED@127.0.0.1"),
        ("https://api.example/v2?api_key=hunter2&limit=5", "https://api.example/v2?api_key=REDACTED&limit=5"),
        ("http://leeloo@127.0.0.1", "http://leeloo@127.0.0.1"),
        ("https://api.leeloo.ai/api/v2", "https://api.leeloo.ai/api/v2"),
    ],
)
def test_the_upstream_is_shown_without_its_password(compiled: CompiledSpec, url: str, shown: str) -> None:
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH)))
    assert ProxyHandler(pipeline, url).shown == shown


def test_decoder_stops_a_gzip_bomb_at_the_cap() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()
    decoder = _Decoder("gzip")
    with pytest.raises(UpstreamTooLarge):
        decoder.decode(bomb, 1 << 20)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "identity", ""])
def test_decoder_decodes_what_it_asks_for(encoding: str) -> None:
    body = json.dumps({"status": 1, "data": list(range(1000))}).encode()
    packed = {
        "gzip": gzip.compress(body),
        "deflate": zlib.compress(body),
        "raw-deflate": zlib.compress(body)[2:-4],
    }.get(encoding, body)
    decoder = _Decoder("deflate" if encoding == "raw-deflate" else encoding)
    assert b"".join(decoder.decode(packed[i : i + 100], 1 << 20) for i in range(0, len(packed), 100)) == body


def test_decoder_refuses_encodings_it_cannot_decode() -> None:
    for encoding in ("br", "zstd", "gzip, br"):
        with pytest.raises(UndecodableAnswer):
            _Decoder(encoding)


@pytest.mark.parametrize("errors", [False, True], ids=["forwarded", "refused"])
def test_the_proxy_validates_each_request_once(
    compiled: CompiledSpec, monkeypatch: pytest.MonkeyPatch, errors: bool
) -> None:
    """One route, one security check and one validation per request: the refusal (with --errors)
    is built from that check, not by running the pipeline again."""
    calls: list[str] = []
    validate = RequestValidator.validate

    def counted(self: RequestValidator, *args: Any, **kwargs: Any) -> Any:
        calls.append("validate")
        return validate(self, *args, **kwargs)

    monkeypatch.setattr(RequestValidator, "validate", counted)
    with _client(compiled, errors=errors) as client:
        answer = client.get("/api/v2/users", params={"limit": "0"}, headers=TOKEN_HEADER)
        valid = client.get("/api/v2/users", params={"limit": "5"}, headers=TOKEN_HEADER)
    assert answer.status_code == (INVALID if errors else 200)
    assert valid.status_code == 200
    assert calls == ["validate", "validate"]  # one per request


# --- a proxy in front of another leeloo-mock: one sl-violations header, the upstream's request id ---


def test_a_proxy_in_front_of_another_leeloo_mock_sends_one_sl_violations_header(
    compiled: CompiledSpec,
) -> None:
    """Both mocks find the same violation; the answer carried two identical headers before."""
    config = MockConfig(spec_path=Path(SPEC_PATH))
    upstream = MockApp(Pipeline(compiled, config))
    pipeline = Pipeline(compiled, config)
    proxy = ProxyHandler(pipeline, "http://localhost", transport=httpx.ASGITransport(app=upstream))
    app = MockApp(pipeline, handler=proxy, on_shutdown=[proxy.aclose])
    with app_in_process(app) as mock, mock.client(base_url=mock.url) as client:
        answer = client.get("/api/v2/users", params={"limit": "many"}, headers=TOKEN_HEADER)
    assert answer.status_code == 400  # the upstream mock's refusal, passed through
    [header] = answer.headers.get_list("sl-violations")
    listed = json.loads(header)
    assert [tuple(entry["location"]) for entry in listed] == [("request", "query", "limit")]
    assert len(answer.headers.get_list("x-request-id")) == 1  # the upstream's, passed through


def test_merged_violations_lists_each_entry_once_and_keeps_what_it_cannot_read() -> None:
    ours = violations_header([("request", Issue("query", "limit", "must be an integer"))])[1]
    theirs = json.dumps([json.loads(ours)[0], {"location": ["response", "body", "/x"], "message": "m"}])
    deep = "[" * 20_000 + "]" * 20_000  # json.loads recurses past Python's limit: kept, not read
    large = json.dumps([{"message": "x" * (70 << 10)}])  # past the bound: kept, not read
    merged = merged_violations([ours, theirs, "not json", deep, large])
    assert [name for name, _ in merged] == ["sl-violations"] * 4
    assert [entry["location"] for entry in json.loads(merged[0][1])] == [
        ["request", "query", "limit"],
        ["response", "body", "/x"],
    ]
    assert [value for _, value in merged[1:]] == ["not json", deep, large]
    many = json.dumps([{"message": str(number)} for number in range(50)])
    assert len(json.loads(merged_violations([many])[0][1])) == 20
    assert merged_violations([]) == []
