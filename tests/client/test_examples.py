"""examples/quickstart.py works: against the fake API step by step, and end to end against leeloo-mock."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from leeloo_client import LeelooClient

from contract_tests._spec import validate_request

from ._fake_api import TOKEN, FakeAPI, operation_id_of

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "examples" / "quickstart.py"


def load_quickstart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickstart", QUICKSTART)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quickstart_calls_the_four_operations_with_valid_requests(
    client: LeelooClient, fake_api: FakeAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    status = load_quickstart().run(client, "feliks@gmail.com", "Hi!")

    assert status == 0
    assert [operation_id_of(r) for r in fake_api.requests] == [
        "list_tags",
        "list_people",
        "add_tag_to_person",
        "send_message",
    ]
    for request in fake_api.requests:
        validate_request(request)
    out = capsys.readouterr().out
    assert "found Feliks" in out
    assert "sent 'Hi!' to Feliks through TELEGRAM" in out


def test_quickstart_runs_end_to_end_against_the_mock(mock_base_url: str) -> None:
    env = {**os.environ, "LEELOO_AUTH_TOKEN": TOKEN, "LEELOO_BASE_URL": f"{mock_base_url}/api/v2"}

    completed = subprocess.run(
        [sys.executable, str(QUICKSTART), "--email", "feliks@gmail.com"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert "found Feliks" in completed.stdout
    assert "tagged Feliks" in completed.stdout
    assert TOKEN not in completed.stdout + completed.stderr


def test_quickstart_without_a_token_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LEELOO_AUTH_TOKEN", raising=False)

    assert load_quickstart().main([]) == 1
    assert "LEELOO_AUTH_TOKEN" in capsys.readouterr().err


def readme_client_example() -> str:
    """The first Python block of the README's Client section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Client\n") :]
    start = section.index("```python\n") + len("```python\n")
    return section[start : section.index("```\n", start)]


def test_the_readme_client_example_runs_against_the_mock(mock_base_url: str) -> None:
    env = {**os.environ, "LEELOO_AUTH_TOKEN": TOKEN, "LEELOO_BASE_URL": f"{mock_base_url}/api/v2"}

    completed = subprocess.run(
        [sys.executable, "-c", readme_client_example()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert "client.people.iterate(" in readme_client_example()
