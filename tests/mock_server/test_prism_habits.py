"""Prism's habits: its command line forms, the ``__code`` query fallbacks, and reloading the spec."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from mock_server import MockConfig, create_app
from mock_server.cli import build_parser, main
from mock_server.server import reload
from mock_server.server.reload import SpecWatcher, fingerprint, reload_app
from mock_server.testing import in_child_process, in_process, mock_config
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 20.0


# --- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, "mock"])
def test_the_bare_and_the_mock_form_parse_prism_short_options(command: str | None) -> None:
    """One grammar: ``leeloo-mock SPEC -p 4011`` was refused, ``leeloo-mock mock SPEC -p 4011`` worked."""
    args = build_parser(command).parse_args(["spec", "-p", "4011", "-d", "-h", "0.0.0.0", "--seed", "7"])
    assert (args.spec, args.port, args.dynamic, args.host, args.seed) == (
        Path("spec"),
        4011,
        True,
        "0.0.0.0",
        7,
    )


def _options(command: str | None) -> set[str]:
    return {option for action in build_parser(command)._actions for option in action.option_strings}


def test_the_three_forms_take_the_same_options() -> None:
    assert _options(None) == _options("mock") == _options("proxy")
    assert {"-h", "-p", "-d", "--help"} <= _options(None)


@pytest.mark.parametrize("command", [[], ["mock"], ["proxy", "spec/openapi.yaml", "http://a.example"]])
def test_help_shows_the_one_grammar_first(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    first = capsys.readouterr().out.splitlines()[:6]
    assert first[0] == "usage: leeloo-mock [SPEC] [OPTIONS]"
    assert first[1].split()[:4] == ["leeloo-mock", "mock", "[SPEC]", "[OPTIONS]"]
    assert first[2].split()[:5] == ["leeloo-mock", "proxy", "SPEC", "UPSTREAM", "[OPTIONS]"]
    assert "-p PORT (--port), -h HOST (--host)" in first[4] and "help is --help" in first[5]


@pytest.mark.parametrize("argv", [["--errors"], ["mock", "spec", "--errors"]])
def test_errors_without_a_proxy_is_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``--errors`` without ``--proxy`` was accepted and did nothing."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "--errors works with --proxy" in capsys.readouterr().err


def test_errors_with_a_proxy_parses() -> None:
    assert build_parser("proxy").parse_args(["spec", "http://a.example", "--errors"]).errors
    assert build_parser().parse_args(["--proxy", "http://a.example", "--errors"]).errors


def test_prism_proxy_form_takes_the_upstream_as_second_argument() -> None:
    args = build_parser("proxy").parse_args(["spec/openapi.yaml", "https://api.example/api/v2/", "-p", "0"])
    assert args.upstream == "https://api.example/api/v2"


def test_prism_forms_keep_every_long_option() -> None:
    args = build_parser("mock").parse_args(["--stateful", "--max-records", "5", "--journal-size", "0"])
    assert (args.stateful, args.max_records, args.journal_size) == (True, 5, 0)


def test_help_is_long_only_in_prism_forms(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["mock", "--help"])
    assert exited.value.code == 0
    assert "-h HOST" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["mock", "spec", "-p", "70000"],
        ["mock", "spec", "-h"],
        ["proxy", "spec/openapi.yaml"],
        ["proxy", "spec/openapi.yaml", "ftp://upstream"],
        ["proxy", "spec/openapi.yaml", "http://a.example", "--proxy", "http://b.example"],
        ["mock", "generator"],
        ["mock", "--journal-size", "-1"],
        ["--watch-interval", "0"],
    ],
)
def test_bad_prism_arguments_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "usage: leeloo-mock" in capsys.readouterr().err


def _serves(command: list[str]) -> str:
    with in_child_process(command=command, cwd=REPO) as mock, mock.client(headers=TOKEN_HEADER) as http:
        answer = http.get("/tags")
        assert answer.status_code == 200
        return mock.log()


def test_mock_spec_folder_dynamic_as_prism_is_run() -> None:
    """``leeloo-mock mock spec -p PORT -d``: the folder's openapi.yaml, generated answers (``-p 0``:
    a fixed port looked at first could be taken before the mock binds it)."""
    command = [sys.executable, "-m", "mock_server", "mock", "spec", "-p", "0", "-d"]
    with in_child_process(command=command, cwd=REPO, port=None) as mock:
        with mock.client(headers=TOKEN_HEADER) as http:
            answers = [http.get("/tags").json() for _ in range(8)]
        assert all(answer["status"] == 1 for answer in answers)
        # generated, not the example: unseeded answers draw from 64 cached seeds, so 8 answers that
        # were all the same body would happen once in 64**7 runs (two in a row: once in 64)
        assert len({json.dumps(answer, sort_keys=True) for answer in answers}) > 1


def test_prism_proxy_form_forwards() -> None:
    command = [
        sys.executable,
        "-m",
        "mock_server",
        "proxy",
        "spec/openapi.yaml",
        "http://127.0.0.1:9",
        "-h",
        "127.0.0.1",
    ]
    with in_child_process(command=command, cwd=REPO) as mock, mock.client(headers=TOKEN_HEADER) as http:
        assert http.get("/tags").status_code == 502  # forwarded to a closed port, not mocked


# --- the query fallbacks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("__code=401", 401),
        ("__code=404", 404),  # not declared for /tags: Prism's 404 problem
        ("__code=abc", 422),
        ("__example=nope", 404),
        ("__example=docs", 200),
    ],
)
def test_query_fallbacks_as_prism(query: str, status: int) -> None:
    with in_process(mock_config(stateful=False)) as mock, mock.client(headers=TOKEN_HEADER) as http:
        assert http.get(f"/tags?{query}").status_code == status


def test_dynamic_query_fallback_generates() -> None:
    with in_process(mock_config(stateful=False)) as mock, mock.client(headers=TOKEN_HEADER) as http:
        static = http.get("/tags").json()
        assert http.get("/tags?__dynamic=true").json() != static


def test_the_prefer_header_wins_over_the_query() -> None:
    with in_process(mock_config(stateful=False)) as mock, mock.client(headers=TOKEN_HEADER) as http:
        assert http.get("/tags?__code=401", headers={"Prefer": "code=200"}).status_code == 200


def test_a_code_asked_in_the_query_bypasses_the_store() -> None:
    with in_process(mock_config(stateful=True)) as mock, mock.client(headers=TOKEN_HEADER) as http:
        assert http.get("/people/000000000000000000000000?__code=200").status_code == 200
        assert http.get("/people/000000000000000000000000").status_code == 404


# --- reloading -----------------------------------------------------------------------------------


def _copy_spec(tmp_path: Path) -> Path:
    shutil.copy(REPO / "spec" / "mock-resources.yaml", tmp_path / "mock-resources.yaml")
    spec = tmp_path / "openapi.yaml"
    shutil.copy(SPEC_PATH, spec)
    return spec


def test_reload_keeps_the_records_of_collections_that_still_exist(tmp_path: Path) -> None:
    spec = _copy_spec(tmp_path)
    config = MockConfig(spec_path=spec, stateful=True, log_requests=False)
    app = create_app(config)
    transport = httpx.ASGITransport(app=app)

    async def calls() -> None:
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost/api/v2") as http:
            person = (await http.get("/people", headers=TOKEN_HEADER)).json()["data"][0]
            await http.put(
                f"/people/{person['id']}", json={"email": "kept@example.com"}, headers=TOKEN_HEADER
            )
            spec.write_text(spec.read_text().replace("summary: List tags", "summary: List every tag", 1))
            messages: list[str] = []

            class Out:
                def write(self, text: str) -> None:
                    messages.append(text)

                def flush(self) -> None:
                    pass

            assert reload_app(app, config, out=Out())  # type: ignore[arg-type]
            assert "records kept in" in "".join(messages)
            assert any(op.summary == "List every tag" for op in app.pipeline.compiled.operations)
            again = (await http.get(f"/people/{person['id']}", headers=TOKEN_HEADER)).json()["data"]
            assert again["email"] == "kept@example.com"

    asyncio.run(calls())


def test_a_broken_edit_keeps_the_previous_spec_serving(tmp_path: Path) -> None:
    spec = _copy_spec(tmp_path)
    config = MockConfig(spec_path=spec, log_requests=False)
    app = create_app(config)
    before = app.pipeline
    spec.write_text("openapi: 3.1.0\npaths: [\n")

    class Out:
        text = ""

        def write(self, text: str) -> None:
            Out.text += text

        def flush(self) -> None:
            pass

    assert not reload_app(app, config, out=Out())  # type: ignore[arg-type]
    assert app.pipeline is before
    assert "still serving the previous version" in Out.text
    assert f"{spec}:" in Out.text


def test_the_watcher_calls_back_once_the_file_settles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = tmp_path / "spec.yaml"
    watched.write_text("a")
    changes: list[float] = []
    looks: list[Path] = []
    looked_three_times = threading.Event()  # once at the start, then two polls of the same file

    def counted(path: Path) -> reload.Fingerprint:
        looks.append(path)
        if len(looks) >= 3:
            looked_three_times.set()
        return fingerprint(path)

    monkeypatch.setattr(reload, "fingerprint", counted)
    watcher = SpecWatcher([watched], lambda: changes.append(time.monotonic()), interval=0.05).start()
    try:
        assert looked_three_times.wait(WAIT_S)
        assert changes == []  # polled twice, nothing changed: no call
        watched.write_text("bb")
        deadline = time.monotonic() + WAIT_S
        while not changes and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(changes) == 1
    finally:
        watcher.stop()


def test_the_command_line_reloads_an_edited_spec(tmp_path: Path) -> None:
    spec = _copy_spec(tmp_path)
    command = [
        sys.executable,
        "-m",
        "mock_server",
        "mock",
        str(spec),
        "--stateful",
        "--watch-interval",
        "0.1",
    ]
    with in_child_process(command=command, cwd=REPO) as mock, mock.client(headers=TOKEN_HEADER) as http:
        person = http.get("/people").json()["data"][0]
        http.put(f"/people/{person['id']}", json={"email": "kept@example.com"})
        spec.write_text(spec.read_text().replace("summary: List tags", "summary: List every tag", 1))
        deadline = time.monotonic() + WAIT_S
        while "reloaded" not in mock.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "reloaded" in mock.log(), mock.log()[-2000:]
        assert http.get(f"/people/{person['id']}").json()["data"]["email"] == "kept@example.com"
