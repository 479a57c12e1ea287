"""The CI workflow does what the README says: `make test` on push and daily, live mode with the secret."""

from __future__ import annotations

from typing import Any

import yaml

from contract_tests._settings import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "contract.yml"


def _workflow() -> dict[Any, Any]:
    document: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return document


def _commands(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_make_test_runs_on_push_and_on_a_schedule() -> None:
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "push" in triggers and triggers["schedule"][0]["cron"]
    assert "make test" in _commands(workflow["jobs"]["test"])


def test_make_test_runs_on_every_supported_python_with_a_pip_cache() -> None:
    test = _workflow()["jobs"]["test"]
    assert test["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13"]
    setup = next(
        step for step in test["steps"] if str(step.get("uses", "")).startswith("actions/setup-python")
    )
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    assert setup["with"]["cache"] == "pip"


def test_live_mode_runs_only_with_the_secret_and_never_on_pull_requests() -> None:
    live = _workflow()["jobs"]["live"]
    assert live["env"]["LEELOO_AUTH_TOKEN"] == "${{ secrets.LEELOO_AUTH_TOKEN }}"
    assert "pull_request" in live["if"]
    step = next(step for step in live["steps"] if step.get("run") == "make contract-live")
    assert step["if"] == "env.LEELOO_AUTH_TOKEN != ''"
    for command in _commands(live):  # the value is never put on a command line
        assert "$LEELOO_AUTH_TOKEN" not in command and "secrets." not in command
