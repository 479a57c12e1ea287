"""The one build step pyproject.toml cannot declare: the Leeloo spec goes into the mock's wheel.

``spec/openapi.yaml`` and ``spec/mock-resources.yaml`` stay the only copies in the repository;
building a wheel copies them into ``mock_server/_data/``, so that ``leeloo-mock`` installed
without this checkout serves Leeloo when no spec is named. An editable install reads ``spec/``
itself (see ``mock_server.spec.bundled``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("openapi.yaml", "mock-resources.yaml")


class BuildPyWithSpec(build_py):
    """``build_py`` that also copies the spec files into the built ``mock_server/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's spec/ is read in place
        target = Path(self.build_lib) / "mock_server" / "_data"
        target.mkdir(parents=True, exist_ok=True)
        for name in SHIPPED:
            shutil.copyfile(ROOT / "spec" / name, target / name)


setup(cmdclass={"build_py": BuildPyWithSpec})
