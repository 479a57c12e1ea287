"""The goals the mock is held to, the ratios against them, and the printed table.

The goals are relative to Prism in quiet mode and to the ceiling app, at concurrency 32: at least
10x Prism's req/s on the static GET and the validated POST, a p99 at most a tenth of Prism's
(``RPS_GOAL``, ``P99_GOAL``), and at least 70 % of the ceiling. Ratios are given twice: against
the reference figures measured once on this kind of machine (``wrk -t1 -c32``), and against Prism
and the ceiling as measured in the same run (fairer: same machine, same moment, same noise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench._throughput import WORKERS_MODE, Measurement

GOAL_CONCURRENCY = 32
REFERENCE = {
    "prism_quiet_rps": 4400.0,
    "prism_quiet_p99_ms": 50.0,
    "ceiling_rps": 7800.0,
    "ceiling_p99_ms": 5.0,
}
STATIC_GET = "GET /tags (static)"
VALIDATED_POST = "POST send-message (JSON)"


@dataclass(frozen=True)
class GoalCheck:
    goal: str
    against: str
    value: float
    target: str
    met: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal,
            "against": self.against,
            "value": self.value,
            "target": self.target,
            "met": self.met,
        }


def _find(results: Sequence[Measurement], server: str, mode: str, scenario: str) -> Measurement | None:
    for result in results:
        if (result.server, result.mode, result.scenario, result.concurrency) == (
            server,
            mode,
            scenario,
            GOAL_CONCURRENCY,
        ):
            return result
    return None


RPS_GOAL = 10.0  # issue 25: at least 10x Prism's requests per second
P99_GOAL = 0.1  # and a p99 at most a tenth of Prism's


def goal_checks(results: Sequence[Measurement]) -> list[GoalCheck]:
    """The goals for the mock in one process and with two workers (how it is started for load on
    this 2-core machine), each against Prism's figures and the ceiling's."""
    checks: list[GoalCheck] = []
    for scenario in (STATIC_GET, VALIDATED_POST):
        for mode in ("static", WORKERS_MODE):
            checks += _mode_checks(results, scenario, mode)
    return checks


def _mode_checks(results: Sequence[Measurement], scenario: str, mode: str) -> list[GoalCheck]:
    mock = _find(results, "leeloo-mock", mode, scenario)
    if mock is None:
        return []
    name = scenario if mode == "static" else f"{scenario}, 2 workers"
    checks: list[GoalCheck] = []
    prism = _find(results, "prism", "static", scenario)
    baselines = [("reference", REFERENCE["prism_quiet_rps"], REFERENCE["prism_quiet_p99_ms"])]
    if prism is not None and prism.rps:
        baselines.append(("Prism measured now", prism.rps, prism.p99_ms))
    for label, prism_rps, prism_p99 in baselines:
        speedup = round(mock.rps / prism_rps, 2)
        rps_goal, p99_goal = f">= {RPS_GOAL:g}x", f"<= {P99_GOAL:g}x"
        checks.append(GoalCheck(f"{name}: req/s vs Prism", label, speedup, rps_goal, speedup >= RPS_GOAL))
        p99_ratio = round(mock.p99_ms / prism_p99, 3) if prism_p99 else 0.0
        checks.append(GoalCheck(f"{name}: p99 vs Prism's", label, p99_ratio, p99_goal, p99_ratio <= P99_GOAL))
    ceiling = _find(results, "ceiling", "static", scenario)
    ceilings = [("reference", REFERENCE["ceiling_rps"])]
    if ceiling is not None and ceiling.rps:
        ceilings.append(("ceiling measured now", ceiling.rps))
    for label, ceiling_rps in ceilings:
        fraction = round(mock.rps / ceiling_rps, 3)
        checks.append(GoalCheck(f"{name}: fraction of ceiling", label, fraction, ">= 0.70", fraction >= 0.70))
    return checks


def ceiling_fraction(result: Measurement, results: Sequence[Measurement]) -> float | None:
    """``result`` as a fraction of the ceiling app's figure for the same request and concurrency."""
    for other in results:
        if (
            other.server == "ceiling"
            and (other.scenario, other.concurrency) == (result.scenario, result.concurrency)
            and other.rps
        ):
            return round(result.rps / other.rps, 3)
    return None


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    lines = [
        "  ".join(str(cell).rjust(width) for cell, width in zip(line, widths, strict=False))
        for line in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def throughput_table(results: Sequence[Measurement]) -> str:
    header = [
        "server",
        "mode",
        "request",
        "conc",
        "req/s",
        "p50 ms",
        "p99 ms",
        "non-2xx",
        "errors",
        "status",
        "of ceiling",
    ]
    rows = []
    for result in results:
        fraction = ceiling_fraction(result, results)
        rows.append(
            [
                result.server,
                result.mode,
                result.scenario,
                str(result.concurrency),
                f"{result.rps:,.0f}",
                f"{result.p50_ms:.2f}",
                f"{result.p99_ms:.2f}",
                str(result.non_2xx),
                str(result.errors),
                str(result.status_sample or "-"),
                f"{fraction:.0%}" if fraction is not None else "-",
            ]
        )
    return _table(header, rows)


def goals_table(checks: Sequence[GoalCheck]) -> str:
    rows = [
        [check.goal, check.against, f"{check.value:g}", check.target, "met" if check.met else "MISSED"]
        for check in checks
    ]
    return _table(["goal", "against", "value", "target", ""], rows)


def records_table(records: Sequence[dict[str, Any]]) -> str:
    if not records:
        return "(none)"
    header = list(records[0])
    rows = [
        [f"{value:,}" if isinstance(value, int) else str(value) for value in record.values()]
        for record in records
    ]
    return _table(header, rows)
