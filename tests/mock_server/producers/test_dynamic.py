"""Generated data: valid for every response schema of the spec, deterministic per seed."""

from __future__ import annotations

import random
from typing import Any

import pytest

from mock_server import CompiledSpec, DataGenerator
from mock_server.producers.dynamic import UnsupportedPattern, _regex_string


def test_every_response_schema_of_the_spec_generates_valid_data(compiled: CompiledSpec) -> None:
    checked = 0
    for operation in compiled.operations:
        for response in operation.responses.values():
            for media in response.media.values():
                for seed in range(15):
                    value = compiled.generator.generate(media.schema, seed)
                    assert media.validator.is_valid(value), (
                        operation.operation_id,
                        response.key,
                        seed,
                        value,
                    )
                    checked += 1
    assert checked > 1000


def test_same_seed_same_value_other_seed_other_value(compiled: CompiledSpec) -> None:
    schema = {"$ref": "#/components/schemas/PersonResponse"}
    assert compiled.generator.generate(schema, 5) == compiled.generator.generate(schema, 5)
    assert compiled.generator.generate(schema, 5) != compiled.generator.generate(schema, 6)


def test_keywords_are_honoured() -> None:
    generator = DataGenerator(lambda node: node)
    schema: dict[str, Any] = {
        "type": "object",
        "required": ["n", "tags", "kind", "when", "flag"],
        "properties": {
            "n": {"type": "integer", "minimum": 10, "maximum": 12, "multipleOf": 2},
            "tags": {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "uniqueItems": True,
                "items": {"enum": ["a", "b"]},
            },
            "kind": {"const": "X"},
            "when": {"type": "string", "format": "date"},
            "flag": {"type": ["boolean", "null"]},
            "code": {"type": "string", "minLength": 30},
        },
        "additionalProperties": False,
    }
    for seed in range(20):
        value = generator.generate(schema, seed)
        assert value["n"] in (10, 12)
        assert sorted(value["tags"]) == ["a", "b"]
        assert value["kind"] == "X"
        assert len(value["when"]) == 10
        assert isinstance(value["flag"], bool)
        assert set(value) <= set(schema["properties"])


@pytest.mark.parametrize(
    "pattern", [r"^[0-9a-fA-F]{24}$", r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", r"^(ab|cd)+x?$", r"[^a-z]\w\s"]
)
def test_regex_strings_match_their_pattern(pattern: str) -> None:
    import re

    rng = random.Random(3)
    for _ in range(20):
        assert re.search(pattern, _regex_string(pattern, rng))


def test_unsupported_regex_features_are_refused() -> None:
    with pytest.raises(UnsupportedPattern):
        _regex_string(r"(a)\1", random.Random(0))
