"""The client's token stays out of every error, traceback and pickle; odd answers get its own errors.

Each failure is produced over a real socket (the scripted server of `test_client_failures`), then
everything a caller or a crash reporter may print is searched for the token: the request kept in
the error, a traceback formatted with `capture_locals=True` (what Sentry-like reporters and
`rich`/`pytest --showlocals` show), the chained httpx exceptions, and a pickled client.
"""

from __future__ import annotations

import pickle
import threading
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from leeloo_client import (
    APIConnectionError,
    APITimeoutError,
    LeelooClient,
    LeelooError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
)
from leeloo_client.api.tags import list_tags

from mock_server.testing import in_thread, mock_config

from .test_client_failures import HANG, TAGS, http_response, scripted_server

TOKEN = "tok-SECRETS-3c0ffee-never-shown"


def everything_shown(error: BaseException) -> str:
    """What a caller, a log or a crash reporter may print about `error`, chained errors included."""
    shown = [str(error), repr(error)]
    shown.append("".join(traceback.TracebackException.from_exception(error, capture_locals=True).format()))
    seen: BaseException | None = error
    while seen is not None:
        request = getattr(seen, "request", None) if not isinstance(seen, httpx.HTTPError) else None
        if isinstance(request, httpx.Request):
            shown += [repr(request.headers), str(dict(request.headers)), repr(request)]
        seen = seen.__cause__ or seen.__context__
    return "\n".join(shown)


def caught(client: LeelooClient) -> LeelooError:
    """The error of one call; its traceback starts here, in a frame that holds only the client."""
    try:
        list_tags.sync(client=client)
    except LeelooError as error:
        return error
    raise AssertionError("the call did not fail")


def failing_call(script: bytes, **options: Any) -> LeelooError:
    with (
        scripted_server(script) as server,
        LeelooClient(token=TOKEN, base_url=server.base_url, max_retries=0, **options) as client,
    ):
        return caught(client)


@pytest.mark.parametrize(
    ("script", "options", "expected"),
    [
        (HANG, {"timeout": 0.3}, APITimeoutError),
        (http_response(200, b"x" * 4096), {"max_response_size": 1024}, ResponseTooLargeError),
        (http_response(200, b'{"status": 1, "data": 5}'), {}, ResponseValidationError),
        (http_response(500, b'{"title": "boom"}'), {}, ServerError),
        (http_response(200, TAGS[:20], declared_length=len(TAGS)), {}, APIConnectionError),
    ],
    ids=["timeout", "too-large", "not-the-model", "server-error", "cut-short"],
)
def test_the_token_is_in_no_error_request_or_local_variable(
    script: bytes, options: dict[str, Any], expected: type[LeelooError]
) -> None:
    error = failing_call(script, **options)
    assert isinstance(error, expected)
    assert TOKEN not in everything_shown(error)


def test_a_timeout_keeps_the_request_without_its_token() -> None:
    error = failing_call(HANG, timeout=0.3)
    assert isinstance(error, APITimeoutError) and error.request is not None
    assert error.request.url.path.endswith("/tags")
    assert error.request.headers["X-Leeloo-AuthToken"] == "[secret]"
    assert TOKEN not in repr(error.request.headers)


def test_a_cookie_is_masked_in_the_request_an_error_keeps_as_in_the_log() -> None:
    error = failing_call(HANG, timeout=0.3, headers={"Cookie": "session=COOKIE-SECRET"})
    assert isinstance(error, APITimeoutError) and error.request is not None
    assert error.request.headers["Cookie"] == "[secret]"
    assert "COOKIE-SECRET" not in everything_shown(error)


def test_a_client_does_not_pickle_its_token() -> None:
    client = LeelooClient(token=TOKEN)
    with pytest.raises(TypeError, match="from_env"):
        pickle.dumps(client)
    # copies still work: `with_options` and each call's options copy the client
    assert client.with_options(max_retries=5).token == TOKEN


def deep_json(depth: int) -> bytes:
    return b'{"status": 1, "data": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize(("status", "expected"), [(200, ResponseValidationError), (500, ServerError)])
def test_json_nested_200000_deep_is_the_clients_own_error(status: int, expected: type[LeelooError]) -> None:
    error = failing_call(http_response(status, deep_json(200_000)))
    assert isinstance(error, expected)


def test_a_redirect_loop_is_the_clients_own_error() -> None:
    loop = b"HTTP/1.1 302 Found\r\nLocation: /api/v2/tags\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    error = failing_call(loop, follow_redirects=True)
    assert isinstance(error, APIConnectionError) and "redirect" in str(error).lower()
    assert TOKEN not in everything_shown(error)


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_is_not_json_and_never_lands_in_a_string_field(constant: bytes) -> None:
    body = b'{"status": 1, "data": [{"id": "595f5d522a934035decc093d", "name": ' + constant + b"}]}"
    error = failing_call(http_response(200, body))
    assert isinstance(error, ResponseValidationError)
    assert constant.decode() in str(error)


def test_one_client_shared_by_64_threads() -> None:
    errors: list[BaseException] = []
    calls: list[int] = []
    start = threading.Barrier(64)
    with in_thread(mock_config(stateful=False)) as mock:
        client = LeelooClient(token=TOKEN, base_url=mock.api_url)
        built: list[httpx.Client] = []
        original: Callable[[], httpx.Client] = client.get_httpx_client

        def counting() -> httpx.Client:
            found = original()
            if all(found is not other for other in built):
                built.append(found)
            return found

        client.get_httpx_client = counting  # type: ignore[method-assign]

        def work() -> None:
            try:
                start.wait(timeout=30)
                for _ in range(5):
                    calls.append(len(client.tags.list().data))
            except BaseException as error:  # every failure is reported below
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(64)]
        with client:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
    assert not errors, errors[:3]
    assert len(built) == 1, f"{len(built)} httpx clients were built; only the last one is closed"
    assert len(calls) == 64 * 5 and len(set(calls)) == 1
