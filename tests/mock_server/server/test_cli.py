"""The command line: bad arguments, bad specs, and a real server started, used and stopped."""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server._serving import serving_command
from mock_server.cli import main

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "argv",
    [
        ["--port", "99999"],
        ["--port", "x"],
        ["--max-body-size", "0"],
        ["--proxy", "ftp://x"],
        ["--max-upstream-size", "0"],
        ["--upstream-timeout", "0"],
        ["--upstream-timeout", "nan"],
        ["--upstream-timeout", "soon"],
        ["--max-upstream-concurrency", "x"],
        ["--log-level", "loud"],
        ["--token", ""],
        ["--bogus"],
    ],
)
def test_bad_arguments_exit_2_with_usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: leeloo-mock" in err
    assert "invalid _" not in err  # argparse's wording for a bare ValueError of a type function


@pytest.fixture(autouse=True)
def _private_check_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "check-cache"))


def test_bad_spec_exits_1_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.1.0\ninfo:\n  title: t\npaths:\n  /x:\n    get:\n      responses: 7\n")
    assert main([str(spec)]) == 1
    err = capsys.readouterr().err
    assert f"{spec}:" in err
    assert "cannot be mocked" in err


def test_missing_spec_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.yaml")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_no_spec_named_and_none_found_exits_2_with_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("mock_server.cli.default_spec_path", lambda: tmp_path / "spec" / "openapi.yaml")
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: leeloo-mock" in err
    assert "LEELOO_MOCK_SPEC" in err


def test_stateful_reads_the_mapping_beside_the_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another spec, in another folder, does not borrow this repository's mapping."""
    spec = tmp_path / "openapi.yaml"
    shutil.copy(REPO / "spec" / "openapi.yaml", spec)
    assert main([str(spec), "--stateful", "--port", "0"]) == 1
    missing = f"{tmp_path / 'mock-resources.yaml'}:1:1: cannot read the resource mapping"
    assert missing in capsys.readouterr().err

    mapping = (REPO / "spec" / "mock-resources.yaml").read_text(encoding="utf-8")
    (tmp_path / "mock-resources.yaml").write_text(mapping.replace("list_people:", "list_persons:"))
    assert main([str(spec), "--stateful", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'mock-resources.yaml'}:")
    assert "list_persons" in err


def _mock_on(port: int) -> list[str]:
    """``python -m mock_server --port PORT``: the command line under test, Leeloo's spec."""
    return [sys.executable, "-m", "mock_server", "--port", str(port)]


START_TIMEOUT_S = 30.0
LISTENING_PORT = re.compile(
    rb"listening on http://127\.0\.0\.1:(\d+)\b"
)  # the line leeloo-mock prints when its socket accepts


def _spawn_mock(cache_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    """``python -m mock_server ARGS`` as a child with its own check cache; stdout piped, stderr to
    a file beside the cache.

    For a test that must act the moment a line is printed (``serving_command`` polls its files).
    """
    with (cache_dir / "stderr.log").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "mock_server", *args],
            cwd=REPO,
            env={**os.environ, "LEELOO_MOCK_CACHE_DIR": str(cache_dir)},
            stdout=subprocess.PIPE,
            stderr=stderr,
        )


def _listening_port(process: subprocess.Popen[bytes], timeout_s: float) -> int | None:
    """The port of the ``listening on URL`` line ``process`` prints on stdout within ``timeout_s``
    (None if it exits or stays silent): read as it comes, never past the deadline."""
    assert process.stdout is not None
    descriptor = process.stdout.fileno()
    deadline = time.monotonic() + timeout_s
    seen = b""
    while (found := LISTENING_PORT.search(seen)) is None:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
            return None
        chunk = os.read(descriptor, 4096)
        if not chunk:
            return None
        seen = seen[-4096:] + chunk
    return int(found.group(1))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_real_server_serves_logs_and_stops_cleanly(stop: signal.Signals, tmp_path: Path) -> None:
    env = {**os.environ, "LEELOO_MOCK_CACHE_DIR": str(tmp_path), "LEELOO_MOCK_TOKENS": "secret"}
    with serving_command(_mock_on, name="leeloo-mock", cwd=REPO, env=env) as mock:
        answer = httpx.get(f"{mock.url}/api/v2/tags", headers={"X-Leeloo-AuthToken": "secret"})
        assert answer.status_code == 200
        wrong = httpx.get(f"{mock.url}/tags", headers={"X-Leeloo-AuthToken": "other"})
        assert wrong.status_code == 401
        mock.process.send_signal(stop)
        returncode = mock.process.wait(timeout=15)
        out, err = mock.output(), mock.log()
    assert returncode == 0, err
    assert f"listening on {mock.url}" in out
    assert "list_tags" in out  # the operation table
    assert list(tmp_path.glob("checked-*")), "a passed check is remembered"
    assert "GET /api/v2/tags 200 " in err
    assert "GET /tags 401 " in err
    assert "secret" not in out + err
    assert "leeloo-mock: stopped" in out


def test_a_client_that_connects_as_soon_as_listening_is_printed_is_served(tmp_path: Path) -> None:
    """The "listening on" line is a promise: the socket accepts from that moment, no retry needed.

    The server is frozen (SIGSTOP) right after printing it, so uvicorn cannot have started yet:
    only a socket already listening lets the connection in, to be answered once it runs again.
    """
    process = _spawn_mock(tmp_path, "--port", "0", "--log-level", "warning")  # the port it says
    try:
        port = _listening_port(process, START_TIMEOUT_S)
        if port is None:
            pytest.fail(f"the mock did not say it listens within {START_TIMEOUT_S:g} s")
        process.send_signal(signal.SIGSTOP)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
            client.sendall(b"GET /tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Leeloo-AuthToken: t\r\n\r\n")
            process.send_signal(signal.SIGCONT)
            status_line = client.makefile("rb").readline()
        assert status_line.startswith(b"HTTP/1.1 200 ")
    finally:
        process.send_signal(signal.SIGCONT)
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_every_start_up_error_names_its_place_without_the_command_line_guessing(tmp_path: Path) -> None:
    """A SpecError is a LocatedError: what the document cannot place is at the spec's first line,
    and the command line prints it as it is (it used to guess with a regex)."""
    from mock_server import Spec, SpecError, load_spec
    from openapi_document import LocatedError

    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    with pytest.raises(SpecError) as raised:
        load_spec(spec_path).deref({"$ref": "#/components/schemas/Nowhere"})
    assert isinstance(raised.value, LocatedError)
    assert str(raised.value).startswith(f"{spec_path}:1:1: ")
    with pytest.raises(SpecError, match=r"^<document in memory>:1:1: "):
        Spec({"openapi": "3.1.0"}).deref({"$ref": "#/nowhere"})


def test_the_config_is_built_from_the_parser_field_by_field() -> None:
    """Each option whose dest is a MockConfig field, or a field of one of its groups, reaches the
    config without a hand-written copy; the defaults of the command line are the config's own."""
    from dataclasses import fields, is_dataclass

    from mock_server._config import MockConfig
    from mock_server.cli import build_parser, config_from_args

    parser = build_parser()
    spec = Path("spec/openapi.yaml")
    default = config_from_args(parser, parser.parse_args([]), spec)
    own_defaults = MockConfig(spec_path=spec)
    derived = {"access.allowed_hosts", "tokens"}  # the host is allowed; tokens come from env too
    compared = 0
    for field in fields(MockConfig):
        value, own = getattr(default, field.name), getattr(own_defaults, field.name)
        group_fields = fields(own) if is_dataclass(own) else ()
        assert type(value) is type(own), field.name
        for name in [f"{field.name}.{each.name}" for each in group_fields] or [field.name]:
            if name not in derived:
                path = name.split(".")
                assert _walk(default, path) == _walk(own_defaults, path), name
                compared += 1
    assert compared > len(fields(MockConfig))  # the groups' fields were compared one by one
    args = parser.parse_args(
        ["--max-records", "7", "--journal-size", "5", "--dynamic", "--idle-timeout", "2"]
    )
    config = config_from_args(parser, args, spec)
    assert (config.store_limits.max_records, config.limits.journal_size) == (7, 5)
    assert (config.dynamic, config.limits.idle_timeout) == (True, 2.0)


def _walk(value: Any, path: list[str]) -> Any:
    for name in path:
        value = getattr(value, name)
    return value


def test_each_group_of_the_config_comes_from_its_options() -> None:
    """The proxy's, the access rules' and the store's limits: each option lands in its group."""
    from mock_server.cli import _parsed, build_parser, config_from_args

    parser, args = _parsed(
        [
            *("proxy", "spec/openapi.yaml", "http://upstream.example/api/"),
            *("--errors", "--max-upstream-size", "9", "--upstream-timeout", "3"),
            *("--max-upstream-concurrency", "4", "--no-cors", "--cors-origin", "https://a.example"),
            *("--allowed-host", "b.example", "--max-store-bytes", "11", "--max-body-size", "12"),
        ]
    )
    config = config_from_args(parser, args, Path("spec/openapi.yaml"))
    assert config.proxy is not None
    assert (config.proxy.upstream, config.proxy.errors) == ("http://upstream.example/api", True)
    assert (config.proxy.max_upstream_size, config.proxy.upstream_timeout) == (9, 3.0)
    assert config.proxy.upstream_concurrency == 4
    assert (config.access.cors, config.access.cors_origins) == (False, ("https://a.example",))
    assert config.access.allowed_hosts == ("127.0.0.1", "b.example")
    assert (config.store_limits.max_store_bytes, config.limits.max_body_size) == (11, 12)
    assert config_from_args(parser, build_parser().parse_args([]), Path("x")).proxy is None


@pytest.mark.parametrize(
    "options",
    [
        {"stateful": True, "max_records": 3, "journal_size": 0},
        {"proxy": "http://upstream.example/api", "errors": True, "upstream_concurrency": 4},
        {"cors": False, "cors_origins": ("https://a.example", "https://b.example"), "dynamic": True},
        {"max_store_bytes": 11, "upstream_timeout": None, "seed": 7, "cors": True, "stateful": False},
    ],
)
def test_the_command_line_for_test_keywords_gives_the_same_config(options: dict[str, Any]) -> None:
    """The pytest plugin's process mode starts ``leeloo-mock`` with these options: the config the
    child builds from them is the one ``from_options`` builds in process (it named
    ``--upstream-concurrency``, which does not exist, and passed a tuple of origins as one)."""
    from mock_server._config import MockConfig
    from mock_server.cli import _parsed, command_line_options, config_from_args

    spec = Path("spec/openapi.yaml")
    given = {name: value for name, value in options.items() if value is not None}
    parser, args = _parsed([str(spec), *command_line_options(given)])
    from_the_command_line = config_from_args(parser, args, spec)
    access = replace(from_the_command_line.access, allowed_hosts=())  # the CLI adds --host to them
    assert replace(from_the_command_line, access=access) == MockConfig.from_options(spec, **given)


def test_a_test_keyword_with_no_command_line_option_is_named() -> None:
    from mock_server.cli import command_line_options

    with pytest.raises(TypeError, match="watchdog= has no command-line option"):
        command_line_options({"watchdog": 1})


def test_the_command_line_does_not_import_httpx_until_a_proxy_or_recording_needs_it() -> None:
    """httpx (and the rich console its own command line pulls in) cost every cold start about
    0.2 s; only --proxy, --record and --replay use it, and their packages import it when used."""
    code = "import sys, mock_server.cli; print('httpx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.stdout.strip() == "False", done.stderr
