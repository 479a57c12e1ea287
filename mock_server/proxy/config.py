"""The proxy's settings: one frozen value, MockConfig's ``proxy`` field (None: no proxy)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_UPSTREAM_SIZE = 16 * 1024 * 1024  # larger answers (as sent or decoded) are a 502
DEFAULT_UPSTREAM_TIMEOUT = 30.0  # seconds for a whole exchange with the upstream, then 504
DEFAULT_UPSTREAM_CONCURRENCY = 64  # requests waiting on the upstream at once, then 503


@dataclass(frozen=True, slots=True)
class ProxyConfig:
    """``--proxy UPSTREAM`` (or ``leeloo-mock proxy SPEC UPSTREAM``) and the bounds of forwarding."""

    upstream: str  # the API forwarded to, an http(s) URL
    errors: bool = False  # refuse violating requests, turn violating answers into a 502
    max_upstream_size: int = DEFAULT_MAX_UPSTREAM_SIZE
    upstream_timeout: float = DEFAULT_UPSTREAM_TIMEOUT
    upstream_concurrency: int = DEFAULT_UPSTREAM_CONCURRENCY
