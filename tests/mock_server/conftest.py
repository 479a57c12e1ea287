"""Shared fixtures: the project's spec compiled once, and in-process clients of the mock."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette 1.x nudges towards httpx2, which is not installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from mock_server import (
    CompiledSpec,
    MockConfig,
    Spec,
    compile_spec,
    create_app,
    default_spec_path,
    load_document,
)

__all__ = ["OBJECT_ID", "SPEC_PATH", "TOKEN_HEADER", "ClientFactory", "TestClient"]

SPEC_PATH = default_spec_path()
TOKEN_HEADER = {"X-Leeloo-AuthToken": "any-token"}
OBJECT_ID = "5b3f543bb2737000133d25b0"


@pytest.fixture(scope="session")
def spec() -> Spec:
    return Spec(load_document(SPEC_PATH))


@pytest.fixture(scope="session")
def compiled(spec: Spec) -> CompiledSpec:
    return compile_spec(spec)


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(compiled: CompiledSpec) -> Iterator[ClientFactory]:
    """A TestClient of the mock with the given MockConfig fields (the project spec by default)."""
    clients: list[TestClient] = []

    def factory(**settings: Any) -> TestClient:
        path = settings.pop("spec_path", SPEC_PATH)
        config = MockConfig(spec_path=Path(path), **settings)
        app = create_app(config, compiled if path == SPEC_PATH else None)
        client = TestClient(app, raise_server_exceptions=False)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    return make_client()
