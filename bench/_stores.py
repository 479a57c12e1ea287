"""Workers and stores: the mock with 1 and 2 workers, on each store (``--store``), in one run.

Rows: stateless ``GET /tags`` with 1 and 2 workers; then ``--stateful`` on memory (1 worker, as
it must be), SQLite and Redis with 1 and 2 workers, each with a read the store answers (``GET
/people/{id}``) and a write it commits (``PUT /people/{id}/add-tag``, the same tag each time, so
the store does not grow). Requests per second and p99 at one concurrency. Redis is a real
``redis-server`` on a free port (skipped, and said so, when it is not installed).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bench._throughput import SCENARIOS, SPEC, Scenario, create_person, measure, start_mock
from mock_server._serving import ServerStartError, serving_command

CONCURRENCY = 32
STATELESS = (SCENARIOS[0],)  # GET /tags (static)
STATEFUL = (
    Scenario("GET /people/{id} (store read)", "GET", "/people/{person_id}"),
    next(scenario for scenario in SCENARIOS if scenario.method == "PUT"),  # add-tag (store write)
)


def redis_command(binary: str, folder: Path) -> Callable[[int], list[str]]:
    """``redis-server`` on 127.0.0.1:PORT, nothing saved to disk (``folder`` is its working dir)."""

    def command(port: int) -> list[str]:
        return [
            binary,
            *("--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"),
            *("--dir", str(folder)),
        ]

    return command


@contextlib.contextmanager
def running_redis(binary: str) -> Iterator[str]:
    """A fresh ``redis-server`` until the block ends; yields ``redis://127.0.0.1:PORT/0``."""
    with (
        tempfile.TemporaryDirectory(prefix="leeloo-redis-") as folder,
        serving_command(redis_command(binary, Path(folder)), name="redis-server") as server,
    ):
        yield f"redis://127.0.0.1:{server.port}/0"


def _configurations(folder: Path, redis_url: str | None) -> list[tuple[str, int, tuple[str, ...]]]:
    """(store, workers, flags) of every row; ``-`` is no store (stateless)."""
    rows: list[tuple[str, int, tuple[str, ...]]] = [("-", 1, ()), ("-", 2, ("--workers", "2"))]
    rows.append(("memory", 1, ("--stateful",)))
    stores = [("sqlite", f"sqlite:///{folder / 'bench.db'}")]
    if redis_url is not None:
        stores.append(("redis", redis_url))
    for kind, url in stores:
        for workers in (1, 2):
            rows.append((kind, workers, ("--stateful", "--store", url, "--workers", str(workers))))
    return rows


def measure_workers_and_stores(
    duration_s: float, tool: str, log: Callable[[str], None], concurrency: int = CONCURRENCY
) -> list[dict[str, Any]]:
    """One row per configuration and scenario: workers, store, scenario, req/s, p50 and p99."""
    rows: list[dict[str, Any]] = []
    binary = shutil.which("redis-server")
    if binary is None:
        log("stores: redis-server is not installed (apt-get install redis-server): no Redis rows")
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="leeloo-bench-stores-")))
        redis_url = stack.enter_context(running_redis(binary)) if binary else None
        for store, workers, flags in _configurations(folder, redis_url):
            scenarios: Sequence[Scenario] = STATEFUL if store != "-" else STATELESS
            try:
                with start_mock(SPEC, *flags, "--max-records=1000000") as mock:
                    log(f"stores: {store} store, {workers} worker(s) up in {mock.startup_s:.2f} s")
                    person_id = create_person(mock.url + "/api/v2") if store != "-" else "-"
                    for result in measure(
                        mock,
                        store,
                        "/api/v2",
                        [concurrency],
                        duration_s,
                        tool,
                        scenarios,
                        person_id=person_id,
                    ):
                        rows.append(
                            {
                                "workers": workers,
                                "store": store,
                                "scenario": result.scenario,
                                "rps": round(result.rps),
                                "p50_ms": result.p50_ms,
                                "p99_ms": result.p99_ms,
                                "non_2xx": result.non_2xx,
                                "errors": result.errors,
                            }
                        )
            except ServerStartError as exc:
                log(f"stores: {store} store, {workers} worker(s): not measured, {exc}")
    return rows
