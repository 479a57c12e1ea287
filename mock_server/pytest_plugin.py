"""pytest plugin of ``leeloo-mock`` (entry point ``pytest11``): fixtures for a project's own tests.

- ``leeloo_mock``: a :class:`mock_server.testing.LeelooMock` serving Leeloo's spec (or the one
  ``--leeloo-mock-spec`` names), ``--stateful`` unless told otherwise, in process (no socket)
  by default. ``.client()`` / ``.async_client()`` give httpx clients wired to it, ``.api_url``
  is its base URL, ``.reset()`` puts the store back to its seed.
- ``leeloo_client``: a ``leeloo_client.LeelooClient`` wired to that mock (needs the
  ``leeloo-client`` package; the test fails saying so without it).
- ``leeloo_mock_journal``: the requests the mock received, with their validation outcome.

Settings, on the command line or as ini options (``[tool.pytest.ini_options]``):

============================  =========================  ===============================================
command line                  ini                        meaning
============================  =========================  ===============================================
``--leeloo-mock-spec PATH``   ``leeloo_mock_spec``       the OpenAPI document (default: Leeloo's, shipped)
``--leeloo-mock-scope S``     ``leeloo_mock_scope``      ``function`` (a fresh mock per test, default)
                                                         or ``session`` (one mock for the whole run,
                                                         reset to the seed before each test)
``--leeloo-mock-serve HOW``   ``leeloo_mock_serve``      ``in-process`` (default), ``thread`` (a real
                                                         port) or ``process`` (the command line)
``--leeloo-mock-stateless``   ``leeloo_mock_stateful``   ``--stateful`` off (ini: ``false``)
``--leeloo-record-mode M``    ``leeloo_record_mode``     ``none`` (default: a test file's cassette is
                                                         replayed, nothing leaves the machine),
                                                         ``once``, ``new_episodes`` or ``all``
``--leeloo-record-upstream``  ``leeloo_record_upstream`` the API recorded from (default
                                                         ``$LEELOO_BASE_URL``, else the spec's server)
============================  =========================  ===============================================

Cassettes: ``cassettes/<test file>.har`` beside each test file (HAR 1.2, secrets redacted as
``--record`` redacts them). Where one exists, ``leeloo_mock`` replays it (``--replay``) with one
mock for the whole file; the record modes are pytest-recording's (see
``mock_server.replay.cassettes``).

Faults for one test: ``with leeloo_mock.faults(fail="1:503"):`` or
``@pytest.mark.leeloo_faults(fail="0.5:reset", delay="uniform:10-50", operation="list_tags")``
(the entry ``POST /__admin/faults`` takes; the start-up faults again after the test).

A test can ask for its own mock with ``@pytest.mark.leeloo_mock(serve="thread", dynamic=True,
stateful=False, ...)`` (keywords of ``MockConfig``); in session scope such a test gets a mock
of its own all the same.

Nothing heavy is imported until a fixture is used: the plugin loads with every pytest run of
an environment that has ``leeloo-mock`` installed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest

if TYPE_CHECKING:
    from mock_server.testing import Journal, LeelooMock

# mock_server.replay.cassettes.RECORD_MODES (a test keeps them equal): importing it here would load the
# whole mock into every pytest run
RECORD_MODES = ("none", "once", "new_episodes", "all")
UPSTREAM_ENV_VAR = "LEELOO_BASE_URL"
DEFAULT_UPSTREAM = "https://api.leeloo.ai/api/v2"  # the spec's server
SCOPES = ("function", "session")
SERVES = ("in-process", "thread", "process")
MOCK_TOKEN = "leeloo-mock-token"  # any non-empty token passes a mock started without --token


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("leeloo-mock", "leeloo-mock fixtures (leeloo_mock, leeloo_client)")
    group.addoption("--leeloo-mock-spec", metavar="PATH", help="the spec to mock (default: Leeloo's)")
    group.addoption("--leeloo-mock-scope", choices=SCOPES, help="a mock per test (function) or per run")
    group.addoption("--leeloo-mock-serve", choices=SERVES, help="in-process (default), thread or process")
    group.addoption(
        "--leeloo-mock-stateless", action="store_true", default=None, help="serve without --stateful"
    )
    parser.addini("leeloo_mock_spec", "the spec leeloo_mock serves (default: Leeloo's)", default="")
    parser.addini("leeloo_mock_scope", "function or session", default="function")
    parser.addini("leeloo_mock_serve", "in-process, thread or process", default="in-process")
    parser.addini("leeloo_mock_stateful", "serve with --stateful", type="bool", default=True)
    group.addoption("--leeloo-record-mode", choices=RECORD_MODES, help="cassettes: none (default), once...")
    group.addoption("--leeloo-record-upstream", metavar="URL", help="the API cassettes are recorded from")
    parser.addini("leeloo_record_mode", "none, once, new_episodes or all", default="none")
    parser.addini("leeloo_record_upstream", "the API cassettes are recorded from", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "leeloo_mock(serve=..., **MockConfig fields): a mock of this test's own for leeloo_mock"
    )
    config.addinivalue_line(
        "markers",
        "leeloo_faults(operation=, delay=, fail=, rate_limit=): faults of leeloo_mock for this test",
    )
    for name, allowed in (("mock_scope", SCOPES), ("mock_serve", SERVES), ("record_mode", RECORD_MODES)):
        value = _setting(config, name)
        if value not in allowed:
            raise pytest.UsageError(f"leeloo_{name} is {value!r}; it must be one of {', '.join(allowed)}")


def _setting(config: pytest.Config, name: str) -> Any:
    """The command line's ``--leeloo-NAME`` when given, else the ini's ``leeloo_NAME``."""
    given = config.getoption(f"leeloo_{name}", default=None)
    return given if given is not None else config.getini(f"leeloo_{name}")


def _scope(fixture_name: str, config: pytest.Config) -> Literal["function", "session"]:
    return "session" if _setting(config, "mock_scope") == "session" else "function"


@contextlib.contextmanager
def _started(config: pytest.Config, overrides: dict[str, Any]) -> Iterator[LeelooMock]:
    from mock_server import testing

    overrides = dict(overrides)
    serve = overrides.pop("serve", None) or _setting(config, "mock_serve")
    if serve not in SERVES:
        raise pytest.UsageError(f"leeloo_mock(serve={serve!r}): it must be one of {', '.join(SERVES)}")
    spec_setting = _setting(config, "mock_spec")
    spec = Path(config.rootpath, spec_setting) if spec_setting else None
    stateless = config.getoption("leeloo_mock_stateless", default=None)
    stateful = bool(config.getini("leeloo_mock_stateful")) if stateless is None else not stateless
    overrides.setdefault("stateful", stateful)
    if serve == "process":
        from mock_server.cli import command_line_options

        try:
            flags = command_line_options(overrides)
        except TypeError as exc:
            raise pytest.UsageError(f"leeloo_mock(serve='process'): {exc}") from exc
        with testing.in_child_process(*flags, spec=spec) as mock:
            yield mock
        return
    mock_config = testing.mock_config(spec, **overrides)
    start = testing.in_process if serve == "in-process" else testing.in_thread
    with start(mock_config) as mock:
        yield mock


@pytest.fixture(scope=_scope)
def _leeloo_mock_shared(request: pytest.FixtureRequest) -> Iterator[LeelooMock]:
    with _started(request.config, {}) as mock:
        yield mock


@contextlib.contextmanager
def _cassette(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """The MockConfig fields of this test file's cassette in the record mode (empty: none)."""
    from mock_server.replay.cassettes import cassette_path, cassette_settings, upstream_origin

    config = request.config
    upstream = _setting(config, "record_upstream") or os.environ.get(UPSTREAM_ENV_VAR, "").strip()
    cassette = cassette_path(Path(request.path))
    try:
        with cassette_settings(
            cassette, _setting(config, "record_mode"), upstream_origin(upstream or DEFAULT_UPSTREAM)
        ) as found:
            yield found
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


@pytest.fixture(scope="module")
def _leeloo_mock_cassette(request: pytest.FixtureRequest) -> Iterator[LeelooMock | None]:
    """One mock for a test file with a cassette (or recording one); None for the others."""
    with _cassette(request) as settings:
        if not settings:
            yield None
            return
        with _started(request.config, settings) as mock:
            yield mock


@contextlib.contextmanager
def _faults_marked(request: pytest.FixtureRequest, mock: LeelooMock) -> Iterator[None]:
    marker = request.node.get_closest_marker("leeloo_faults")
    if marker is None:
        yield
        return
    if marker.args:
        raise pytest.UsageError("leeloo_faults(...) takes keywords only, e.g. leeloo_faults(fail='1:503')")
    with mock.faults(**marker.kwargs):
        yield


@pytest.fixture
def leeloo_mock(request: pytest.FixtureRequest) -> Iterator[LeelooMock]:
    """The mock for this test: its own when marked ``leeloo_mock(...)``, its file's when the file
    has a cassette, else the shared one; with the faults of a ``leeloo_faults(...)`` marker."""
    marker = request.node.get_closest_marker("leeloo_mock")
    if marker is not None:
        if marker.args:
            raise pytest.UsageError("leeloo_mock(...) takes keywords only, e.g. leeloo_mock(serve='thread')")
        with _started(request.config, dict(marker.kwargs)) as mock, _faults_marked(request, mock):
            yield mock
        return
    mock = request.getfixturevalue("_leeloo_mock_cassette")
    if mock is None:
        mock = request.getfixturevalue("_leeloo_mock_shared")
        if _scope("leeloo_mock", request.config) == "session":
            mock.reset()  # one server for the run, but every test starts from the seed data
    with _faults_marked(request, mock):
        yield mock


@pytest.fixture
def leeloo_mock_journal(leeloo_mock: LeelooMock) -> Journal:
    """The requests ``leeloo_mock`` received, with the spec's verdict on each."""
    from mock_server.testing import Journal

    return Journal(leeloo_mock)


@pytest.fixture
def leeloo_client(leeloo_mock: LeelooMock) -> Iterator[Any]:
    """A ``LeelooClient`` whose requests go to ``leeloo_mock`` (no retries, a placeholder token)."""
    if importlib.util.find_spec("leeloo_client") is None:
        pytest.fail(
            "the leeloo_client fixture needs the leeloo-client package (generated_client/ of the "
            "leeloo-openapi repository) installed beside leeloo-mock",
            pytrace=False,
        )
    from leeloo_client import LeelooClient

    client = LeelooClient(
        token=MOCK_TOKEN,
        base_url=leeloo_mock.api_url,
        max_retries=0,
        transport=leeloo_mock.transport,
        async_transport=leeloo_mock.async_transport,
    )
    try:
        yield client
    finally:
        client.close()
