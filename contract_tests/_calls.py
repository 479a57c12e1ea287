"""Turn spec data (examples, generated values) into the keyword arguments of a client function.

Nothing per operation is written by hand: path and query parameters map to the client's Python
names (``filter[last_message][from]`` -> ``filter_last_message_from``), ``format: date`` values
become ``datetime.date``, and a request body becomes its generated model via ``from_dict``.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
from collections.abc import Mapping
from typing import Any

from contract_tests._spec import body_media_type, body_schema_name, client_module, resolve, spec_document
from openapi_document import Operation


def python_name(parameter_name: str) -> str:
    """The client's argument name of a wire parameter name."""
    return parameter_name.replace("][", "_").replace("[", "_").replace("]", "")


def _python_value(schema: Mapping[str, Any], value: Any) -> Any:
    schema = resolve(schema)
    if schema.get("format") == "date" and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def body_example(operation: Operation) -> Any:
    """The ``docs`` example of the operation's request body."""
    body = resolve(spec_document()["paths"][operation.path][operation.method.lower()]["requestBody"])
    return body["content"][body_media_type(operation)]["examples"]["docs"]["value"]


def client_kwargs(operation: Operation, parameters: Mapping[str, Any], body: Any = None) -> dict[str, Any]:
    """Keyword arguments for the client's function from wire-named ``parameters`` and a body dict.

    Fails (``AssertionError``) when the client function lacks an argument the spec declares.
    """
    accepted = inspect.signature(client_module(operation).sync).parameters
    kwargs: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter["name"] not in parameters:
            continue
        name = python_name(parameter["name"])
        assert name in accepted, (
            f"{operation.operation_id}: the client has no argument for {parameter['name']}"
        )
        kwargs[name] = _python_value(parameter["schema"], parameters[parameter["name"]])
    body_model = body_schema_name(operation)
    if body_model is not None:
        models = importlib.import_module("leeloo_client.models")
        kwargs["body"] = getattr(models, body_model).from_dict(body)
    return kwargs


def example_kwargs(operation: Operation, *, all_parameters: bool = True) -> dict[str, Any]:
    """Arguments from the spec's examples: every parameter's ``example`` and the body's docs example."""
    parameters = {
        p["name"]: p["example"]
        for p in operation.parameters
        if "example" in p and (all_parameters or p.get("required"))
    }
    body = body_example(operation) if body_schema_name(operation) else None
    return client_kwargs(operation, parameters, body)
