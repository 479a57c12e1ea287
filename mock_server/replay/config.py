"""The replay's settings: one frozen value, MockConfig's ``replay`` field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mock_server.har import Entry, read_entries

MAX_ENTRIES = 100_000  # exchanges of one capture kept for replay
MAX_BODY_BYTES = 256 * 1024 * 1024  # the request and answer bodies of one capture, all held in memory


@dataclass(frozen=True)
class ReplayConfig:
    """The capture whose answers are replayed, read once (``read``)."""

    path: Path
    entries: tuple[Entry, ...]

    @classmethod
    def read(cls, path: Path, *, max_body_bytes: int = MAX_BODY_BYTES) -> ReplayConfig:
        """Read the capture at ``path``; ``HarError`` (``FILE: entry N: reason``) when it is not one,
        or holds more than ``MAX_ENTRIES`` exchanges or ``max_body_bytes`` of bodies."""
        from mock_server.har import HarError

        entries: list[Entry] = []
        held = 0
        for entry in read_entries(path):
            if len(entries) >= MAX_ENTRIES:
                raise HarError(path, f"more than {MAX_ENTRIES} exchanges: replay a smaller capture")
            held += sum(len(body.data) for body in (entry.request.body, entry.response.body) if body)
            if held > max_body_bytes:
                reason = f"its bodies come to more than {max_body_bytes:,} bytes: replay a smaller capture"
                raise HarError(path, reason, len(entries))
            entries.append(entry)
        return cls(path, tuple(entries))
