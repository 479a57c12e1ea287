"""Check an example against a schema of the spec, as a client that checks formats would.

The spec lint checks the spec's own examples with it, and the docs-drift check the page's.
Validation is jsonschema's Draft 2020-12 (OpenAPI 3.1's dialect) with format checking, so a
``date-time`` without seconds is an error. The schema keeps its ``#/components/...``
references: the document's components are attached at the root of what is validated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from openapi_document import json_pointer


@dataclass(frozen=True)
class ExampleProblem:
    """One problem of an example: where in the example (a JSON pointer, ``/`` the whole), and why."""

    pointer: str
    message: str


def example_pointer(parts: Any) -> str:
    """Where in an example a problem is: ``/data/0/id``; the whole example is ``/``."""
    return json_pointer(list(parts)) or "/"


def validate_example(
    document: Mapping[str, Any], schema: Mapping[str, Any], example: Any, report_additional: bool = False
) -> list[ExampleProblem]:
    """Every validation error of ``example`` against ``schema`` (a schema of ``document``).

    ``additionalProperties`` errors are left out unless ``report_additional``: the drift check
    reports those its own way, naming the field and the schema that lacks it.
    """
    root = {**schema, "components": document.get("components", {})}
    validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(
        validator.iter_errors(example), key=lambda error: [str(part) for part in error.absolute_path]
    )
    return [
        ExampleProblem(example_pointer(error.absolute_path), error.message)
        for error in errors
        if report_additional or error.validator != "additionalProperties"
    ]
