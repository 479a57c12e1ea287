"""pytest run inside the test's own process (pytester), as a user's run loads the mock's plugin.

The run is pytest's own ``main`` with a fresh configuration: the plugin comes in through its
``pytest11`` entry point as in any environment that has ``leeloo-mock`` installed, the user's test
files are collected and run, and the exit code and output are the ones a child would give. What
it saves is a child's start-up (about three seconds of CPU: pytest and every plugin imported
again). The packaging tests run the example once in a child, in a fresh venv.

pytester drops after the run every module the run imported first; the modules the plugin imports
when a fixture is used are imported here beforehand, so that later tests of this process see the
same module (and class) objects.
"""

from __future__ import annotations

import importlib
import importlib.util

import pytest

# what mock_server.pytest_plugin imports lazily, and the client its leeloo_client fixture wires
_IMPORTED_BEFORE = ("httpx", "mock_server.testing", "mock_server.replay.cassettes", "leeloo_client")
# the variables a user's shell may set that change what the plugin does
_USER_ENV = ("LEELOO_BASE_URL", "LEELOO_AUTH_TOKEN")


def run_pytest(pytester: pytest.Pytester, *args: str, **env: str) -> pytest.RunResult:
    """``pytest -p no:cacheprovider ARGS`` in this process, with ``env`` set (and nothing of the
    user's Leeloo variables) for the run only; the output is captured in the result."""
    for name in _IMPORTED_BEFORE:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    with pytest.MonkeyPatch.context() as patch:
        for name in _USER_ENV:
            patch.delenv(name, raising=False)
        for name, value in env.items():
            patch.setenv(name, value)
        # pytest-asyncio warns in a run without its loop-scope setting; this project sets it
        return pytester.runpytest_inprocess(
            "-p", "no:cacheprovider", "-o", "asyncio_default_fixture_loop_scope=function", *args
        )
