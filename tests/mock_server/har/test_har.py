"""mock_server.har: the entry model, the three readable forms, the incremental writer, redaction."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mock_server import har
from mock_server.har import Body, Entry, HarError, HarWriter, Request, Response


def _entry(
    path: str = "/api/v2/tags?limit=5",
    status: int = 200,
    body: bytes = b'{"status":1,"data":[]}',
    headers: tuple[tuple[str, str], ...] = (("X-Leeloo-AuthToken", "tok-123456"),),
) -> Entry:
    return Entry(
        Request("GET", f"https://api.leeloo.ai{path}", headers),
        Response(status, (("Content-Type", "application/json"),), Body("application/json", body)),
        started="2026-12-06T10:00:00.000Z",
        time_ms=12.5,
    )


def test_an_entry_survives_its_har_form() -> None:
    entry = _entry()
    again = Entry.from_har(json.loads(json.dumps(entry.to_har())))
    assert again == entry
    assert again.request.path == "/api/v2/tags"
    assert again.request.query == (("limit", "5"),)
    assert again.response.media_type == "application/json"


def test_a_binary_body_goes_as_base64_and_comes_back() -> None:
    entry = _entry(body=b"\x89PNG\x00\xff")
    har_form = entry.to_har()
    assert har_form["response"]["content"]["encoding"] == "base64"
    assert Entry.from_har(har_form).response.body == entry.response.body


def test_the_writer_leaves_valid_har_after_every_entry(tmp_path: Path) -> None:
    path = tmp_path / "capture.har"
    with HarWriter(path) as writer:
        assert json.loads(path.read_text())["log"]["entries"] == []
        for index in range(3):
            assert writer.write(_entry(f"/api/v2/tags?offset={index}"))
            document = json.loads(path.read_text())  # valid before close
            assert len(document["log"]["entries"]) == index + 1
    assert document["log"]["version"] == "1.2"
    assert [e.request.query for e in har.read_entries(path)] == [(("offset", str(i)),) for i in range(3)]


def test_the_writer_redacts_by_default_and_not_when_told(tmp_path: Path) -> None:
    entry = _entry("/api/v2/tags?api_key=k-999&limit=5", headers=(("Authorization", "Bearer abc"),))
    redacted, kept = tmp_path / "r.har", tmp_path / "k.har"
    with HarWriter(redacted) as writer:
        writer.write(entry)
    with HarWriter(kept, redact=False) as writer:
        writer.write(entry)
    assert "abc" not in redacted.read_text() and "k-999" not in redacted.read_text()
    (read,) = har.read_entries(redacted)
    assert read.request.header("authorization") == har.REDACTED
    assert dict(read.request.query) == {"api_key": har.REDACTED, "limit": "5"}
    assert "Bearer abc" in kept.read_text() and "k-999" in kept.read_text()


def test_the_writer_stops_at_max_bytes_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "capped.har"
    one = len(json.dumps(_entry().to_har()))
    with HarWriter(path, max_bytes=200 + 2 * one) as writer:
        results = [writer.write(_entry()) for _ in range(10)]
    assert results.count(True) >= 1 and results[-1] is False
    assert writer.dropped == results.count(False)
    assert path.stat().st_size <= 200 + 2 * one
    assert len(list(har.read_entries(path))) == results.count(True)
    assert len([r for r in caplog.records if "stopped" in r.getMessage()]) == 1


def test_a_huge_body_is_cut_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "cut.har"
    with HarWriter(path, max_body_bytes=100) as writer:
        writer.write(_entry(body=("é" * 1000).encode()))
    (read,) = har.read_entries(path)
    assert read.response.body is not None
    assert len(read.response.body.data) <= 100 and read.response.body.full_size == 2000
    assert "truncated" in read.response.body.comment
    assert read.response.body.text() is not None  # not cut inside a character


def test_ndjson_is_written_and_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "capture.ndjson"
    with HarWriter(path) as writer:
        for index in range(5):
            writer.write(_entry(f"/api/v2/tags?offset={index}"))
    assert len(path.read_text().splitlines()) == 5
    assert [e.request.query[0][1] for e in har.read_entries(path)] == ["0", "1", "2", "3", "4"]


def test_the_journal_is_read(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    journal = {
        "meta": {"total": 1, "kept": 1, "dropped": 0, "capacity": 10},
        "requests": [
            {
                "number": 1,
                "loggedAt": 1_700_000_000.0,
                "method": "POST",
                "path": "/api/v2/tags",
                "query": "x=1",
                "headers": {"content-type": "application/json", "x-leeloo-authtoken": "***"},
                "body": '{"name":"a"}',
                "bodyTruncated": False,
                "status": 201,
                "operationId": "create_tag",
                "valid": True,
                "violations": [],
                "durationMs": 1.5,
            }
        ],
    }
    path.write_text(json.dumps(journal))
    (entry,) = har.read_entries(path)
    assert (entry.request.method, entry.request.path, entry.request.query_string) == (
        "POST",
        "/api/v2/tags",
        "x=1",
    )
    assert entry.response.status == 201 and entry.response.body is None
    assert entry.request.body is not None and entry.request.body.data == b'{"name":"a"}'


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ('{"log": {"entries": 3}}', "log.entries must be a list"),
        (
            '{"log": {"entries": [{"request": {"url": "/x"}, "response": {"status": 200}}]}}',
            "entry 0: request.method",
        ),
        (
            '{"request": {"method": "GET", "url": "/a"}, "response": {"status": 200}}\nnope\n',
            "entry 1: not a JSON",
        ),
        ('{"something": 1}', "entry 0: neither a HAR entry"),
        ("[1, 2]", "entry 0: an entry must be an object"),
        ('{"log": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON: nested too deep"),
        (
            '{"request": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
            "entry 0: not a JSON object: nested too deep",
        ),
    ],
    ids=[
        "empty",
        "not-json",
        "entries",
        "method",
        "ndjson-line",
        "neither",
        "list",
        "deep-har",
        "deep-ndjson",
    ],
)
def test_bad_input_is_one_line_naming_file_and_entry(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.har"
    path.write_text(text)
    with pytest.raises(HarError) as caught:
        list(har.read_entries(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_a_document_past_its_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.har"
    path.write_text(json.dumps(har.har_document([_entry()] * 20)))
    with pytest.raises(HarError, match="NDJSON"):
        list(har.read_entries(path, max_document_bytes=1000))


def test_an_ndjson_line_past_its_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.ndjson"
    path.write_text(json.dumps(_entry(body=b"x" * 5000).to_har()) + "\n")
    with pytest.raises(HarError, match="entry 0: longer than"):
        list(har.read_entries(path, max_line_bytes=1000))


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("X-Leeloo-AuthToken", True),
        ("authorization", True),
        ("Proxy-Authorization", True),
        ("Cookie", True),
        ("Set-Cookie", True),
        ("Content-Type", False),
        ("Accept", False),
    ],
)
def test_secret_headers(name: str, secret: bool) -> None:
    assert (har.redact_headers([(name, "v")])[0][1] == har.REDACTED) is secret


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("access_token", True),
        ("apiKey", True),
        ("api-key", True),
        ("password", True),
        ("client_secret", True),
        ("authToken", True),
        ("sig", True),
        ("limit", False),
        ("offset", False),
        ("monkey", False),
        ("keyword", False),
        ("person_id", False),
    ],
)
def test_secret_query_keys(key: str, secret: bool) -> None:
    assert har.is_secret_query_key(key) is secret


def test_redact_query_keeps_a_clean_query_byte_for_byte() -> None:
    assert har.redact_query("a=%20b&limit=5") == "a=%20b&limit=5"
    assert har.redact_query("token=abc&limit=5") == "token=REDACTED&limit=5"


def test_the_url_password_and_the_env_token_are_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_AUTH_TOKEN", "s3cr3t-token-value")
    entry = Entry(
        Request("GET", "https://me:pw@api.leeloo.ai/api/v2/tags", (("X-Debug", "s3cr3t-token-value"),)),
        Response(200, (), Body("application/json", b'{"echo":"s3cr3t-token-value"}')),
    )
    text = json.dumps(har.redact_entry(entry).to_har())
    assert "s3cr3t-token-value" not in text and ":pw@" not in text


_KILLED_WRITER = """
import os, sys, time
from mock_server.har import Body, Entry, HarWriter, Request, Response
writer = HarWriter(sys.argv[1])
for i in range(3):
    answer = Response(200, (), Body("text/plain", b"ok"))
    writer.write(Entry(Request("GET", f"http://x/api/v2/tags?i={i}"), answer))
print("ready", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_the_file_is_valid_har_after_the_process_is_stopped(tmp_path: Path, signum: int) -> None:
    path = tmp_path / "stopped.har"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(path)], stdout=subprocess.PIPE, env={**os.environ}
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        child.send_signal(signum)
        child.wait(timeout=10)
    finally:
        child.kill()
        child.wait()
    assert len(list(har.read_entries(path))) == 3


def test_a_byte_order_mark_before_a_har_document_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "exported.har"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(har.har_document([_entry()])).encode())
    assert len(list(har.read_entries(path))) == 1
