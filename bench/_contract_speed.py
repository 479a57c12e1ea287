"""How fast schemathesis drives the mock: in-process (ASGI) against over HTTP, and ``make test``.

The contract suite's run time is mostly schemathesis generating cases and sending them; sending
them to the ASGI app in-process skips the socket and the server. The same loop (every operation,
``examples`` cases each, the default checks) runs both ways, and reports cases per second.
``make test`` as a whole is timed only on request (``--with-make-test``): it is what CI waits for.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from bench._servers import REPO_ROOT
from bench._throughput import BENCH_TOKEN, SPEC, start_mock
from mock_server._serving import ServerStartError


@dataclass
class ContractSpeed:
    transport: str
    operations: int
    cases: int
    failures: int
    seconds: float
    cases_per_s: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _run_cases(examples: int, app: Any = None, base_url: str | None = None) -> ContractSpeed:
    """Every operation, ``examples`` cases each, through ``app`` in-process or to ``base_url``."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings

    schema = schemathesis.openapi.from_path(SPEC)
    if app is not None:
        schema.app = app  # what the contract suite does: cases go through the ASGI app
    call_kwargs = {"base_url": base_url} if base_url else {}
    counts = {"cases": 0, "failures": 0, "operations": 0}
    started = time.perf_counter()
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # the committed spec is valid
        counts["operations"] += 1

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
        )
        @given(case=operation.as_strategy())
        def one_case(case: Any) -> None:
            counts["cases"] += 1
            case.headers = {**(case.headers or {}), "X-Leeloo-AuthToken": BENCH_TOKEN}
            try:
                case.call_and_validate(**call_kwargs)
            except (Exception, BaseExceptionGroup):  # a check failure is counted, the speed run goes on
                counts["failures"] += 1

        one_case()
    seconds = time.perf_counter() - started
    return ContractSpeed(
        transport="",
        operations=counts["operations"],
        cases=counts["cases"],
        failures=counts["failures"],
        seconds=round(seconds, 2),
        cases_per_s=round(counts["cases"] / seconds, 1) if seconds else 0.0,
    )


def _mock_asgi_app() -> Any:
    from mock_server import MockConfig, create_app

    # only the bench token passes, or schemathesis' ignored_auth check fails every case
    return create_app(MockConfig(spec_path=SPEC, log_requests=False, tokens=frozenset({BENCH_TOKEN})))


def measure_contract_speed(examples: int, log: Callable[[str], None]) -> list[ContractSpeed]:
    results: list[ContractSpeed] = []
    try:
        app = _mock_asgi_app()
    except (ImportError, TypeError) as exc:
        log(f"contract speed (ASGI): skipped, no mock app factory ({exc})")
    else:
        asgi = _run_cases(examples, app=app)
        asgi.transport = "asgi (in-process)"
        results.append(asgi)
    try:
        with start_mock(SPEC, f"--token={BENCH_TOKEN}") as mock:
            http = _run_cases(examples, base_url=mock.url + "/api/v2")
            http.transport = "http (loopback)"
            results.append(http)
    except ServerStartError as exc:
        log(f"contract speed (HTTP): skipped, {exc}")
    return results


def time_make_test(log: Callable[[str], None]) -> dict[str, Any]:
    """One timed ``make test`` (the whole suite, all helpers' tests)."""
    log("timing make test (this runs the whole suite) ...")
    started = time.perf_counter()
    completed = subprocess.run(["make", "test"], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    seconds = round(time.perf_counter() - started, 1)
    summary = next(
        (line for line in reversed(completed.stdout.splitlines()) if " passed" in line or " failed" in line),
        "",
    )
    return {"seconds": seconds, "exit_code": completed.returncode, "summary": summary.strip("= ")}
