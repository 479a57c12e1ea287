"""``--store memory`` (the default): the records live in the engine of one process only.

The backend keeps nothing: the engine's own memory is the store. Commits always succeed and
nothing ever changes behind the engine's back: the engine alone decides every answer. With
``--workers`` above 1 each worker would have a store of its own, so the command line refuses
that pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mock_server.stores.seam import Attached, ChangedRecord, Record, StoreState


class MemoryBackend:
    """The engine's own memory; one process, gone at exit."""

    shared = False
    description = "memory"

    def __init__(self) -> None:
        self._version = 0

    def attach(self, seeds: Mapping[str, Mapping[str, Record]]) -> Attached:
        records = {name: dict(found) for name, found in seeds.items()}
        return Attached(StoreState(self._version, 0, records, full=True), ())

    def changes_since(self, version: int) -> StoreState | None:
        return None

    def commit(self, version: int, counter: int, records: Sequence[ChangedRecord]) -> int:
        self._version += 1
        return self._version

    def reset(self, seeds: Mapping[str, Mapping[str, Record]]) -> int:
        self._version += 1
        return self._version

    def close(self) -> None:
        pass
