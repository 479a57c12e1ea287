"""Fixtures for the generated client: a fake API in front of the real mock, and the spec's verdict.

`FakeAPI` is the seam the client tests use: an `httpx.MockTransport` that records every request
the client sends. A test may set `answer` to make up its own answers (failures, odd bodies, pages);
otherwise the request goes on to leeloo-mock itself, in process (`mock_server.testing.in_process`,
stateless, one app for the whole session), which validates it and answers the first declared
example of the operation's 200 response: the `docs` example, the body the docs page shows.

The mock is reached through a transport, so the client keeps its production base URL
(https://api.leeloo.ai/api/v2) and sends `Host: api.leeloo.ai`: in process the connection's own
address is the URL's host, which the mock's Host check answers as its own name (no
`allowed_hosts` needed, nothing widened). Tests validate recorded requests with openapi-core
(`contract_tests._spec.validate_request`), a second opinion beside the mock's own validation.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from leeloo_client import LeelooClient

from contract_tests._spec import spec_document
from mock_server.stages.router import RouteMatch
from mock_server.testing import LeelooMock, compiled_for, in_process, in_thread, mock_config

TOKEN = "tok-SECRET-0123456789abcdef"
# Leeloo's spec, stateless (every answer is the operation's example); FakeAPI keeps the requests,
# so the mock's own journal is off.
MOCK_CONFIG = mock_config(stateful=False, journal_size=0)

Handler = Callable[[httpx.Request], httpx.Response]


def operation_id_of(request: httpx.Request) -> str:
    """The operationId of the operation `request` calls, as the mock's router finds it.

    Fails the test when no operation of the spec matches the method and path.
    """
    path = request.url.raw_path.split(b"?", 1)[0].decode("latin-1")  # %2F stays inside its segment
    found = compiled_for(MOCK_CONFIG).router.match(request.method, path)
    assert isinstance(found, RouteMatch), f"no operation matches {request.method} {request.url.path}"
    return found.target.operation_id


@dataclass
class FakeAPI:
    """A MockTransport that records requests and answers with `answer` if set, else with the mock.

    `upstream` is the in-process mock's transport; `forward` asks it, for an `answer` that makes up
    only some of its answers (a failure first, then the real one).
    """

    upstream: httpx.BaseTransport
    requests: list[httpx.Request] = field(default_factory=list)
    answer: Handler | None = None

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Record `request`, then answer it (the test's `answer`, else the mock's)."""
        request.read()
        self.requests.append(request)
        if self.answer is not None:
            return self.answer(request)
        return self.forward(request)

    def forward(self, request: httpx.Request) -> httpx.Response:
        """The mock's answer to `request` (not recorded again)."""
        return self.upstream.handle_request(request)

    def transport(self) -> httpx.MockTransport:
        """A transport for sync and async clients alike, answering through `handle`."""
        return httpx.MockTransport(self.handle)


@dataclass
class RecordedSleep:
    """Stands in for time.sleep / asyncio.sleep: records the delays instead of waiting."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture(scope="session")
def in_process_mock() -> Iterator[LeelooMock]:
    """leeloo-mock in process, stateless, for the whole session (its spec is compiled once)."""
    with in_process(MOCK_CONFIG) as mock:
        yield mock


@pytest.fixture
def fake_api(in_process_mock: LeelooMock) -> FakeAPI:
    """A fresh FakeAPI (no requests, no `answer`) in front of the session's mock."""
    assert in_process_mock.transport is not None  # in process, the mock is reached through it
    return FakeAPI(upstream=in_process_mock.transport)


@pytest.fixture
def sleeps() -> RecordedSleep:
    """The delays the client would have slept, recorded instead."""
    return RecordedSleep()


@pytest.fixture
def make_client(fake_api: FakeAPI, sleeps: RecordedSleep) -> Iterator[Callable[..., LeelooClient]]:
    """Build clients wired to `fake_api`, with recorded sleeps; closes them all afterwards."""
    with contextlib.ExitStack() as built:

        def build(**options: Any) -> LeelooClient:
            transport = fake_api.transport()
            options.setdefault("token", TOKEN)
            client = LeelooClient(
                transport=transport,
                async_transport=transport,
                sleep=sleeps,
                async_sleep=sleeps.asleep,
                **options,
            )
            built.callback(client.close)
            return client

        yield build


@pytest.fixture
def client(make_client: Callable[..., LeelooClient]) -> LeelooClient:
    """A client with the default options, wired to `fake_api`."""
    return make_client()


def error_example(response: str, example: str) -> Any:
    """An example body of one of the spec's error responses (`components/responses/NAME`)."""
    declared = spec_document()["components"]["responses"][response]
    media = next(iter(declared["content"].values()))
    return media["examples"][example]["value"] if "examples" in media else media["example"]


def envelope_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """An answer carrying Leeloo's error envelope `body`, with any HTTP status."""
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
    )


def problem(status: int, title: str, detail: str = "", **extra: Any) -> dict[str, Any]:
    """An RFC 7807 body, as mocks and proxies answer requests no operation describes."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, **extra}
    if detail:
        body["detail"] = detail
    return body


def problem_response(
    status: int, title: str, headers: dict[str, str] | None = None, **extra: Any
) -> httpx.Response:
    """An answer carrying an RFC 7807 problem body (see `problem`), with any HTTP status."""
    return httpx.Response(
        status,
        content=json.dumps(problem(status, title, **extra)).encode(),
        headers={"content-type": "application/problem+json", **(headers or {})},
    )


@pytest.fixture
def mock_base_url() -> Iterator[str]:
    """leeloo-mock on a free port of 127.0.0.1 (uvicorn in a thread), for code that opens its own
    connections: a child process, or a client going through httpcore and a real socket."""
    with in_thread(MOCK_CONFIG) as mock:
        yield mock.url
