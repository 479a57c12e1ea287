"""Static bodies: the first valid declared example, else the schema's example, else generated."""

from __future__ import annotations

import json
from typing import Any

from mock_server.producers.examples import build_static_media, collect_examples


def _same(node: Any) -> Any:
    return node


def test_examples_keep_their_order_and_example_is_named_default() -> None:
    media = {"examples": {"b": {"value": 2}, "a": {"value": 1}}, "example": 3}
    assert list(collect_examples(media, _same).items()) == [("b", 2), ("a", 1), ("default", 3)]


def test_an_invalid_first_example_is_not_the_default() -> None:
    media = {"schema": {"type": "integer"}, "examples": {"bad": {"value": "x"}, "good": {"value": 7}}}
    built = build_static_media(
        "application/json", media, _same, lambda v: isinstance(v, int), lambda: 0, "here"
    )
    assert built.default == b"7"
    assert json.loads(built.examples["bad"]) == "x"  # still served when asked for by name


def test_without_examples_the_schema_example_then_generated_data() -> None:
    with_example = {"schema": {"type": "integer", "example": 5}}
    assert build_static_media("a/b", with_example, _same, lambda v: True, lambda: 9, "").default == b"5"
    bare = {"schema": {"type": "integer"}}
    assert build_static_media("a/b", bare, _same, lambda v: True, lambda: 9, "").default == b"9"


def test_a_text_example_is_sent_as_the_text_not_as_a_json_string() -> None:
    # Leeloo's 429 answers the plain text of the spec's example; it was sent with JSON quotes
    media = {"schema": {"type": "string"}, "example": "Too many requests, please try again later."}
    built = build_static_media("text/plain", media, _same, lambda v: True, lambda: "", "")
    assert built.default == b"Too many requests, please try again later."
    assert build_static_media("application/json", media, _same, lambda v: True, lambda: "", "").default == (
        b'"Too many requests, please try again later."'
    )
