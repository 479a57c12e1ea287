"""Fixtures of the workers tests: a real Redis for the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mock_server.stores.redis_server import running_redis


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """``redis://127.0.0.1:PORT/0`` of a real redis-server started for this test session."""
    with running_redis() as url:
        yield url
