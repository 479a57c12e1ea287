"""``/__docs`` on documents of every size: the server's render and a real browser's load.

For each document (the Leeloo spec; GitHub's 5.7 MB description and the others of the
real-specs sample when ``npm`` could fetch them; the shared Swagger 2.0 documents): the seconds
to render the reference in the mock's process and the page's size, then the mock on a free
port and the system's Chromium (Playwright, ``/usr/bin/chromium``) loading ``/__docs``, the first
time (the server renders) and again (kept), and opening its first operation. Figures are
printed, never asserted; the machine is shared.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mock_server.pages.chromium import CHROMIUM, CHROMIUM_ARGS

LOAD_TIMEOUT_MS = 180_000


def _render_figures(spec: Path) -> dict[str, Any]:
    from mock_server.pages import render_reference
    from mock_server.spec.document import load_document

    document = load_document(spec)
    started = time.perf_counter()
    page = render_reference(document)
    return {
        "spec": spec.name,
        "spec_kib": spec.stat().st_size // 1024,
        "render_s": round(time.perf_counter() - started, 2),
        "page_kib": len(page.html.encode()) // 1024,
    }


def _browser_figures(browser: Any, spec: Path) -> dict[str, Any]:
    from mock_server.testing import in_thread, mock_config

    figures: dict[str, Any] = {}
    with in_thread(mock_config(spec, stateful=False)) as mock:
        for label in ("first_load_s", "warm_load_s"):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(mock.url + "/__docs", wait_until="load", timeout=LOAD_TIMEOUT_MS)
            figures[label] = round(time.perf_counter() - started, 2)
            if label == "warm_load_s":
                figures["operations"] = page.locator("details.operation").count()
                started = time.perf_counter()
                page.locator("details.operation").first.locator("summary").click()
                page.locator("details.operation form.try").first.wait_for()
                figures["open_one_s"] = round(time.perf_counter() - started, 2)
            page.close()
    return figures


def measure_pages_speed(specs: Sequence[Path], log: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """One record per document; the browser columns say why where Chromium is missing."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = (
            playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
            if CHROMIUM.exists()
            else None
        )
        try:
            for spec in specs:
                log(f"pages: {spec.name}")
                record = _render_figures(spec)
                if browser is None:
                    record["first_load_s"] = f"no {CHROMIUM}"
                else:
                    try:
                        record.update(_browser_figures(browser, spec))
                    except Exception as exc:  # a document the mock refuses: its render figures stay
                        record["first_load_s"] = f"{type(exc).__name__}"
                results.append(record)
        finally:
            if browser is not None:
                browser.close()
    return results
