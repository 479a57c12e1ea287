"""The knobs of the contract suite, read once: spec, token, seed and how many examples to generate.

CI runs at a small, fixed depth so ``make test`` stays fast and deterministic;
``CONTRACT_EXAMPLES=500 make contract`` digs deeper locally with the same code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mock_server import default_spec_path

REPO_ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH: Path = default_spec_path()
REPORTS_DIR = REPO_ROOT / "reports"

AUTH_HEADER = "X-Leeloo-AuthToken"
# The only token the mock accepts in the contract runs (``--token``), so a wrong one is a 401.
TOKEN = "contract-suite-token"
BASE_PATH = "/api/v2"  # the spec's server path; the mock serves it too

EXAMPLES_ENV_VAR = "CONTRACT_EXAMPLES"
SEED_ENV_VAR = "CONTRACT_SEED"
CI_EXAMPLES = 10
DEFAULT_SEED = 20261125


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a positive integer, got {raw!r}") from None
    if value < 1:
        raise SystemExit(f"{name} must be a positive integer, got {raw!r}")
    return value


EXAMPLES: int = _positive_int(EXAMPLES_ENV_VAR, CI_EXAMPLES)
SEED: int = _positive_int(SEED_ENV_VAR, DEFAULT_SEED)


def scaled(ci_count: int) -> int:
    """A count of examples that is ``ci_count`` at CI depth and grows with ``CONTRACT_EXAMPLES``."""
    return max(ci_count, ci_count * EXAMPLES // CI_EXAMPLES)


def schemathesis_settings(
    *,
    max_examples: int,
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing"),
    stateful_steps: int = 6,
    stateful_expected_positive: tuple[int, ...] = (),
) -> dict[str, Any]:
    """A ``schemathesis.toml`` as a dict: every check on, fixed seed, no example database.

    ``stateful_expected_positive`` widens ``positive_data_acceptance`` in the stateful phase only
    (see ``test_stateful``), never in the stateless phases.
    """
    every_phase = ("examples", "coverage", "fuzzing", "stateful")
    phase_settings: dict[str, Any] = {name: {"enabled": name in phases} for name in every_phase}
    phase_settings["stateful"]["max-steps"] = stateful_steps
    # Only the spec's own OpenAPI links: inferred ones would chain operations the spec does not.
    phase_settings["stateful"]["inference"] = {"algorithms": []}
    # Valid requests only: chains need created resources; negative data is the other phases' job.
    phase_settings["stateful"]["generation"] = {"mode": "positive"}
    if stateful_expected_positive:
        phase_settings["stateful"]["checks"] = {
            "positive_data_acceptance": {
                "expected-statuses": [
                    "2xx",
                    "3xx",
                    401,
                    403,
                    404,
                    409,
                    429,
                    "5xx",
                    *stateful_expected_positive,
                ]
            }
        }
    return {
        "seed": SEED,
        "headers": {AUTH_HEADER: TOKEN},
        "suppress-health-check": ["all"],
        "generation": {
            "max-examples": max_examples,
            "deterministic": True,
            "database": "none",
            "mode": "all",
        },
        "checks": {"enabled": True},
        "phases": phase_settings,
    }
