"""``--dynamic`` against schemas that ask for huge values ("Hard to break, round 3", issue 21).

Before: Tag.name with ``minLength: 3000000`` kept the mock from listening for 100 s, ``300000``
blocked every ``GET /tags`` 1.7 s, a list with ``minItems: 30000000`` never started; the spec
check passed them all. Now generation is bounded (``MAX_GENERATED_SIZE``: it gives up at once
and the mock falls back to the example), and the spec check warns.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server.producers.dynamic import MAX_GENERATED_SIZE, DataGenerator
from mock_server.testing import in_child_process
from openapi_document.spec_check import check_for_mock
from tests.hardening.conftest import SPEC_PATH, TOKEN_HEADER

HUGE = 3_000_000


def _generate(schema: Any) -> Any:
    return DataGenerator(lambda node: node).generate(schema, 0)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "minLength": 300_000},
        {"type": "array", "minItems": 300_000, "items": {"type": "integer"}},
        {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 300_000},
        {"type": "string", "pattern": "^a{300000}$"},
        {"type": "array", "minItems": 1000, "items": {"type": "string", "minLength": 1000}},
    ],
    ids=["minLength", "minItems", "minProperties", "regex-repeat", "items-times-length"],
)
def test_a_value_larger_than_the_bound_is_not_generated(schema: Any) -> None:
    assert _generate(schema) is None


def test_values_within_the_bound_are_generated_whole() -> None:
    text = _generate({"type": "string", "minLength": MAX_GENERATED_SIZE // 2})
    assert isinstance(text, str) and len(text) == MAX_GENERATED_SIZE // 2
    items = _generate({"type": "array", "minItems": 1000, "items": {"type": "integer"}})
    assert isinstance(items, list) and len(items) >= 1000


def _spec_with_huge_tag_name(tmp_path: Path) -> Path:
    text = SPEC_PATH.read_text(encoding="utf-8")
    declared = "        name:\n          type: string\n\n    TagListResponse:"
    assert declared in text
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        text.replace(
            declared, declared.replace("type: string\n", f"type: string\n          minLength: {HUGE}\n")
        ),
        encoding="utf-8",
    )
    return spec


def test_the_spec_check_warns_about_a_size_the_mock_does_not_generate(tmp_path: Path) -> None:
    spec = _spec_with_huge_tag_name(tmp_path)
    checked = check_for_mock(spec)
    assert not checked.problems
    warned = [str(w) for w in checked.warnings if "minLength 3000000" in w.reason]
    assert len(warned) == 1 and "components/schemas/Tag/properties/name/minLength" in warned[0]
    line = next(n for n, text in enumerate(spec.read_text().splitlines(), 1) if f"minLength: {HUGE}" in text)
    assert warned[0].startswith(f"{spec}:{line}:")


def test_the_mock_starts_and_answers_at_once_with_a_huge_min_length(tmp_path: Path) -> None:
    spec = _spec_with_huge_tag_name(tmp_path)
    with in_child_process("--dynamic", "--log-level", "warning", spec=spec) as mock:  # START_TIMEOUT_S
        worst = 0.0
        for seed in range(5):
            started = time.monotonic()
            answer = httpx.get(
                f"{mock.api_url}/tags", headers={**TOKEN_HEADER, "Prefer": f"seed={seed}"}, timeout=30
            )
            worst = max(worst, time.monotonic() - started)
            assert answer.status_code == 200 and len(answer.content) < MAX_GENERATED_SIZE
        assert worst < 1.0, f"a GET /tags took {worst:.2f}s"
        assert "minLength 3000000" in mock.log()
