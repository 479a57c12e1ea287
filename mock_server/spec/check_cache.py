"""Remember which spec contents already passed ``openapi_document.spec_check``, to start in well under 2 s.

The full check (meta-schema plus ``$ref`` resolution) takes about a second; a spec
whose exact bytes passed it before, with the same checker, need not be checked again. Only
successes are remembered, so a broken spec is always reported. The cache is a directory of
marker files named by a SHA-256 of the spec bytes and the checker's source (with the modules
beside it that its verdict rests on: the upgrade, the validation walk, the references, the
loader); a marker holds the warning lines the check printed, printed again when the marker
spares the check, so that a restart says what the first start said.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

_MAX_REMEMBERED_WARNINGS = 64 * 1024  # bytes of warning lines kept in one marker

CACHE_ENV_VAR = "LEELOO_MOCK_CACHE_DIR"
_CHECKER_MODULES = ("_upgrade.py", "_spec_validation.py", "_refs.py", "_yaml_positions.py")


def cache_dir() -> Path:
    """``$LEELOO_MOCK_CACHE_DIR``, else ``$XDG_CACHE_HOME/leeloo-mock`` (``~/.cache/leeloo-mock``)."""
    explicit = os.environ.get(CACHE_ENV_VAR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "leeloo-mock"


def _marker(spec_path: Path, checker_source: Path) -> Path | None:
    try:
        digest = hashlib.sha256(spec_path.read_bytes())
        digest.update(checker_source.read_bytes())
        for module in _CHECKER_MODULES:  # what the check's verdict also rests on
            source = checker_source.parent / module
            if source.is_file():
                digest.update(source.read_bytes())
    except OSError:
        return None
    return cache_dir() / f"checked-{digest.hexdigest()}"


def already_checked(spec_path: Path, checker_source: Path) -> bool:
    """Whether these spec bytes passed this checker before; if so, its warnings are printed again."""
    marker = _marker(spec_path, checker_source)
    if marker is None or not marker.exists():
        return False
    try:
        warnings = marker.read_text(encoding="utf-8", errors="replace")[:_MAX_REMEMBERED_WARNINGS]
    except OSError:
        warnings = ""
    if warnings:
        print(warnings, end="" if warnings.endswith("\n") else "\n", file=sys.stderr)
    return True


def _printed_warnings(spec_path: Path) -> str:
    """The warning lines the spec check printed for ``spec_path`` in this process, if it ran."""
    checker = sys.modules.get("openapi_document.spec_check")
    lines: list[str] = list(getattr(checker, "PRINTED_WARNINGS", {}).get(str(spec_path), []))
    return "".join(line + "\n" for line in lines)[:_MAX_REMEMBERED_WARNINGS]


def remember_checked(spec_path: Path, checker_source: Path) -> None:
    """Record a passed check (with its warnings); a cache that cannot be written is skipped."""
    marker = _marker(spec_path, checker_source)
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(_printed_warnings(spec_path), encoding="utf-8")
    except OSError:
        pass
