"""The faults' command-line options, added to ``leeloo-mock``'s parser by ``cli.py``.

``--delay``, ``--fail`` (repeatable), ``--rate-limit`` and ``--faults FILE``; the mock's
``--seed`` seeds their draws as it seeds generated data. A bad value is argparse's usage error
(exit 2) naming it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from mock_server.faults.config import FaultsConfig, FaultsFileError, load_faults_file
from mock_server.faults.values import (
    FaultRule,
    FaultValueError,
    parse_delay,
    parse_failure,
    parse_failures,
    parse_rate_limit,
)

T = TypeVar("T")


def _argument(parse: Callable[[str], T]) -> Callable[[str], T]:
    def checked(text: str) -> T:
        try:
            return parse(text)
        except FaultValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    checked.__name__ = parse.__name__.removeprefix("parse_").replace("_", " ")
    return checked


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the faults' options to ``parser``."""
    group = parser.add_argument_group("faults (see also Prefer: delay=MS, fault=KIND)")
    group.add_argument(
        "--delay",
        type=_argument(parse_delay),
        metavar="MS|uniform:MIN-MAX|lognormal:MEDIAN:SIGMA",
        help="wait before every answer (milliseconds, at most 60000); --seed makes it repeatable",
    )
    group.add_argument(
        "--fail",
        dest="failures",
        type=_argument(parse_failure),
        action="append",
        metavar="RATE:KIND",
        help="fail a share RATE (0-1) of requests with KIND: a status (500, 502, 503, 429...) answered "
        "with the spec's body for it, or reset, empty, malformed, dribble[:MS] (repeatable)",
    )
    group.add_argument(
        "--rate-limit",
        type=_argument(parse_rate_limit),
        metavar="N/SECONDS",
        help="at most N requests per token in a fixed window; past it 429 with Retry-After",
    )
    group.add_argument(
        "--faults",
        dest="faults_file",
        type=Path,
        metavar="FILE",
        help="YAML list of {operation, delay, fail, rate_limit}: faults of single operations",
    )


def from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> FaultsConfig | None:
    """The faults the parsed arguments ask for (None: none); a bad file or a rate sum is a usage error."""
    failures = args.failures or []
    try:
        parse_failures([failure.text for failure in failures])  # the sum and the count
        rules = load_faults_file(args.faults_file) if args.faults_file is not None else ()
    except (FaultValueError, FaultsFileError) as exc:
        parser.error(str(exc))
    everywhere = FaultRule(None, args.delay, tuple(failures), args.rate_limit)
    if everywhere.empty and not rules:
        return None
    return FaultsConfig(everywhere=everywhere, rules=rules, seed=args.seed, source=args.faults_file)
