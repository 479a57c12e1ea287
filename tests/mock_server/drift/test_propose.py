"""leeloo-drift --propose: a patch that git applies, that keeps every untouched line, that passes the
spec checks, and after which the proposable departures are gone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mock_server.drift import check_capture, load_spec
from mock_server.drift.cli import main
from mock_server.drift.propose import scalar, schema_of
from mock_server.har import read_entries
from tests.mock_server.conftest import SPEC_PATH

LEFT_FOR_A_PERSON = {"undeclared-operation", "failure-envelope-on-success"}


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    """The spec's folder in a scratch git repository."""
    shutil.copytree(Path(SPEC_PATH).parent, tmp_path / "spec")
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *command], cwd=tmp_path, check=True)
    return tmp_path / "spec" / "openapi.yaml"


def test_the_proposal_applies_and_leaves_only_what_a_person_must_decide(
    spec_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    before = spec_copy.read_text()
    patch = tmp_path / "drift.patch"
    assert main([str(sample), "--spec", "spec/openapi.yaml", "--propose", str(patch)]) == 1
    assert spec_copy.read_text() == before  # never edits the spec itself
    subprocess.run(["git", "apply", "--check", str(patch)], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", str(patch)], cwd=tmp_path, check=True)

    removed = [
        line for line in patch.read_text().splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    assert all(any(word in line for word in ("enum:", "maximum:")) for line in removed), removed

    for module, arguments in (
        ("openapi_document.spec_check", [str(spec_copy)]),
        ("generator.spec_lint", [str(spec_copy)]),
        ("generator.resources_check", [str(spec_copy.parent / "mock-resources.yaml"), str(spec_copy)]),
    ):
        result = subprocess.run([sys.executable, "-m", module, *arguments], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    after = check_capture(read_entries(sample), load_spec(spec_copy))
    assert {finding.kind for finding in after.findings} == LEFT_FOR_A_PERSON


def test_each_change_carries_verified_evidence_naming_the_capture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    patch = tmp_path / "drift.patch"
    main([str(sample), "--spec", str(SPEC_PATH), "--propose", str(patch)])
    text = patch.read_text()
    proposed = [line for line in text.splitlines() if line.startswith("#   proposed:")]
    sources = [
        line for line in text.splitlines() if line.startswith("+") and "capture sample.har, entry" in line
    ]
    assert len(proposed) == 8 and len(sources) == len(proposed)
    added = "".join(line for line in text.splitlines() if line.startswith("+"))
    assert "status: guess" not in added and added.count("status: verified") >= 5


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("TELEGRAM", "TELEGRAM"),
        ("text/html", "text/html"),
        ("yes", '"yes"'),
        ("a: b", '"a: b"'),
        (3, "3"),
        (None, "null"),
    ],
)
def test_scalars_read_back_as_the_same_value(value: object, written: str) -> None:
    assert scalar(value) == written


def test_the_schema_a_value_shows() -> None:
    assert schema_of({"a": [1], "b": {}}) == {
        "type": "object",
        "properties": {
            "a": {"type": "array", "items": {"type": "integer"}},
            "b": {"type": "object", "additionalProperties": False},
        },
    }
