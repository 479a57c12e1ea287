"""The proxy's settings from ``leeloo-mock``'s parsed arguments."""

from __future__ import annotations

import argparse

from mock_server.proxy.config import ProxyConfig


def from_args(args: argparse.Namespace) -> ProxyConfig | None:
    """``--proxy`` (or the proxy form's UPSTREAM), ``--errors``, ``--max-upstream-size``,
    ``--upstream-timeout`` and ``--max-upstream-concurrency``; None without an upstream."""
    if args.proxy is None:
        return None
    return ProxyConfig(
        upstream=args.proxy,
        errors=args.errors,
        max_upstream_size=args.max_upstream_size,
        upstream_timeout=args.upstream_timeout,
        upstream_concurrency=args.max_upstream_concurrency,
    )
