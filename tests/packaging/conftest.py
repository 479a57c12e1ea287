"""A fresh virtualenv outside the checkout with the wheels of this repository installed.

The wheels are built from the working tree into a temporary folder; the venv gets the mock's
wheel alone first (so that anything it requires but does not declare fails here, as it would
for a user), with its dependencies from the package index at the versions of
``constraints.txt``. ``installed_with_client`` adds the generated client's wheel on top.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT_S = 600.0  # a cold pip cache downloads every dependency once
BUILD_TIMEOUT_S = 300.0


@dataclass
class FreshVenv:
    """A venv under a temporary folder; ``workdir`` is an empty folder to run commands in."""

    root: Path
    workdir: Path
    install_seconds: dict[str, float] = field(default_factory=dict)
    client_found_alone: bool | None = None  # leeloo_client importable with the mock's wheel alone

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def env(self) -> dict[str, str]:
        """The environment of a command in the venv: nothing of this checkout's on the path."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "LEELOO_"))}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["LEELOO_MOCK_CACHE_DIR"] = str(self.workdir / ".cache")
        return env

    def pip_install(self, label: str, *args: str) -> None:
        started = time.perf_counter()
        run(
            [str(self.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
            cwd=self.workdir,
            env=self.env(),
            timeout=INSTALL_TIMEOUT_S,
        )
        self.install_seconds[label] = time.perf_counter() - started


def run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float) -> str:
    """Run ``command``; its output in the assertion message when it fails."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, (
        f"{command} exited {done.returncode}:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    )
    return done.stdout


def _build_wheel(source: Path, into: Path) -> Path:
    before = set(into.glob("*.whl"))
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(into),
            str(source),
        ],
        cwd=into,
        timeout=BUILD_TIMEOUT_S,
    )
    (built,) = set(into.glob("*.whl")) - before
    return built


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The mock's wheel (the repository's root project) and the generated client's.

    Built one at a time across pytest-xdist's workers (a lock file in the folder they share):
    setuptools builds in the project's own ``build/``, which two builds at once overwrite."""
    into = tmp_path_factory.mktemp("wheels")
    with (tmp_path_factory.getbasetemp().parent / "wheel-builds.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return {"mock": _build_wheel(REPO, into), "client": _build_wheel(REPO / "generated_client", into)}


@pytest.fixture(scope="session")
def mock_wheel_files(wheels: dict[str, Path]) -> dict[str, bytes]:
    """Every file of the mock's wheel by its path inside the wheel."""
    with zipfile.ZipFile(wheels["mock"]) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="session")
def installed(wheels: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    """A venv with the mock's wheel alone, its dependencies pinned by constraints.txt."""
    base = tmp_path_factory.mktemp("fresh-venv")
    venv = FreshVenv(base / "venv", base / "work")
    venv.workdir.mkdir()
    run([sys.executable, "-m", "venv", str(venv.root)], cwd=base, timeout=BUILD_TIMEOUT_S)
    venv.pip_install("mock", "-c", str(REPO / "constraints.txt"), str(wheels["mock"]))
    probe = subprocess.run(
        [str(venv.python), "-c", "import leeloo_client"],
        cwd=venv.workdir,
        env=venv.env(),
        capture_output=True,
        check=False,
        timeout=BUILD_TIMEOUT_S,
    )
    venv.client_found_alone = probe.returncode == 0
    return venv


@pytest.fixture(scope="session")
def installed_with_client(installed: FreshVenv, wheels: dict[str, Path]) -> FreshVenv:
    """The same venv with the generated client and pytest added, as a user's test setup has them."""
    installed.pip_install(
        "client and pytest", "-c", str(REPO / "constraints.txt"), str(wheels["client"]), "pytest"
    )
    return installed
