"""The recording's settings: one frozen value, MockConfig's ``recording`` field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mock_server.har.writer import DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class RecordingConfig:
    """Where the exchanges go (HAR 1.2, or NDJSON for ``.ndjson``), and within what bounds."""

    path: Path
    redact: bool = True  # False only with --record-secrets
    max_bytes: int = DEFAULT_MAX_BYTES  # the file's size; past it recording stops, serving goes on
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES  # a longer body is cut, with a note
