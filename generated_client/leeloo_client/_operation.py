"""One call path for every operation: `Endpoint`, what the operation modules and the resources share.

Each operation module (`api/<tag>/<operation>.py`) writes only what varies with the spec: its
`request()` (path, query and body of one request) and an `Endpoint` holding its name, whether it
may be repeated, its success model and how each declared status parses. Everything else lives
here once: sending, parsing, turning a failure into its typed error, paging. The module's
`sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` (and `iterate` / `aiterate` for
limit/offset lists) are the endpoint's functions, typed with `request()`'s parameters; the
resources' methods build the same `Request` and hand it to the same endpoint.
"""

import datetime
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from . import errors
from .types import Response

if TYPE_CHECKING:
    from ._base_client import BaseClient

P = ParamSpec("P")
T = TypeVar("T")
ItemT = TypeVar("ItemT")

# How one declared status (or range of statuses) parses: a model's `from_dict` applied to the
# JSON body, or None for a plain-text body.
BodyParser = Callable[[Any], object] | None
StatusParser = tuple[int, int, BodyParser]


class Request:
    """One request of an operation, ready to send through `client`."""

    def __init__(
        self,
        client: "BaseClient",
        *,
        method: str,
        url: str,
        params: Mapping[str, object] | None = None,
        json: Mapping[str, Any] | None = None,
    ) -> None:
        self.client = client
        self.arguments: dict[str, Any] = {"method": method, "url": url}
        query = _query(params or {})
        if query:
            self.arguments["params"] = query
        if json is not None:
            self.arguments["json"] = dict(json)
            self.arguments["headers"] = {"Content-Type": "application/json"}


def _query(params: Mapping[str, object]) -> dict[str, Any]:
    """Query parameters as httpx sends them: None (not given) left out, dates in ISO 8601."""
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in params.items()
        if value is not None
    }


def _signed(build: Callable[..., Any], function: Any, name: str) -> Any:
    """`function` made to look like `build` to `inspect.signature` and `help()`, under `name`."""
    function.__wrapped__ = build
    function.__name__ = function.__qualname__ = name
    function.__doc__ = (
        f"`{name}` of the operation; takes the arguments of `request()`.\n\n{build.__doc__ or ''}"
    )
    return function


class Endpoint(Generic[P, T]):
    """One operation: its request builder, its success model, the parsers of its declared statuses.

    Attributes (functions taking the arguments of the operation module's `request()`):
        sync: Send and return the 2xx model; a failure raises its `APIStatusError`.
        sync_detailed: Send and return the `Response` whatever its status.
        asyncio, asyncio_detailed: The async twins.
    """

    def __init__(
        self,
        name: str,
        build: Callable[P, Request],
        success: type[T],
        *,
        idempotent: bool,
        responses: Sequence[StatusParser],
    ) -> None:
        self.name = name
        self.build = build
        self.success = success
        self.idempotent = idempotent
        self.responses = tuple(responses)

        def sync_detailed(*args: P.args, **kwargs: P.kwargs) -> Response[Any]:
            return self.send(build(*args, **kwargs))

        def sync(*args: P.args, **kwargs: P.kwargs) -> T:
            return self.unwrap(self.send(build(*args, **kwargs)))

        async def asyncio_detailed(*args: P.args, **kwargs: P.kwargs) -> Response[Any]:
            return await self.asend(build(*args, **kwargs))

        async def asyncio(*args: P.args, **kwargs: P.kwargs) -> T:
            return self.unwrap(await self.asend(build(*args, **kwargs)))

        self.sync_detailed: Callable[P, Response[Any]] = _signed(build, sync_detailed, "sync_detailed")
        self.sync: Callable[P, T] = _signed(build, sync, "sync")
        self.asyncio_detailed: Callable[P, Awaitable[Response[Any]]] = _signed(
            build, asyncio_detailed, "asyncio_detailed"
        )
        self.asyncio: Callable[P, Awaitable[T]] = _signed(build, asyncio, "asyncio")

    def send(self, request: Request) -> Response[Any]:
        """Send `request` and return its answer, parsed by the declared status."""
        answer = request.client.send(self.name, request.arguments, idempotent=self.idempotent)
        return self.response(answer)

    async def asend(self, request: Request) -> Response[Any]:
        """The async twin of `send`."""
        answer = await request.client.asend(self.name, request.arguments, idempotent=self.idempotent)
        return self.response(answer)

    def response(self, answer: httpx.Response) -> Response[Any]:
        """The `Response` of an httpx answer: its status, body, headers, time and parsed body."""
        return Response(
            status_code=answer.status_code,
            content=answer.content,
            headers=answer.headers,
            parsed=self.parse(answer),
            elapsed=elapsed_of(answer),
        )

    def parse(self, answer: httpx.Response) -> object | None:
        """The declared model of the answer's status, or None.

        A 2xx body that does not parse raises `ResponseValidationError`, unless it is Leeloo's
        error envelope (which `unwrap` raises as the failure it reports); an error body that
        does not parse is None.
        """
        status = answer.status_code
        for low, high, parser in self.responses:
            if not low <= status <= high:
                continue
            try:
                return answer.text if parser is None else parser(answer.json())
            except errors.MODEL_PARSE_ERRORS as error:
                if not 200 <= low <= high <= 299 or errors.reports_failure(answer.content):
                    return None
                raise errors.ResponseValidationError(
                    self.name,
                    status_code=status,
                    content=answer.content,
                    headers=answer.headers,
                    reason=f"{type(error).__name__}: {error}",
                ) from error
        return None

    def unwrap(self, response: Response[Any]) -> T:
        """The 2xx model of `response`, or the typed error of its failure."""
        parsed = response.parsed
        if not response.is_success or (
            not isinstance(parsed, self.success) and errors.reports_failure(response.content)
        ):
            raise errors.status_error(
                self.name,
                status_code=response.status_code,
                content=response.content,
                headers=response.headers,
            )
        if not isinstance(parsed, self.success):
            raise errors.ResponseValidationError(
                self.name,
                status_code=response.status_code,
                content=response.content,
                headers=response.headers,
                reason="the status is not the one the spec declares",
            )
        return parsed


class ListEndpoint(Endpoint[P, T], Generic[P, T, ItemT]):
    """An endpoint with `limit` and `offset` whose model lists its items in `data`.

    Attributes:
        iterate: Walk every page, `limit` items at a time from `offset` on, and yield each item;
            it stops at an empty page or one shorter than `limit`, and never asks for a page
            twice. It does not trust `meta.filteredCount`, which Leeloo sets to the size of the
            page, not the number of matches.
        aiterate: The async twin.
    """

    def __init__(
        self,
        name: str,
        build: Callable[P, Request],
        success: type[T],
        *,
        item: type[ItemT],
        default_limit: int,
        **options: Any,
    ) -> None:
        super().__init__(name, build, success, **options)
        self.item = item
        self.default_limit = default_limit

        def iterate(*args: P.args, **kwargs: P.kwargs) -> Iterator[ItemT]:
            return self.pages(
                functools.partial(build, *args, **kwargs), kwargs.get("offset"), kwargs.get("limit")
            )

        def aiterate(*args: P.args, **kwargs: P.kwargs) -> AsyncIterator[ItemT]:
            return self.apages(
                functools.partial(build, *args, **kwargs), kwargs.get("offset"), kwargs.get("limit")
            )

        self.iterate: Callable[P, Iterator[ItemT]] = _signed(build, iterate, "iterate")
        self.aiterate: Callable[P, AsyncIterator[ItemT]] = _signed(build, aiterate, "aiterate")

    def _items(self, page: T) -> list[ItemT]:
        items: list[ItemT] = getattr(page, "data")  # noqa: B009 (the model of a list has `data`)
        return items

    def pages(self, build: Callable[..., Request], offset: object, limit: object) -> Iterator[ItemT]:
        """Every item of every page; `build(offset=...)` makes the request of one page."""
        next_offset = offset if isinstance(offset, int) else 0
        page_size = limit if isinstance(limit, int) else self.default_limit
        while True:
            items = self._items(self.unwrap(self.send(build(offset=next_offset))))
            yield from items
            next_offset += len(items)
            if len(items) < page_size:
                return

    async def apages(
        self, build: Callable[..., Request], offset: object, limit: object
    ) -> AsyncIterator[ItemT]:
        """The async twin of `pages`."""
        next_offset = offset if isinstance(offset, int) else 0
        page_size = limit if isinstance(limit, int) else self.default_limit
        while True:
            items = self._items(self.unwrap(await self.asend(build(offset=next_offset))))
            for item in items:
                yield item
            next_offset += len(items)
            if len(items) < page_size:
                return


def elapsed_of(response: httpx.Response) -> datetime.timedelta | None:
    """How long the answer took, or None when httpx cannot say (an answer made in memory)."""
    try:
        return response.elapsed
    except RuntimeError:
        return None


__all__ = ["BodyParser", "Endpoint", "ListEndpoint", "Request", "StatusParser", "elapsed_of"]
