"""The settings of one mock server, as the CLI (or a test) gives them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BODY_SIZE = 1024 * 1024
DEFAULT_MAX_RECORDS = 10_000
DEFAULT_MAX_UPSTREAM_SIZE = 16 * 1024 * 1024  # --proxy: larger answers (as sent or decoded) are a 502
DEFAULT_UPSTREAM_TIMEOUT = 30.0  # --proxy: seconds for a whole exchange with the upstream, then 504
DEFAULT_UPSTREAM_CONCURRENCY = 64  # --proxy: requests waiting on the upstream at once, then 503


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
    log_requests: bool = True
    error_status: int | None = None  # send Leeloo's error envelopes with this status (e.g. 200)
    max_upstream_size: int = DEFAULT_MAX_UPSTREAM_SIZE
    upstream_timeout: float = DEFAULT_UPSTREAM_TIMEOUT
    upstream_concurrency: int = DEFAULT_UPSTREAM_CONCURRENCY
    allow_refs_under: Path | None = None  # the directory a $ref may name files under (none: refused)
