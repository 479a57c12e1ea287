"""Hot reload's parts: when a change counts, and how the old spec is let go."""

from __future__ import annotations

import copy
from pathlib import Path

from mock_server import MockConfig, create_app
from mock_server.server.reload import ChangeDetector, let_go_gradually
from tests.mock_server.conftest import SPEC_PATH


def test_an_edit_made_after_the_spec_was_read_but_before_the_watching_started_counts(tmp_path: Path) -> None:
    """Issue 25: a watcher that takes the file as it finds it when it starts misses such an edit."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.1.0\n", encoding="utf-8")
    seen_when_read = ChangeDetector([spec]).look()
    spec.write_text("openapi: 3.1.0\ninfo: {}\n", encoding="utf-8")
    detector = ChangeDetector([spec], seen_when_read)
    assert not detector.settled_change()  # changed: one more look to see it settled
    assert detector.settled_change()
    assert not detector.settled_change()  # counted once


def test_letting_the_old_pipeline_go_leaves_what_something_else_holds_whole() -> None:
    old = create_app(MockConfig(spec_path=SPEC_PATH, log_requests=False)).pipeline
    held = old.compiled.spec.document["components"]["schemas"]  # as a record the new store adopted
    before = copy.deepcopy(held)
    garbage = [old]
    del old
    let_go_gradually(garbage)
    assert garbage == []
    assert held == before
