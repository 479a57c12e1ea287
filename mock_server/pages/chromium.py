"""Where the pages' tests and the bench find a browser: the system's Chromium, and how to start it.

Playwright drives Debian's ``chromium`` package (``/usr/bin/chromium``, or ``LEELOO_CHROMIUM``);
its own browser download (``playwright install``) is never used. The flags keep a headless run
quiet and self-contained: no sandbox (CI runs as root), no GPU, no background traffic.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("LEELOO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
