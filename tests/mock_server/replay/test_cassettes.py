"""The pytest plugin's cassettes and faults, through pytest run in a child as a user runs it: a
test file's traffic recorded from an upstream (another leeloo-mock standing in for Leeloo) into
``cassettes/<file>.har``, redacted, then replayed with nothing leaving the machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mock_server.testing import in_thread, mock_config

SECRET = "tok-9f8e7d6c5b4a"
USER_TEST = """
import os
from pathlib import Path

def test_tags(leeloo_mock):
    with leeloo_mock.client(headers={"X-Leeloo-AuthToken": os.environ["LEELOO_AUTH_TOKEN"]}) as http:
        answer = http.get("/tags")
        Path(os.environ["OUT"], "tags.json").write_text(answer.text)
        if os.environ.get("MORE"):
            Path(os.environ["OUT"], "users.json").write_text(http.get("/users").text)
"""
FAULTS_TEST = """
import httpx
import pytest

@pytest.mark.leeloo_faults(fail="1:503")
def test_marked(leeloo_mock):
    with leeloo_mock.client(headers={"X-Leeloo-AuthToken": "t"}) as http:
        assert http.get("/tags").status_code == 503

def test_context_manager_then_clean(leeloo_mock):
    with leeloo_mock.client(headers={"X-Leeloo-AuthToken": "t"}) as http:
        assert http.get("/tags").status_code == 200
        with leeloo_mock.faults(operation="list_tags", fail="1:reset"):
            with pytest.raises(httpx.ReadError):
                http.get("/tags")
        assert http.get("/tags").status_code == 200

def test_bad_fault_is_a_400(leeloo_mock):
    with pytest.raises(httpx.HTTPStatusError, match="400"):
        with leeloo_mock.faults(fail="2:503"):
            pass
"""


def _pytest(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("LEELOO_BASE_URL", "LEELOO_AUTH_TOKEN")}
    environment.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(folder),
            str(folder),
            *args,
        ],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_record_once_then_replay_with_nothing_leaving_the_machine(tmp_path: Path) -> None:
    suite, out = tmp_path / "suite", tmp_path / "out"
    suite.mkdir()
    out.mkdir()
    (suite / "test_user.py").write_text(USER_TEST)
    env = {"OUT": str(out), "LEELOO_AUTH_TOKEN": SECRET}
    cassette = suite / "cassettes" / "test_user.har"

    plain = _pytest(suite, **env)  # none, no cassette: the spec's answer, nothing recorded
    assert plain.returncode == 0, plain.stdout[-2000:]
    spec_answer = (out / "tags.json").read_text()
    assert not cassette.exists()

    with in_thread(mock_config(stateful=False, dynamic=True, seed=5)) as upstream:
        recorded = _pytest(suite, "--leeloo-record-mode=once", LEELOO_BASE_URL=upstream.api_url, **env)
        assert recorded.returncode == 0, recorded.stdout[-2000:]
        live_answer = (out / "tags.json").read_text()
        assert live_answer != spec_answer  # the upstream's generated data, not the spec's example
        assert upstream.requests("GET", "/tags")  # it did go there

        text = cassette.read_text()
        assert SECRET not in text and "REDACTED" in text
        assert [entry["response"]["status"] for entry in json.loads(text)["log"]["entries"]] == [200]

        again = _pytest(suite, "--leeloo-record-mode=once", LEELOO_BASE_URL=upstream.api_url, **env)
        assert again.returncode == 0
        assert len(upstream.requests("GET", "/tags")) == 1  # once: the cassette exists, replayed

        episodes = _pytest(
            suite, "--leeloo-record-mode=new_episodes", LEELOO_BASE_URL=upstream.api_url, MORE="1", **env
        )
        assert episodes.returncode == 0, episodes.stdout[-2000:]
        assert len(upstream.requests("GET", "/tags")) == 1 and len(upstream.requests("GET", "/users")) == 1
        entries = json.loads(cassette.read_text())["log"]["entries"]
        assert [entry["request"]["url"].rsplit("/", 1)[-1] for entry in entries] == ["tags", "users"]

    (out / "tags.json").unlink()
    replayed = _pytest(suite, **env)  # none: the upstream is gone, the cassette answers
    assert replayed.returncode == 0, replayed.stdout[-2000:]
    assert (out / "tags.json").read_text() == live_answer


def test_a_record_mode_that_is_not_one_is_a_usage_error(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_user.py").write_text(USER_TEST)
    bad = _pytest(tmp_path, "-o", "leeloo_record_mode=sometimes", OUT=str(tmp_path), LEELOO_AUTH_TOKEN="t")
    assert bad.returncode == 4 and "leeloo_record_mode is 'sometimes'" in bad.stderr


def test_the_plugin_offers_the_record_modes_the_cassettes_know() -> None:
    # the plugin keeps its own copy so that loading it does not import the mock (about a second)
    from mock_server import pytest_plugin
    from mock_server.replay import cassettes

    assert pytest_plugin.RECORD_MODES == cassettes.RECORD_MODES


def test_faults_for_one_test_by_marker_and_context_manager(tmp_path: Path) -> None:
    (tmp_path / "test_faults.py").write_text(FAULTS_TEST)
    done = _pytest(tmp_path, "--leeloo-mock-scope=session")
    assert done.returncode == 0, done.stdout[-3000:]
    assert "3 passed" in done.stdout
