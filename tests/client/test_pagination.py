"""Auto-pagination: `iterate`/`aiterate` walk every page once, up to a short or empty page.

Leeloo's `meta.filteredCount` is the size of the page, not the number of matches (the spec's
PageMeta says why), so the walk never stops on it.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from leeloo_client import LeelooClient, ServerError
from leeloo_client.api.orders import list_orders
from leeloo_client.api.people import list_people

from contract_tests._spec import spec_operation, success_example

from ._fake_api import FakeAPI, operation_id_of, problem_response

LIST_OPERATIONS = {
    "list_people": "leeloo_client.api.people.list_people",
    "list_orders": "leeloo_client.api.orders.list_orders",
    "list_tunnels": "leeloo_client.api.tunnels.list_tunnels",
    "list_users": "leeloo_client.api.users.list_users",
    "list_chat_messages": "leeloo_client.api.messages.list_chat_messages",
    "list_communication_channels": "leeloo_client.api.communication_channels.list_communication_channels",
}
DAY = datetime.date(2020, 1, 1)
REQUIRED_ARGUMENTS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "list_people": ((), {"filter_last_message_from": DAY, "filter_last_message_to": DAY}),
    "list_chat_messages": (("5b3f543bb2737000133d25b0",), {}),
}


def paged_answer(
    total: int, *, lie_about_count: int | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    """Serve `total` items of the requested operation, `limit` at a time from `offset`.

    `meta` counts as Leeloo does: `filteredCount` is the number of items in the page (a real
    capture: limit 50, filteredCount 50, totalCount 5607); `lie_about_count` overrides both counts.
    """

    def answer(request: httpx.Request) -> httpx.Response:
        query = dict(parse_qsl(request.url.query.decode()))
        limit, offset = int(query.get("limit", 20)), int(query.get("offset", 0))
        template = success_example(spec_operation(operation_id_of(request)))["data"][0]
        items = [{**template, "id": f"{index:024x}"} for index in range(offset, min(offset + limit, total))]
        filtered, count = (len(items), total) if lie_about_count is None else (lie_about_count,) * 2
        meta = {"limit": limit, "offset": offset, "filteredCount": filtered, "totalCount": count}
        return httpx.Response(200, json={"status": 1, "data": items, "meta": meta})

    return answer


def offsets_of(fake_api: FakeAPI) -> list[int]:
    return [int(dict(parse_qsl(r.url.query.decode()))["offset"]) for r in fake_api.requests]


@pytest.mark.parametrize("operation_id", sorted(LIST_OPERATIONS))
def test_every_list_operation_iterates_over_all_pages_once(
    operation_id: str, client: LeelooClient, fake_api: FakeAPI
) -> None:
    module = importlib.import_module(LIST_OPERATIONS[operation_id])
    args, kwargs = REQUIRED_ARGUMENTS.get(operation_id, ((), {}))
    fake_api.answer = paged_answer(45)

    items = list(module.iterate(*args, client=client, limit=20, **kwargs))

    assert [item.id for item in items] == [f"{index:024x}" for index in range(45)]
    assert offsets_of(fake_api) == [0, 20, 40]


@pytest.mark.parametrize("total", [0, 1, 19, 20, 21, 100])
def test_page_count_is_minimal(total: int, client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = paged_answer(total)

    orders = list(list_orders.iterate(client=client, limit=20))

    assert len(orders) == total
    expected_pages = total // 20 + 1  # a full page cannot tell it is the last: one more is asked for
    assert len(fake_api.requests) == expected_pages
    assert len(set(offsets_of(fake_api))) == len(fake_api.requests)  # no page fetched twice


def test_a_short_page_stops_even_when_meta_promises_more(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = paged_answer(30, lie_about_count=1000)

    orders = list(list_orders.iterate(client=client, limit=20))

    assert len(orders) == 30
    assert offsets_of(fake_api) == [0, 20]


def test_filtered_count_equal_to_the_page_size_does_not_stop_the_walk(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    """Leeloo's filteredCount is the page's size: a walk that trusted it would stop after page one."""
    fake_api.answer = paged_answer(60)

    people = list(list_people.iterate(client=client, limit=20))

    assert len(people) == 60
    assert offsets_of(fake_api) == [0, 20, 40, 60]
    first_page = fake_api.requests[0]
    assert fake_api.handle(first_page).json()["meta"]["filteredCount"] == 20


def test_an_empty_page_stops_the_walk(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = paged_answer(40, lie_about_count=40)

    orders = list(list_orders.iterate(client=client, limit=20))

    assert len(orders) == 40
    assert offsets_of(fake_api) == [0, 20, 40]


def test_iteration_starts_at_the_given_offset_and_keeps_the_filters(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    fake_api.answer = paged_answer(10)

    people = list(
        list_people.iterate(
            client=client,
            limit=4,
            offset=3,
            filter_tags=["vip", "b"],
            filter_last_message_from=DAY,
            filter_last_message_to=DAY,
        )
    )

    assert len(people) == 7
    assert offsets_of(fake_api) == [3, 7]
    for request in fake_api.requests:
        query = parse_qsl(request.url.query.decode())
        assert [v for k, v in query if k == "filter[tags]"] == ["vip", "b"]
        assert ("limit", "4") in query


def test_iteration_is_lazy(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = paged_answer(100)

    iterator = list_orders.iterate(client=client, limit=10)
    first = [next(iterator) for _ in range(10)]

    assert len(first) == 10
    assert len(fake_api.requests) == 1


def test_an_error_page_raises(make_client: Callable[..., LeelooClient], fake_api: FakeAPI) -> None:
    pages = paged_answer(50)

    def fail_second_page(request: httpx.Request) -> httpx.Response:
        if "offset=20" in request.url.query.decode():
            return problem_response(500, "Internal Server Error")
        return pages(request)

    fake_api.answer = fail_second_page
    with pytest.raises(ServerError):
        list(list_orders.iterate(client=make_client(max_retries=0), limit=20))


async def test_async_iteration_walks_the_same_pages(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = paged_answer(45)

    items = [order async for order in list_orders.aiterate(client=client, limit=20)]

    assert len(items) == 45
    assert offsets_of(fake_api) == [0, 20, 40]
    await client.aclose()
