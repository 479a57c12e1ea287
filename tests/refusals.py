"""How the tests read the mock's refusals, whatever shape the spec declares for them.

The mock answers a refused request in the shape its operation declares for that status:
Leeloo's error envelope (``{"status": 0, "error": {"code", "fields"}}``) where the spec's error
response is the envelope, an RFC 7807 problem otherwise (and for what no operation describes: an
unknown path, 405, 406, 413, 415). Both carry Prism's ``sl-violations`` header, which names each
refused part by location and name; the tests read the parts from there, so they hold whichever
shape the spec chooses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol

from mock_server import MockConfig, default_spec_path, load_compiled
from mock_server.spec.compiled import invalid_request_status


class _Answer(Protocol):
    @property
    def headers(self) -> Mapping[str, str]: ...


@cache
def _invalid_statuses() -> frozenset[int]:
    compiled = load_compiled(MockConfig(spec_path=default_spec_path()))
    return frozenset(
        invalid_request_status(op.response_keys)
        for op in compiled.operations
        if op.validator.parameters or op.validator.accepts_body  # an operation that can refuse input
    )


def invalid_status() -> int:
    """The status the project's spec has the mock answer an invalid parameter or body with."""
    statuses = _invalid_statuses()
    assert len(statuses) == 1, f"the operations declare different invalid-request statuses: {statuses}"
    return next(iter(statuses))


INVALID = invalid_status()


def validation(answer: _Answer) -> list[dict[str, str]]:
    """The refused parts, as ``{"location", "name", "message"}``, from ``sl-violations``."""
    header = {name.lower(): value for name, value in answer.headers.items()}.get("sl-violations")
    assert header is not None, "the refusal carries no sl-violations header"
    listed: list[dict[str, Any]] = json.loads(header)
    return [
        {"location": item["location"][1], "name": item["location"][2], "message": item["message"]}
        for item in listed
    ]
