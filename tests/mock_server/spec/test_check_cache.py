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
