"""A bounded HTTP/1.1 load generator that runs in its own process.

The generator must not share a process (or an event loop) with the server it measures, and it
must be cheaper per request than the server, or it measures itself: an httpx loop tops out near
500 req/s on this machine. So ``wrk`` is used when it is on PATH (``apt-get install wrk``), and
otherwise a small asyncio raw-socket client with keep-alive connections, started with
``python bench/loadgen.py`` in a child process.

Both are bounded: a run lasts at most ``duration`` seconds (capped at ``MAX_DURATION_S``), sends at
most ``max_requests`` requests (fallback only; wrk has no count limit but the time bound holds),
opens at most ``MAX_CONCURRENCY`` connections, and talks only to 127.0.0.1.

Usage: ``python bench/loadgen.py [--tool auto|wrk|python] [-m METHOD] [-H 'Name: value']...
[--body TEXT] [-c N] [-d SECONDS] [--json] URL``. Exit 0 when the run happened, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

MAX_DURATION_S = 60.0
MAX_CONCURRENCY = 1024
DEFAULT_MAX_REQUESTS = 2_000_000
READ_TIMEOUT_S = 5.0
ALLOWED_HOST = "127.0.0.1"
_RESULT_MARKER = "LOADGEN_JSON "


class LoadPlanError(ValueError):
    """The load run asked for is outside the bounds (host, duration, concurrency, URL shape)."""


@dataclass(frozen=True)
class LoadPlan:
    """What to send, how hard and for how long."""

    url: str
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    concurrency: int = 32
    duration_s: float = 3.0
    max_requests: int = DEFAULT_MAX_REQUESTS

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme != "http":
            raise LoadPlanError(f"only http:// URLs are supported, got {self.url!r}")
        if parts.hostname != ALLOWED_HOST:
            raise LoadPlanError(f"the load generator only talks to {ALLOWED_HOST}, got {parts.hostname!r}")
        if parts.port is None:
            raise LoadPlanError(f"the URL needs an explicit port: {self.url!r}")
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise LoadPlanError(f"concurrency must be 1..{MAX_CONCURRENCY}, got {self.concurrency}")
        if not 0 < self.duration_s <= MAX_DURATION_S:
            raise LoadPlanError(f"duration must be in (0, {MAX_DURATION_S:g}] seconds, got {self.duration_s}")
        if self.max_requests < 1:
            raise LoadPlanError(f"max_requests must be positive, got {self.max_requests}")
        if not self.method.isalpha():
            raise LoadPlanError(f"not an HTTP method: {self.method!r}")

    @property
    def port(self) -> int:
        port = urlsplit(self.url).port
        assert port is not None  # checked in __post_init__
        return port

    @property
    def target(self) -> str:
        """The request-target: path and query, as sent on the request line."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class LoadResult:
    """What a run measured. Latencies are in milliseconds; ``non_2xx`` counts answered requests
    whose status was not 2xx (wrk: status >= 400), ``errors`` failed connects, reads, writes and
    timeouts."""

    tool: str
    requests: int
    duration_s: float
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int
    status_counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_load(plan: LoadPlan, tool: str = "auto") -> LoadResult:
    """Run one bounded load in a separate process and return what it measured.

    ``tool`` is ``wrk``, ``python`` (the asyncio fallback) or ``auto`` (wrk when on PATH).
    """
    if tool == "auto":
        tool = "wrk" if wrk_available() else "python"
    if tool == "wrk":
        return _run_wrk(plan)
    if tool == "python":
        return _run_python_subprocess(plan)
    raise LoadPlanError(f"unknown tool {tool!r} (auto, wrk or python)")


# ---------------------------------------------------------------------------------------------- wrk


def _lua_string(data: bytes) -> str:
    """A Lua string literal holding ``data`` exactly: every byte as a decimal escape."""
    return '"' + "".join(f"\\{byte:d}" for byte in data) + '"'


def _wrk_script(plan: LoadPlan) -> str:
    lines = [f"wrk.method = {_lua_string(plan.method.encode())}"]
    if plan.body:
        lines.append(f"wrk.body = {_lua_string(plan.body)}")
    for name, value in plan.headers:
        lines.append(f"wrk.headers[{_lua_string(name.encode())}] = {_lua_string(value.encode('latin-1'))}")
    lines.append(
        f"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{_RESULT_MARKER}{{"requests": %d, "duration_us": %d, "socket_errors": %d, '
    .. '"status_errors": %d, "p50_us": %d, "p99_us": %d}}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""
    )
    return "\n".join(lines)


def _run_wrk(plan: LoadPlan) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="loadgen-") as tmp:
        script = Path(tmp) / "run.lua"
        script.write_text(_wrk_script(plan), encoding="utf-8")
        seconds = max(1, round(plan.duration_s))
        command = [
            "wrk",
            "-t1",
            f"-c{plan.concurrency}",
            f"-d{seconds}s",
            f"--timeout={READ_TIMEOUT_S:g}s",
            "-s",
            str(script),
            plan.url,
        ]
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + READ_TIMEOUT_S + 10, check=False
        )
    for line in completed.stdout.splitlines():
        if line.startswith(_RESULT_MARKER):
            raw = json.loads(line[len(_RESULT_MARKER) :])
            break
    else:
        raise RuntimeError(f"wrk gave no result (exit {completed.returncode}): {completed.stderr.strip()}")
    duration = raw["duration_us"] / 1e6
    return LoadResult(
        tool="wrk",
        requests=raw["requests"],
        duration_s=round(duration, 3),
        rps=round(raw["requests"] / duration, 1) if duration else 0.0,
        p50_ms=round(raw["p50_us"] / 1000, 3),
        p99_ms=round(raw["p99_us"] / 1000, 3),
        non_2xx=raw["status_errors"],
        errors=raw["socket_errors"],
    )


# ------------------------------------------------------------------------------- asyncio fallback


def _run_python_subprocess(plan: LoadPlan) -> LoadResult:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--tool=python",
        "--json",
        f"--method={plan.method}",
        f"--concurrency={plan.concurrency}",
        f"--duration={plan.duration_s}",
        f"--max-requests={plan.max_requests}",
    ]
    for name, value in plan.headers:
        command.append(f"--header={name}: {value}")
    if plan.body:
        command.append(f"--body={plan.body.decode('utf-8', 'surrogateescape')}")
    command.append(plan.url)
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=plan.duration_s + READ_TIMEOUT_S + 30, check=False
    )
    for line in completed.stdout.splitlines():
        if line.startswith(_RESULT_MARKER):
            return LoadResult(**json.loads(line[len(_RESULT_MARKER) :]))
    raise RuntimeError(f"the load process gave no result (exit {completed.returncode}): {completed.stderr}")


def _build_request(plan: LoadPlan) -> bytes:
    head = [f"{plan.method} {plan.target} HTTP/1.1", f"Host: {ALLOWED_HOST}:{plan.port}"]
    names = {name.lower() for name, _ in plan.headers}
    head += [f"{name}: {value}" for name, value in plan.headers]
    if (plan.body or plan.method in ("POST", "PUT", "PATCH")) and "content-length" not in names:
        head.append(f"Content-Length: {len(plan.body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + plan.body


class _Budget:
    """The shared request budget and deadline of one run."""

    def __init__(self, max_requests: int, deadline: float) -> None:
        self.left = max_requests
        self.deadline = deadline

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() >= self.deadline:
            return False
        self.left -= 1
        return True


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; return its status and whether the connection can be reused."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length: int | None = None
    chunked = False
    keep_alive = True
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value.strip())
        elif key == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif key == b"connection":
            keep_alive = b"close" not in value.lower()
    if status in (204, 304) or 100 <= status < 200:
        return status, keep_alive
    if chunked:
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip(), 16)
            if size == 0:
                while await reader.readuntil(b"\r\n") != b"\r\n":
                    pass
                break
            await reader.readexactly(size + 2)
    elif length is not None:
        await reader.readexactly(length)
    else:
        await reader.read()  # no length: the body runs to the end of the connection
        keep_alive = False
    return status, keep_alive


async def _worker(
    plan: LoadPlan, request: bytes, budget: _Budget, latencies: list[float], result: dict[str, int]
) -> None:
    writer: asyncio.StreamWriter | None = None
    reader: asyncio.StreamReader | None = None
    statuses: dict[int, int] = {}
    try:
        while budget.take():
            if writer is None:
                try:
                    reader, writer = await asyncio.wait_for(
                        asyncio.open_connection(ALLOWED_HOST, plan.port, limit=1 << 20), READ_TIMEOUT_S
                    )
                except (OSError, TimeoutError):
                    result["errors"] += 1
                    await asyncio.sleep(0.01)  # a refused connect must not spin the loop
                    continue
            assert reader is not None and writer is not None
            started = time.perf_counter()
            try:
                writer.write(request)
                status, keep_alive = await asyncio.wait_for(_read_response(reader), READ_TIMEOUT_S)
            except (
                OSError,
                TimeoutError,
                asyncio.IncompleteReadError,
                asyncio.LimitOverrunError,
                ValueError,
            ):
                # ValueError: a status line or length that does not parse counts as a failed read
                result["errors"] += 1
                writer.close()
                writer = None
                continue
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            if not 200 <= status < 300:
                result["non_2xx"] += 1
            if not keep_alive:
                writer.close()
                writer = None
    finally:
        if writer is not None:
            writer.close()
        for status, count in statuses.items():
            result[str(status)] = result.get(str(status), 0) + count


def _percentile(sorted_values: Sequence[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


async def _run_python_async(plan: LoadPlan) -> LoadResult:
    request = _build_request(plan)
    started = time.perf_counter()
    budget = _Budget(plan.max_requests, started + plan.duration_s)
    latencies: list[float] = []
    counters: dict[str, int] = {"errors": 0, "non_2xx": 0}
    workers = [_worker(plan, request, budget, latencies, counters) for _ in range(plan.concurrency)]
    await asyncio.gather(*workers)
    elapsed = time.perf_counter() - started
    latencies.sort()
    errors = counters.pop("errors")
    non_2xx = counters.pop("non_2xx")
    return LoadResult(
        tool="python",
        requests=len(latencies),
        duration_s=round(elapsed, 3),
        rps=round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        p50_ms=round(_percentile(latencies, 0.50) * 1000, 3),
        p99_ms=round(_percentile(latencies, 0.99) * 1000, 3),
        non_2xx=non_2xx,
        errors=errors,
        status_counts=dict(sorted(counters.items())),
    )


def run_python_in_process(plan: LoadPlan) -> LoadResult:
    """The fallback generator in the calling process (what the child process runs)."""
    try:
        import uvloop
    except ImportError:  # plain asyncio is slower but correct
        return asyncio.run(_run_python_async(plan))
    return uvloop.run(_run_python_async(plan))


# -------------------------------------------------------------------------------------------- CLI


def _parse_header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"a header is 'Name: value', got {text!r}")
    return name.strip(), value.strip()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loadgen", description="Bounded HTTP/1.1 load against 127.0.0.1.")
    parser.add_argument("url", help="http://127.0.0.1:PORT/path?query")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("-m", "--method", default="GET")
    parser.add_argument("-H", "--header", action="append", type=_parse_header, default=[])
    parser.add_argument("--body", default="", help="request body (text, sent as UTF-8)")
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    parser.add_argument("-d", "--duration", type=float, default=3.0, help="seconds")
    parser.add_argument("--max-requests", type=int, default=DEFAULT_MAX_REQUESTS)
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        plan = LoadPlan(
            url=args.url,
            method=args.method.upper(),
            headers=tuple(args.header),
            body=args.body.encode("utf-8", "surrogateescape"),
            concurrency=args.concurrency,
            duration_s=args.duration,
            max_requests=args.max_requests,
        )
    except LoadPlanError as exc:
        parser.error(str(exc))
    if args.tool == "wrk" and not wrk_available():
        parser.error("wrk is not on PATH (apt-get install wrk), use --tool=python")
    result = run_python_in_process(plan) if args.tool == "python" else run_load(plan, args.tool)
    if args.json:
        print(_RESULT_MARKER + result.to_json())
    else:
        print(
            f"{result.tool}: {result.requests} requests in {result.duration_s:.2f} s "
            f"= {result.rps:,.0f} req/s, "
            f"p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms, "
            f"non-2xx {result.non_2xx}, errors {result.errors}"
        )
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
