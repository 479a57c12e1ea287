"""``--store URL``: what it accepts, what it refuses (usage, exit 2), a store it cannot use (exit 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mock_server.stores.config import StoreConfig, StoreUrlError, parse_store_url, spec_namespace, sqlite_path
from tests.mock_server.conftest import SPEC_PATH
from tests.mock_server.stores.redis_server import refusing_port

TIMEOUT_S = 30.0


def run_mock(*arguments: str) -> subprocess.CompletedProcess[str]:
    """``leeloo-mock SPEC --port 0 ARGUMENTS`` to its end (for the ones that stop at once)."""
    return subprocess.run(
        [sys.executable, "-m", "mock_server", str(SPEC_PATH), "--port", "0", *arguments],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("memory", "memory"),
        ("sqlite:///data/mock.db", "sqlite"),
        ("sqlite:////var/lib/mock.db", "sqlite"),
        ("redis://127.0.0.1:6379/0", "redis"),
        ("redis://cache.internal", "redis"),
        ("rediss://:secret@cache.internal:6380/2", "redis"),
    ],
)
def test_store_urls_name_their_backend(url: str, kind: str) -> None:
    store = parse_store_url(url)
    assert store.kind == kind and store.shared is (kind != "memory")


def test_sqlite_paths_are_relative_or_absolute_as_sqlalchemy_writes_them() -> None:
    assert sqlite_path("sqlite:///data/mock.db") == Path("data/mock.db")
    assert sqlite_path("sqlite:////var/lib/mock.db") == Path("/var/lib/mock.db")


def test_a_redis_password_is_never_shown() -> None:
    assert StoreConfig("redis://:hunter2@cache:6379/0").description == "redis://:REDACTED@cache:6379/0"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgres://db/mock", "is not a store"),
        ("sqlite://mock.db", "three slashes"),
        ("sqlite:///", "three slashes"),
        ("sqlite:///:memory:", "not shared"),
        ("redis://", "redis://HOST:PORT/DB"),
        ("redis://cache:port/0", "port is not a number"),
        ("redis://cache:6379/zero", "the database is a number"),
    ],
)
def test_a_store_url_that_names_no_store_is_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(StoreUrlError, match=reason):
        parse_store_url(url)


def test_a_bad_store_is_a_usage_error_on_the_command_line() -> None:
    done = run_mock("--stateful", "--store", "sqlite://mock.db")
    assert done.returncode == 2 and "usage: leeloo-mock" in done.stderr and "three slashes" in done.stderr


def test_a_store_without_stateful_is_a_usage_error(tmp_path: Path) -> None:
    done = run_mock("--store", f"sqlite:///{tmp_path / 'mock.db'}")
    assert done.returncode == 2 and "add --stateful" in done.stderr


def test_a_store_that_cannot_be_used_stops_the_start_with_one_clear_line(tmp_path: Path) -> None:
    with refusing_port() as port:
        done = run_mock("--stateful", "--store", f"redis://:hunter2@127.0.0.1:{port}/0")
    assert done.returncode == 1
    assert f"the store cannot be used: redis://:REDACTED@127.0.0.1:{port}/0: ConnectionError" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout and "Traceback" not in done.stderr
    missing = tmp_path / "no-such-folder" / "mock.db"
    done = run_mock("--stateful", "--store", f"sqlite:///{missing}")
    assert done.returncode == 1 and "cannot open the file" in done.stderr and "Traceback" not in done.stderr


def test_a_specs_namespace_is_its_title_and_a_hash_of_title_and_version() -> None:
    leeloo = spec_namespace({"info": {"title": "Leeloo.ai REST API", "version": "2"}})
    assert leeloo.startswith("leeloo-ai-rest-api-") and leeloo == spec_namespace(
        {"info": {"title": "Leeloo.ai REST API", "version": "2"}, "paths": {"/x": {}}}
    )
    assert leeloo != spec_namespace({"info": {"title": "Leeloo.ai REST API", "version": "3"}})
    assert spec_namespace({}).startswith("spec-")
