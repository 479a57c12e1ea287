"""``--stateful`` under concurrent writes: the final state is exactly the sum of the writes.

Hundreds of create-person, add-tag and create-order requests race over 64 connections to a
real ``leeloo-mock --stateful``; afterwards the counts the API reports and every record read back
must account for each write exactly once (no lost update, no duplicate, no 5xx). The record cap
(``--max-records``) must answer a clear 507 problem and insert nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.stateful.config import StoreLimits
from tests.hardening.conftest import SPEC_PATH, TOKEN_HEADER, MockProcess, run_mock

PEOPLE = 200
ORDERS = 150
TAG_ID = "595f5d522a934035decc093d"
TAG_NAME = "Tag #1"
ALL_TIME = {"filter[last_message][from]": "2000-01-01", "filter[last_message][to]": "2100-01-01"}


def person_body(index: int) -> dict[str, Any]:
    return {
        "name": f"Racer {index}",
        "email": f"racer{index}@example.com",
        "phone": f"+38095{index:07d}",
        "leadgentool_id": "609290d3e060416cdea6823e",
        "connected_users_ids": [],
    }


def order_body(person_id: str) -> dict[str, Any]:
    return {
        "paymentCreditsId": "5e3c3533f04b1f000c27b534",
        "email": "racer@example.com",
        "phone": "+380669999777",
        "transactionDate": "2020-02-04T11:46:48.803Z",
        "offerId": "5e3c357bf04b1f000c27b83a",
        "isNotifyAccount": False,
        "personId": person_id,
        "managerId": "5e1c1236b70fb3331279c444",
    }


@pytest.fixture(scope="module")
def stateful_mock() -> Iterator[MockProcess]:
    with run_mock("--stateful") as running:
        yield running


async def _count_tagged(client: httpx.AsyncClient) -> int:
    """People tagged TAG_NAME, page by page (``filteredCount`` counts a page, as Leeloo's does)."""
    tagged, offset = 0, 0
    while True:
        params: dict[str, str | int] = {**ALL_TIME, "limit": 100, "offset": offset, "filter[tags]": TAG_NAME}
        page = (await client.get("/people", params=params)).json()["data"]
        tagged += len(page)
        offset += 100
        if len(page) < 100:
            return tagged


async def _counts(client: httpx.AsyncClient) -> tuple[int, int, int]:
    """(people, people tagged TAG_NAME, orders) as the list endpoints report them."""
    people = (await client.get("/people", params={**ALL_TIME, "limit": 1})).json()["meta"]
    orders = (await client.get("/orders", params={"limit": 1})).json()["meta"]
    return people["totalCount"], await _count_tagged(client), orders["totalCount"]


async def _race(mock: MockProcess) -> None:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(
        base_url=mock.api, headers=TOKEN_HEADER, limits=limits, timeout=60
    ) as client:
        people_before, tagged_before, orders_before = await _counts(client)

        created = await asyncio.gather(*(client.post("/people", json=person_body(i)) for i in range(PEOPLE)))
        assert [response.status_code for response in created] == [200] * PEOPLE
        person_ids = [response.json()["data"]["person_id"] for response in created]
        assert len(set(person_ids)) == PEOPLE

        # tags (each person twice: adding a tag is idempotent) and orders race each other
        tag_form = {"tag_id": TAG_ID}
        tagging = [client.put(f"/people/{pid}/add-tag", data=tag_form) for pid in person_ids * 2]
        ordering = [client.post("/orders", json=order_body(person_ids[i % PEOPLE])) for i in range(ORDERS)]
        answers = await asyncio.gather(*tagging, *ordering)
        assert [response.status_code for response in answers] == [200] * (2 * PEOPLE + ORDERS)
        order_ids = [response.json()["data"]["id"] for response in answers[2 * PEOPLE :]]
        assert len(set(order_ids)) == ORDERS

        assert await _counts(client) == (
            people_before + PEOPLE,
            tagged_before + PEOPLE,
            orders_before + ORDERS,
        )

        reads = await asyncio.gather(
            *(client.get(f"/people/{pid}", params={"include": "orders"}) for pid in person_ids)
        )
        orders_seen = 0
        for response in reads:
            assert response.status_code == 200
            person = response.json()
            assert person["data"]["tags"] == [TAG_NAME]
            orders_seen += len(person["included"]["orders"])
        assert orders_seen == ORDERS


def test_concurrent_writes_add_up_exactly(stateful_mock: MockProcess) -> None:
    asyncio.run(_race(stateful_mock))
    stateful_mock.assert_serving()
    assert "Traceback" not in stateful_mock.stderr_text()


async def test_record_cap_answers_507_and_inserts_nothing(compiled_spec: CompiledSpec) -> None:
    cap = 25
    limits = StoreLimits(max_records=cap)
    config = MockConfig(spec_path=SPEC_PATH, stateful=True, store_limits=limits, log_requests=False)
    transport = httpx.ASGITransport(app=create_app(config, compiled_spec))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://mock.test/api/v2", headers=TOKEN_HEADER
    ) as client:
        statuses = [(await client.post("/people", json=person_body(i))).status_code for i in range(cap + 5)]
        assert statuses.count(200) >= 1
        first_refusal = statuses.index(507)
        assert set(statuses[first_refusal:]) == {507}  # once full, always full
        refused = await client.post("/people", json=person_body(999))
        assert refused.status_code == 507  # in the shape of the declared 5XX: Leeloo's envelope
        assert refused.json()["status"] == 0
        assert str(cap) in refused.json()["error"]["message"]
        listed = (await client.get("/people", params={**ALL_TIME, "limit": 100})).json()
        assert listed["meta"]["totalCount"] == cap
        assert (await client.get("/tags")).status_code == 200
