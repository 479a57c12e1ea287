"""`iterate()` against an API that does not page: it must end, with an error that says why.

The answers are made up by an `httpx.MockTransport` from the spec's own example of the list, and
the transport refuses to answer past `MAX_REQUESTS`: an unfixed walk fails the test with that
refusal instead of looping for ever.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from leeloo_client import AsyncLeelooClient, InvalidParameterError, LeelooClient, PaginationError
from leeloo_client.api.people import list_people

from contract_tests._spec import spec_operation, success_example

TOKEN = "tok-LOOPS-SECRET"
MAX_REQUESTS = 50


class Counted:
    """A MockTransport handler that counts requests and gives up after MAX_REQUESTS."""

    def __init__(self, answer: Callable[[int, int], list[dict[str, Any]]]) -> None:
        self.answer = answer
        self.offsets: list[int] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if len(self.offsets) >= MAX_REQUESTS:
            raise RuntimeError(f"the client sent more than {MAX_REQUESTS} requests")
        query = dict(parse_qsl(request.url.query.decode()))
        limit, offset = int(query.get("limit", 20)), int(query.get("offset", 0))
        self.offsets.append(offset)
        items = self.answer(limit, offset)
        meta = {"limit": limit, "offset": offset, "filteredCount": len(items), "totalCount": 10**6}
        return httpx.Response(200, json={"status": 1, "data": items, "meta": meta})


def person(number: int) -> dict[str, Any]:
    template: dict[str, Any] = success_example(spec_operation("list_people"))["data"][0]
    return {**template, "id": f"{number:024x}"}


def ignores_offset(limit: int, offset: int) -> list[dict[str, Any]]:
    """The issue's server: every page full, with the same items, whatever the offset."""
    return [person(index) for index in range(limit)]


def drifts_by_one(limit: int, offset: int) -> list[dict[str, Any]]:
    """A server that ignores offset but adds one new item at the end of each page."""
    return [person(index) for index in range(limit - 1)] + [person(1000 + offset)]


def sync_client(handler: Counted) -> LeelooClient:
    return LeelooClient(token=TOKEN, transport=httpx.MockTransport(handler), max_retries=0)


@pytest.mark.parametrize("answer", [ignores_offset, drifts_by_one], ids=["same-page", "same-first-item"])
def test_iterate_stops_when_the_api_ignores_offset(
    answer: Callable[[int, int], list[dict[str, Any]]],
) -> None:
    handler = Counted(answer)
    with sync_client(handler) as client, pytest.raises(PaginationError) as raised:
        for _ in client.people.iterate(limit=20):
            pass
    assert handler.offsets == [0, 20]  # the second page gave it away
    assert "offset 20" in str(raised.value) and "list_people" in str(raised.value)


def test_aiterate_stops_when_the_api_ignores_offset() -> None:
    handler = Counted(ignores_offset)

    async def walk() -> int:
        seen = 0
        async with AsyncLeelooClient(
            token=TOKEN, async_transport=httpx.MockTransport(handler), max_retries=0
        ) as client:
            async for _ in client.people.aiterate(limit=5):
                seen += 1
        return seen

    with pytest.raises(PaginationError):
        asyncio.run(walk())
    assert handler.offsets == [0, 5]


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (20, -1)])
def test_iterate_refuses_a_limit_below_one_before_sending(limit: int, offset: int) -> None:
    handler = Counted(lambda limit, offset: [])
    async_client = AsyncLeelooClient(token=TOKEN, async_transport=httpx.MockTransport(handler))
    with sync_client(handler) as client:
        with pytest.raises(InvalidParameterError):
            client.people.iterate(limit=limit, offset=offset)
        with pytest.raises(InvalidParameterError):
            list_people.iterate(client=client, limit=limit, offset=offset)
        with pytest.raises(InvalidParameterError):
            async_client.people.aiterate(limit=limit, offset=offset)
    assert handler.offsets == []


def test_iterate_still_walks_a_list_that_pages() -> None:
    handler = Counted(
        lambda limit, offset: [person(index) for index in range(offset, min(offset + limit, 45))]
    )
    with sync_client(handler) as client:
        ids = [item.id for item in client.people.iterate(limit=20)]
    assert ids == [f"{index:024x}" for index in range(45)]
    assert handler.offsets == [0, 20, 40]
