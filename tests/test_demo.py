"""`make demo` shows each thing once: the 31-row table of operations was printed twice (by the spec
check's --table and by the mock's start-up)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_runs_and_prints_the_table_of_operations_once() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    for item in spec["paths"].values():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                rows = [line for line in done.stdout.splitlines() if f" {operation['operationId']} " in line]
                assert len(rows) == 1, (method, operation["operationId"], rows)
    assert done.stdout.rstrip().endswith("demo finished: spec valid, docs in step, client and mock agree")
