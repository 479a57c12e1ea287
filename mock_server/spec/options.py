"""The CLI's spec bound: ``--max-spec-size SIZE``.

A spec is read whole, so its size is bounded: 16 MiB unless the user raises the bound on purpose,
never past ``DOCUMENT_BYTES_CEILING`` (256 MiB). Microsoft Graph's description (19 MiB; its beta
45 MiB) needs ``--max-spec-size 64MiB``. The loader's node bound follows the size bound
(``openapi_document._yaml_positions``); a document past the default size is checked against the
OpenAPI meta-schema alone (``openapi_document._meta_check``) and compiled one operation at a time
(``mock_server.spec.compiled``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from openapi_document._yaml_positions import (
    DEFAULT_BOUNDS,
    DOCUMENT_BYTES_CEILING,
    MAX_DOCUMENT_BYTES,
    DocumentBounds,
)

OPTION = "--max-spec-size"
_UNITS = {
    "": 1,
    "b": 1,
    "k": 1 << 10,
    "kib": 1 << 10,
    "kb": 1 << 10,
    "m": 1 << 20,
    "mib": 1 << 20,
    "mb": 1 << 20,
}
_SIZE = re.compile(r"(\d{1,12})\s*([a-z]*)")


def parse_size(text: str) -> int:
    """``64MiB``, ``64M``, ``512KiB``, ``67108864``: a number of bytes (binary units: 1 MiB = 1 MB
    = 1,048,576 bytes), from 1 byte up to ``DOCUMENT_BYTES_CEILING``."""
    found = _SIZE.fullmatch(text.strip().lower())
    if found is None or found.group(2) not in _UNITS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (write it as 64MiB, 512KiB or bytes)")
    size = int(found.group(1)) * _UNITS[found.group(2)]
    if not 0 < size <= DOCUMENT_BYTES_CEILING:
        raise argparse.ArgumentTypeError(
            f"{text} is out of bounds: a spec may be from 1 byte to {DOCUMENT_BYTES_CEILING >> 20} MiB"
        )
    return size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-spec-size`` to ``parser``."""
    group = parser.add_argument_group("spec")
    group.add_argument(
        OPTION,
        dest="max_spec_size",
        type=parse_size,
        default=MAX_DOCUMENT_BYTES,
        metavar="SIZE",
        help=f"read a spec up to SIZE (e.g. 64MiB; default {MAX_DOCUMENT_BYTES >> 20} MiB, at most "
        f"{DOCUMENT_BYTES_CEILING >> 20} MiB): Microsoft Graph's needs 64MiB",
    )


def from_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> DocumentBounds:
    """The bounds ``--max-spec-size`` asks for (the default ones without it)."""
    size: int = args.max_spec_size
    return DEFAULT_BOUNDS if size == DEFAULT_BOUNDS.max_bytes else DocumentBounds(size)


def too_large(spec_path: Path, bounds: DocumentBounds) -> str | None:
    """Why ``spec_path`` cannot be read within ``bounds``, naming the flag that raises them (None: it can)."""
    try:
        size = spec_path.stat().st_size
    except OSError:
        return None  # the check says why it cannot be read
    if size <= bounds.max_bytes:
        return None
    needed = -(-size // (1 << 20))  # MiB, rounded up
    if size > DOCUMENT_BYTES_CEILING:
        return (
            f"leeloo-mock: {spec_path} is {size / (1 << 20):.1f} MiB, more than a spec may be "
            f"({DOCUMENT_BYTES_CEILING >> 20} MiB, the most {OPTION} allows)"
        )
    bound = "by default" if bounds == DEFAULT_BOUNDS else f"with {OPTION} {bounds.size_text.replace(' ', '')}"
    return (
        f"leeloo-mock: {spec_path} is {size / (1 << 20):.1f} MiB, more than the {bounds.size_text} a spec "
        f"may be {bound}: {OPTION} {needed}MiB serves it (at most {DOCUMENT_BYTES_CEILING >> 20} MiB)"
    )
