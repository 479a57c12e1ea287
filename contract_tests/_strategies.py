"""Hypothesis strategies for the spec's schemas, built by schemathesis (a public API).

hypothesis-jsonschema 0.23.1, the declared library, no longer runs with the pinned hypothesis
(6.170: its object strategy calls ``many.more()``, which hypothesis removed), so the strategies
come from schemathesis' generator instead, which handles OpenAPI 3.1 and ``$ref`` natively:

- ``schema_data(name)``: values of ``components.schemas[name]``. The spec's components are
  put behind one synthetic ``POST /_schemas/{name}`` JSON operation each, and a case's body is
  the value; the components themselves are the spec's, untouched.
- ``request_cases(operation)``: valid path/query/body values of a real operation.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import schemathesis
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from contract_tests._settings import SEED, SPEC_PATH
from contract_tests._spec import component_names, spec_document
from openapi_document import Operation

_CONFIG = {"seed": SEED, "generation": {"mode": "positive", "database": "none", "deterministic": True}}


def _schemas_as_bodies() -> dict[str, Any]:
    document = copy.deepcopy(spec_document())
    document["paths"] = {
        f"/_schemas/{name}": {
            "post": {
                "operationId": f"schema_{name}",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                },
                "responses": {"200": {"description": "Not called: only the body is generated."}},
            }
        }
        for name in component_names()
    }
    document.pop("security", None)
    return document


@cache
def _bodies_schema() -> Any:
    return schemathesis.openapi.from_dict(_schemas_as_bodies(), config=SchemathesisConfig.from_dict(_CONFIG))


@cache
def _spec_schema() -> Any:
    return schemathesis.openapi.from_path(SPEC_PATH, config=SchemathesisConfig.from_dict(_CONFIG))


def schema_data(name: str) -> st.SearchStrategy[Any]:
    """Values valid against ``components.schemas[name]``."""
    operation = _bodies_schema()[f"/_schemas/{name}"]["POST"]
    cases: st.SearchStrategy[Any] = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    return cases.map(lambda case: case.body)


def request_cases(operation: Operation) -> st.SearchStrategy[Any]:
    """Schema-valid ``Case`` objects (path_parameters, query, body) of ``operation``."""
    api_operation = _spec_schema()[operation.path][operation.method]
    strategy: st.SearchStrategy[Any] = api_operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    return strategy
