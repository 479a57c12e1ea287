"""The check of a document too large for openapi-spec-validator's walk: the meta-schema, in Rust.

openapi-spec-validator walks every operation, parameter and schema in Python through
``jsonschema_path`` accessors: 42 s on Microsoft Graph's v1.0 description (19 MiB, 11,422
operations) on the 2-core bench machine, and minutes on its 45 MiB beta. A document past the
default size bound (only a raised bound, the mock's ``--max-spec-size``, lets one in) is checked
here instead: the whole document against the OpenAPI 3.1 meta-schema by jsonschema-rs (under a
second for Graph) and every local ``$ref`` followed (the caller's walk). What this leaves out,
and the warning says so: the rules openapi-spec-validator adds to the meta-schema (an operationId
used twice, a path parameter not declared, ``required`` naming no property) and the check of each
schema against the JSON Schema dialect; the mock compiles each schema itself when the operation
is first asked for, and serves a schema it cannot compile as one that accepts any value, with a
warning.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from openapi_document._located import Located
from openapi_document._yaml_positions import LoadedYaml

MAX_META_ERRORS = 50  # findings reported at most (a broken document is refused on the first)


_OPENAPI_31_SCHEMA = ("resources", "schemas", "v3.1", "schema.json")  # inside openapi-spec-validator


@cache
def document_checker() -> jsonschema_rs.Validator:
    """jsonschema-rs's validator of a whole document against openapi-spec-validator's OpenAPI 3.1
    meta-schema, the one its ``openapi_v31_schema_validator`` checks with.

    The schema file is read from the installed package without importing it: the package's
    ``__init__`` imports its whole validator, and with it pydantic-settings, jsonschema-path and
    requests (0.15 s of the mock's start-up, for one JSON file).
    """
    found = importlib.util.find_spec("openapi_spec_validator")
    locations = found.submodule_search_locations if found is not None else None
    if not locations:
        raise ImportError("openapi-spec-validator is not installed")
    schema = json.loads(Path(locations[0], *_OPENAPI_31_SCHEMA).read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema)


def meta_schema_problems(loaded: LoadedYaml) -> Iterator[Located]:
    """Each place where the (upgraded, 3.1) document ``loaded.data`` breaks the OpenAPI 3.1
    meta-schema, at its line (at most ``MAX_META_ERRORS``)."""
    document: Any = loaded.data
    for count, error in enumerate(document_checker().iter_errors(document)):
        if count >= MAX_META_ERRORS:
            return
        where = tuple(error.instance_path)
        pointer = "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in where) or "(document)"
        message = error.message.splitlines()[0] if error.message else "invalid"
        position = loaded.locate(where)
        yield Located.at(loaded.path, position.line, position.column, f"{pointer}: {message[:300]}")


def partial_check_warning(size_text: str) -> str:
    """The warning a document checked by :func:`meta_schema_problems` alone is served with."""
    return (
        f"larger than {size_text}: checked against the OpenAPI 3.1 meta-schema and its $refs only, "
        "not by openapi-spec-validator's rules (operationIds, path parameters, schemas: minutes on "
        "a document this size); a schema the mock cannot compile accepts any value, with a warning"
    )
