"""Where ``leeloo-mock``'s start-up goes: checking the spec, loading it, compiling it.

Run in a child process per spec (``python -m bench._startup SPEC --max-rss-mib N``) so that each
measurement starts cold and a compile that eats memory hits the address-space limit set here
(and dies: the Rust validator aborts) instead of the shared machine. Prints a JSON line after
each phase; the last one holds everything measured.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def _peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="startup", description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("--max-rss-mib", type=float, default=3072.0)
    args = parser.parse_args(argv)
    limit = int(args.max_rss_mib * (1 << 20)) * 2  # address space runs ahead of RSS
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    result: dict[str, object] = {"spec": str(args.spec)}
    try:
        from mock_server import MockConfig, compile_spec, load_document
        from mock_server import Spec as MockSpec
        from openapi_document.spec_check import check_spec

        started = time.perf_counter()
        problems = check_spec(args.spec)
        result["spec_check_s"] = round(time.perf_counter() - started, 2)
        result["spec_problems"] = len(problems)
        result["rss_after_check_mib"] = _peak_rss_mib()
        print(json.dumps(result), flush=True)  # a compile that aborts must not lose this
        started = time.perf_counter()
        document = load_document(MockConfig(spec_path=args.spec).spec_path)
        result["load_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        compile_spec(MockSpec(document))
        result["compile_s"] = round(time.perf_counter() - started, 2)
        result["peak_rss_mib"] = _peak_rss_mib()
    except MemoryError:
        result["error"] = f"MemoryError past the {args.max_rss_mib:,.0f} MiB guard"
        result["peak_rss_mib"] = _peak_rss_mib()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
