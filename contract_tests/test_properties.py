"""Property-based contract tests (hypothesis): data generated from the spec's own schemas.

Data comes from schemathesis' generator (``_strategies``; hypothesis-jsonschema no longer runs
with the pinned hypothesis).

- Every object component schema round-trips through its generated model without loss:
  ``Model.from_dict(d).to_dict() == d``, compared semantically (``_semantic``: date-times as
  instants, the models' one documented normalisation).
- Requests the client builds from generated arguments validate against the spec (openapi-core).
- Answers of ``leeloo-mock --dynamic`` (a seed per example) validate against the spec's 200
  schema with format checking, and parse into the client's model.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leeloo_client import LeelooClient

from contract_tests._calls import client_kwargs, example_kwargs
from contract_tests._semantic import semantic
from contract_tests._settings import AUTH_HEADER, BASE_PATH, TOKEN, scaled
from contract_tests._spec import (
    client_module,
    component_names,
    component_schema,
    model_class,
    model_name,
    schema_validator,
    spec_operations,
    success_model,
    success_schema,
    validate_request,
)
from contract_tests._strategies import request_cases, schema_data
from contract_tests._tally import TALLY
from mock_server.testing import LeelooMock
from openapi_document import Operation

MODELS = importlib.import_module("leeloo_client.models")
OBJECT_SCHEMAS = [name for name in component_names() if component_schema(name).get("type") == "object"]
OPERATIONS = spec_operations()


def _settings(examples: int) -> settings:
    return settings(
        max_examples=scaled(examples),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def _id(operation: Operation) -> str:
    return operation.operation_id


def test_every_object_schema_has_a_generated_model() -> None:
    assert len(OBJECT_SCHEMAS) > 40
    missing = [name for name in OBJECT_SCHEMAS if not hasattr(MODELS, model_name(name))]
    assert missing == []


def check_model_round_trip(name: str, examples: int = 5) -> None:
    """The property: generated data of schema ``name`` survives ``from_dict``/``to_dict`` unchanged."""
    model = model_class(name)
    schema = component_schema(name)
    validator = schema_validator(schema)

    @_settings(examples)
    @given(data=schema_data(name))
    def round_trip(data: dict[str, Any]) -> None:
        assert validator.is_valid(data)  # the generator keeps to the schema
        written = model.from_dict(data).to_dict()
        assert semantic(schema, written) == semantic(schema, data)
        TALLY.properties["model round trips"] += 1

    round_trip()


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_model_round_trips_data_generated_from_its_schema(name: str) -> None:
    check_model_round_trip(name)


class CapturingTransport(httpx.BaseTransport):
    """Keeps the requests the client sends and answers each with an empty 204."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(204)


@pytest.mark.parametrize("operation", OPERATIONS, ids=_id)
def test_requests_built_from_generated_arguments_validate_against_the_spec(operation: Operation) -> None:
    module = client_module(operation)

    @_settings(5)
    @given(case=request_cases(operation))
    def sends_a_valid_request(case: Any) -> None:
        parameters = {**(case.path_parameters or {}), **(case.query or {})}
        body = case.body if isinstance(case.body, dict) else None
        transport = CapturingTransport()
        client = LeelooClient(token=TOKEN, base_url="https://api.leeloo.ai/api/v2", transport=transport)
        with client:
            module.sync_detailed(client=client, **client_kwargs(operation, parameters, body))
        assert len(transport.requests) == 1
        validate_request(transport.requests[0])
        TALLY.properties["client requests validated"] += 1

    sends_a_valid_request()


@pytest.fixture(scope="module")
def dynamic_client(dynamic_mock_process: LeelooMock) -> Iterator[httpx.Client]:
    base_url = dynamic_mock_process.url + BASE_PATH
    with httpx.Client(base_url=base_url, headers={AUTH_HEADER: TOKEN}, timeout=10) as client:
        yield client


@pytest.mark.parametrize("operation", OPERATIONS, ids=_id)
def test_dynamic_mock_answers_validate_against_the_spec(
    operation: Operation, dynamic_mock_process: LeelooMock
) -> None:
    # The request itself comes from the client (example arguments); only the answer varies.
    schema = success_schema(operation)
    validator = schema_validator(schema)
    model = success_model(operation)
    module = client_module(operation)
    kwargs = example_kwargs(operation)
    base_url = dynamic_mock_process.url + BASE_PATH

    @_settings(5)
    @given(seed=st.integers(min_value=0, max_value=2**31 - 1))
    def answer_fits_the_spec(seed: int) -> None:
        headers = {"Prefer": f"dynamic=true, seed={seed}"}
        with LeelooClient(token=TOKEN, base_url=base_url, headers=headers, max_retries=0) as client:
            response = module.sync_detailed(client=client, **kwargs)
        assert response.status_code == 200, response.content[:300]
        body = json.loads(response.content)
        problems = [
            f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in validator.iter_errors(body)
        ]
        assert problems == [], f"seed {seed}"
        assert isinstance(response.parsed, model)
        assert semantic(schema, response.parsed.to_dict()) == semantic(schema, body)
        TALLY.properties["dynamic answers validated"] += 1

    answer_fits_the_spec()
