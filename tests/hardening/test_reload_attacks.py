"""Hot reload, again and again ("Hard to break, round 3", issue 21).

Before: 150 reloads of the Leeloo spec (one comment added each time) took the mock from 48 to
396 MiB, ~2.3 MiB a reload: every reload's spec check left its document in openapi-spec-validator's
unbounded ``iter_errors`` cache, and the mock remembered the source of 8 old documents. Now a
reload leaves one document, one pipeline and one store alive.

Before, too: reloading a 13 MiB spec parsed and checked it in the serving process, holding the
interpreter lock for up to 1.4 s at a time (a client polling every 10 ms waited that long) and
leaving RSS 570 MiB higher. Now a child process checks and parses it; the serving process takes
the parsed data in by frames of at most ``2 * FRAME_NODES`` nodes and compiles it.
"""

from __future__ import annotations

import ctypes
import gc
import io
import shutil
import sys
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
from openapi_document import _yaml_positions, spec_check
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


def test_the_serving_process_never_parses_or_checks_the_spec_during_a_reload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsing (libyaml) and checking hold the interpreter lock for seconds on a large spec: in the
    serving process every request waited for them. A reload does neither here any more."""
    spec = _edited_copy(tmp_path, "before the edit")
    config = MockConfig(spec_path=spec, log_requests=False)
    app = create_app(config)
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("before the edit", "after the edit"), encoding="utf-8"
    )

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the serving process parsed or checked the spec during a reload")

    for module, name in (
        (_yaml_positions, "_parse"),
        (_yaml_positions, "_json_data"),
        (spec_check, "check_for_mock"),
    ):
        monkeypatch.setattr(module, name, refuse)
    monkeypatch.setattr(spec_check, "check_spec_for_mock", refuse)
    said = io.StringIO()
    assert reload_app(app, config, check=True, out=said), said.getvalue()
    assert app.pipeline.compiled.spec.document["info"]["title"] == "after the edit"
    assert f"leeloo-mock: reloaded {spec} (" in said.getvalue()


def test_a_reload_whose_loader_dies_keeps_the_old_spec_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _edited_copy(tmp_path, "kept")
    config = MockConfig(spec_path=spec, log_requests=False)
    app = create_app(config)
    serving = app.pipeline
    monkeypatch.setattr(reload_module, "RELOAD_TIMEOUT_S", 0.0)  # the loader is killed at once
    said = io.StringIO()
    assert not reload_app(app, config, check=True, out=said)
    assert app.pipeline is serving
    assert (
        f"leeloo-mock: reloading {spec} failed: its loader process was stopped by signal 9" in said.getvalue()
    )
    assert "still serving the previous version" in said.getvalue()


def test_a_reload_empties_the_old_document_a_piece_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dropped at once, a 13 MiB document held the interpreter lock 2.7 s while it was freed. The
    release looks at each node's references before it empties it: here, many dicts of the old
    document are found held by nothing else and emptied one item at a time."""
    spec = _edited_copy(tmp_path, "emptied piece by piece")
    config = MockConfig(spec_path=spec, log_requests=False)
    app = create_app(config)
    counting = sys.getrefcount
    looked_at: list[tuple[type, int]] = []

    def counted(node: Any) -> int:
        found = counting(node)
        looked_at.append((type(node), found))
        return found

    monkeypatch.setattr(sys, "getrefcount", counted)
    assert reload_app(app, config, out=io.StringIO())
    monkeypatch.undo()
    alone = looked_at[0][1]  # the release's own measure of a node nothing else holds
    assert sum(1 for kind, found in looked_at if kind is dict and found == alone) > 100
