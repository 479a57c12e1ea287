"""Shared fixtures: the project's spec compiled once, and in-process clients of the mock.

A client reaches the mock the one way tests run it in process (``mock_server.testing``): an
httpx client over the app's in-process transport, with relative URLs from the mock's origin.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server import (
    CompiledSpec,
    MockConfig,
    Spec,
    compile_spec,
    create_app,
    default_spec_path,
    load_spec,
)
from mock_server.testing import app_in_process

__all__ = ["OBJECT_ID", "SPEC_PATH", "TOKEN_HEADER", "ClientFactory", "MockClient"]

SPEC_PATH = default_spec_path()
TOKEN_HEADER = {"X-Leeloo-AuthToken": "any-token"}
OBJECT_ID = "5b3f543bb2737000133d25b0"


@pytest.fixture(scope="session")
def spec() -> Spec:
    return load_spec(SPEC_PATH)


@pytest.fixture(scope="session")
def compiled(spec: Spec) -> CompiledSpec:
    return compile_spec(spec)


MockClient = httpx.Client
"""What a test talks to the mock with: an httpx client whose relative URLs go to its origin."""

ClientFactory = Callable[..., MockClient]


@pytest.fixture
def make_client(compiled: CompiledSpec) -> Iterator[ClientFactory]:
    """Clients of the mock with the given MockConfig fields (the project spec by default)."""
    with contextlib.ExitStack() as running:

        def factory(**settings: Any) -> MockClient:
            path = settings.pop("spec_path", SPEC_PATH)
            config = MockConfig.from_options(Path(path), **settings)
            mock = running.enter_context(
                app_in_process(create_app(config, compiled if path == SPEC_PATH else None))
            )
            return running.enter_context(mock.client(base_url=mock.url))

        yield factory


@pytest.fixture
def client(make_client: ClientFactory) -> MockClient:
    return make_client()
