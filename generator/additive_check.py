"""Prove that an additive spec change needs no test edit (``make additive-check``).

In a scratch clone of the committed tree: apply ``tests.spec_edits.additive`` (a new response
field, a new endpoint, an optional query parameter) to ``spec/openapi.yaml`` and the matching
edit to both page copies (the print the spec follows and the older copy), run ``make generate``
(``python -m generator.generate``), then the whole test suite with the clone's own packages first
on the path. Prints the suite's summary and exits with its status; ``--edit breaking`` applies the
breaking edit instead, to see which tests a removal or rename fails and what they say.

Usage: ``python -m generator.additive_check [--edit additive|breaking] [--keep] [PYTEST_ARGS...]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE_TIMEOUT = 3600  # seconds for the clone's whole suite


def _run(command: Sequence[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> int:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=cwd, env=env, check=False, timeout=timeout).returncode


def check(edit: str, keep: bool, pytest_args: Sequence[str]) -> int:
    scratch = Path(tempfile.mkdtemp(prefix=f"leeloo-{edit}-"))
    clone = scratch / "repo"
    env = {**os.environ, "PYTHONPATH": f"{clone}{os.pathsep}{clone / 'generated_client'}"}
    env.pop("PYTHONSAFEPATH", None)
    python = sys.executable
    try:
        if (
            _run(["git", "clone", "--quiet", "--local", "--no-hardlinks", str(ROOT), str(clone)], ROOT, env)
            != 0
        ):
            return 2
        if edit == "additive":  # the spec's text edited in place, and the page that brought the change
            script = (
                "from tests.spec_edits import HISTORY_PAGE, PAGE, SPEC, additive_page, additive_print\n"
                "from tests.spec_edits import additive_text\n"
                "SPEC.write_text(additive_text(SPEC.read_text(encoding='utf-8')), encoding='utf-8')\n"
                "PAGE.write_text(additive_print(PAGE.read_text(encoding='utf-8')), encoding='utf-8')\n"
                "HISTORY_PAGE.write_text(\n"
                "    additive_page(HISTORY_PAGE.read_text(encoding='utf-8')), encoding='utf-8'\n"
                ")\n"
            )
        else:
            script = (
                "from tests.spec_edits import RESOURCES, SPEC, breaking, breaking_resources\n"
                "from tests.spec_edits import load_spec, write_spec\n"
                "write_spec(breaking(load_spec()), SPEC)\n"
                "mapping = RESOURCES.read_text(encoding='utf-8')\n"
                "RESOURCES.write_text(breaking_resources(mapping), encoding='utf-8')\n"
            )
        if _run([python, "-c", script], clone, env) != 0:
            return 2
        if _run([python, "-m", "generator.generate"], clone, env) != 0:
            return 1
        return _run(
            [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args], clone, env, SUITE_TIMEOUT
        )
    finally:
        if keep:
            print(f"the clone is kept at {clone}")
        else:
            subprocess.run(["rm", "-rf", str(scratch)], check=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.additive_check", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument("--edit", choices=("additive", "breaking"), default="additive")
    parser.add_argument("--keep", action="store_true", help="keep the scratch clone")
    args, pytest_args = parser.parse_known_args(argv)
    return check(args.edit, args.keep, pytest_args)


if __name__ == "__main__":
    sys.exit(main())
