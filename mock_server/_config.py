"""The settings of one mock server, as the CLI (or a test) gives them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BODY_SIZE = 1024 * 1024
DEFAULT_MAX_RECORDS = 10_000
DEFAULT_MAX_STORE_BYTES = 64 * 1024 * 1024  # --stateful: the records' size as compact JSON


@dataclass(frozen=True)
class MockConfig:
    """How the mock answers; the defaults are Prism's."""

    spec_path: Path
    dynamic: bool = False
    seed: int | None = None
    stateful: bool = False
    tokens: frozenset[str] | None = None  # None: any non-empty token passes
    errors: bool = False
    cors: bool = True
    proxy: str | None = None
    max_body_size: int = DEFAULT_MAX_BODY_SIZE
    max_records: int = DEFAULT_MAX_RECORDS
    max_store_bytes: int = DEFAULT_MAX_STORE_BYTES
    log_requests: bool = True
