"""``make docs``: the reference ``/__docs`` serves, written as static files for a team's own site.

``index.html`` is the same page (style and script inline: it needs nothing else, and opens from
the disk too; its "try it" sends to the mock named in its "Send to" field), ``openapi.json`` the
document it shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mock_server.pages.reference import render_reference
from mock_server.spec.document import SpecError, default_spec_path, load_document

DEFAULT_OUT = Path("reports/docs")


def write_reference(spec_path: Path, out_dir: Path) -> list[Path]:
    """Write ``index.html`` and ``openapi.json`` of the spec at ``spec_path`` into ``out_dir``."""
    document = load_document(spec_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(render_reference(document).html, encoding="utf-8")
    spec_copy = out_dir / "openapi.json"
    spec_copy.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return [index, spec_copy]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mock_server.pages",
        description="Write the API reference of a spec as static files (index.html, openapi.json).",
    )
    parser.add_argument("--spec", type=Path, help="the spec (default: the bundled Leeloo spec)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the folder (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    try:
        written = write_reference(args.spec or default_spec_path(), args.out)
    except SpecError as exc:
        print(f"docs: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"docs: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0
