"""The command line's ``--workers N``."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from mock_server.stores.config import StoreConfig

MAX_WORKERS = 64


@dataclass(frozen=True)
class WorkersConfig:
    """How many processes serve the port (1: the mock's own process, no supervisor)."""

    count: int = 1


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"{text} must be from 1 to {MAX_WORKERS}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--workers N``."""
    parser.add_argument(
        "--workers",
        type=_count,
        default=1,
        metavar="N",
        help="processes serving the port (default 1); with --stateful they need a shared --store "
        "(sqlite:///PATH or redis://HOST:PORT/DB)",
    )


def from_args(
    parser: argparse.ArgumentParser, args: argparse.Namespace, store: StoreConfig | None
) -> WorkersConfig:
    """The workers of the parsed arguments; usage and exit 2 for stateful workers on the memory store."""
    count: int = args.workers
    if count > 1 and args.stateful and (store is None or not store.shared):
        parser.error(
            f"--workers {count} with --stateful needs a store the workers share: the memory store "
            "lives in one process, so each worker would answer from records of its own. "
            "Add --store sqlite:///PATH (one host) or --store redis://HOST:PORT/DB."
        )
    return WorkersConfig(count)
