"""Only spec bytes that passed the checker are remembered; any change means a new check."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_server.spec.check_cache import already_checked, remember_checked


def test_remembered_until_the_spec_or_the_checker_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "cache"))
    spec, checker = tmp_path / "spec.yaml", tmp_path / "check.py"
    spec.write_text("openapi: 3.1.0\n")
    checker.write_text("# v1\n")
    assert not already_checked(spec, checker)
    remember_checked(spec, checker)
    assert already_checked(spec, checker)
    spec.write_text("openapi: 3.1.1\n")
    assert not already_checked(spec, checker)
    spec.write_text("openapi: 3.1.0\n")
    checker.write_text("# v2\n")
    assert not already_checked(spec, checker)


def test_missing_files_and_unwritable_cache_are_not_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(blocker / "cache"))  # a directory under a file
    assert not already_checked(tmp_path / "nope.yaml", blocker)
    remember_checked(blocker, blocker)
    assert not already_checked(blocker, blocker)


@pytest.mark.parametrize("module", ["_upgrade.py", "_spec_validation.py", "_refs.py", "_yaml_positions.py"])
def test_a_change_to_a_module_the_check_rests_on_means_a_new_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "cache"))
    spec, checker = tmp_path / "spec.yaml", tmp_path / "spec_check.py"
    spec.write_text("openapi: 3.1.0\n")
    checker.write_text("# v1\n")
    (tmp_path / module).write_text("# v1\n")
    remember_checked(spec, checker)
    assert already_checked(spec, checker)
    (tmp_path / module).write_text("# v2: a rule changed\n")
    assert not already_checked(spec, checker)
