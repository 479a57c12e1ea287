"""`make install` builds .venv with the interpreter PYTHON names, and rebuilds one of another.

Before, `make test PYTHON=python3.13` on a checkout whose .venv was built by python3.11 kept the
3.11 venv without a word. The Makefile runs here in a scratch folder with stand-in interpreters
(shell scripts that answer what the recipe asks: their cache tag, their version, `-m venv`,
`-m pip`), so the test takes milliseconds and installs nothing.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

from tests.packaging.conftest import REPO

# A stand-in interpreter: its cache tag and version, `-m venv DIR` makes DIR/bin/python a copy of
# itself, `-m pip ...` is logged and does nothing.
FAKE_PYTHON = """#!/bin/sh
case "$1" in
  -c) echo {tag} ;;
  -V) echo "Python {version}" ;;
  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"
      else echo "$0 $*" >> "$(dirname "$0")/../calls.log"; fi ;;
esac
"""


def _interpreter(path: Path, tag: str, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FAKE_PYTHON.format(tag=tag, version=version), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _make_install(folder: Path, python: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "install", f"PYTHON={python}"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _checkout(tmp_path: Path) -> Path:
    folder = tmp_path / "checkout"
    folder.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copyfile(REPO / name, folder / name)
    return folder


def test_a_venv_of_another_interpreter_is_rebuilt_and_said_so(tmp_path: Path) -> None:
    folder = _checkout(tmp_path)
    _interpreter(folder / ".venv" / "bin" / "python", "cpython-311", "3.11.9")
    (folder / ".venv" / "left-by-3.11").touch()
    (folder / ".venv" / ".installed-cpython-311").touch()
    python313 = _interpreter(tmp_path / "py313" / "python3.13", "cpython-313", "3.13.1")

    done = _make_install(folder, python313)

    assert done.returncode == 0, done.stderr
    assert (
        "make: .venv is Python 3.11.9, PYTHON=" in done.stdout
        and "is Python 3.13.1: rebuilding .venv" in done.stdout
    )
    assert not (folder / ".venv" / "left-by-3.11").exists()
    assert sorted(path.name for path in (folder / ".venv").glob(".installed*")) == [".installed-cpython-313"]
    assert "-m pip install" in (folder / ".venv" / "calls.log").read_text(encoding="utf-8")
    # the same interpreter again: nothing to do
    again = _make_install(folder, python313)
    assert again.returncode == 0 and "rebuilding" not in again.stdout and "pip" not in again.stdout


def test_a_venv_of_the_same_interpreter_is_kept(tmp_path: Path) -> None:
    folder = _checkout(tmp_path)
    python311 = _interpreter(folder / ".venv" / "bin" / "python", "cpython-311", "3.11.9")
    (folder / ".venv" / "kept").touch()

    done = _make_install(folder, python311)

    assert done.returncode == 0, done.stderr
    assert "rebuilding" not in done.stdout and (folder / ".venv" / "kept").exists()
    assert (folder / ".venv" / ".installed-cpython-311").exists()


def test_a_python_that_does_not_run_stops_with_exit_2(tmp_path: Path) -> None:
    done = _make_install(_checkout(tmp_path), tmp_path / "no-such-python")
    assert done.returncode == 2
    assert "does not run; name a Python 3.11+ interpreter" in done.stderr
