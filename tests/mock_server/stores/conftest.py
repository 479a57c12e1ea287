"""Fixtures of the store tests: a real Redis for the session, and the three stores to run on.

``engines(n)`` is the heart of the shared suite: ``n`` stateful engines on one store, as ``n``
workers (or hosts) would have. Memory has one engine per process, so there it is the same
engine ``n`` times; SQLite (one file) and Redis (one database) give ``n`` engines with a
connection each, under one namespace of their own per test.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
import yaml

from mock_server.stateful.config import DEFAULT_MAX_STORE_BYTES
from mock_server.stateful.mapping import DEFAULT_RESOURCES_PATH, load_mapping
from mock_server.stateful.store import StatefulStore
from mock_server.stores.memory import MemoryBackend
from mock_server.stores.redis import RedisBackend
from mock_server.stores.seam import StoreBackend
from mock_server.stores.sqlite import SqliteBackend
from tests.mock_server.stateful.test_stateful import SPEC_PATH
from tests.mock_server.stores.redis_server import running_redis

KINDS = ("memory", "sqlite", "redis")
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
MAPPING = load_mapping(DEFAULT_RESOURCES_PATH, SPEC)

OpenBackend = Callable[[str], StoreBackend]


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """``redis://127.0.0.1:PORT/0`` of a real redis-server started for this test session."""
    with running_redis() as url:
        yield url


def backend_opener(kind: str, folder: Path, redis_url: Callable[[], str]) -> OpenBackend:
    """A function giving a new connection (a backend) to one store of ``kind``, by namespace."""
    if kind == "sqlite":
        return lambda namespace: SqliteBackend(folder / "store.db", namespace)
    if kind == "redis":
        url = redis_url()
        return lambda namespace: RedisBackend(url, namespace)
    return lambda namespace: MemoryBackend()


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def open_backend(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[OpenBackend]:
    opened: list[StoreBackend] = []
    opener = backend_opener(kind, tmp_path, lambda: str(request.getfixturevalue("redis_url")))

    def open_one(namespace: str) -> StoreBackend:
        backend = opener(namespace)
        opened.append(backend)
        return backend

    yield open_one
    for backend in opened:
        backend.close()


class Engines(Protocol):
    def __call__(
        self, count: int = 1, *, max_records: int = ..., max_store_bytes: int = ...
    ) -> list[StatefulStore]: ...


def engines_on(open_backend: OpenBackend, kind: str, namespace: str) -> Engines:
    """``engines(n)`` on the store of ``open_backend`` under ``namespace`` (a new call: a restart)."""

    def engines(
        count: int = 1, *, max_records: int = 1_000, max_store_bytes: int = DEFAULT_MAX_STORE_BYTES
    ) -> list[StatefulStore]:
        def one() -> StatefulStore:
            backend = open_backend(namespace)
            return StatefulStore(
                SPEC, MAPPING, max_records=max_records, max_store_bytes=max_store_bytes, backend=backend
            )

        return [one()] * count if kind == "memory" else [one() for _ in range(count)]

    return engines


@pytest.fixture
def engines(open_backend: OpenBackend, kind: str) -> Engines:
    """``engines(n, **limits)``: n engines on one store of this test's own (see the module's doc)."""
    return engines_on(open_backend, kind, uuid.uuid4().hex)
