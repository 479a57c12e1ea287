"""The server shell's two groups of MockConfig: its limits and who may call it."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BODY_SIZE = 1024 * 1024
# the server's bounds on connections and request heads (see http), and on a body's arrival
DEFAULT_MAX_CONNECTIONS = 512
DEFAULT_IDLE_TIMEOUT = 5.0  # seconds without a byte on a connection with no request in progress
DEFAULT_HEADER_TIMEOUT = 10.0  # seconds for a request line and headers to arrive whole
DEFAULT_BODY_TIMEOUT = 30.0  # seconds for a request body to arrive whole, from its head
DEFAULT_MAX_URL_SIZE = 16 * 1024
DEFAULT_MAX_HEADER_SIZE = 64 * 1024
DEFAULT_JOURNAL_SIZE = 1000  # requests kept for GET /__admin/requests (see admin)
MAX_JOURNAL_SIZE = 100_000
# browsers' pages allowed to call the mock (CORS); see guard for the forms of an entry
DEFAULT_CORS_ORIGINS = (
    "http://localhost:*",
    "http://127.0.0.1:*",
    "http://[::1]:*",
    "https://localhost:*",
    "https://127.0.0.1:*",
    "https://[::1]:*",
)


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """MockConfig's ``limits``: the bounds of the server's connections, request heads and bodies
    (``http`` enforces the connections' and heads', ``app`` the body's) and of its journal."""

    max_body_size: int = DEFAULT_MAX_BODY_SIZE  # larger request bodies get 413
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    max_url_size: int = DEFAULT_MAX_URL_SIZE
    max_header_size: int = DEFAULT_MAX_HEADER_SIZE
    journal_size: int = DEFAULT_JOURNAL_SIZE  # requests kept for /__admin/requests; 0 keeps none


@dataclass(frozen=True, slots=True)
class AccessRules:
    """MockConfig's ``access``: which callers the mock answers (see ``guard``): browsers' origins
    (CORS) and the Host names besides the loopback ones."""

    cors: bool = True  # False: no CORS headers, no preflight answers
    cors_origins: tuple[str, ...] = DEFAULT_CORS_ORIGINS  # "*" allows any origin, without credentials
    # Host names answered besides localhost, 127.0.0.1, [::1] and the connection's own address
    allowed_hosts: tuple[str, ...] = ()
