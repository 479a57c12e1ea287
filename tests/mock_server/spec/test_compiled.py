"""Compiling a spec other than Leeloo's: the mock knows nothing beyond the document it is given."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from mock_server import Spec, compile_spec

PETS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "pets", "version": "1"},
    "components": {"securitySchemes": {"Bearer": {"type": "http", "scheme": "bearer"}}},
    "security": [{"Bearer": []}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "list_pets",
                "responses": {
                    "200": {
                        "description": "pets",
                        "headers": {"X-Total": {"schema": {"type": "integer", "example": 3}}},
                        "content": {
                            "application/json": {"schema": {"type": "array", "items": {"type": "string"}}}
                        },
                    },
                    "204": {"description": "nothing"},
                },
            }
        }
    },
}


def test_a_response_without_examples_gets_generated_valid_data_and_its_headers() -> None:
    operation = compile_spec(Spec(PETS)).operations[0]
    media = operation.responses["200"].media["application/json"]
    assert media.validator.is_valid(json.loads(media.static.default))
    assert operation.responses["200"].headers == (("X-Total", "3"),)
    assert operation.responses["204"].media == {}


def _one_schema_everywhere(schema: dict[str, Any]) -> dict[str, Any]:
    """A document whose three operations answer ``schema`` (a copy each) in two media types."""
    content = {media: {"schema": dict(schema)} for media in ("application/json", "application/yaml")}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            f"/things{n}": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}
            for n in range(3)
        },
    }


def test_one_validator_per_distinct_schema() -> None:
    # Kubernetes names each answer's schema in three media types and the same definitions in a
    # thousand operations: a compiled copy each took 1.7 GB at start-up
    from mock_server import Spec, compile_spec

    document = _one_schema_everywhere({"$ref": "#/components/schemas/Thing"})
    document["components"] = {
        "schemas": {"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}}
    }
    compiled = compile_spec(Spec(document))
    validators = {
        id(media.validator)
        for operation in compiled.operations
        for media in operation.responses["200"].media.values()
    }
    assert len(validators) == 1
    assert (
        not next(iter(compiled.operations))
        .responses["200"]
        .media["application/json"]
        .validator.is_valid({"a": 1})
    )


def test_a_stand_in_body_is_generated_when_first_sent_not_at_start_up(monkeypatch: Any) -> None:
    # generating a stand-in for each of loket.nl's 2,700 responses was a tenth of the mock's start
    from mock_server.producers.dynamic import DataGenerator

    generated: list[Any] = []
    generate = DataGenerator.generate

    def counting(self: DataGenerator, schema: Any, seed: int) -> Any:
        generated.append(schema)
        return generate(self, schema, seed)

    monkeypatch.setattr(DataGenerator, "generate", counting)
    thing = {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}
    document = _one_schema_everywhere(thing)
    other = {"application/json": {"schema": {"type": "integer"}}}
    document["paths"]["/count"] = {"get": {"responses": {"200": {"description": "ok", "content": other}}}}
    compiled = compile_spec(Spec(document))
    assert generated == []
    medias = [media for op in compiled.operations for media in op.responses["200"].media.values()]
    bodies = [media.static.default for media in medias]
    assert len(generated) == len(medias)  # one generation each (seed 0 is valid), when first asked for
    assert [media.static.default for media in medias] == bodies  # and not again
    assert len(generated) == len(medias)
    assert len(set(bodies)) == 2
    assert all(media.validator.is_valid(json.loads(body)) for media, body in zip(medias, bodies, strict=True))


def test_a_stand_in_that_cannot_be_generated_is_null_with_a_warning(
    monkeypatch: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from mock_server.producers.dynamic import DataGenerator

    def broken(self: DataGenerator, schema: Any, seed: int) -> Any:
        raise TypeError("a schema no check caught")

    monkeypatch.setattr(DataGenerator, "generate", broken)
    compiled = compile_spec(Spec(_one_schema_everywhere({"type": "object"})))
    media = next(iter(compiled.operations[0].responses["200"].media.values()))
    with caplog.at_level(logging.WARNING, logger="leeloo_mock"):
        assert media.static.default == b"null"
    reason = "TypeError: a schema no check caught"
    assert f"no stand-in body can be generated ({reason}); null is sent" in caplog.text


def test_a_spec_whose_schemas_name_no_reference_is_compiled_without_the_registry() -> None:
    # loket.nl's description writes every schema in place: its registry was a walk for nothing
    spec = Spec(_one_schema_everywhere({"type": "object", "properties": {"a": {"type": "string"}}}))
    compiled = compile_spec(spec)
    assert spec._registry is None
    media = compiled.operations[0].responses["200"].media["application/json"]
    assert media.validator.is_valid({"a": "x"}) and not media.validator.is_valid({"a": 1})
    referring = Spec(_one_schema_everywhere({"$ref": "#/components/schemas/Thing"}))
    referring.document["components"] = {"schemas": {"Thing": {"type": "integer"}}}  # type: ignore[index]
    compile_spec(referring)
    assert referring._registry is not None
