"""A tour of the resource style of `leeloo_client`, sync and async, against a stateful API.

It creates two people from keyword arguments, tags one, comments on it, reads it back with a
per-call timeout (an optional field the answer left out reads None), lists people through
`iterate` and a raw answer, then does the same reads with `AsyncLeelooClient`. Run it against
the stateful mock (``make mock MOCK_ARGS=--stateful``):

    LEELOO_AUTH_TOKEN=any-token LEELOO_BASE_URL=http://127.0.0.1:4010/api/v2 \\
        .venv/bin/python examples/resources_tour.py

It writes to the account it talks to: do not point it at a production account.
"""

from __future__ import annotations

import asyncio
import datetime
import sys

from leeloo_client import AsyncLeelooClient, LeelooClient, LeelooError

LEADGENTOOL_ID = "609290d3e060416cdea6823e"  # a lead-gen tool of the mock's seed data


def today_window() -> tuple[datetime.date, datetime.date]:
    """Yesterday to tomorrow: the people created now, whatever the time zone."""
    today = datetime.datetime.now(datetime.UTC).date()
    return today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)


def sync_tour(client: LeelooClient) -> list[str]:
    """Create, tag, comment on and list people with the sync client; returns the new ids."""
    created = []
    for number in range(2):
        answer = client.people.create(
            name=f"Tour person {number}",
            email=f"tour{number}@example.com",
            phone=f"+3805000099{number:02d}",
            leadgentool_id=LEADGENTOOL_ID,
        )
        person_id = answer.data.person_id
        assert person_id is not None
        created.append(person_id)

    tag = client.tags.list().data[0]
    client.people.add_tag(created[0], tag_id=tag.id)
    client.people.add_comment(created[0], comment="met at the fair", timeout=10)
    person = client.people.get(created[0], timeout=5, extra_headers={"X-Tour": "1"}).data
    domain = person.email.split("@")[1] if person.email is not None else "no e-mail"
    # A channel added by hand has no connection: the answer leaves `connection_id` out.
    connections = [account.connection_id for account in person.accounts or []]
    print(f"{person.name} is tagged {tag.name!r}; e-mail at {domain}, connections {connections}")

    since, until = today_window()
    listed = [
        found.id
        for found in client.people.iterate(
            limit=1, filter_last_message_from=since, filter_last_message_to=until
        )
    ]
    raw = client.people.with_raw_response.list(filter_last_message_from=since, filter_last_message_to=until)
    page = len(raw.parsed.data)
    print(
        f"{len(listed)} people listed one page at a time; a raw page: HTTP {raw.status_code}, {page} people"
    )
    return created


async def async_tour(client: AsyncLeelooClient, person_id: str) -> None:
    """The same reads with the async client."""
    person = (await client.people.get(person_id, timeout=5)).data
    since, until = today_window()
    count = 0
    async for _ in client.people.aiterate(
        limit=1, filter_last_message_from=since, filter_last_message_to=until
    ):
        count += 1
    raw = await client.tags.with_raw_response.list()
    print(f"async: {person.name}, {count} people, tags answered HTTP {raw.status_code}")


def main() -> int:
    """Run both tours; exit 0 when every step worked, 1 on an API error."""
    try:
        with LeelooClient.from_env() as client:
            created = sync_tour(client)
        asyncio.run(_run_async(created[0]))
    except LeelooError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


async def _run_async(person_id: str) -> None:
    async with AsyncLeelooClient.from_env() as client:
        await async_tour(client, person_id)


if __name__ == "__main__":
    sys.exit(main())
