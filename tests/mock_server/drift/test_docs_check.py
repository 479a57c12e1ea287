"""make docs-check and the traffic: what a capture said of each guess; a parameter traffic showed is no
page finding."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import docs_drift
from mock_server.drift.cli import main as drift
from tests.mock_server.conftest import SPEC_PATH
from tests.mock_server.drift.conftest import REPO

PAGE = REPO / "spec" / "source" / "leeloo-api-v2.txt"


def test_the_register_says_what_the_capture_showed_of_each_guess(
    capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    assert docs_drift.main([str(PAGE), str(SPEC_PATH), "--traffic", str(sample)]) == 0
    out = capsys.readouterr().out
    channels = out[out.index("components/schemas/ChannelSource") :].split("\n  spec line")[0]
    assert "traffic: contradicted by 1 exchange(s) of sample.har, first entry 38" in channels
    assert (
        "traffic: confirmed by 1 exchange(s) of sample.har"
        in out[out.index("components/responses/NotFound") :]
    )
    assert "traffic: not exercised by the capture" in out[out.index("components/headers/RetryAfter") :]


def test_an_unreadable_capture_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.har"
    bad.write_text("{")
    assert docs_drift.main([str(PAGE), str(SPEC_PATH), "--traffic", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


def test_a_query_parameter_added_from_traffic_is_not_a_page_finding(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sample: Path,
    chosen: Any,
) -> None:
    shutil.copytree(Path(SPEC_PATH).parent, tmp_path / "spec")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    drift([str(sample), "--spec", "spec/openapi.yaml", "--propose", "drift.patch"])
    subprocess.run(["git", "apply", "drift.patch"], cwd=tmp_path, check=True)
    capsys.readouterr()
    assert docs_drift.main([str(PAGE), "spec/openapi.yaml"]) == 0
    assert chosen.query_parameter not in capsys.readouterr().out
    # the same parameter without the capture's evidence is one
    text = (tmp_path / "spec" / "openapi.yaml").read_text().replace("capture sample.har", "a note")
    (tmp_path / "spec" / "openapi.yaml").write_text(text)
    assert docs_drift.main([str(PAGE), "spec/openapi.yaml"]) == 1
    assert f"query parameter {chosen.query_parameter!r} is not on the page" in capsys.readouterr().out
