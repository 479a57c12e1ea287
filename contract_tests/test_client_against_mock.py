"""The generated client against a running ``leeloo-mock`` on a real port: every operation, both ways.

Each of the spec's 29 operations is called through ``leeloo_client`` with the spec's examples as
arguments, sync and async; the answer must parse into the operation's typed model, and that model
must write back the JSON the mock sent (modulo date-time formatting, see ``_semantic``). The error
paths go through the same client: no or a wrong token -> ``AuthenticationError``,
``Prefer: code=404`` -> ``NotFoundError``, ``Prefer: code=429`` -> retried, then ``RateLimitError``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from leeloo_client import (
    APIStatusError,
    AuthenticationError,
    LeelooClient,
    NotFoundError,
    RateLimitError,
    ValidationError,
)
from leeloo_client.client import DEFAULT_MAX_RETRIES, RetryPolicy

from contract_tests._calls import example_kwargs
from contract_tests._mock_process import request_lines
from contract_tests._semantic import semantic
from contract_tests._settings import BASE_PATH, TOKEN
from contract_tests._spec import client_module, spec_operation, spec_operations, success_model, success_schema
from contract_tests._tally import TALLY
from contract_tests.conftest import make_mock_app
from mock_server._serving import serving_app
from mock_server.testing import LeelooMock
from openapi_document import Operation

OPERATIONS = spec_operations()


def _id(operation: Operation) -> str:
    return operation.operation_id


class CountingTransport(httpx.BaseTransport):
    """The real transport, counting every attempt the client's retry layer makes."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.attempts: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(f"{request.method} {request.url.path}")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``CountingTransport``."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.attempts: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(f"{request.method} {request.url.path}")
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def _client(mock: LeelooMock, **options: Any) -> LeelooClient:
    options.setdefault("token", TOKEN)
    return LeelooClient(base_url=mock.url + BASE_PATH, **options)


@pytest.fixture(scope="module")
def client(mock_process: LeelooMock) -> Iterator[LeelooClient]:
    with _client(mock_process) as opened:
        yield opened


@pytest.fixture
async def async_client(mock_process: LeelooMock) -> AsyncIterator[LeelooClient]:
    async with _client(mock_process) as opened:
        yield opened


def test_the_client_has_every_operation_of_the_spec_in_four_flavours() -> None:
    assert OPERATIONS, "the spec declares no operation"
    for operation in OPERATIONS:
        module = client_module(operation)
        for flavour in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, flavour)), f"{operation.operation_id}.{flavour}"


def assert_round_trip(operation: Operation, parsed: Any, content: bytes) -> None:
    """The answer parsed into the typed model, which writes back the JSON that came."""
    schema = success_schema(operation)
    assert isinstance(parsed, success_model(operation))
    assert semantic(schema, parsed.to_dict()) == semantic(schema, json.loads(content))


@pytest.mark.parametrize("operation", OPERATIONS, ids=_id)
def test_sync_call_parses_into_the_typed_model(operation: Operation, client: LeelooClient) -> None:
    module = client_module(operation)
    kwargs = example_kwargs(operation)

    result = module.sync(client=client, **kwargs)
    detailed = module.sync_detailed(client=client, **kwargs)

    assert isinstance(result, success_model(operation))
    assert detailed.status_code == 200
    assert_round_trip(operation, detailed.parsed, detailed.content)
    TALLY.client_calls["sync"] += 2


@pytest.mark.parametrize("operation", OPERATIONS, ids=_id)
async def test_async_call_parses_into_the_typed_model(
    operation: Operation, async_client: LeelooClient
) -> None:
    module = client_module(operation)
    kwargs = example_kwargs(operation)

    result = await module.asyncio(client=async_client, **kwargs)
    detailed = await module.asyncio_detailed(client=async_client, **kwargs)

    assert isinstance(result, success_model(operation))
    assert detailed.status_code == 200
    assert_round_trip(operation, detailed.parsed, detailed.content)
    TALLY.client_calls["async"] += 2


@pytest.mark.parametrize("token", ["", "not-the-token"], ids=["no-token", "wrong-token"])
def test_missing_or_wrong_token_raises_the_typed_auth_error(mock_process: LeelooMock, token: str) -> None:
    operation = spec_operation("get_person")
    with _client(mock_process, token=token) as client, pytest.raises(AuthenticationError) as raised:
        client_module(operation).sync(client=client, **example_kwargs(operation))
    assert raised.value.status_code == 401
    assert raised.value.code is not None, "the declared 401 is Leeloo's envelope, which names its code"
    if not token:
        assert raised.value.fields == {"authToken": "REQUIRED"}
    TALLY.client_calls["errors"] += 1


async def test_missing_token_raises_the_typed_auth_error_async(mock_process: LeelooMock) -> None:
    operation = spec_operation("list_tags")
    async with _client(mock_process, token="") as client:
        with pytest.raises(AuthenticationError):
            await client_module(operation).asyncio(client=client)
    TALLY.client_calls["errors"] += 1


@pytest.mark.parametrize("operation_id", ["get_person", "get_order", "update_person"])
def test_prefer_404_raises_not_found(mock_process: LeelooMock, operation_id: str) -> None:
    operation = spec_operation(operation_id)
    with (
        _client(mock_process, headers={"Prefer": "code=404"}) as client,
        pytest.raises(NotFoundError) as raised,
    ):
        client_module(operation).sync(client=client, **example_kwargs(operation))
    assert raised.value.status_code == 404
    assert raised.value.code is not None, "the declared 404 is Leeloo's envelope, which names its code"
    TALLY.client_calls["errors"] += 1


# The mock's 429 carries a `Retry-After` made from the header's schema (864 s): above the default
# cap (60 s) the client gives up at once, so these tests raise the cap to see the retries.
PATIENT = RetryPolicy(max_retry_after=3600)


@pytest.mark.parametrize("operation_id", ["list_tags", "send_message"])
def test_429_is_retried_then_raised(mock_process: LeelooMock, operation_id: str) -> None:
    operation = spec_operation(operation_id)
    transport = CountingTransport()
    delays: list[float] = []
    logged_before = len(request_lines(mock_process, operation.method, operation.path))
    with (
        _client(
            mock_process,
            headers={"Prefer": "code=429"},
            transport=transport,
            sleep=delays.append,
            retry_policy=PATIENT,
        ) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        client_module(operation).sync(client=client, **example_kwargs(operation))

    attempts = 1 + DEFAULT_MAX_RETRIES
    assert transport.attempts == [f"{operation.method} {BASE_PATH}{operation.path}"] * attempts
    assert len(delays) == DEFAULT_MAX_RETRIES
    assert raised.value.status_code == 429
    assert delays == [raised.value.retry_after] * DEFAULT_MAX_RETRIES  # the server's word, honoured
    # The mock saw every attempt too (its access log: one line per request).
    logged = request_lines(mock_process, operation.method, operation.path, logged_before + attempts)
    logged = logged[logged_before:]
    assert [line.split()[2] for line in logged] == ["429"] * attempts
    TALLY.client_calls["errors"] += attempts


async def test_429_is_retried_then_raised_async(mock_process: LeelooMock) -> None:
    transport = AsyncCountingTransport()
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    options: dict[str, Any] = {"async_transport": transport, "async_sleep": record, "retry_policy": PATIENT}
    async with _client(mock_process, headers={"Prefer": "code=429"}, **options) as client:
        with pytest.raises(RateLimitError):
            await client_module(spec_operation("list_users")).asyncio(client=client)
    assert len(transport.attempts) == 1 + DEFAULT_MAX_RETRIES
    assert len(delays) == DEFAULT_MAX_RETRIES
    TALLY.client_calls["errors"] += len(transport.attempts)


@pytest.fixture(scope="module")
def error_200_mock() -> Iterator[str]:
    """The mock in process with ``--error-status 200``: Leeloo's failures inside a 2xx answer."""
    with serving_app(make_mock_app(compiled=None, stateful=True, error_status=200)) as url:
        yield url


@pytest.mark.parametrize(
    ("operation_id", "kwargs", "error_class", "code"),
    [
        ("get_person", {"person_id": "0123456789abcdef01234567"}, NotFoundError, "NOT_FOUND"),
        ("list_users", {"limit": 0}, ValidationError, "FORMAT_ERROR"),
    ],
)
def test_failures_sent_with_http_200_raise_the_typed_error(
    error_200_mock: str,
    operation_id: str,
    kwargs: dict[str, Any],
    error_class: type[APIStatusError],
    code: str,
) -> None:
    """`leeloo-mock --error-status 200` sends the envelope with 200; the client raises all the same."""
    module = client_module(spec_operation(operation_id))
    with LeelooClient(base_url=error_200_mock + BASE_PATH, token=TOKEN) as client:
        positional = [kwargs.pop("person_id")] if "person_id" in kwargs else []
        with pytest.raises(error_class) as raised:
            module.sync(*positional, client=client, **kwargs)
    assert raised.value.status_code == 200
    assert raised.value.code == code
    assert raised.value.fields
    TALLY.client_calls["errors"] += 1


def test_a_missing_token_sent_with_http_200_raises_authentication_error(error_200_mock: str) -> None:
    with (
        LeelooClient(base_url=error_200_mock + BASE_PATH, token="") as client,
        pytest.raises(AuthenticationError) as raised,
    ):
        client_module(spec_operation("list_tags")).sync(client=client)
    assert (raised.value.status_code, raised.value.fields) == (200, {"authToken": "REQUIRED"})
    TALLY.client_calls["errors"] += 1


def test_429_with_a_retry_after_above_the_cap_is_raised_at_once(mock_process: LeelooMock) -> None:
    transport = CountingTransport()
    delays: list[float] = []
    with (
        _client(
            mock_process, headers={"Prefer": "code=429"}, transport=transport, sleep=delays.append
        ) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        client.tags.list()

    assert len(transport.attempts) == 1
    assert delays == []
    assert raised.value.retry_after is not None and raised.value.retry_after > 60
    TALLY.client_calls["errors"] += 1
