"""The base classes of the resources (`client.people`, `client.orders`, ...) and their helpers.

The resource classes themselves are generated, one per tag of the spec (`api/<tag>/__init__.py`).
Only the sync class spells out its methods; each builds the operation's `Request` (the operation
module's `request()`) with a client carrying the call's `timeout`, `extra_headers`,
`extra_query` and `extra_body`, and hands it to `self._call` (or `self._iterate`). The async class
reuses the same functions (`awaitable`, `async_iterator`): its `_call` returns a coroutine. The
raw-response classes wrap each method in one line (`to_raw_response_wrapper`).
"""

import contextvars
import datetime
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast
from urllib.parse import quote

from attrs import define

from ._base_client import BaseClient, TimeoutTypes
from ._operation import Endpoint, ListEndpoint, Request
from .errors import InvalidParameterError, bounded_body
from .types import Response

P = ParamSpec("P")
T = TypeVar("T")
S = TypeVar("S")
ItemT = TypeVar("ItemT")
DateT = TypeVar("DateT", bound=datetime.date | None)

# Where a raw-response wrapper collects the answer of the call it wraps.
_RAW_ANSWERS: contextvars.ContextVar[list[Response[Any]] | None] = contextvars.ContextVar(
    "leeloo_client_raw_answers", default=None
)


def _keep_answer(response: Response[Any]) -> None:
    kept = _RAW_ANSWERS.get()
    if kept is not None:
        kept.append(response)


class SyncResource:
    """A group of operations (one tag of the spec) called through a client, returning models."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def _with(
        self,
        timeout: TimeoutTypes | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> BaseClient:
        return self._client._for_call(timeout, extra_headers, extra_query, extra_body)

    def _call(self, endpoint: Endpoint[..., T], request: Request) -> T:
        response = endpoint.send(request)
        _keep_answer(response)
        return endpoint.unwrap(response)

    def _iterate(
        self,
        endpoint: ListEndpoint[..., Any, ItemT],
        build: Callable[..., Request],
        offset: int | None,
        limit: int,
    ) -> Iterator[ItemT]:
        return endpoint.pages(build, offset, limit)


class AsyncResource(SyncResource):
    """The async twin of `SyncResource`: the same methods, whose `_call` returns a coroutine."""

    def _call(self, endpoint: Endpoint[..., T], request: Request) -> Any:
        return self._acall(endpoint, request)

    async def _acall(self, endpoint: Endpoint[..., T], request: Request) -> T:
        response = await endpoint.asend(request)
        _keep_answer(response)
        return endpoint.unwrap(response)

    def _iterate(  # type: ignore[override]
        self,
        endpoint: ListEndpoint[..., Any, ItemT],
        build: Callable[..., Request],
        offset: int | None,
        limit: int,
    ) -> AsyncIterator[ItemT]:
        return endpoint.apages(build, offset, limit)


def awaitable(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[Any, P], Awaitable[T]]:
    """A sync resource method as a method of the async resource (typed as awaited; it is the same
    function, whose `self._call` returns a coroutine there)."""
    return cast(Callable[Concatenate[Any, P], Awaitable[T]], method)


def async_iterator(
    method: Callable[Concatenate[S, P], Iterator[T]],
) -> Callable[Concatenate[Any, P], AsyncIterator[T]]:
    """A sync resource's `iterate` as the async resource's (its `self._iterate` is async there)."""
    return cast(Callable[Concatenate[Any, P], AsyncIterator[T]], method)


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
        body: The body as JSON (or text), cut to `errors.MAX_BODY_CHARS` characters.
    """

    parsed: T
    status_code: int
    headers: Mapping[str, str]
    request_id: str | None
    elapsed: datetime.timedelta | None
    content: bytes

    @property
    def body(self) -> object:
        """The answer's body as JSON (or text), bounded like the errors' `body`."""
        return bounded_body(self.content)

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


def to_raw_response_wrapper(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """`method` returning a `RawResponse` of its model instead of the model alone."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        kept: list[Response[Any]] = []
        token = _RAW_ANSWERS.set(kept)
        try:
            parsed = method(*args, **kwargs)
        finally:
            _RAW_ANSWERS.reset(token)
        return RawResponse.of(kept[-1], parsed)

    return wrapped


def async_to_raw_response_wrapper(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The async twin of `to_raw_response_wrapper`."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        kept: list[Response[Any]] = []
        token = _RAW_ANSWERS.set(kept)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            _RAW_ANSWERS.reset(token)
        return RawResponse.of(kept[-1], parsed)

    return wrapped


def missing_arguments(**arguments: object) -> TypeError:
    """The error for a body built from keyword arguments when some it needs are missing (None)."""
    names = ", ".join(repr(name) for name, value in arguments.items() if value is None)
    return TypeError(f"missing required keyword argument(s) {names} (or pass body=)")


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
    "async_iterator",
    "async_to_raw_response_wrapper",
    "awaitable",
    "missing_arguments",
    "path_segment",
    "plain_date",
    "to_raw_response_wrapper",
]
