"""A real browser for the pages' tests: the system's Chromium, driven by Playwright.

``playwright install`` is never run (it downloads a browser build of its own); Playwright drives
Debian's ``chromium`` package instead. Where ``/usr/bin/chromium`` is missing the session installs
it (``apt-get update`` then ``apt-get install -y chromium``; one pytest worker at a time, under a
lock file), and where it cannot, every browser test fails saying so: none is skipped.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mock_server.pages.chromium import CHROMIUM, CHROMIUM_ARGS
from mock_server.testing import LeelooMock, in_thread, mock_config

INSTALL_TIMEOUT_S = 900
REPORTS = Path(__file__).resolve().parents[3] / "reports"


def _install_chromium() -> str:
    """Install Debian's chromium; what went wrong, or "" when it is there now."""
    if shutil.which("apt-get") is None:
        return "apt-get is not on this machine"
    commands = (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"])
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in commands:
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=INSTALL_TIMEOUT_S,
                env=environment,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"`{' '.join(command)}` failed: {exc}"
        if done.returncode != 0:
            return f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()[-400:]}"
    return "" if CHROMIUM.exists() else f"apt-get installed chromium but {CHROMIUM} is still missing"


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """The system's Chromium, installed first where it is missing."""
    lock_path = Path(tempfile.gettempdir()) / "leeloo-chromium-install.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers: one installs, the others wait
        problem = "" if CHROMIUM.exists() else _install_chromium()
    if problem:
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM} and it could not be installed ({problem}). "
            "Install Debian's package (apt-get install -y chromium) or set LEELOO_CHROMIUM to a "
            "Chromium binary.",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    """One headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_path), args=list(CHROMIUM_ARGS))
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (its own context: no cookies or storage shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture
def served_mock() -> Iterator[LeelooMock]:
    """The mock of the project's spec on a free 127.0.0.1 port (stateful: an answer is stored)."""
    with in_thread(mock_config()) as mock:
        yield mock


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """``reports/``, where each page's screenshot is written for a person to look at."""
    REPORTS.mkdir(exist_ok=True)
    return REPORTS
