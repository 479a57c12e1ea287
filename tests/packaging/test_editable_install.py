"""`make install`'s editable client is one mypy can see: a user's script type-checks from any folder.

Setuptools installs a package editable through an import hook unless its layout is simple, and
mypy cannot follow an import hook: ``mypy --strict`` on a user's script with this project's venv
said "Cannot find implementation or library stub for module named 'leeloo_client'". The generated
client declares its layout (``package-dir = {"" = "."}``), so its editable install is a plain path
entry in a ``.pth`` file, which mypy reads.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

from tests.packaging.conftest import REPO, run

SCRIPT = '''from leeloo_client import LeelooClient


def emails(client: LeelooClient) -> list[str]:
    """Your code: the e-mails of the first page of people."""
    found = (person.email for person in client.people.list(limit=20).data)
    return [email for email in found if email is not None]
'''


def _path_entries() -> list[str]:
    """Every plain directory line of the venv's editable installs' ``.pth`` files."""
    lines: list[str] = []
    for folder in site.getsitepackages():
        for pth in Path(folder).glob("__editable__*.pth"):
            lines += [
                line for line in pth.read_text(encoding="utf-8").splitlines() if not line.startswith("import")
            ]
    return lines


def test_the_client_is_installed_as_a_plain_path_entry() -> None:
    assert str(REPO / "generated_client") in _path_entries()


def test_mypy_strict_on_a_script_outside_the_checkout_finds_the_client(tmp_path: Path) -> None:
    (tmp_path / "your_script.py").write_text(SCRIPT, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("MYPYPATH", "PYTHONPATH")}
    out = run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), "your_script.py"],
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert "Success: no issues found in 1 source file" in out
