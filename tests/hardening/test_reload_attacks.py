"""Hot reload, again and again ("Hard to break, round 3", issue 21).

Before: 150 reloads of the Leeloo spec (one comment added each time) took the mock from 48 to
396 MiB, ~2.3 MiB a reload: every reload's spec check left its document in openapi-spec-validator's
unbounded ``iter_errors`` cache, and the mock remembered the source of 8 old documents. Now a
reload leaves one document, one pipeline and one store alive.
"""

from __future__ import annotations

import ctypes
import gc
import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from mock_server import MockConfig, create_app
from mock_server.server import reload as reload_module
from mock_server.server.assembly import build_pipeline
from mock_server.server.reload import reload_app
from mock_server.spec.check_cache import CACHE_ENV_VAR
from mock_server.stages.pipeline import Pipeline
from mock_server.stateful.store import StatefulStore
from openapi_document.spec_check import check_for_mock
from tests.hardening.conftest import SPEC_PATH

RELOADS = 3


def _titled(document: object, title: str) -> bool:
    return (
        type(document) is dict and "paths" in document and (document.get("info") or {}).get("title") == title
    )


def _alive(title: str) -> tuple[int, int, int]:
    """The documents, pipelines and stores of the spec with this title that are still alive."""
    gc.collect()
    found = gc.get_objects()
    return (
        sum(1 for node in found if _titled(node, title)),
        sum(
            1 for node in found if isinstance(node, Pipeline) and _titled(node.compiled.spec.document, title)
        ),
        sum(1 for node in found if isinstance(node, StatefulStore) and _titled(node._spec, title)),
    )


def _edited_copy(tmp_path: Path, title: str) -> Path:
    spec = tmp_path / "openapi.yaml"
    text = SPEC_PATH.read_text(encoding="utf-8")
    spec.write_text(text.replace("title: Leeloo.ai REST API", f"title: {title}", 1), encoding="utf-8")
    shutil.copy(SPEC_PATH.parent / "mock-resources.yaml", tmp_path / "mock-resources.yaml")
    return spec


@pytest.fixture(autouse=True)
def _own_check_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mock skips the check for spec bytes it checked before: every run checks afresh."""
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "check-cache"))


def test_the_spec_check_keeps_no_document_it_checked(tmp_path: Path) -> None:
    title = "leak check of the spec check"
    spec = _edited_copy(tmp_path, title)
    for number in range(RELOADS):
        with spec.open("a", encoding="utf-8") as edited:
            edited.write(f"# edit {number}\n")
        assert not check_for_mock(spec).problems
    assert _alive(title)[0] == 0


def test_reloads_with_stateful_leave_one_document_pipeline_and_store(tmp_path: Path) -> None:
    title = "leak check of the reload"
    spec = _edited_copy(tmp_path, title)
    config = MockConfig(spec_path=spec, stateful=True, log_requests=False)
    app = create_app(config)
    for number in range(RELOADS):
        with spec.open("a", encoding="utf-8") as edited:
            edited.write(f"# edit {number}\n")
        assert reload_app(app, config, check=True, out=io.StringIO())
    assert _alive(title) == (1, 1, 1)


def test_a_reload_builds_without_cyclic_collections_and_returns_the_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a 2.3 MiB spec's reload stalled the event loop up to 2 s (full collections of every
    object, holding the interpreter lock) and left ~60 MiB more resident each time."""
    spec = _edited_copy(tmp_path, "collector check")
    config = MockConfig(spec_path=spec, log_requests=False)
    app = create_app(config)
    collecting: list[bool] = []
    trimmed: list[int] = []
    build = build_pipeline

    def spying_build(*args: Any) -> Any:
        collecting.append(gc.isenabled())
        return build(*args)

    class Libc:
        def malloc_trim(self, pad: int) -> int:
            trimmed.append(pad)
            return 1

    monkeypatch.setattr(reload_module, "build_pipeline", spying_build)
    monkeypatch.setattr(ctypes, "CDLL", lambda name: Libc())
    assert reload_app(app, config, out=io.StringIO())
    assert collecting == [False] and gc.isenabled()
    assert trimmed == [0]
