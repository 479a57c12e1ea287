"""Live mode (``make contract-live``): the spec's read-only operations against the real API.

Only GETs, never a write. Needs ``LEELOO_AUTH_TOKEN`` (``LEELOO_BASE_URL`` optional, the
production API by default); without it the test is skipped and says why. Every violation is
reported as operation, field, expected, got (and written to ``reports/contract-live.txt``); every
exchange is recorded to ``reports/contract-live.har`` (HAR 1.2, the token redacted) for
``leeloo-drift``. The token is never printed. ``test_live_mode`` proves this against the mock
and its proxy mode.
"""

from __future__ import annotations

import os

import pytest

from contract_tests._live import run_live
from contract_tests._settings import REPORTS_DIR

TOKEN_ENV_VAR = "LEELOO_AUTH_TOKEN"
BASE_URL_ENV_VAR = "LEELOO_BASE_URL"
DEFAULT_BASE_URL = "https://api.leeloo.ai/api/v2"
SKIP_REASON = (
    f"{TOKEN_ENV_VAR} is not set: the live contract run sends the spec's read-only GETs to"
    f" ${BASE_URL_ENV_VAR} (default {DEFAULT_BASE_URL}) with the account's API token"
)


@pytest.mark.live
def test_live_api_answers_as_the_spec_says(capsys: pytest.CaptureFixture[str]) -> None:
    if not os.environ.get(TOKEN_ENV_VAR, "").strip():
        pytest.skip(SKIP_REASON)
    base_url = os.environ.get(BASE_URL_ENV_VAR, "").strip() or DEFAULT_BASE_URL
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    # every exchange, token redacted, for `leeloo-drift reports/contract-live.har`
    report = run_live(base_url, os.environ[TOKEN_ENV_VAR].strip(), record=REPORTS_DIR / "contract-live.har")

    text = f"live contract run against {base_url}\n{report.render()}"
    (REPORTS_DIR / "contract-live.txt").write_text(text + "\n")
    with capsys.disabled():
        print("\n" + text)
    assert report.methods_sent <= {"GET"}
    assert report.checked, "no answer was checked"
    assert not report.violations, f"{len(report.violations)} violation(s) of the spec; see above"
