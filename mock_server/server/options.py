"""The server shell's groups of MockConfig from ``leeloo-mock``'s parsed arguments."""

from __future__ import annotations

import argparse
from dataclasses import fields

from mock_server.server.config import DEFAULT_CORS_ORIGINS, AccessRules, ServerLimits


def limits_from_args(args: argparse.Namespace) -> ServerLimits:
    """``--max-body-size``, ``--max-connections``, the timeouts, ``--max-url-size``,
    ``--max-header-size`` and ``--journal-size``: each option's ``dest`` is the field's name."""
    return ServerLimits(**{field.name: getattr(args, field.name) for field in fields(ServerLimits)})


def access_from_args(args: argparse.Namespace) -> AccessRules:
    """``--no-cors``, ``--cors-origin`` (loopback origins when none) and ``--allowed-host``; the
    ``--host`` the mock binds is an allowed Host name too."""
    return AccessRules(
        cors=args.cors,
        cors_origins=tuple(args.cors_origins) if args.cors_origins else DEFAULT_CORS_ORIGINS,
        allowed_hosts=(args.host, *(args.allowed_hosts or ())),
    )
