"""A fresh virtualenv outside the checkout with the wheels of this repository installed.

The wheels are built from the working tree into a temporary folder; the venv gets the mock's
wheel alone first (so that anything it requires but does not declare fails here, as it would
for a user), with its dependencies from the package index at the versions of
``constraints.txt``. ``installed_with_client`` is a second venv with the generated client's wheel
and pytest beside the mock's. The wheels and each venv are made once for the run, whatever the
number of pytest-xdist workers.

The venv is made without pip (nor the setuptools an interpreter's ``ensurepip`` may add): this
checkout's pip installs into it (``pip --python``), so only what the wheels declare is there.
pip leaves the byte-code to the first import (``--no-compile``), which writes it as it does for
the rest of a venv; the tests import a small part of what is installed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT_S = 600.0  # a cold pip cache downloads every dependency once
BUILD_TIMEOUT_S = 300.0
MADE = ".made"  # written last in a folder _made_once made
CLIENT_FOUND = "client-found-alone"  # "yes" or "no", beside a fresh venv


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
        """``pip install ARGS`` into this venv, by this checkout's pip."""
        started = time.perf_counter()
        pip = [sys.executable, "-m", "pip", "--python", str(self.python), "--disable-pip-version-check"]
        run(
            [*pip, "install", "--quiet", "--no-compile", *args],
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


def _build_wheels(into: Path) -> None:
    """The two projects' wheels, built by one pip (each in its own isolated build environment)."""
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
            str(REPO),
            str(REPO / "generated_client"),
        ],
        cwd=into,
        timeout=BUILD_TIMEOUT_S,
    )


def _made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name``, made by ``make`` once for the whole run: the first pytest-xdist worker
    to ask makes it while the others wait (a lock file in the folder the workers share), then
    every worker uses it. Without xdist, the folder is the run's own."""
    basetemp = tmp_path_factory.getbasetemp()
    shared = basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp
    folder = shared / f"packaging-{name}"
    with (shared / f"packaging-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / MADE).exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
            folder.mkdir()
            make(folder)
            (folder / MADE).touch()
    return folder


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The mock's wheel (the repository's root project) and the generated client's, built once
    for the run (setuptools builds in the project's own ``build/``, which two builds at once
    would overwrite)."""
    into = _made_once(tmp_path_factory, "wheels", _build_wheels)
    (mock,) = into.glob("leeloo_openapi-*.whl")
    (client,) = into.glob("leeloo_client-*.whl")
    return {"mock": mock, "client": client}


@pytest.fixture(scope="session")
def mock_wheel_files(wheels: dict[str, Path]) -> dict[str, bytes]:
    """Every file of the mock's wheel by its path inside the wheel."""
    with zipfile.ZipFile(wheels["mock"]) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _fresh_venv(tmp_path_factory: pytest.TempPathFactory, name: str, *requirements: Path | str) -> FreshVenv:
    """A venv (made once for the run) with ``requirements`` installed, pinned by constraints.txt,
    and an empty work folder of this worker's own. Whether ``leeloo_client`` could be imported
    right after the install is kept beside the venv."""

    def make(folder: Path) -> None:
        venv = FreshVenv(folder / "venv", folder)
        run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv.root)],
            cwd=folder,
            timeout=BUILD_TIMEOUT_S,
        )
        venv.pip_install(name, "-c", str(REPO / "constraints.txt"), *map(str, requirements))
        probe = subprocess.run(
            [str(venv.python), "-c", "import leeloo_client"],
            cwd=folder,
            env=venv.env(),
            capture_output=True,
            check=False,
            timeout=BUILD_TIMEOUT_S,
        )
        (folder / CLIENT_FOUND).write_text("yes" if probe.returncode == 0 else "no")

    folder = _made_once(tmp_path_factory, name, make)
    venv = FreshVenv(folder / "venv", tmp_path_factory.mktemp(f"{name}-work"))
    venv.client_found_alone = (folder / CLIENT_FOUND).read_text() == "yes"
    return venv


@pytest.fixture(scope="session")
def installed(wheels: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    """A venv with the mock's wheel alone, its dependencies pinned by constraints.txt."""
    return _fresh_venv(tmp_path_factory, "mock-alone", wheels["mock"])


@pytest.fixture(scope="session")
def installed_with_client(wheels: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    """A venv with the mock's wheel, the generated client's and pytest, as a user's test setup has
    them (a venv of its own: the mock-alone one stays as it is while other tests use it)."""
    return _fresh_venv(tmp_path_factory, "mock-and-client", wheels["mock"], wheels["client"], "pytest")
