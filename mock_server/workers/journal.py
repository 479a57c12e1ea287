"""One request journal across the workers: ``/__admin/requests`` answers for all of them.

Each worker keeps the requests it served (as ``RequestJournal`` does, at no extra cost per
request) and listens on a Unix socket of its own, in a folder only the supervisor and its
workers know. The worker that gets ``GET /__admin/requests`` asks every other one for its
entries and answers with all of them, oldest first, numbered as one journal and cut to the
journal's capacity; ``DELETE /__admin/requests`` and ``POST /__admin/reset`` empty every
worker's (over ``mock_server.workers.peers``). A worker that does not answer in time (one being
restarted) is left out, and ``meta.workersAnswered`` says so. Each entry names the ``worker``
that served it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mock_server.server.admin import PAGE_BYTES, RequestJournal
from mock_server.stages.problems import encode
from mock_server.workers.peers import Peers


class WorkerJournal(RequestJournal):
    """This worker's journal, read and cleared together with the other workers' (``peers``)."""

    def __init__(self, capacity: int, peers: Peers) -> None:
        super().__init__(capacity)
        self.index = peers.index
        self.peers = peers
        peers.answer("journal", lambda _: self.local_json())
        peers.answer("clear", self._clear_asked)

    # ---- what this worker holds ---------------------------------------------------------------

    def local_json(self) -> dict[str, Any]:
        """This worker's entries, each with ``worker``: its number (0 to N-1)."""
        journal = RequestJournal.as_json(self)
        for entry in journal["requests"]:
            entry["worker"] = self.index
        return journal

    def local_clear(self) -> None:
        RequestJournal.clear(self)

    def _clear_asked(self, _: object) -> str:
        self.local_clear()
        return "ok"

    # ---- the journal of every worker ----------------------------------------------------------

    def as_json(self, limit: int | None = None) -> dict[str, Any]:
        parts = [self.local_json()]
        parts += [reply for reply in self.peers.ask_others("journal") if isinstance(reply, dict)]
        return merged(parts, self.capacity, limit, self.peers.count)

    def page(self, limit: int | None = None, after: int = 0, max_bytes: int = PAGE_BYTES) -> bytes:
        """``GET /__admin/requests`` for every worker: the merged journal (each worker's bounded in
        count and bytes), the entries numbered past ``after``; not cut into pages."""
        journal = self.as_json(limit)
        if after:
            journal["requests"] = [entry for entry in journal["requests"] if entry["number"] > after]
        return encode(journal)

    def clear(self) -> None:
        self.local_clear()
        self.peers.ask_others("clear")


def merged(parts: Sequence[dict[str, Any]], capacity: int, limit: int | None, workers: int) -> dict[str, Any]:
    """The journals of several workers as one: oldest first, numbered in order, at most ``capacity``."""
    entries = sorted((entry for part in parts for entry in part["requests"]), key=lambda e: e["loggedAt"])
    total = sum(int(part["meta"]["total"]) for part in parts)
    kept = entries[len(entries) - capacity :] if capacity else []
    dropped = total - len(kept)
    for number, entry in enumerate(kept, start=dropped + 1):
        entry["number"] = number
    shown = kept if limit is None else kept[len(kept) - limit :] if limit else []
    return {
        "meta": {
            "total": total,
            "kept": len(kept),
            "dropped": dropped,
            "capacity": capacity,
            "workers": workers,
            "workersAnswered": len(parts),
        },
        "requests": shown,
    }
