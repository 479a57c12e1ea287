"""What the faults stage costs a mock that has none set: the app stepped in process (no socket,
no event loop) on ``GET /tags``, as built, beside the same app with the stage taken out (the
mock before faults) and beside mocks whose faults are set but never fire.

Rounds alternate the variants so that a busy neighbour slows them alike; the figure reported
is each variant's median microseconds per request, and the difference to the stage-less app.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from typing import Any

from mock_server.faults.config import FaultsConfig
from mock_server.faults.values import FaultRule, parse_failures
from mock_server.server.app import MockApp
from mock_server.server.assembly import create_app
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline
from mock_server.testing import compiled_for, mock_config

PATH = b"/api/v2/tags"
HEADERS = [(b"host", b"localhost"), (b"x-leeloo-authtoken", b"bench-token-not-a-secret")]


class _NoStage:
    """The injector of a mock before faults: nothing checked at all."""

    active = False

    def intercept(self, request: MockRequest, pipeline: Pipeline) -> tuple[None, MockResponse | None]:
        return None, None


def _app(**options: Any) -> MockApp:
    config = mock_config(stateful=False, journal_size=0, **options)
    return create_app(config, compiled_for(config))


def _stepper(app: MockApp, headers: list[tuple[bytes, bytes]]) -> Callable[[int], float]:
    scope = {
        "type": "http",
        "method": "GET",
        "path": PATH.decode(),
        "raw_path": PATH,
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("localhost", 80),
    }
    request = {"type": "http.request", "body": b"", "more_body": False}

    async def receive() -> dict[str, Any]:
        return request

    async def send(message: Any) -> None:
        return None

    def run(count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            step = app(scope, receive, send)
            with contextlib.suppress(StopIteration):
                step.send(None)
        return (time.perf_counter() - started) / count * 1e6

    return run


def measure_faults_cost(requests: int = 20_000, rounds: int = 7) -> list[dict[str, Any]]:
    """Median microseconds per request of each variant, and its difference to the stage-less app."""
    bare = _app()
    bare.faults = _NoStage()  # type: ignore[assignment]
    idle = FaultsConfig(everywhere=FaultRule(None, failures=parse_failures(["0:503"])), seed=1)
    variants = {
        "no faults stage (the mock before issue 22)": _stepper(bare, HEADERS),
        "faults unset (as shipped)": _stepper(_app(), HEADERS),
        "faults unset, a Prefer header sent": _stepper(_app(), [*HEADERS, (b"prefer", b"code=200")]),
        "--fail 0:503 (set, never fires)": _stepper(_app(faults=idle), HEADERS),
    }
    for run in variants.values():
        run(requests // 10)  # warm-up: caches filled, code paths hot
    timings: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, run in variants.items():
            timings[name].append(run(requests))
    baseline = statistics.median(timings["no faults stage (the mock before issue 22)"])
    rows = []
    for name, values in timings.items():
        median = statistics.median(values)
        rows.append(
            {
                "variant": name,
                "us_per_request": round(median, 2),
                "spread_us": round(max(values) - min(values), 2),
                "vs_no_stage_us": round(median - baseline, 2),
                "vs_no_stage_pct": round((median - baseline) / baseline * 100, 1),
            }
        )
    return rows
