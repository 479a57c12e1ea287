"""`mypy --strict` passes on the generated package and on the examples that use it.

The root mypy configuration leaves generated_client/ out (it is output, not our code), so the
package is checked here on its own, without the root configuration.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_mypy(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_generated_package_passes_mypy_strict() -> None:
    completed = run_mypy(
        "--strict", "--config-file=", "--python-version", "3.11", "generated_client/leeloo_client"
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_examples_pass_mypy_strict() -> None:
    completed = run_mypy("--strict", "examples")
    assert completed.returncode == 0, completed.stdout + completed.stderr


_MISTAKES = """\
import datetime
from leeloo_client import LeelooClient

client = LeelooClient(token="t")
client.people.create(nam="Ann", email="a@example.com", phone="+1", leadgentool_id="x")
client.people.create(name="Ann", email="a@example.com", phone="+1")
client.people.add_tag("p", tag="t")
client.with_options(max_retrys=3)
client.orders.create(body=None, currency="XXX")
people: int = client.people.list(limit=5, timeout=3).data
client.people.update("p", custom_fields=[{"type": "KEYWORD", "name": "n", "valu": "v"}])
"""


def test_mypy_catches_mistakes_in_the_resource_style(tmp_path: Path) -> None:
    # Before: `with_options(**changes: Any)` let a typo through, and there were no resources.
    script = tmp_path / "mistakes.py"
    script.write_text(_MISTAKES, encoding="utf-8")

    completed = run_mypy("--strict", "--config-file", str(ROOT / "pyproject.toml"), str(script))

    lines = [line for line in completed.stdout.splitlines() if ": error:" in line]
    flagged = {int(line.split(":")[1]) for line in lines}
    assert flagged == {5, 6, 7, 8, 9, 10, 11}, completed.stdout
