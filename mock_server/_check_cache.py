"""Remember which spec contents already passed ``generator.spec_check``, to start in well under 2 s.

The full check (meta-schema plus ``$ref`` resolution) takes about a second; a spec
whose exact bytes passed it before, with the same checker, need not be checked again. Only
successes are remembered, so a broken spec is always reported. The cache is a directory of
empty marker files named by a SHA-256 of the spec bytes and the checker's source.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV_VAR = "LEELOO_MOCK_CACHE_DIR"


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
    except OSError:
        return None
    return cache_dir() / f"checked-{digest.hexdigest()}"


def already_checked(spec_path: Path, checker_source: Path) -> bool:
    """Whether these spec bytes passed this checker before."""
    marker = _marker(spec_path, checker_source)
    return marker is not None and marker.exists()


def remember_checked(spec_path: Path, checker_source: Path) -> None:
    """Record a passed check; a cache that cannot be written is silently skipped."""
    marker = _marker(spec_path, checker_source)
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass
