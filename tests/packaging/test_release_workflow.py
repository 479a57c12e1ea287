"""The release workflow builds both wheels and both sdists, checks them, and publishes only tags."""

from __future__ import annotations

from typing import Any

import yaml

from tests.packaging.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def _workflow() -> dict[Any, Any]:
    document: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return document


def _commands(job: dict[str, Any]) -> str:
    return "\n".join(step["run"] for step in job["steps"] if "run" in step)


def test_both_projects_are_built_as_wheel_and_sdist_and_checked() -> None:
    commands = _commands(_workflow()["jobs"]["build"])
    assert "python -m build --outdir dist .\n" in commands + "\n"
    assert "python -m build --outdir dist generated_client" in commands
    assert 'ls dist/*.whl | wc -l)" -eq 2' in commands and 'ls dist/*.tar.gz | wc -l)" -eq 2' in commands
    assert "twine check --strict dist/*" in commands
    assert '"build==' in commands and '"twine==' in commands  # exact versions


def test_only_a_version_tag_publishes_and_by_trusted_publishing() -> None:
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build" and publish["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert publish["permissions"] == {"id-token": "write"} and publish["environment"] == "pypi"
    assert [step.get("uses", "") for step in publish["steps"]][-1].startswith("pypa/gh-action-pypi-publish@")
