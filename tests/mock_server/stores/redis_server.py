"""A real ``redis-server`` for the tests: installed where missing, started on a free port.

Nothing about Redis is faked or skipped: when the binary is missing it is installed with the
system's package manager (``apt-get install -y redis-server``, as root or through ``sudo -n``),
and when that fails the tests that need it fail, saying why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator

import pytest

from bench._stores import running_redis as bench_redis
from mock_server._serving import ServerStartError

INSTALL_TIMEOUT_S = 600


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    return ["sudo", "-n", *command]


def redis_server_binary() -> str:
    """The path of ``redis-server``, installing it first where it is missing."""
    found = shutil.which("redis-server")
    if found:
        return found
    if shutil.which("apt-get") is None:
        pytest.fail(
            "redis-server is missing and there is no apt-get to install it: install Redis to run these tests"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = _as_root(["apt-get", "install", "-y", "--no-install-recommends", "redis-server"])
    done = subprocess.run(install, env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S, check=False)
    if done.returncode != 0:  # an old or empty package list: read it again, once
        subprocess.run(
            _as_root(["apt-get", "update"]), env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S
        )
        done = subprocess.run(install, env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S, check=False)
    found = shutil.which("redis-server")
    if not found:
        reason = done.stderr.decode(errors="replace").strip()[-500:]
        pytest.fail(f"redis-server is missing and `{' '.join(install)}` failed: {reason}")
    return found


@contextlib.contextmanager
def running_redis() -> Iterator[str]:
    """A fresh ``redis-server`` on a free 127.0.0.1 port, nothing saved to disk; yields its URL."""
    binary = redis_server_binary()
    try:
        with bench_redis(binary) as url:
            yield url
    except ServerStartError as exc:
        pytest.fail(f"redis-server did not start: {exc}")


@contextlib.contextmanager
def refusing_port() -> Iterator[int]:
    """A 127.0.0.1 port where nobody listens, for the block: bound here without listening, so a
    connection to it is refused and no other process can take it meanwhile (a port found free
    and let go could be taken before the test connects)."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]
