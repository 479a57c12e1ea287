"""The base classes of the resources (`client.people`, `client.orders`, ...) and their helpers.

The resource classes themselves are generated, one per tag of the spec (`api/<tag>/__init__.py`);
each method calls the operation module of the low level (`api/<tag>/<operation>.py`) with a
client that carries the call's `timeout`, `extra_headers` and `extra_query`.
"""

import datetime
from collections.abc import Mapping
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx
from attrs import define

from ._base_client import BaseClient, TimeoutTypes
from .errors import InvalidParameterError
from .types import Response

T = TypeVar("T")
DateT = TypeVar("DateT", bound=datetime.date | None)


class SyncResource:
    """A group of operations (one tag of the spec) called through a client, returning models."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def _with(
        self,
        timeout: TimeoutTypes | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
    ) -> BaseClient:
        return self._client._for_call(timeout, extra_headers, extra_query)


class AsyncResource(SyncResource):
    """The async twin of `SyncResource`: its methods are coroutines."""


@define(frozen=True, kw_only=True)
class RawResponse(Generic[T]):
    """A successful answer with its metadata: `client.people.with_raw_response.list(...)`.

    Attributes:
        parsed: The operation's 2xx model, as the plain method returns it.
        status_code: The HTTP status of the answer.
        headers: The answer's headers.
        request_id: The `x-request-id` header, when present.
        elapsed: The time from sending the (last) request to the end of the answer.
        content: The raw body.
    """

    parsed: T
    status_code: int
    headers: Mapping[str, str]
    request_id: str | None
    elapsed: datetime.timedelta | None
    content: bytes

    @classmethod
    def of(cls, response: Response[Any], parsed: T) -> "RawResponse[T]":
        """The raw response of a `Response` whose 2xx model is `parsed`."""
        return cls(
            parsed=parsed,
            status_code=response.status_code,
            headers=response.headers,
            request_id=response.request_id,
            elapsed=response.elapsed,
            content=response.content,
        )


def missing_arguments(**arguments: object) -> TypeError:
    """The error for a body built from keyword arguments when some it needs are missing (None)."""
    names = ", ".join(repr(name) for name, value in arguments.items() if value is None)
    return TypeError(f"missing required keyword argument(s) {names} (or pass body=)")


def elapsed_of(response: httpx.Response) -> datetime.timedelta | None:
    """How long the answer took, or None when httpx cannot say (an answer made in memory)."""
    try:
        return response.elapsed
    except RuntimeError:
        return None


def plain_date(value: DateT, name: str) -> DateT:
    """A date argument, refused when it is a `datetime`: the API wants a day, and a datetime's
    `isoformat()` (with its time) is not one. Type checkers cannot tell them apart (a datetime is
    a date), so the resources check it at run time, before sending anything."""
    if isinstance(value, datetime.datetime):
        raise InvalidParameterError(f"{name} takes a date, not a datetime: pass {name}=value.date()")
    return value


def path_segment(value: object, name: str) -> str:
    """One path parameter, percent-encoded; an empty, `.` or `..` value is refused.

    Those would not name a resource but change the endpoint (`/people/..` is `/`), so the client
    raises `InvalidParameterError` before sending anything.
    """
    text = str(value)
    if text in ("", ".", ".."):
        raise InvalidParameterError(f"{name} must name a resource; {text!r} would change the endpoint")
    return quote(text, safe="")


__all__ = [
    "AsyncResource",
    "RawResponse",
    "SyncResource",
    "elapsed_of",
    "missing_arguments",
    "path_segment",
    "plain_date",
]
