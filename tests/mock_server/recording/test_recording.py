"""--record: the mock's and the proxy's exchanges in a HAR file, redacted, bounded, valid when stopped."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mock_server import CompiledSpec, MockApp, MockConfig, Pipeline, cli
from mock_server.har import REDACTED, read_entries
from mock_server.proxy.forwarder import ProxyHandler
from mock_server.recording import Recorder, RecordingConfig, entry_of_httpx, open_writer
from mock_server.server.assembly import create_app
from mock_server.testing import app_in_process, in_child_process
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER


async def _tags(request: Request) -> JSONResponse:
    return JSONResponse(
        {"status": 1, "data": [{"id": "not-an-object-id", "name": 3}]},
        headers={"set-cookie": "session=abc123"},
    )


UPSTREAM = Starlette(routes=[Route("/api/v2/tags", _tags)])


def _proxy_app(compiled: CompiledSpec, config: RecordingConfig) -> MockApp:
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path(SPEC_PATH)))
    proxy = ProxyHandler(pipeline, "http://upstream.local", transport=httpx.ASGITransport(app=UPSTREAM))
    recorder = Recorder(pipeline, open_writer(config), proxy, "http://upstream.local")
    return MockApp(pipeline, handler=recorder, on_shutdown=[proxy.aclose, recorder.aclose])


@contextlib.contextmanager
def _proxy_client(compiled: CompiledSpec, config: RecordingConfig) -> Iterator[httpx.Client]:
    """A client of a proxy to ``UPSTREAM`` that records as ``config`` says (the file is closed after)."""
    with app_in_process(_proxy_app(compiled, config)) as mock, mock.client(base_url=mock.url) as client:
        yield client


def test_the_proxy_records_the_upstream_exchange_redacted(compiled: CompiledSpec, tmp_path: Path) -> None:
    path = tmp_path / "proxy.har"
    with _proxy_client(compiled, RecordingConfig(path)) as client:
        answer = client.get("/api/v2/tags?access_token=qs-secret&limit=5", headers=TOKEN_HEADER)
    assert answer.status_code == 200
    document = json.loads(path.read_text())
    assert document["log"]["version"] == "1.2"
    (entry,) = read_entries(path)
    assert entry.request.url.startswith("http://upstream.local/api/v2/tags?")
    assert dict(entry.request.query) == {"access_token": REDACTED, "limit": "5"}
    assert entry.request.header("x-leeloo-authtoken") == REDACTED
    assert entry.response.header("set-cookie") == REDACTED
    assert entry.response.status == 200 and entry.response.media_type == "application/json"
    assert entry.response.body is not None
    assert json.loads(entry.response.body.data)["data"][0]["name"] == 3  # the upstream's, as it was
    assert entry.response.header("sl-violations") is not None  # Prism's header, kept in the capture
    text = path.read_text()
    assert "any-token" not in text and "qs-secret" not in text and "abc123" not in text


def test_a_path_the_proxy_refuses_is_recorded_as_it_came(compiled: CompiledSpec, tmp_path: Path) -> None:
    path = tmp_path / "refused.har"
    with _proxy_client(compiled, RecordingConfig(path)) as client:
        answer = client.get("/api/v2/%2e%2e/tags", headers=TOKEN_HEADER)
    assert answer.status_code == 400
    (entry,) = read_entries(path)
    assert entry.response.status == 400
    assert entry.request.url.startswith("http://upstream.local/api/v2/") and entry.request.url.endswith(
        "/tags"
    )


def test_record_secrets_keeps_them(compiled: CompiledSpec, tmp_path: Path) -> None:
    path = tmp_path / "secrets.har"
    with _proxy_client(compiled, RecordingConfig(path, redact=False)) as client:
        client.get("/api/v2/tags", headers=TOKEN_HEADER)
    (entry,) = read_entries(path)
    assert entry.request.header("x-leeloo-authtoken") == "any-token"


def test_the_mock_records_its_own_answers(tmp_path: Path) -> None:
    path = tmp_path / "mock.har"
    config = MockConfig(spec_path=Path(SPEC_PATH), recording=RecordingConfig(path))
    with app_in_process(create_app(config)) as mock, mock.client(base_url=mock.url) as client:
        client.get("/api/v2/tags", headers=TOKEN_HEADER)
        client.post("/api/v2/tags", json={"name": "vip"}, headers=TOKEN_HEADER)
    entries = list(read_entries(path))
    assert [(e.request.method, e.request.path) for e in entries] == [
        ("GET", "/api/v2/tags"),
        ("POST", "/api/v2/tags"),
    ]
    assert entries[1].request.body is not None and json.loads(entries[1].request.body.data) == {"name": "vip"}
    assert all(e.response.body and e.response.body.data for e in entries)


def test_past_max_bytes_recording_stops_and_serving_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "small.har"
    config = MockConfig(spec_path=Path(SPEC_PATH), recording=RecordingConfig(path, max_bytes=4096))
    with (
        caplog.at_level(logging.WARNING, logger="leeloo_mock"),
        app_in_process(create_app(config)) as mock,
        mock.client(base_url=mock.url) as client,
    ):
        statuses = [client.get("/api/v2/tags", headers=TOKEN_HEADER).status_code for _ in range(20)]
    assert statuses == [200] * 20
    assert path.stat().st_size <= 4096
    assert 0 < len(list(read_entries(path))) < 20
    assert len([r for r in caplog.records if "recording to" in r.getMessage()]) == 1


def test_an_httpx_exchange_is_an_entry() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"status": 0}, headers={"content-type": "application/json"})

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        response = http.get("https://api.leeloo.ai/api/v2/tags/1", headers=TOKEN_HEADER)
    entry = entry_of_httpx(response)
    assert (entry.request.method, entry.request.path, entry.response.status) == ("GET", "/api/v2/tags/1", 404)
    assert entry.response.body is not None and json.loads(entry.response.body.data) == {"status": 0}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--record-secrets"], "need --record FILE"),
        (["--record-max-bytes", "99999"], "need --record FILE"),
        (["--record", "x.har", "--record-max-bytes", "10"], "too small"),
        (["--record", "/no/such/dir/x.har"], "no directory"),
        (["--record", "x.har", "--workers", "2"], "cannot be used with --workers 2"),
    ],
)
def test_bad_recording_flags_get_usage_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([str(SPEC_PATH), *argv])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "usage:" in error and message in error


def test_the_proxy_command_records_until_sigterm(tmp_path: Path) -> None:
    path = tmp_path / "live.har"
    command = ("proxy", str(SPEC_PATH), "--record", str(path))
    with (
        in_child_process(spec=SPEC_PATH) as upstream,
        in_child_process(*command[:2], upstream.url, *command[2:], port=None) as proxy,
        httpx.Client(base_url=proxy.url) as client,
    ):
        for _ in range(3):
            assert client.get("/api/v2/tags", headers=TOKEN_HEADER).status_code == 200
    # the block's end sent SIGTERM to both: the capture is complete HAR
    entries = list(read_entries(path))
    assert len(entries) == 3
    assert all(e.request.url.startswith(upstream.url + "/api/v2/tags") for e in entries)
    assert "any-token" not in path.read_text()
