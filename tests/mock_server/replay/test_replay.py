"""``--replay``: recorded answers for matching requests (in order, the last repeating), the spec's
answer for the rest, violations served and named, and bad captures refused at start-up."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from mock_server.cli import main
from mock_server.har import Body, Entry, HarError, Request, Response, har_document
from mock_server.replay import ReplayConfig
from mock_server.testing import in_child_process
from tests.mock_server.conftest import OBJECT_ID, SPEC_PATH, TOKEN_HEADER, ClientFactory

API = "https://api.leeloo.ai/api/v2"
JSON = "application/json"


def _tags(name: str) -> bytes:
    return json.dumps({"data": [{"id": OBJECT_ID, "name": name}], "status": 1}).encode()


def _entry(
    method: str,
    url: str,
    status: int,
    body: bytes,
    *,
    request_body: bytes | None = None,
    headers: tuple[tuple[str, str], ...] = (),
    media_type: str = JSON,
) -> Entry:
    sent = Body(JSON, request_body) if request_body is not None else None
    answer_headers = (("Content-Type", media_type), ("Content-Length", str(len(body))), *headers)
    return Entry(
        Request(method, url, (("X-Leeloo-AuthToken", "REDACTED"),), sent),
        Response(status, answer_headers, Body(media_type, body)),
    )


def _capture(tmp_path: Path, *entries: Entry) -> Path:
    path = tmp_path / "capture.har"
    path.write_text(json.dumps(har_document(list(entries))))
    return path


def test_recorded_answers_are_served_in_order_then_the_last_repeats(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    capture = _capture(
        tmp_path,
        _entry(
            "GET",
            f"{API}/tags",
            200,
            _tags("first"),
            headers=(("X-Request-Id", "r1"), ("Connection", "close")),
        ),
        _entry("GET", f"{API}/tags", 503, b'{"status":0,"error":{"code":"INTERNAL_ERROR"}}'),
        _entry("GET", f"{API}/tags", 200, _tags("third")),
    )
    client = make_client(replay=ReplayConfig.read(capture))
    first = client.get("/api/v2/tags", headers={"X-Leeloo-AuthToken": "another-token"})
    assert first.json()["data"][0]["name"] == "first"
    assert first.headers["x-request-id"] == "r1"
    assert "connection" not in first.headers or first.headers["connection"] != "close"
    assert first.headers["content-length"] == str(len(first.content))
    assert client.get("/api/v2/tags", headers=TOKEN_HEADER).status_code == 503
    assert [client.get("/api/v2/tags", headers=TOKEN_HEADER).json()["data"][0]["name"] for _ in range(2)] == [
        "third",
        "third",
    ]


def test_an_admin_reset_serves_the_recorded_answers_from_the_first_again(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    """WireMock's reset puts its scenarios back to their start; the replay's turns go back too."""
    capture = _capture(
        tmp_path,
        _entry("GET", f"{API}/tags", 200, _tags("first")),
        _entry("GET", f"{API}/tags", 200, _tags("second")),
    )
    client = make_client(replay=ReplayConfig.read(capture))

    def names() -> list[str]:
        return [client.get("/api/v2/tags", headers=TOKEN_HEADER).json()["data"][0]["name"] for _ in range(3)]

    assert names() == ["first", "second", "second"]
    assert client.post("/__admin/reset").status_code == 200
    assert names() == ["first", "second", "second"]


def test_other_requests_get_the_specs_answer(tmp_path: Path, make_client: ClientFactory) -> None:
    capture = _capture(tmp_path, _entry("GET", f"{API}/tags?limit=5", 200, _tags("five")))
    client = make_client(replay=ReplayConfig.read(capture))
    assert client.get("/api/v2/tags?limit=5", headers=TOKEN_HEADER).json()["data"][0]["name"] == "five"
    unrecorded = client.get("/api/v2/tags?limit=6", headers=TOKEN_HEADER).json()
    assert unrecorded["data"][0]["name"] != "five"  # the spec's example
    assert client.get("/api/v2/users", headers=TOKEN_HEADER).status_code == 200


def test_a_write_matches_on_its_body_as_data(tmp_path: Path, make_client: ClientFactory) -> None:
    created = b'{"data":{"person_id":"' + OBJECT_ID.encode() + b'"},"status":1}'
    capture = _capture(
        tmp_path,
        _entry("POST", f"{API}/people", 200, created, request_body=b'{"name": "Ann", "email": "a@x.io"}'),
    )
    client = make_client(replay=ReplayConfig.read(capture))
    same = client.post("/api/v2/people", content=b'{"email":"a@x.io","name":"Ann"}', headers=TOKEN_HEADER)
    assert same.content == created
    other = client.post("/api/v2/people", json={"email": "b@x.io", "name": "Bob"}, headers=TOKEN_HEADER)
    assert other.content != created


def test_a_recorded_answer_that_breaks_the_spec_is_served_with_violations_and_named(
    tmp_path: Path, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    capture = _capture(tmp_path, _entry("GET", f"{API}/tags", 200, b'{"data":"wrong","status":1}'))
    with caplog.at_level(logging.WARNING, logger="leeloo_mock"):
        client = make_client(replay=ReplayConfig.read(capture))
    assert "entry 0: GET /api/v2/tags -> 200 is replayed although it breaks the spec" in caplog.text
    answer = client.get("/api/v2/tags", headers=TOKEN_HEADER)
    assert answer.json() == {"data": "wrong", "status": 1}
    assert json.loads(answer.headers["sl-violations"])[0]["location"][:2] == ["response", "body"]


def test_a_recorded_text_answer_keeps_its_media_type(tmp_path: Path, make_client: ClientFactory) -> None:
    text = b"Too many requests, please try again later."
    capture = _capture(
        tmp_path,
        _entry("GET", f"{API}/tags", 429, text, media_type="text/plain", headers=(("Retry-After", "3"),)),
    )
    answer = make_client(replay=ReplayConfig.read(capture)).get("/api/v2/tags", headers=TOKEN_HEADER)
    assert (answer.status_code, answer.content, answer.headers["retry-after"]) == (429, text, "3")
    assert answer.headers["content-type"] == "text/plain"
    assert "sl-violations" not in answer.headers


@pytest.mark.parametrize(
    ("content", "named"),
    [("", "empty"), ('{"log": 5}', "capture.har"), ("not json at all", "capture.har")],
)
def test_a_bad_capture_is_a_usage_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, named: str
) -> None:
    (tmp_path / "capture.har").write_text(content)
    with pytest.raises(SystemExit) as exited:
        main([str(SPEC_PATH), "--replay", str(tmp_path / "capture.har")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--replay" in err and named in err


def test_a_capture_past_its_bound_of_bodies_is_refused_at_the_entry_that_passes_it(tmp_path: Path) -> None:
    capture = _capture(tmp_path, *[_entry("GET", f"{API}/tags", 200, b"x" * 400) for _ in range(3)])
    assert len(ReplayConfig.read(capture, max_body_bytes=1200).entries) == 3
    with pytest.raises(HarError, match=r"entry 2: its bodies come to more than 1,000 bytes"):
        ReplayConfig.read(capture, max_body_bytes=1000)


def test_a_missing_capture_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([str(SPEC_PATH), "--replay", str(tmp_path / "none.har")])
    assert exited.value.code == 2
    assert "no readable file" in capsys.readouterr().err


def test_the_command_line_replays_and_names_violations_at_start_up(tmp_path: Path) -> None:
    capture = _capture(
        tmp_path,
        _entry("GET", f"{API}/tags", 200, _tags("recorded")),
        _entry("GET", f"{API}/users", 200, b'{"status":1,"data":7}'),
    )
    with (
        in_child_process("--replay", str(capture), spec=SPEC_PATH) as mock,
        httpx.Client(base_url=mock.api_url) as client,
    ):
        assert client.get("/tags", headers=TOKEN_HEADER).json()["data"][0]["name"] == "recorded"
        assert "sl-violations" in client.get("/users", headers=TOKEN_HEADER).headers
        log = mock.log()
    assert "entry 1: GET /api/v2/users -> 200 is replayed although it breaks the spec" in log
