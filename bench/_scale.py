"""How start-up time, memory and throughput grow with the size of the spec (30 to 3,000 operations).

Prism loads large specs slowly (prism#1479); a mock run in every CI job pays its start-up each
time, so start-up is measured from spawn to the first answered request, and RSS right after
start-up and after a load run.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench._servers import rss_mib, run_json_module, running_server
from bench._throughput import AUTH, MOCK_BASE, install_prism, mock_command, start_prism
from bench.loadgen import LoadPlan, run_load
from bench.synthetic_spec import EXAMPLE_ID, OPERATIONS_PER_RESOURCE, write_synthetic_spec
from mock_server._serving import ChildServer, ServerStartError

SIZES = (30, 300, 3000)
# A server past this while starting is stopped: the machine is shared (the 3,000-operation spec
# once took leeloo-mock past 5.8 GiB before it answered).
DEFAULT_MAX_RSS_MIB = 3072.0


@dataclass
class ScalePoint:
    server: str
    operations: int
    spec_bytes: int
    startup_s: float
    rss_idle_mib: float
    rss_after_load_mib: float
    rps_first_resource: float
    rps_last_resource: float
    p99_ms_last_resource: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _start(server: str, spec: Path, max_rss_mib: float) -> AbstractContextManager[ChildServer]:
    if server == "prism":
        return start_prism(spec, name="prism", max_rss_mib=max_rss_mib)
    return running_server(
        "leeloo-mock",
        mock_command(spec),
        probe_path=f"{MOCK_BASE}/things0",
        probe_headers=[AUTH],
        startup_timeout_s=180,
        max_rss_mib=max_rss_mib,
    )


def startup_breakdown(spec: Path, max_rss_mib: float) -> dict[str, Any]:
    """``bench._startup`` in a child process: spec check, load and compile times, peak RSS."""
    try:
        result, status, stderr = run_json_module(
            "bench._startup", str(spec), f"--max-rss-mib={max_rss_mib}", timeout_s=300
        )
    except subprocess.TimeoutExpired:
        return {"error": "took longer than 300 s"}
    result.pop("spec", None)
    if status != 0:
        last = (stderr.strip().splitlines() or ["no message"])[0]
        result["error"] = f"exit {status} past the {max_rss_mib:,.0f} MiB guard: {last}"
    return result


def _rps(base_url: str, path: str, duration_s: float, tool: str) -> tuple[float, float]:
    spec = LoadPlan(url=base_url + path, headers=(AUTH,), concurrency=32, duration_s=duration_s)
    result = run_load(spec, tool)
    return result.rps, result.p99_ms


def measure_scale(
    sizes: Sequence[int],
    duration_s: float,
    tool: str,
    with_prism: bool,
    log: Callable[[str], None],
    max_rss_mib: float = DEFAULT_MAX_RSS_MIB,
) -> tuple[list[ScalePoint], list[dict[str, Any]]]:
    servers = ["leeloo-mock"] + (["prism"] if with_prism and install_prism(log) else [])
    points: list[ScalePoint] = []
    breakdowns: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for size in sizes:
            spec = write_synthetic_spec(size, Path(tmp) / f"synthetic-{size}.yaml")
            last = size // OPERATIONS_PER_RESOURCE - 1
            breakdown = {"operations": size, **startup_breakdown(spec, max_rss_mib)}
            log(f"start-up breakdown {size} ops: {breakdown}")
            breakdowns.append(breakdown)
            for server in servers:
                base = MOCK_BASE if server == "leeloo-mock" else ""
                try:
                    with _start(server, spec, max_rss_mib) as running:
                        idle = rss_mib(running.pid)
                        first, _ = _rps(running.url, f"{base}/things0?limit=10", duration_s, tool)
                        last_rps, last_p99 = _rps(
                            running.url, f"{base}/things{last}/{EXAMPLE_ID}", duration_s, tool
                        )
                        point = ScalePoint(
                            server=server,
                            operations=size,
                            spec_bytes=spec.stat().st_size,
                            startup_s=running.startup_s,
                            rss_idle_mib=idle,
                            rss_after_load_mib=rss_mib(running.pid),
                            rps_first_resource=first,
                            rps_last_resource=last_rps,
                            p99_ms_last_resource=last_p99,
                        )
                except ServerStartError as exc:
                    log(f"scale {server} {size} operations: skipped, {exc}")
                    continue
                log(
                    f"scale {server} {size} ops: start-up {point.startup_s:.2f} s, "
                    f"RSS {point.rss_idle_mib} MiB, "
                    f"{point.rps_first_resource:,.0f} / {point.rps_last_resource:,.0f} req/s"
                )
                points.append(point)
    return points, breakdowns
