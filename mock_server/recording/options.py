"""The CLI's recording flags: ``--record FILE``, ``--record-secrets``, ``--record-max-bytes N``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from mock_server.har.writer import DEFAULT_MAX_BYTES
from mock_server.recording.config import RecordingConfig


def _byte_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of bytes") from None
    if value < 1024:
        raise argparse.ArgumentTypeError(f"{value} is too small: at least 1024 bytes")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the recording flags to ``parser``."""
    group = parser.add_argument_group("recording (HAR 1.2, secrets redacted)")
    group.add_argument(
        "--record",
        type=Path,
        metavar="FILE",
        help="write every exchange to FILE as HAR 1.2 as it completes (.ndjson: one entry per line)",
    )
    group.add_argument(
        "--record-secrets",
        action="store_true",
        help="with --record: keep tokens, cookies and secret query values (redacted by default)",
    )
    group.add_argument(
        "--record-max-bytes",
        type=_byte_count,
        metavar="N",
        help=f"with --record: stop recording (serving goes on) before FILE passes N bytes "
        f"(default {DEFAULT_MAX_BYTES // (1024 * 1024)} MiB)",
    )


def from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> RecordingConfig | None:
    """The recording the flags ask for (None: no --record); usage and exit 2 when they conflict."""
    if args.record is None:
        if args.record_secrets or args.record_max_bytes is not None:
            parser.error("--record-secrets and --record-max-bytes need --record FILE")
        return None
    path: Path = args.record
    if path.is_dir():
        parser.error(f"--record {path}: is a directory, not a file")
    if not path.parent.is_dir():
        parser.error(f"--record {path}: no directory {path.parent}")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        parser.error(f"--record {path}: not writable")
    return RecordingConfig(
        path=path,
        redact=not args.record_secrets,
        max_bytes=args.record_max_bytes or DEFAULT_MAX_BYTES,
    )
