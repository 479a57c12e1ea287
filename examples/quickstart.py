"""Quickstart for `leeloo_client`: list tags, find a person by e-mail, tag them, send them a message.

Run it against the mock (``make mock`` in another terminal) or the real API:

    LEELOO_AUTH_TOKEN=any-token LEELOO_BASE_URL=http://127.0.0.1:4010 \\
        .venv/bin/python examples/quickstart.py --email feliks@gmail.com

`LEELOO_AUTH_TOKEN` is the account's API token (never printed); `LEELOO_BASE_URL` is optional
(the production API by default).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence

from leeloo_client import LeelooClient, LeelooError
from leeloo_client.models import PersonSummary

# GET /people requires a last-message date range; this one covers any account.
EARLIEST = datetime.date(2000, 1, 1)


def find_person(client: LeelooClient, email: str) -> PersonSummary | None:
    """The first person with this e-mail address; `iterate` pages through every match."""
    matches = client.people.iterate(
        filter_email=email,
        filter_last_message_from=EARLIEST,
        filter_last_message_to=datetime.datetime.now(datetime.UTC).date(),
    )
    return next(matches, None)


def run(client: LeelooClient, email: str, text: str) -> int:
    """The quickstart's steps; returns the exit status."""
    tags = client.tags.list().data
    print(f"{len(tags)} tags: {', '.join(tag.name for tag in tags)}")
    if not tags:
        print("the account has no tags to put on a person", file=sys.stderr)
        return 1

    person = find_person(client, email)
    if person is None:
        print(f"nobody has the e-mail address {email}", file=sys.stderr)
        return 1
    print(f"found {person.name} ({person.id})")

    client.people.add_tag(person.id, tag_id=tags[0].id)
    print(f"tagged {person.name} with {tags[0].name!r}")

    accounts = person.accounts if isinstance(person.accounts, list) else []
    if not accounts:
        print(f"{person.name} has no communication channel to write to", file=sys.stderr)
        return 1
    channel = accounts[0]
    client.messages.send(account_id=channel.account_id, text=text)
    print(f"sent {text!r} to {person.name} through {channel.from_}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point: exit 0 when every step worked, 1 on an API error, 2 on bad usage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--email", default="feliks@gmail.com", help="whom to look for (default: %(default)s)")
    parser.add_argument("--text", default="Hello from leeloo_client!", help="the message to send")
    args = parser.parse_args(argv)
    try:
        with LeelooClient.from_env() as client:
            return run(client, args.email, args.text)
    except LeelooError as error:  # the message names the operation and status, never the token
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
