"""Cassettes for the pytest plugin: one HAR per test file, under ``cassettes/`` beside it, recorded
through the proxy (secrets redacted, as ``--record`` redacts) and replayed by ``--replay``.

pytest-recording's record modes:

- ``none`` (the default): a cassette that exists is replayed; nothing is recorded and nothing
  leaves the machine (a request the cassette lacks gets the spec's answer).
- ``once``: a cassette that exists is replayed; a missing one is recorded from the upstream.
- ``new_episodes``: the cassette is replayed and what it lacks is forwarded to the upstream
  and added to it.
- ``all``: every request goes to the upstream; the cassette is recorded afresh.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mock_server.har import HarWriter, read_entries
from mock_server.recording.config import RecordingConfig
from mock_server.replay.config import ReplayConfig

RECORD_MODES = ("none", "once", "new_episodes", "all")
CASSETTES_DIR = "cassettes"


def cassette_path(test_file: Path) -> Path:
    """``cassettes/<test file's stem>.har`` beside the test file."""
    return test_file.parent / CASSETTES_DIR / f"{test_file.stem}.har"


def upstream_origin(url: str) -> str:
    """The proxy's upstream for an API URL: ``https://api.leeloo.ai/api/v2`` -> its origin (the
    mock's paths carry the base path already, and the proxy adds them to the upstream's)."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def _records(mode: str, cassette: Path) -> bool:
    return mode == "all" or mode == "new_episodes" or (mode == "once" and not cassette.exists())


@contextlib.contextmanager
def cassette_settings(cassette: Path, mode: str, upstream: str | None) -> Iterator[dict[str, Any]]:
    """The ``MockConfig`` fields of a mock playing ``cassette`` in ``mode`` (empty: a plain mock);
    when the block ends, what ``new_episodes`` recorded is added to the cassette.

    ValueError when the mode needs an upstream and none is given, or is not a mode.
    """
    if mode not in RECORD_MODES:
        raise ValueError(f"the record mode {mode!r} is not one of {', '.join(RECORD_MODES)}")
    replays = cassette.exists() and mode != "all"
    settings: dict[str, Any] = {"replay": ReplayConfig.read(cassette)} if replays else {}
    if not _records(mode, cassette):
        yield settings
        return
    if not upstream:
        raise ValueError(f"the record mode {mode} forwards to the real API: name it (LEELOO_BASE_URL)")
    cassette.parent.mkdir(parents=True, exist_ok=True)
    settings["proxy"] = upstream
    if mode != "new_episodes" or not replays:
        settings["recording"] = RecordingConfig(cassette)
        yield settings
        return
    with tempfile.TemporaryDirectory(prefix="leeloo-episodes-") as scratch:
        episodes = Path(scratch, "new.har")
        settings["recording"] = RecordingConfig(episodes)
        yield settings
        if episodes.exists() and episodes.stat().st_size:
            _append(cassette, episodes)


def _append(cassette: Path, episodes: Path) -> None:
    """Rewrite ``cassette`` with its own entries, then those of ``episodes`` (redacted both)."""
    kept = list(read_entries(cassette))
    added = list(read_entries(episodes))
    if not added:
        return
    scratch = cassette.with_suffix(".har.part")
    with HarWriter(scratch) as writer:
        for entry in (*kept, *added):
            writer.write(entry)
    scratch.replace(cassette)
