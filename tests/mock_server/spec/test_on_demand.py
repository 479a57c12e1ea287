"""A spec with more operations than ``MAX_COMPILED_OPERATIONS`` is compiled one operation at a
time, when a request first asks for it, and keeps a bounded number compiled."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mock_server import MockConfig, MockRequest, Pipeline, Spec, compile_spec
from mock_server.spec.compiled import OnDemand


def _document(count: int) -> dict[str, Any]:
    thing = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    operations = {
        f"/things{n}": {
            "get": {
                "operationId": f"get_thing{n}",
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": thing}}}
                },
            },
            "post": {
                "operationId": f"create_thing{n}",
                "requestBody": {"required": True, "content": {"application/json": {"schema": thing}}},
                "responses": {
                    "201": {
                        "description": "made",
                        "content": {"application/json": {"schema": thing, "example": {"name": f"n{n}"}}},
                    }
                },
            },
        }
        for n in range(count)
    }
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": operations}


def _on_demand(compiled: Any) -> OnDemand:
    found = compiled.operations[0]._on_demand
    assert isinstance(found, OnDemand)
    return found


def test_a_large_spec_compiles_nothing_at_start_and_each_operation_on_first_use() -> None:
    compiled = compile_spec(Spec(_document(5)), max_compiled=4, kept_on_demand=4)  # 10 operations, 4 kept
    on_demand = _on_demand(compiled)
    assert len(compiled.operations) == 10
    assert on_demand.compiled_count == 0
    pipeline = Pipeline(compiled, MockConfig(spec_path=Path("in-memory.json")))
    answer = pipeline.handle(MockRequest("GET", "/things3", "", {}))
    assert answer.status == 200
    assert "name" in json.loads(answer.body)
    made = pipeline.handle(
        MockRequest("POST", "/things1", "", {"content-type": "application/json"}, b'{"name": "x"}')
    )
    assert made.status == 201
    assert json.loads(made.body) == {"name": "n1"}
    refused = pipeline.handle(
        MockRequest("POST", "/things1", "", {"content-type": "application/json"}, b"{}")
    )
    assert refused.status == 422
    assert on_demand.compiled_count == 2  # the refusal used the kept POST /things1


def test_at_most_max_compiled_operations_are_kept_least_recently_used_dropped() -> None:
    compiled = compile_spec(Spec(_document(5)), max_compiled=4, kept_on_demand=4)
    on_demand = _on_demand(compiled)
    operations = compiled.operations
    for operation in operations:
        assert operation.response_keys  # compiles it
    assert on_demand.compiled_count == 10
    assert on_demand.kept == 4
    assert operations[-1].validator is not None  # kept: not compiled again
    assert on_demand.compiled_count == 10
    assert operations[0].validator is not None  # dropped long ago: compiled again
    assert on_demand.compiled_count == 11
    assert on_demand.kept == 4


def test_a_spec_within_the_bound_is_compiled_whole_at_start() -> None:
    compiled = compile_spec(Spec(_document(2)), max_compiled=4)
    assert all(operation._on_demand is None for operation in compiled.operations)
