"""Memory of ``--stateful`` under a long run of creates: it must level off at the record cap.

Run in a child process per measurement (``python -m bench._store_memory --creates N
--max-records M``) so that the resident set is this store's alone. POST /people goes straight
through the mock's pipeline, without sockets: the store is what is measured, not the server.
The resident set is sampled every tenth of the run; once the people collection is full, every
create must be the 507 problem and keep nothing, so the samples after that stay flat.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from typing import Any

from bench._servers import REPO_ROOT, run_json_module

SAMPLES = 10
_PAGE_MIB = os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def current_rss_mib() -> float:
    """The resident set now (not the peak): the second field of ``/proc/self/statm``, in pages."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return round(int(statm.read().split()[1]) * _PAGE_MIB, 1)


def _person(index: int) -> bytes:
    return json.dumps(
        {
            "name": f"Bench {index}",
            "email": f"bench{index}@example.com",
            "phone": f"+38095{index % 10_000_000:07d}",
            "leadgentool_id": "609290d3e060416cdea6823e",
        }
    ).encode()


def run_creates(creates: int, max_records: int) -> dict[str, Any]:
    """Send ``creates`` POST /people to an in-process ``--stateful`` pipeline; RSS as it goes."""
    from mock_server import MockConfig
    from mock_server.server.assembly import create_app
    from mock_server.stages.pipeline import MockRequest
    from mock_server.stateful.config import StoreLimits

    spec_path = REPO_ROOT / "spec" / "openapi.yaml"
    app = create_app(
        MockConfig(spec_path=spec_path, stateful=True, store_limits=StoreLimits(max_records=max_records))
    )
    headers = {"x-leeloo-authtoken": "bench", "content-type": "application/json"}
    statuses: dict[int, int] = {}
    samples = [{"creates": 0, "rss_mib": current_rss_mib()}]
    every = max(1, creates // SAMPLES)
    started = time.perf_counter()
    for index in range(1, creates + 1):
        request = MockRequest("POST", "/api/v2/people", "", headers, _person(index))
        status = app.pipeline.handle(request).status
        statuses[status] = statuses.get(status, 0) + 1
        if index % every == 0 or index == creates:
            samples.append({"creates": index, "rss_mib": current_rss_mib()})
    return {
        "creates": creates,
        "max_records": max_records,
        "seconds": round(time.perf_counter() - started, 1),
        "statuses": {str(code): count for code, count in sorted(statuses.items())},
        "samples": samples,
    }


def measure_store_memory(creates: int, max_records: int) -> dict[str, Any]:
    """``run_creates`` in a fresh child process, so the figures start from a clean interpreter."""
    result, status, stderr = run_json_module(
        "bench._store_memory", f"--creates={creates}", f"--max-records={max_records}", timeout_s=900
    )
    if status != 0 or not result:
        raise RuntimeError(f"bench._store_memory exited {status}: {stderr.strip()[-300:]}")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="store_memory", description=__doc__.splitlines()[0])
    parser.add_argument("--creates", type=int, default=100_000)
    parser.add_argument("--max-records", type=int, default=10_000)
    args = parser.parse_args(argv)
    print(json.dumps(run_creates(args.creates, args.max_records)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
