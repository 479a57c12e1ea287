"""Throughput and latency of the mock (static, dynamic, stateful), the ceiling app and Prism.

Each server runs in its own process; the load comes from ``bench.loadgen`` in yet another. The
four requests are the ones a CI job sends most: a static GET, a GET whose deepObject filters must
be parsed and validated, a JSON POST whose body is validated and a form PUT whose body is
validated.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from bench._servers import REPO_ROOT, rss_mib, running_server
from bench.loadgen import LoadPlan, run_load
from mock_server._serving import ChildServer, ServerStartError

SPEC = REPO_ROOT / "spec" / "openapi.yaml"
MOCK_BASE = "/api/v2"
BENCH_TOKEN = "bench-token-not-a-secret"
AUTH = ("X-Leeloo-AuthToken", BENCH_TOKEN)
EXAMPLE_PERSON_ID = "5b3f543bb2737000133d25b0"
EXAMPLE_ACCOUNT_ID = "5b3f543bb2737000133d25b0"
PRISM_DIR = REPO_ROOT / "bench" / ".prism"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"


@dataclass(frozen=True)
class Scenario:
    """One request the load repeats; ``path`` is relative to the API base (``/tags``)."""

    name: str
    method: str
    path: str
    content_type: str | None = None
    body: str = ""
    ceiling: bool = False  # bench/ceiling_app.py answers it too


SCENARIOS = (
    Scenario("GET /tags (static)", "GET", "/tags", ceiling=True),
    Scenario(
        "GET /people + filters",
        "GET",
        "/people?filter[last_message][from]=2020-01-01&filter[last_message][to]=2020-12-31&filter[tags]=vip",
    ),
    Scenario(
        "POST send-message (JSON)",
        "POST",
        "/messages/send-message",
        "application/json",
        json.dumps({"account_id": "{account_id}", "text": "Message text"}),
        ceiling=True,
    ),
    Scenario(
        "PUT add-tag (form)",
        "PUT",
        "/people/{person_id}/add-tag",
        "application/x-www-form-urlencoded",
        "tag_id=595f5d522a934035decc093d",
        ceiling=True,
    ),
)


@dataclass
class Measurement:
    """One load run's figures, labelled with what was measured."""

    server: str
    mode: str
    scenario: str
    concurrency: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int
    requests: int
    tool: str
    status_sample: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


WORKERS_MODE = "static, 2 workers"


def mock_command(spec: Path, *flags: str) -> Callable[[int], Sequence[str]]:
    """The command line of ``leeloo-mock`` on a port, quiet (warning level logs)."""

    def command(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "mock_server",
            str(spec),
            "--host",
            "127.0.0.1",
            f"--port={port}",
            "--log-level=warning",
            *flags,
        ]

    return command


def start_mock(
    spec: Path = SPEC, *flags: str, name: str = "leeloo-mock"
) -> AbstractContextManager[ChildServer]:
    return running_server(
        name, mock_command(spec, *flags), probe_path=f"{MOCK_BASE}/tags", probe_headers=[AUTH]
    )


def start_ceiling() -> AbstractContextManager[ChildServer]:
    return running_server(
        "ceiling",
        lambda port: [sys.executable, "-m", "bench.ceiling_app", f"--port={port}"],
        probe_path="/api/v2/tags",
    )


def prism_available() -> bool:
    return PRISM_BIN.exists()


def install_prism(log: Callable[[str], None]) -> bool:
    """Install Prism 5 into bench/.prism (git-ignored) when npm is there; False (said why) if not."""
    if prism_available():
        return True
    if shutil.which("npx") is None or shutil.which("npm") is None:
        log("Prism: skipped, npx/npm are not on PATH")
        return False
    log("Prism: installing @stoplight/prism-cli@5 into bench/.prism ...")
    try:
        completed = subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(PRISM_DIR),
                "--no-audit",
                "--no-fund",
                "@stoplight/prism-cli@5",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log("Prism: skipped, npm install took longer than 300 s")
        return False
    if completed.returncode != 0 or not prism_available():
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        log(f"Prism: skipped, npm install failed: {' / '.join(tail)}")
        return False
    return True


def start_prism(
    spec: Path = SPEC, name: str = "prism", max_rss_mib: float | None = None
) -> AbstractContextManager[ChildServer]:
    """Prism quiet mode (``-v warn``); it serves the spec's paths without the server base path."""
    return running_server(
        name,
        lambda port: [str(PRISM_BIN), "mock", "-p", str(port), "-h", "127.0.0.1", "-v", "warn", str(spec)],
        probe_path="/tags",
        probe_headers=[AUTH],
        startup_timeout_s=180,
        max_rss_mib=max_rss_mib,
    )


def create_person(base_url: str) -> str:
    """In ``--stateful`` mode: a new person to tag (the example id may not exist there)."""
    response = httpx.post(
        f"{base_url}/people",
        headers=dict([AUTH]),
        json={
            "name": "Bench",
            "email": "bench@example.com",
            "phone": "+380953066789",
            "leadgentool_id": "609290d3e060416cdea6823e",
            "connected_users_ids": [],
        },
        timeout=10,
    )
    response.raise_for_status()
    person_id: str = response.json()["data"]["person_id"]
    return person_id


def first_account_id(base_url: str) -> str:
    """In ``--stateful`` mode: a communication channel the store knows (messages need one)."""
    response = httpx.get(f"{base_url}/communication-channels", headers=dict([AUTH]), timeout=10)
    response.raise_for_status()
    account_id: str = response.json()["data"][0]["id"]
    return account_id


def _status_sample(base_url: str, scenario: Scenario, path: str, body: bytes) -> int | None:
    headers = dict([AUTH])
    if scenario.content_type:
        headers["Content-Type"] = scenario.content_type
    try:
        response = httpx.request(scenario.method, base_url + path, headers=headers, content=body, timeout=10)
    except httpx.HTTPError:
        return None
    return response.status_code


def measure(
    server: ChildServer,
    mode: str,
    base_path: str,
    concurrencies: Sequence[int],
    duration_s: float,
    tool: str,
    scenarios: Sequence[Scenario] = SCENARIOS,
    person_id: str = EXAMPLE_PERSON_ID,
    account_id: str = EXAMPLE_ACCOUNT_ID,
) -> Iterator[Measurement]:
    """Every scenario at every concurrency against one running server."""
    for scenario in scenarios:
        path = base_path + scenario.path.replace("{person_id}", person_id)
        body = scenario.body.replace("{account_id}", account_id).encode()
        sample = _status_sample(server.url, scenario, path, body)
        headers = [AUTH] + ([("Content-Type", scenario.content_type)] if scenario.content_type else [])
        for concurrency in concurrencies:
            spec = LoadPlan(
                url=server.url + path,
                method=scenario.method,
                headers=tuple(headers),
                body=body,
                concurrency=concurrency,
                duration_s=duration_s,
            )
            result = run_load(spec, tool)
            yield Measurement(
                server=server.name,
                mode=mode,
                scenario=scenario.name,
                concurrency=concurrency,
                rps=result.rps,
                p50_ms=result.p50_ms,
                p99_ms=result.p99_ms,
                non_2xx=result.non_2xx,
                errors=result.errors,
                requests=result.requests,
                tool=result.tool,
                status_sample=sample,
            )


MODES: dict[str, tuple[str, ...]] = {
    "static": (),
    # as the README tells a user to start it for load on a machine of N cores: N workers (here 2,
    # sharing the 2 cores with the load generator)
    WORKERS_MODE: ("--workers", "2"),
    "dynamic": ("--dynamic", "--seed=1"),
    "stateful": ("--stateful", "--max-records=1000000"),
}


def measure_all(
    concurrencies: Sequence[int],
    duration_s: float,
    tool: str,
    with_prism: bool,
    log: Callable[[str], None],
) -> list[Measurement]:
    """The ceiling, the mock in each mode, and Prism when installed."""
    results: list[Measurement] = []
    with start_ceiling() as ceiling:
        log(f"ceiling app up in {ceiling.startup_s:.2f} s")
        ceiling_scenarios = [scenario for scenario in SCENARIOS if scenario.ceiling]
        results += measure(ceiling, "static", "/api/v2", concurrencies, duration_s, tool, ceiling_scenarios)
    for mode, flags in MODES.items():
        try:
            with start_mock(SPEC, *flags) as mock:
                log(f"leeloo-mock {mode} up in {mock.startup_s:.2f} s, RSS {rss_mib(mock.pid)} MiB")
                base = mock.url + MOCK_BASE
                stateful = mode == "stateful"
                results += measure(
                    mock,
                    mode,
                    MOCK_BASE,
                    concurrencies,
                    duration_s,
                    tool,
                    person_id=create_person(base) if stateful else EXAMPLE_PERSON_ID,
                    account_id=first_account_id(base) if stateful else EXAMPLE_ACCOUNT_ID,
                )
        except (ServerStartError, httpx.HTTPError, KeyError) as exc:
            log(f"leeloo-mock {mode}: skipped, {type(exc).__name__}: {exc}")
    if with_prism and install_prism(log):
        try:
            with start_prism() as prism:
                log(f"Prism up in {prism.startup_s:.2f} s, RSS {rss_mib(prism.pid)} MiB")
                results += measure(prism, "static", "", concurrencies, duration_s, tool)
        except ServerStartError as exc:
            log(f"Prism: skipped, {exc}")
    return results


def repo_relative(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


# one exported tree per revision, outside the checkout: inside it, its copies of our modules
# and tests would be found by pytest, ruff and the tests that walk the packages
BASELINE_DIR = Path(tempfile.gettempdir()) / "leeloo-bench-baseline"
BEFORE_AFTER = tuple(scenario for scenario in SCENARIOS if scenario.ceiling and scenario.method != "PUT")


def baseline_tree(revision: str) -> Path:
    """The mock of ``revision`` exported (``git archive``) into ``BASELINE_DIR/SHA``, once."""
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.strip()
    tree = BASELINE_DIR / sha[:12]
    if not (tree / "mock_server").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", sha],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True, timeout=60)
    return tree


def start_baseline_mock(tree: Path, name: str) -> AbstractContextManager[ChildServer]:
    """The mock of an exported tree, started as :func:`start_mock` starts this one (same spec,
    flags and interpreter); ``-P`` and ``PYTHONPATH`` make it import that tree's packages."""
    command = mock_command(SPEC)
    return running_server(
        name,
        lambda port: [sys.executable, "-P", *list(command(port))[1:]],
        probe_path=f"{MOCK_BASE}/tags",
        probe_headers=[AUTH],
        env={"PYTHONPATH": str(tree), "LEELOO_MOCK_CACHE_DIR": str(tree / ".check-cache")},
    )


def measure_before_after(
    revision: str, duration_s: float, tool: str, log: Callable[[str], None], rounds: int = 3
) -> list[dict[str, Any]]:
    """This mock and ``revision``'s, both running, loaded in turn (``rounds`` times each, at
    concurrency 32) on the static GET and the validated POST: on a shared machine only runs
    that interleave compare. One row per server and scenario: the median req/s and p99."""
    tree = baseline_tree(revision)
    label = f"leeloo-mock @{revision}"
    runs: dict[tuple[str, str], list[Measurement]] = {}
    with start_baseline_mock(tree, label) as before, start_mock(SPEC) as after:
        log(f"before/after: {label} and this tree up; {rounds} interleaved rounds")
        for _ in range(rounds):
            for scenario in BEFORE_AFTER:
                for server in (before, after):
                    [run] = measure(server, "static", MOCK_BASE, [32], duration_s, tool, [scenario])
                    runs.setdefault((server.name, scenario.name), []).append(run)
    rows: list[dict[str, Any]] = []
    for (server_name, scenario_name), measured in runs.items():
        by_rps = sorted(measured, key=lambda run: run.rps)
        by_p99 = sorted(run.p99_ms for run in measured)
        rows.append(
            {
                "server": server_name,
                "scenario": scenario_name,
                "rounds": len(measured),
                "median_rps": round(by_rps[len(by_rps) // 2].rps),
                "median_p99_ms": by_p99[len(by_p99) // 2],
                "rps_runs": [round(run.rps) for run in measured],
            }
        )
    return rows
