"""Whether a spec file can be mocked: ``openapi_document.spec_check``, spared for bytes that passed
it before (``check_cache``), its problems printed. The command line runs it before loading a
spec, the reload's child process before parsing a changed one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mock_server.spec import options as spec_options
from mock_server.spec.check_cache import already_checked, remember_checked
from openapi_document._yaml_positions import DEFAULT_BOUNDS, DocumentBounds


def passes_spec_check(
    spec_path: Path, allow_refs_under: Path | None = None, bounds: DocumentBounds = DEFAULT_BOUNDS
) -> bool:
    """Run ``openapi_document.spec_check`` (skipped for spec bytes that passed it before); print problems.

    With ``allow_refs_under`` the check always runs: the files it reads are not in the cache's key.
    A file larger than ``bounds`` allows is refused first, naming the flag that raises them.
    """
    too_large = spec_options.too_large(spec_path, bounds)
    if too_large is not None:
        print(too_large, file=sys.stderr)
        return False
    checker = Path(spec_check_file())
    if allow_refs_under is None and already_checked(spec_path, checker):
        return True
    from openapi_document.spec_check import check_spec_for_mock as check_spec

    problems = check_spec(spec_path, allow_refs_under, bounds)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"leeloo-mock: {spec_path} cannot be mocked ({len(problems)} problem(s))", file=sys.stderr)
        return False
    if allow_refs_under is None:
        remember_checked(spec_path, checker)
    return True


def spec_check_file() -> str:
    """The checker's source file, found without importing it (its imports cost a quarter second)."""
    spec = importlib.util.find_spec("openapi_document.spec_check")
    return spec.origin if spec is not None and spec.origin else ""
