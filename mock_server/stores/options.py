"""The command line's ``--store`` option: where the ``--stateful`` records live."""

from __future__ import annotations

import argparse

from mock_server.stores.config import StoreConfig, StoreUrlError, parse_store_url


def _store_url(text: str) -> StoreConfig:
    try:
        return parse_store_url(text)
    except StoreUrlError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--store URL``."""
    parser.add_argument(
        "--store",
        type=_store_url,
        default=None,
        metavar="URL",
        help="with --stateful, where the records live: memory (default, this process only), "
        "sqlite:///PATH (one host, any number of workers, kept across restarts) or "
        "redis://HOST:PORT/DB (many hosts)",
    )


def from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> StoreConfig | None:
    """The store of the parsed arguments; usage and exit 2 for ``--store`` without ``--stateful``."""
    store: StoreConfig | None = args.store
    if store is not None and not args.stateful:
        parser.error(f"--store {store.description} keeps the records of --stateful: add --stateful")
    return store if args.stateful else None
