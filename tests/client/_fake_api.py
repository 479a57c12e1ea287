"""Fixtures for the generated client: a fake API on `httpx.MockTransport` and spec validation.

The fake API answers every operation with the `docs` example of its 200 response in the spec, so
the client parses the same bodies the docs page shows. Every request it sees is recorded; tests
validate recorded requests against the spec with openapi-core (not by comparing by hand), through
`contract_tests._spec.validate_request`: the spec is read one way for both suites.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import httpx
import pytest
import uvicorn
from leeloo_client import LeelooClient

from contract_tests._spec import spec_document
from mock_server import MockConfig, create_app, default_spec_path
from openapi_document import resolve

BASE_URL = "https://api.leeloo.ai/api/v2"
TOKEN = "tok-SECRET-0123456789abcdef"


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: how to recognise its requests and what it answers."""

    operation_id: str
    method: str
    path: str
    pattern: re.Pattern[str]
    example: Any


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the spec, with the docs example of its 200 answer."""
    found = []
    for path, item in spec_document()["paths"].items():
        for method, operation in item.items():
            answer = resolve(spec_document(), operation["responses"]["200"])
            example = answer["content"]["application/json"]["examples"]["docs"]["value"]
            pattern = re.compile("^/api/v2" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
            found.append(Operation(operation["operationId"], method.upper(), path, pattern, example))
    # Literal segments first: /tunnels/stats must not be taken for /tunnels/{tunnel_id}.
    return tuple(sorted(found, key=lambda op: (op.path.count("{"), op.path)))


def operation_of(request: httpx.Request) -> Operation:
    """The operation a request calls; fails the test when none matches."""
    for operation in operations():
        if operation.method == request.method and operation.pattern.match(request.url.path):
            return operation
    raise AssertionError(f"no operation matches {request.method} {request.url.path}")


Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeAPI:
    """A MockTransport-backed API that records requests; `answer` may be replaced per test."""

    requests: list[httpx.Request] = field(default_factory=list)
    answer: Handler | None = None

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.answer is not None:
            return self.answer(request)
        return httpx.Response(200, json=operation_of(request).example)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


@dataclass
class RecordedSleep:
    """Stands in for time.sleep / asyncio.sleep: records the delays instead of waiting."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def fake_api() -> FakeAPI:
    return FakeAPI()


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
def make_client(fake_api: FakeAPI, sleeps: RecordedSleep) -> Iterator[Callable[..., LeelooClient]]:
    """Build clients wired to `fake_api`, with recorded sleeps; closes them afterwards."""
    clients: list[LeelooClient] = []

    def build(**options: Any) -> LeelooClient:
        transport = fake_api.transport()
        options.setdefault("token", TOKEN)
        client = LeelooClient(
            transport=transport, async_transport=transport, sleep=sleeps, async_sleep=sleeps.asleep, **options
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., LeelooClient]) -> LeelooClient:
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
    return httpx.Response(
        status,
        content=json.dumps(problem(status, title, **extra)).encode(),
        headers={"content-type": "application/problem+json", **(headers or {})},
    )


@pytest.fixture
def mock_base_url() -> Iterator[str]:
    """leeloo-mock served by uvicorn on a free port of 127.0.0.1, stopped afterwards."""
    app = create_app(MockConfig(spec_path=default_spec_path(), log_requests=False))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the mock did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
