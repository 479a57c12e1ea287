"""The generated client against a misbehaving server, over real sockets.

A scripted HTTP server (a thread on 127.0.0.1, port 0) answers each connection with the next
step of a script: a canned response, a response cut short, or silence. The client must turn
each failure into its documented typed error (or retry, when the request is safe to repeat),
and the token must appear in no message, repr or log record. Waits between retries go to a
recorder instead of ``time.sleep``, so no test waits for a backoff.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from leeloo_client import (
    APIConnectionError,
    APITimeoutError,
    LeelooClient,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from leeloo_client.api.messages import send_message
from leeloo_client.api.tags import list_tags
from leeloo_client.models import SendMessageRequest

from mock_server._serving import free_port

TOKEN = "tok-HARDENING-SECRET-5f1e2d3c4b5a"
TAGS = json.dumps({"status": 1, "data": [{"id": "595f5d522a934035decc093d", "name": "Tag #1"}]}).encode()
PROBLEM_500 = json.dumps({"type": "about:blank", "title": "Internal Server Error", "status": 500}).encode()


def http_response(status: int, body: bytes, *headers: str, declared_length: int | None = None) -> bytes:
    length = len(body) if declared_length is None else declared_length
    lines = [
        f"HTTP/1.1 {status} Status",
        "Content-Type: application/json",
        f"Content-Length: {length}",
        *headers,
    ]
    return ("\r\n".join([*lines, "Connection: close"]) + "\r\n\r\n").encode() + body


HANG = b"<hang>"


@dataclass
class ScriptedServer:
    """Answers connection N with ``script[N]`` (the last step repeats); records each request."""

    script: list[bytes]
    requests: list[bytes] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    def serve(self, listener: socket.socket) -> None:
        listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            with contextlib.suppress(OSError):
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
            step = self.script[min(len(self.requests), len(self.script) - 1)]
            self.requests.append(data)
            if step == HANG:
                self.stop.wait(10)  # silence until the test ends
                return
            with contextlib.suppress(OSError):
                conn.sendall(step)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v2"


@contextlib.contextmanager
def scripted_server(*script: bytes, host: str = "127.0.0.1") -> Iterator[ScriptedServer]:
    """A server on a free port of ``host`` that plays ``script`` (one answer per connection)."""
    server = ScriptedServer(list(script))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind((host, 0))
        listener.listen(16)
        server.port = listener.getsockname()[1]
        thread = threading.Thread(target=server.serve, args=(listener,), daemon=True)
        thread.start()
        try:
            yield server
        finally:
            server.stop.set()
            thread.join(timeout=5)


@dataclass
class Sleeps:
    waits: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def make_client(
    base_url: str, sleeps: Sleeps, max_retries: int = 2, read_timeout: float = 5.0
) -> LeelooClient:
    return LeelooClient(
        token=TOKEN,
        base_url=base_url,
        max_retries=max_retries,
        timeout=httpx.Timeout(read_timeout, connect=2.0),
        sleep=sleeps,
    )


def assert_token_never_shown(error: BaseException, caplog: pytest.LogCaptureFixture) -> None:
    shown = [str(error), repr(error), "".join(traceback.format_exception(error))]
    shown += [str(arg) for arg in error.args]
    shown += [record.getMessage() for record in caplog.records]
    assert all(TOKEN not in text for text in shown)


@pytest.fixture(autouse=True)
def _log_everything(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


def test_connection_refused_is_an_api_connection_error_after_retries(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sleeps = Sleeps()
    with (
        make_client(f"http://127.0.0.1:{free_port()}/api/v2", sleeps) as client,
        pytest.raises(APIConnectionError) as raised,
    ):
        list_tags.sync(client=client)
    assert not isinstance(raised.value, APITimeoutError)
    assert len(sleeps.waits) == 2  # a connect error: nothing was sent, so it is retried
    assert "list_tags" in str(raised.value)
    assert_token_never_shown(raised.value, caplog)


def test_server_that_hangs_is_a_timeout_error(caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    with (
        scripted_server(HANG) as server,
        make_client(server.base_url, sleeps, 1, read_timeout=0.3) as client,
        pytest.raises(APITimeoutError) as raised,
    ):
        list_tags.sync(client=client)
    assert len(server.requests) == 2  # a GET is retried after a read timeout
    assert TOKEN.encode() in server.requests[0]  # it was sent, as the header
    assert_token_never_shown(raised.value, caplog)


def test_429_with_retry_after_is_waited_out_then_answered(caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    limited = http_response(
        429, b'{"type":"about:blank","title":"Too Many Requests","status":429}', "Retry-After: 7"
    )
    with (
        scripted_server(limited, http_response(200, TAGS)) as server,
        make_client(server.base_url, sleeps) as client,
    ):
        tags = list_tags.sync(client=client)
    assert tags.data[0].name == "Tag #1"
    assert sleeps.waits == [7.0]
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_429_that_persists_is_a_rate_limit_error_with_retry_after(caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    limited = http_response(
        429, b'{"type":"about:blank","title":"Too Many Requests","status":429}', "Retry-After: 3"
    )
    with (
        scripted_server(limited) as server,
        make_client(server.base_url, sleeps) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        list_tags.sync(client=client)
    assert raised.value.retry_after == 3.0
    assert len(server.requests) == 3
    assert_token_never_shown(raised.value, caplog)


def test_503_then_200_is_retried_to_success() -> None:
    sleeps = Sleeps()
    unavailable = http_response(503, b'{"type":"about:blank","title":"Service Unavailable","status":503}')
    with (
        scripted_server(unavailable, http_response(200, TAGS)) as server,
        make_client(server.base_url, sleeps) as client,
    ):
        tags = list_tags.sync(client=client)
    assert [tag.name for tag in tags.data] == ["Tag #1"]
    assert len(server.requests) == 2
    assert len(sleeps.waits) == 1


def test_500_on_post_is_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    body = SendMessageRequest(account_id="5b3f543bb2737000133d25b0", text="hello")
    with (
        scripted_server(http_response(500, PROBLEM_500)) as server,
        make_client(server.base_url, sleeps) as client,
        pytest.raises(ServerError) as raised,
    ):
        send_message.sync(client=client, body=body)
    assert raised.value.status_code == 500
    assert len(server.requests) == 1  # a POST that reached the server may have acted: never repeated
    assert sleeps.waits == []
    assert_token_never_shown(raised.value, caplog)


def test_body_cut_short_by_the_connection_is_a_connection_error(caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    cut = http_response(200, TAGS[:20], declared_length=len(TAGS))
    with (
        scripted_server(cut) as server,
        make_client(server.base_url, sleeps, max_retries=1) as client,
        pytest.raises(APIConnectionError) as raised,
    ):
        list_tags.sync(client=client)
    # (a body cut short is raised after the transport returned, so the retry policy never sees it)
    assert server.requests
    assert "list_tags" in str(raised.value)
    assert_token_never_shown(raised.value, caplog)


@pytest.mark.parametrize(
    "body",
    [
        TAGS[:25],  # truncated JSON, complete HTTP message
        b'{"status": 1, "data": "not a list"}',  # valid JSON, not the schema
        b'{"status": 1}',  # a required property missing
        b"[]",
    ],
    ids=["truncated-json", "wrong-type", "missing-data", "array"],
)
def test_2xx_body_that_does_not_fit_the_model_is_a_response_validation_error(
    body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    sleeps = Sleeps()
    with (
        scripted_server(http_response(200, body)) as server,
        make_client(server.base_url, sleeps) as client,
        pytest.raises(ResponseValidationError) as raised,
    ):
        list_tags.sync(client=client)
    assert raised.value.status_code == 200
    assert raised.value.content == body
    assert len(server.requests) == 1  # an answer came: nothing to retry
    assert_token_never_shown(raised.value, caplog)


def test_client_repr_hides_the_token() -> None:
    client = LeelooClient(token=TOKEN, base_url="http://127.0.0.1:9/api/v2")
    assert TOKEN not in repr(client)
    assert TOKEN not in str(client)
