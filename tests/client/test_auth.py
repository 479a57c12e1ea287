"""Auth and secrets: the token goes in `X-Leeloo-AuthToken` as it is, and nowhere else."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest
from leeloo_client import APIConnectionError, AuthenticationError, ConfigurationError, LeelooClient
from leeloo_client.api.tags import list_tags
from leeloo_client.client import DEFAULT_BASE_URL

from contract_tests._spec import spec_operation, success_example

from ._fake_api import TOKEN, FakeAPI, problem_response


def test_token_is_sent_in_the_leeloo_header_without_prefix(client: LeelooClient, fake_api: FakeAPI) -> None:
    list_tags.sync(client=client)

    request = fake_api.requests[0]
    assert request.headers["X-Leeloo-AuthToken"] == TOKEN
    assert "authorization" not in request.headers
    assert str(request.url) == "https://api.leeloo.ai/api/v2/tags"


def test_defaults_point_at_the_production_api() -> None:
    assert DEFAULT_BASE_URL == "https://api.leeloo.ai/api/v2"
    client = LeelooClient(token=TOKEN)
    assert str(client.get_httpx_client().base_url) == "https://api.leeloo.ai/api/v2/"
    client.close()


def test_from_env_reads_token_and_base_url(monkeypatch: pytest.MonkeyPatch, fake_api: FakeAPI) -> None:
    monkeypatch.setenv("LEELOO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("LEELOO_BASE_URL", "http://127.0.0.1:4010/api/v2")
    transport = fake_api.transport()

    with LeelooClient.from_env(transport=transport) as client:
        tags = list_tags.sync(client=client)  # the mock answers whatever host the URL names

    assert str(fake_api.requests[0].url) == "http://127.0.0.1:4010/api/v2/tags"
    assert fake_api.requests[0].headers["X-Leeloo-AuthToken"] == TOKEN
    assert tags.to_dict() == success_example(spec_operation("list_tags"))


def test_from_env_defaults_to_production_and_needs_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_AUTH_TOKEN", TOKEN)
    monkeypatch.delenv("LEELOO_BASE_URL", raising=False)
    assert LeelooClient.from_env().base_url == DEFAULT_BASE_URL

    monkeypatch.delenv("LEELOO_AUTH_TOKEN")
    with pytest.raises(ConfigurationError, match="LEELOO_AUTH_TOKEN"):
        LeelooClient.from_env()


def test_token_is_not_in_repr(client: LeelooClient) -> None:
    client.get_httpx_client()
    assert TOKEN not in repr(client)
    assert TOKEN not in str(client)
    assert "LeelooClient(" in repr(client)


def test_token_is_not_in_exceptions(make_client: Callable[..., LeelooClient], fake_api: FakeAPI) -> None:
    client = make_client(max_retries=0)
    fake_api.answer = lambda request: problem_response(401, "Unauthorized", detail="The token is not valid.")
    with pytest.raises(AuthenticationError) as status_error:
        list_tags.sync(client=client)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    fake_api.answer = refuse
    with pytest.raises(APIConnectionError) as connection_error:
        list_tags.sync(client=client)

    for error in (status_error.value, connection_error.value):
        assert TOKEN not in str(error)
        assert TOKEN not in repr(error)
        assert TOKEN not in repr(error.args)


def test_token_is_not_logged(
    client: LeelooClient, fake_api: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    answers = iter([problem_response(503, "Service Unavailable"), None])

    def flaky(request: httpx.Request) -> httpx.Response:
        return next(answers) or fake_api.forward(request)

    fake_api.answer = flaky
    with caplog.at_level(logging.DEBUG):
        list_tags.sync(client=client)

    assert any("retrying GET" in record.getMessage() for record in caplog.records)  # something was logged
    assert TOKEN not in caplog.text


def test_token_is_not_logged_by_the_http_stack_over_a_real_socket(
    mock_base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    # MockTransport skips httpcore; here every layer (httpx, httpcore, ours) logs at DEBUG.
    with (
        caplog.at_level(logging.DEBUG),
        LeelooClient(token=TOKEN, base_url=f"{mock_base_url}/api/v2") as client,
    ):
        tags = list_tags.sync(client=client)

    assert tags.to_dict() == success_example(spec_operation("list_tags"))
    assert any(record.name.startswith("httpcore") for record in caplog.records)
    assert TOKEN not in caplog.text
