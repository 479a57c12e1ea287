"""``make fuzz``: schemathesis in negative mode against a running ``leeloo-mock``; 0 server errors.

Negative mode sends what the spec forbids (wrong types, missing required fields, bodies that do
not parse, out-of-range values); a mock must answer every one with a 4xx problem, never a 5xx.
The run uses only the ``not_a_server_error`` check: whether the mock's 4xx is the *right* 4xx
is the contract suite's business. Afterwards the mock must still answer, and its stderr must hold
no traceback of an internal error.

Usage: ``python -m bench.fuzz [--max-examples N] [--seed N] [--mode negative|positive|all]``.
Exit 0 when every case passed, 1 when one failed or the mock broke, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from bench._servers import REPO_ROOT
from bench._throughput import AUTH, MOCK_BASE, SPEC, start_mock
from mock_server._serving import ServerStartError

_CASES = re.compile(r"(\d+) generated")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"a positive integer, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fuzz", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-examples", type=_positive, default=200, help="per operation and phase (default 200)"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--mode", choices=("negative", "positive", "all"), default="negative")
    parser.add_argument("--report-dir", type=Path, default=REPO_ROOT / "reports" / "fuzz")
    args = parser.parse_args(argv)
    schemathesis = Path(sys.executable).with_name("schemathesis")
    command = [
        str(schemathesis),
        "run",
        str(SPEC),
        f"--mode={args.mode}",
        f"--max-examples={args.max_examples}",
        "--checks=not_a_server_error",
        f"--header={AUTH[0]}: {AUTH[1]}",
        "--report=junit",
        f"--report-dir={args.report_dir}",
        "--request-timeout=10",
        *([f"--seed={args.seed}"] if args.seed is not None else []),
    ]
    try:
        with start_mock(SPEC) as mock:
            started = time.perf_counter()
            completed = subprocess.run(
                [*command, f"--url={mock.url}{MOCK_BASE}"], capture_output=True, text=True, check=False
            )
            seconds = time.perf_counter() - started
            alive: int | str
            try:
                alive = httpx.get(f"{mock.url}{MOCK_BASE}/tags", headers=dict([AUTH]), timeout=5).status_code
            except httpx.HTTPError as exc:
                alive = f"no answer ({type(exc).__name__})"
            tracebacks = mock.log().count("Traceback")
    except ServerStartError as exc:
        print(f"fuzz: the mock did not start: {exc}", file=sys.stderr)
        return 1
    print(completed.stdout[-4000:])
    if completed.stderr.strip():
        print(completed.stderr[-2000:], file=sys.stderr)
    found = _CASES.findall(completed.stdout)
    cases = int(found[-1]) if found else 0
    print(
        f"fuzz: {cases} cases ({args.mode} mode, max {args.max_examples} examples) in {seconds:.1f} s; "
        f"schemathesis exit {completed.returncode}; mock afterwards: GET /tags -> {alive}; "
        f"tracebacks in the mock's stderr: {tracebacks}"
    )
    return 0 if completed.returncode == 0 and alive == 200 and tracebacks == 0 and cases > 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
