"""The pytest plugin's cassettes and faults, through a user's pytest run (in this process, see
``tests.mock_server.inner_pytest``): a test file's traffic recorded from an upstream (another
leeloo-mock standing in for Leeloo) into ``cassettes/<file>.har``, redacted, then replayed with
nothing leaving the machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mock_server.testing import in_thread, mock_config
from tests.mock_server.inner_pytest import run_pytest

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


def test_record_once_then_replay_with_nothing_leaving_the_machine(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    suite, out = pytester.path, tmp_path
    pytester.makepyfile(test_user=USER_TEST)
    env = {"OUT": str(out), "LEELOO_AUTH_TOKEN": SECRET}
    cassette = suite / "cassettes" / "test_user.har"

    plain = run_pytest(pytester, **env)  # none, no cassette: the spec's answer, nothing recorded
    assert plain.ret == 0, plain.stdout.str()[-2000:]
    spec_answer = (out / "tags.json").read_text()
    assert not cassette.exists()

    with in_thread(mock_config(stateful=False, dynamic=True, seed=5)) as upstream:
        recorded = run_pytest(pytester, "--leeloo-record-mode=once", LEELOO_BASE_URL=upstream.api_url, **env)
        assert recorded.ret == 0, recorded.stdout.str()[-2000:]
        live_answer = (out / "tags.json").read_text()
        assert live_answer != spec_answer  # the upstream's generated data, not the spec's example
        assert upstream.requests("GET", "/tags")  # it did go there

        text = cassette.read_text()
        assert SECRET not in text and "REDACTED" in text
        assert [entry["response"]["status"] for entry in json.loads(text)["log"]["entries"]] == [200]

        again = run_pytest(pytester, "--leeloo-record-mode=once", LEELOO_BASE_URL=upstream.api_url, **env)
        assert again.ret == 0
        assert len(upstream.requests("GET", "/tags")) == 1  # once: the cassette exists, replayed

        episodes = run_pytest(
            pytester, "--leeloo-record-mode=new_episodes", LEELOO_BASE_URL=upstream.api_url, MORE="1", **env
        )
        assert episodes.ret == 0, episodes.stdout.str()[-2000:]
        assert len(upstream.requests("GET", "/tags")) == 1 and len(upstream.requests("GET", "/users")) == 1
        entries = json.loads(cassette.read_text())["log"]["entries"]
        assert [entry["request"]["url"].rsplit("/", 1)[-1] for entry in entries] == ["tags", "users"]

    (out / "tags.json").unlink()
    replayed = run_pytest(pytester, **env)  # none: the upstream is gone, the cassette answers
    assert replayed.ret == 0, replayed.stdout.str()[-2000:]
    assert (out / "tags.json").read_text() == live_answer


def test_a_record_mode_that_is_not_one_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    bad = run_pytest(
        pytester, "-o", "leeloo_record_mode=sometimes", OUT=str(pytester.path), LEELOO_AUTH_TOKEN="t"
    )
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    assert "leeloo_record_mode is 'sometimes'" in bad.stderr.str()


def test_the_plugin_offers_the_record_modes_the_cassettes_know() -> None:
    # the plugin keeps its own copy so that loading it does not import the mock (about a second)
    from mock_server import pytest_plugin
    from mock_server.replay import cassettes

    assert pytest_plugin.RECORD_MODES == cassettes.RECORD_MODES


def test_faults_for_one_test_by_marker_and_context_manager(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_faults=FAULTS_TEST)
    done = run_pytest(pytester, "--leeloo-mock-scope=session")
    assert done.ret == 0, done.stdout.str()[-3000:]
    done.assert_outcomes(passed=3)
