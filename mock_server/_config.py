"""The settings of one mock server, as the CLI (or a test) gives them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mock_server.faults.config import FaultsConfig
    from mock_server.recording.config import RecordingConfig
    from mock_server.replay.config import ReplayConfig

from mock_server.stores.config import StoreConfig
from openapi_document._yaml_positions import DEFAULT_BOUNDS, DocumentBounds

DEFAULT_MAX_BODY_SIZE = 1024 * 1024
DEFAULT_MAX_RECORDS = 10_000
DEFAULT_MAX_UPSTREAM_SIZE = 16 * 1024 * 1024  # --proxy: larger answers (as sent or decoded) are a 502
DEFAULT_UPSTREAM_TIMEOUT = 30.0  # --proxy: seconds for a whole exchange with the upstream, then 504
DEFAULT_UPSTREAM_CONCURRENCY = 64  # --proxy: requests waiting on the upstream at once, then 503
DEFAULT_MAX_STORE_BYTES = 64 * 1024 * 1024  # --stateful: the records' size as compact JSON
# the server's bounds on connections and request heads (see _http), and on a body's arrival
DEFAULT_MAX_CONNECTIONS = 512
DEFAULT_IDLE_TIMEOUT = 5.0  # seconds without a byte on a connection with no request in progress
DEFAULT_HEADER_TIMEOUT = 10.0  # seconds for a request line and headers to arrive whole
DEFAULT_BODY_TIMEOUT = 30.0  # seconds for a request body to arrive whole, from its head
DEFAULT_MAX_URL_SIZE = 16 * 1024
DEFAULT_MAX_HEADER_SIZE = 64 * 1024
DEFAULT_JOURNAL_SIZE = 1000  # requests kept for GET /__admin/requests (see _admin)
MAX_JOURNAL_SIZE = 100_000
DEFAULT_WATCH_INTERVAL = 1.0  # seconds between looks at the spec's file for changes (see _reload)
# browsers' pages allowed to call the mock (CORS); see _guard for the forms of an entry
DEFAULT_CORS_ORIGINS = (
    "http://localhost:*",
    "http://127.0.0.1:*",
    "http://[::1]:*",
    "https://localhost:*",
    "https://127.0.0.1:*",
    "https://[::1]:*",
)


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
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    max_url_size: int = DEFAULT_MAX_URL_SIZE
    max_header_size: int = DEFAULT_MAX_HEADER_SIZE
    cors_origins: tuple[str, ...] = DEFAULT_CORS_ORIGINS  # "*" allows any origin, without credentials
    # Host names answered besides localhost, 127.0.0.1, [::1] and the connection's own address
    allowed_hosts: tuple[str, ...] = ()
    log_requests: bool = True
    error_status: int | None = None  # send Leeloo's error envelopes with this status (e.g. 200)
    max_upstream_size: int = DEFAULT_MAX_UPSTREAM_SIZE
    upstream_timeout: float = DEFAULT_UPSTREAM_TIMEOUT
    upstream_concurrency: int = DEFAULT_UPSTREAM_CONCURRENCY
    allow_refs_under: Path | None = None  # the directory a $ref may name files under (none: refused)
    journal_size: int = DEFAULT_JOURNAL_SIZE  # requests kept for /__admin/requests; 0 keeps none
    faults: FaultsConfig | None = None  # --delay, --fail, --rate-limit, --faults (see mock_server.faults)
    recording: RecordingConfig | None = None  # --record FILE (see mock_server.recording)
    replay: ReplayConfig | None = None  # --replay FILE (see mock_server.replay)
    store: StoreConfig | None = None  # --stateful: where the records live (None: this process's memory)
    spec_bounds: DocumentBounds = DEFAULT_BOUNDS  # --max-spec-size (see mock_server.spec.options)
