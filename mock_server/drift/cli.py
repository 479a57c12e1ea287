"""``leeloo-drift TRAFFIC``: where recorded traffic departs from the spec.

Exit 0 without findings, 1 with findings, 2 on bad input (``FILE: entry N: reason``, one line).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mock_server.drift.report import Report
from mock_server.drift.run import check_capture
from mock_server.drift.spec import load_spec
from mock_server.har import HarError, read_entries, scrub_text
from mock_server.spec.document import SpecError, default_spec_path

EXIT_CLEAN, EXIT_DRIFT, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leeloo-drift",
        description="Report where recorded traffic (HAR 1.2, NDJSON of HAR entries, or the mock's "
        "journal) departs from the spec, tied to its evidence register. Exit 0 without findings, "
        "1 with findings, 2 on bad input.",
    )
    parser.add_argument("traffic", type=Path, help="a .har, an .ndjson, or GET /__admin/requests saved")
    parser.add_argument("--spec", type=Path, help="the spec (default: the bundled Leeloo spec)")
    parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text (default), json, or html (one self-contained page)",
    )
    parser.add_argument(
        "--ignore-header",
        action="append",
        default=[],
        metavar="NAME",
        help="leave this header out of every exchange before checking (repeatable)",
    )
    parser.add_argument(
        "--propose",
        type=Path,
        metavar="FILE.patch",
        help="write a unified diff against the spec that would make the traffic valid (never edits the spec)",
    )
    return parser


def _formatted(report: Report, form: str) -> str:
    if form == "html":
        from mock_server.pages.drift_page import render_drift

        return render_drift(report)
    return report.to_json() if form == "json" else report.to_text()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    spec_path: Path = args.spec or default_spec_path()
    if args.propose is not None and not args.propose.parent.is_dir():
        parser.error(f"--propose {args.propose}: no directory {args.propose.parent}")
    try:
        spec = load_spec(spec_path)
    except SpecError as exc:
        print(f"leeloo-drift: {scrub_text(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        report = check_capture(read_entries(args.traffic), spec, args.traffic.name, args.ignore_header)
    except HarError as exc:
        print(f"leeloo-drift: {scrub_text(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        print(_formatted(report, args.format), flush=True)
    except BrokenPipeError:  # `leeloo-drift ... | head`: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python flushes stdout again at exit)
    if args.propose is not None:
        from mock_server.drift.propose import write_proposal

        changes = write_proposal(report, spec, args.propose, capture=args.traffic.name)
        print(f"leeloo-drift: {changes} change(s) proposed in {args.propose}", file=sys.stderr)
    return EXIT_DRIFT if report.findings or report.findings_dropped else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
