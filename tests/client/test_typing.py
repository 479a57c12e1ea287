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
