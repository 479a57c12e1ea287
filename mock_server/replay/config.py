"""The replay's settings: one frozen value, MockConfig's ``replay`` field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mock_server.har import Entry, read_entries

MAX_ENTRIES = 100_000  # exchanges of one capture kept for replay


@dataclass(frozen=True)
class ReplayConfig:
    """The capture whose answers are replayed, read once (``read``)."""

    path: Path
    entries: tuple[Entry, ...]

    @classmethod
    def read(cls, path: Path) -> ReplayConfig:
        """Read the capture at ``path``; ``HarError`` (``FILE: entry N: reason``) when it is not one."""
        from mock_server.har import HarError

        entries: list[Entry] = []
        for entry in read_entries(path):
            if len(entries) >= MAX_ENTRIES:
                raise HarError(path, f"more than {MAX_ENTRIES} exchanges: replay a smaller capture")
            entries.append(entry)
        return cls(path, tuple(entries))
