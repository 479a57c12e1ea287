"""Pagination through the client against ``leeloo-mock --stateful``: every page once, to the end.

More than two pages of people are created through the client first; ``iterate``/``aiterate``
must then yield each of them exactly once, asking for each page exactly once.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator

import httpx
import pytest
from leeloo_client import LeelooClient
from leeloo_client.api.people import create_person, list_people
from leeloo_client.models import CreatePersonRequest

from contract_tests._settings import BASE_PATH, TOKEN
from contract_tests._tally import TALLY
from contract_tests.test_client_against_mock import AsyncCountingTransport, CountingTransport
from mock_server.testing import LeelooMock

PAGE = 20
CREATED = 2 * PAGE + 7  # three pages, the last one partial
LEADGENTOOL_ID = "609290d3e060416cdea6823e"


def _create_people(client: LeelooClient) -> set[str]:
    ids = set()
    for number in range(CREATED):
        answer = create_person.sync(
            client=client,
            body=CreatePersonRequest(
                name=f"Paged person {number}",
                email=f"paged{number}@example.com",
                phone=f"+38050000{number:04d}",
                leadgentool_id=LEADGENTOOL_ID,
            ),
        )
        assert answer.data.person_id is not None
        ids.add(answer.data.person_id)
    TALLY.client_calls["pagination"] += CREATED
    return ids


@pytest.fixture(scope="module")
def created_people(stateful_mock_process: LeelooMock) -> Iterator[set[str]]:
    """The ids of the people created through the client in this module's stateful mock."""
    with LeelooClient(token=TOKEN, base_url=stateful_mock_process.url + BASE_PATH) as client:
        yield _create_people(client)


def _window() -> tuple[datetime.date, datetime.date]:
    today = datetime.datetime.now(datetime.UTC).date()
    return today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)


def test_iterate_walks_every_page_of_a_stateful_list_once(
    stateful_mock_process: LeelooMock, created_people: set[str]
) -> None:
    transport = CountingTransport()
    base_url = stateful_mock_process.url + BASE_PATH
    since, until = _window()
    with LeelooClient(token=TOKEN, base_url=base_url, transport=transport) as client:
        listed = [
            person.id
            for person in list_people.iterate(
                client=client, limit=PAGE, filter_last_message_from=since, filter_last_message_to=until
            )
        ]

    assert len(listed) == len(set(listed)), "a person was yielded twice"
    assert set(listed) == created_people  # the docs' seed people talked in 2020: outside the window
    pages = [attempt for attempt in transport.attempts if attempt == f"GET {BASE_PATH}/people"]
    assert len(pages) == math.ceil(CREATED / PAGE)
    TALLY.client_calls["pagination"] += len(pages)


async def test_aiterate_walks_every_page_of_a_stateful_list_once(
    stateful_mock_process: LeelooMock, created_people: set[str]
) -> None:
    base_url = stateful_mock_process.url + BASE_PATH
    transport = AsyncCountingTransport()
    since, until = _window()
    async with LeelooClient(token=TOKEN, base_url=base_url, async_transport=transport) as client:
        listed = [
            person.id
            async for person in list_people.aiterate(
                client=client, limit=PAGE, filter_last_message_from=since, filter_last_message_to=until
            )
        ]

    assert sorted(listed) == sorted(created_people)
    assert len(transport.attempts) == math.ceil(CREATED / PAGE)
    TALLY.client_calls["pagination"] += len(transport.attempts)


def test_a_page_past_the_end_is_empty_and_ends_the_walk(
    stateful_mock_process: LeelooMock, created_people: set[str]
) -> None:
    base_url = stateful_mock_process.url + BASE_PATH
    since, until = _window()
    with LeelooClient(token=TOKEN, base_url=base_url) as client:
        page = list_people.sync(
            client=client, offset=10_000, filter_last_message_from=since, filter_last_message_to=until
        )
        walked = list(
            list_people.iterate(
                client=client, offset=10_000, filter_last_message_from=since, filter_last_message_to=until
            )
        )
    assert page.data == [] and walked == []
    assert page.meta.offset == 10_000


def test_counting_transport_counts_what_is_sent() -> None:
    # The page counts above rely on it: a transport that sees nothing would make them vacuous.
    transport = CountingTransport()
    transport.inner = httpx.MockTransport(lambda request: httpx.Response(204))  # type: ignore[assignment]
    with httpx.Client(transport=transport, base_url="http://testserver") as raw:
        raw.get("/one")
        raw.get("/two")
    assert transport.attempts == ["GET /one", "GET /two"]
