"""Walking a `limit`/`offset` list page by page: what `iterate()` and `aiterate()` share.

A list endpoint's `iterate` (`_operation.ListEndpoint`) hands `walk_pages` a function that fetches
the page at an offset; the walk yields every item, moves the offset by the size of each page and
stops at an empty page or one shorter than the page size. Two guards keep a misbehaving API from
holding the caller in a loop that never ends (a server that ignores `offset` answers every page
full with the same items): a page equal to the one before it, or whose first item is the first
item of the page before it, ends the walk with `PaginationError`, since the offset no longer moves
the data. A `limit` below 1 or a negative `offset` is refused before anything is sent.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TypeVar

from .errors import InvalidParameterError, PaginationError

T = TypeVar("T")


class _Walk:
    """Where a walk is: the next offset, the page size and the page before."""

    def __init__(self, operation: str, limit: object, offset: object, default_limit: int) -> None:
        page_size = default_limit if limit is None else limit
        start = 0 if offset is None else offset
        if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
            raise InvalidParameterError(
                f"{operation}: limit must be a whole number of at least 1, not {limit!r}"
            )
        if isinstance(start, bool) or not isinstance(start, int) or start < 0:
            raise InvalidParameterError(
                f"{operation}: offset must be a whole number of at least 0, not {offset!r}"
            )
        self.operation = operation
        self.start = start
        self.offset = start
        self.page_size = page_size
        self._previous: Sequence[object] = ()
        self._previous_offset = start

    def accept(self, page: Sequence[T]) -> bool:
        """Check `page` (fetched at `self.offset`) and move on; whether another page may follow."""
        if page and self._previous:
            if list(page) == list(self._previous):
                self._stop("repeats the page")
            if page[0] == self._previous[0]:
                self._stop("starts with the first item of the page")
        self._previous = page
        self._previous_offset = self.offset
        self.offset += len(page)
        return len(page) >= self.page_size

    def _stop(self, how: str) -> None:
        raise PaginationError(
            f"{self.operation}: the page at offset {self.offset} {how} at offset {self._previous_offset}; "
            f"the API does not move through the list by `offset`, so the walk stopped after "
            f"{self.offset - self.start} items"
        )


def walk_pages(
    operation: str,
    fetch: Callable[[int], Sequence[T]],
    *,
    limit: object,
    offset: object,
    default_limit: int,
) -> Iterator[T]:
    """Every item of every page `fetch(offset)` returns; the arguments are checked at once."""
    walk = _Walk(operation, limit, offset, default_limit)

    def items() -> Iterator[T]:
        while True:
            page = fetch(walk.offset)
            more = walk.accept(page)
            yield from page
            if not more:
                return

    return items()


def awalk_pages(
    operation: str,
    fetch: Callable[[int], Awaitable[Sequence[T]]],
    *,
    limit: object,
    offset: object,
    default_limit: int,
) -> AsyncIterator[T]:
    """The async twin of `walk_pages`."""
    walk = _Walk(operation, limit, offset, default_limit)

    async def items() -> AsyncIterator[T]:
        while True:
            page = await fetch(walk.offset)
            more = walk.accept(page)
            for item in page:
                yield item
            if not more:
                return

    return items()


__all__ = ["awalk_pages", "walk_pages"]
