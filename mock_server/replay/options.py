"""The CLI's replay flag: ``--replay FILE``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from mock_server.har import HarError
from mock_server.replay.config import ReplayConfig


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--replay`` to ``parser``."""
    group = parser.add_argument_group("replay")
    group.add_argument(
        "--replay",
        type=Path,
        metavar="FILE",
        help="answer requests a capture recorded (HAR 1.2 or NDJSON, e.g. from --record) with the "
        "recorded answer, in order; others as without it",
    )


def from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> ReplayConfig | None:
    """The replay ``--replay`` asks for (None: none); usage and exit 2 for a file that cannot be read."""
    path: Path | None = args.replay
    if path is None:
        return None
    if not path.is_file() or not os.access(path, os.R_OK):
        parser.error(f"--replay {path}: no readable file there")
    try:
        return ReplayConfig.read(path)
    except HarError as exc:
        parser.error(f"--replay {exc}")
