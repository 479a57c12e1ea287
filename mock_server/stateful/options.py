"""The stateful store's capacity from ``leeloo-mock``'s parsed arguments."""

from __future__ import annotations

import argparse

from mock_server.stateful.config import StoreLimits


def from_args(args: argparse.Namespace) -> StoreLimits:
    """``--max-records`` and ``--max-store-bytes``."""
    return StoreLimits(max_records=args.max_records, max_store_bytes=args.max_store_bytes)
