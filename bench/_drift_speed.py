"""``leeloo-drift`` speed and memory on a 100,000-exchange NDJSON capture.

The capture is the committed sample (``examples/traffic/sample.har``: every operation answered by
the mock, plus one departure of each kind) repeated to the size asked, one HAR entry per line.
Each run is a child process (``python -m bench._drift_speed --ndjson FILE``), so that its peak
resident set is the drift check's alone: the spec loaded and compiled, then the capture streamed
through the checks. Two sizes are run; a peak that does not grow with the capture shows that the
NDJSON is streamed. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench._servers import REPO_ROOT, run_json_module

SAMPLE = REPO_ROOT / "examples" / "traffic" / "sample.har"
SIZES = (10_000, 100_000)


def write_ndjson(path: Path, exchanges: int) -> None:
    """``exchanges`` HAR entries, one a line: the sample's, over and over."""
    from mock_server.har import read_entries

    lines = [json.dumps(entry.to_har(), separators=(",", ":")) + "\n" for entry in read_entries(SAMPLE)]
    with path.open("w", encoding="utf-8") as out:
        for index in range(exchanges):
            out.write(lines[index % len(lines)])


def _peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def run_drift(ndjson: Path) -> dict[str, Any]:
    """Load the spec, stream ``ndjson`` through the checks; timings and peak RSS."""
    from mock_server.drift import check_capture, load_spec
    from mock_server.har import read_entries

    started = time.perf_counter()
    spec = load_spec(REPO_ROOT / "spec" / "openapi.yaml")
    loaded = time.perf_counter()
    rss_loaded = _peak_rss_mib()
    report = check_capture(read_entries(ndjson), spec, ndjson.name)
    seconds = time.perf_counter() - loaded
    return {
        "exchanges": report.exchanges,
        "findings": len(report.findings),
        "spec_load_s": round(loaded - started, 2),
        "check_s": round(seconds, 1),
        "exchanges_per_s": round(report.exchanges / seconds),
        "peak_rss_after_spec_mib": rss_loaded,
        "peak_rss_mib": _peak_rss_mib(),
        "capture_mib": round(ndjson.stat().st_size / (1 << 20), 1),
    }


def measure_drift_speed(sizes: Sequence[int] = SIZES, log: Any = print) -> list[dict[str, Any]]:
    """``run_drift`` in a fresh child process for each capture size."""
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"capture-{size}.ndjson"
            write_ndjson(path, size)
            log(f"drift: {size:,} exchanges ({path.stat().st_size / (1 << 20):.0f} MiB of NDJSON)")
            result, status, stderr = run_json_module("bench._drift_speed", f"--ndjson={path}", timeout_s=1800)
            if status != 0 or not result:
                raise RuntimeError(f"bench._drift_speed exited {status}: {stderr.strip()[-300:]}")
            results.append(result)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="drift_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--ndjson", type=Path, help="a capture to check (default: write and check 100,000)")
    args = parser.parse_args(argv)
    if args.ndjson is not None:
        print(json.dumps(run_drift(args.ndjson)), flush=True)
    else:
        for result in measure_drift_speed():
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
