"""The one seam between the stateful engine and where its records live.

The engine (``mock_server.stateful.store``) keeps every record it serves in its own memory and
runs each request there, under its lock. A backend is where the records
*really* live: for ``memory`` that is the engine itself (the backend keeps nothing), for
``sqlite`` and ``redis`` a database that several processes, or several hosts, share.

Every change is a new **version** of the whole store. Before each request the engine asks the
backend what changed since the version it holds (:meth:`StoreBackend.changes_since`: nothing, the
changed records, or everything after a reset) and applies it; after a request that changed
records it hands them over with the version it started from (:meth:`StoreBackend.commit`). The
backend applies them in one transaction only if nobody committed in between (optimistic
concurrency); otherwise the engine undoes its change, catches up and runs the request again. So
no write is lost (two workers cannot both build on version 7) and none is doubled (a request is
run again only when its first run was not stored).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

Record = dict[str, Any]
Collections = dict[str, dict[str, Record]]
# a changed record as the engine commits it: (collection, id, record)
ChangedRecord = tuple[str, str, Record]


def encode_record(record: Record) -> str:
    """A record as a backend stores it: compact JSON, ASCII only (a lone surrogate stays escaped)."""
    return json.dumps(record, separators=(",", ":"), default=str)


def decode_records(rows: Iterable[tuple[str, str, str | bytes]]) -> Collections:
    """The ``(collection, id, stored JSON)`` rows a backend read back, by collection, in their order."""
    records: Collections = {}
    for name, record_id, body in rows:
        records.setdefault(name, {})[record_id] = json.loads(body)
    return records


def flat_records(collections: Mapping[str, Mapping[str, Record]]) -> list[ChangedRecord]:
    """Every record of ``collections`` as ``(collection, id, record)``."""
    return [(name, key, record) for name, records in collections.items() for key, record in records.items()]


class StoreError(Exception):
    """The backend cannot be reached or used; the message says which and why (never a password)."""


@dataclass(frozen=True)
class StoreState:
    """What a backend holds, or what changed in it since a version the engine named.

    ``full``: ``records`` is every record (after a start or a reset); else only those changed.
    """

    version: int
    counter: int  # the last generated id's number (``6d6f636b`` + 16 hex digits)
    records: Collections
    full: bool


@dataclass(frozen=True)
class Attached:
    """The backend's state when an engine starts on it, and the collections it already held."""

    state: StoreState
    kept: tuple[str, ...]


class StoreBackend(Protocol):
    """Where the stateful store's records live (memory, SQLite or Redis)."""

    @property
    def shared(self) -> bool:
        """Whether other engines (workers, hosts) may change the records too."""
        ...

    @property
    def description(self) -> str:
        """What the start-up line shows: ``sqlite:///data/mock.db``, a Redis URL without its password."""
        ...

    def attach(self, seeds: Mapping[str, Mapping[str, Record]]) -> Attached:
        """Seed each collection the backend has never held, then everything it holds (atomically)."""
        ...

    def changes_since(self, version: int) -> StoreState | None:
        """None when ``version`` is current; else what changed after it (or all, ``full``)."""
        ...

    def commit(self, version: int, counter: int, records: Sequence[ChangedRecord]) -> int | None:
        """Store ``records`` as the next version if ``version`` is still current; the new
        version, or None when another engine committed first (nothing was stored)."""
        ...

    def reset(self, seeds: Mapping[str, Mapping[str, Record]]) -> int:
        """Every record gone, the seeds in their place, the counter at 0; the new version."""
        ...

    def close(self) -> None:
        """Let go of the connection (the engine is not used after it)."""
        ...
