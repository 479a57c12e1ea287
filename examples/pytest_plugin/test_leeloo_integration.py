"""Testing your own code against Leeloo without the real API: leeloo-mock's pytest plugin.

Copy this file into your repository's tests/. It needs, in the environment pytest runs in
(from a checkout of leeloo-openapi, or its two wheels: see the README's "Using the mock"):

    pip install path/to/leeloo-openapi                     # leeloo-mock (or its wheel)
    pip install path/to/leeloo-openapi/generated_client    # the client (or its wheel)
    pip install pytest

Nothing else: the plugin registers itself, serves the Leeloo spec shipped with leeloo-mock,
remembers what your code creates (``--stateful``) and starts every test from the spec's seed
data. The fixtures:

- ``leeloo_client``: a ``LeelooClient`` whose requests go to the mock, in process (no socket).
- ``leeloo_mock``: the mock itself (``.client()`` for raw httpx calls, ``.api_url``, ``.reset()``).
- ``leeloo_mock_journal``: what the mock received, with the spec's verdict on each request.
"""

from __future__ import annotations

import httpx
import pytest
from leeloo_client import LeelooClient

from mock_server.testing import Journal, LeelooMock

TOKEN = {"X-Leeloo-AuthToken": "any-token"}  # the mock takes any token unless started with --token


# --- the code under test: in your repository this lives in your application ----------------------


def change_email(client: LeelooClient, person_id: str, email: str) -> str | None:
    """Your application's logic: change someone's e-mail in Leeloo; the address Leeloo now has
    (None when it has none: the field left out, or Leeloo's ``NOT_DEFINED``)."""
    client.people.update(person_id, email=email)
    now = client.people.get(person_id).data.email  # str, or None when the answer leaves it out
    return None if now == "NOT_DEFINED" else now


# --- the tests -----------------------------------------------------------------------------------


def _first_person_id(client: LeelooClient) -> str:
    """Any person of the mock's seed data."""
    return client.people.list(limit=1).data[0].id


def test_the_change_is_remembered(leeloo_client: LeelooClient) -> None:
    person_id = _first_person_id(leeloo_client)
    assert change_email(leeloo_client, person_id, "ada@example.com") == "ada@example.com"


def test_every_test_starts_from_the_seed_data(leeloo_client: LeelooClient) -> None:
    person_id = _first_person_id(leeloo_client)
    assert leeloo_client.people.get(person_id).data.email != "ada@example.com"


def test_the_journal_shows_what_your_code_sent(
    leeloo_client: LeelooClient, leeloo_mock_journal: Journal
) -> None:
    person_id = _first_person_id(leeloo_client)
    change_email(leeloo_client, person_id, "grace@example.com")

    update = leeloo_mock_journal.last("PUT", f"/people/{person_id}")
    assert update["status"] == 200
    assert "grace@example.com" in update["body"]
    leeloo_mock_journal.assert_all_valid()  # every request your code sent followed the spec


def test_a_request_the_spec_forbids_is_caught(leeloo_mock: LeelooMock, leeloo_mock_journal: Journal) -> None:
    with leeloo_mock.client(headers=TOKEN) as http:
        answer = http.get("/people", params={"limit": "many"})  # the spec says limit is a number

    assert answer.status_code == 400
    (refused,) = leeloo_mock_journal.invalid()
    assert refused["violations"], "the journal says which rule the request broke"


def test_the_typed_client_reads_the_mock(leeloo_client: LeelooClient) -> None:
    assert [tag.name for tag in leeloo_client.tags.list().data]


@pytest.mark.leeloo_mock(serve="thread")
def test_code_that_needs_a_real_url(leeloo_mock: LeelooMock) -> None:
    """For code that takes only a URL (another process, a library): the mock on a free port."""
    answer = httpx.get(f"{leeloo_mock.api_url}/tags", headers=TOKEN, timeout=10)
    assert answer.status_code == 200
