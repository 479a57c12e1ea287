"""Live mode: the read-only operations (GETs only, never a write) against an API, every answer checked.

Ids for the ``GET /x/{id}`` operations come from the lists the same run read first (a person
of ``GET /people``, an order of ``GET /orders``, ...); without one, the operation is skipped and
says why. Every answer is validated against the spec (status declared, media type, body schema
with formats), and each violation is reported as operation, field, expected, got. The token is
sent in its header and appears nowhere else: not in reports, violations or exceptions.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx

from contract_tests._settings import AUTH_HEADER, SPEC_PATH
from contract_tests._spec import spec_operations, success_schema
from mock_server import CompiledOperation, MockConfig, load_compiled
from mock_server.har import HarWriter
from mock_server.recording import entry_of_httpx
from mock_server.stages.response_check import ResponseViolation, check_response
from openapi_document import Operation

LIVE_PAGE_SIZE = 5
EARLIEST_DAY = datetime.date(2000, 1, 1)


@dataclass(frozen=True)
class Violation:
    """One way an answer breaks the spec."""

    operation: str
    field: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.operation}: {self.field}: expected {self.expected}, got {self.got}"


@dataclass
class LiveReport:
    """What a live run did."""

    checked: list[str] = field(default_factory=list)  # "list_tags GET /tags -> 200"
    skipped: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    methods_sent: set[str] = field(default_factory=set)

    def render(self) -> str:
        """The report as text (no token in it: nothing here ever held it)."""
        lines = [
            f"live contract run: {len(self.checked)} answers checked, {len(self.skipped)} skipped,"
            f" {len(self.violations)} violations"
        ]
        lines += [f"  checked {line}" for line in self.checked]
        lines += [f"  skipped {line}" for line in self.skipped]
        lines += [f"  VIOLATION {violation}" for violation in self.violations]
        return "\n".join(lines)


@cache
def _compiled_operations() -> dict[str, CompiledOperation]:
    """The spec compiled as the mock compiles it: its response stage is the one rule both use."""
    compiled = load_compiled(MockConfig(spec_path=SPEC_PATH))
    return {operation.operation_id: operation for operation in compiled.operations}


def _field(violation: ResponseViolation) -> str:
    if violation.where == "(status)":
        return "(status)"
    if violation.where.startswith("("):
        return f"({violation.key} {violation.where[1:-1]})"
    return f"{violation.key} {violation.where}"


def check_answer(operation: Operation, response: httpx.Response) -> list[Violation]:
    """Every way ``response`` breaks what the spec declares for ``operation``: the mock's response
    stage (``mock_server.stages.response_check``), reported as operation, field, expected, got."""
    compiled = _compiled_operations()[operation.operation_id]
    found = check_response(
        compiled, response.status_code, response.headers.get("content-type"), response.content
    )
    return [Violation(operation.operation_id, _field(v), v.expected, v.got) for v in found]


def _ids(document: Any, path: tuple[str, ...]) -> list[str]:
    values: list[Any] = [document]
    for part in path:
        next_values: list[Any] = []
        for value in values:
            if part == "*" and isinstance(value, list):
                next_values.extend(value)
            elif isinstance(value, dict) and part in value:
                next_values.append(value[part])
        values = next_values
    return [value for value in values if isinstance(value, str)]


def _query(operation: Operation, today: datetime.date) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter["in"] != "query":
            continue
        name = parameter["name"]
        if name == "limit":
            query[name] = LIVE_PAGE_SIZE
        elif parameter.get("required"):
            if name.endswith("[from]"):
                query[name] = EARLIEST_DAY.isoformat()
            elif name.endswith("[to]"):
                query[name] = today.isoformat()
            else:
                query[name] = parameter["example"]
    return query


def _id_path(schema: Any, depth: int = 0) -> tuple[str, ...] | None:
    """The path to the ids of the first list of objects with an ``id`` in an answer's schema."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict) and "id" in (items.get("properties") or {}):
        return ("*", "id")
    for name, property_schema in (schema.get("properties") or {}).items():
        found = _id_path(property_schema, depth + 1)
        if found is not None:
            return (name, *found)
    return None


def id_sources() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Where the id of each GET /x/{id} comes from, read off the spec: for each path parameter of a
    GET, the GET without a path parameter whose path is the part before it (``/tags`` for
    ``/tags/{tag_id}``, ``/categories/templates`` for ``.../{category_id}``), with the path of the
    ids its answer lists (``data/*/id``, ``data/categories/*/id``)."""
    sources: dict[str, tuple[str, tuple[str, ...]]] = {}
    lists = {op.path: op for op in spec_operations() if op.method == "GET" and "{" not in op.path}
    for operation in spec_operations():
        if operation.method != "GET":
            continue
        for parameter in operation.parameters:
            name = parameter["name"]
            if parameter["in"] != "path" or name in sources:
                continue
            prefix = operation.path.split("{" + name + "}", 1)[0].rstrip("/")
            source = lists.get(prefix)
            found = _id_path(success_schema(source)) if source is not None else None
            if source is not None and found is not None:
                sources[name] = (source.operation_id, found)
    return sources


def read_only_operations() -> list[Operation]:
    """The GET operations: lists (no path id) first, so their ids feed the rest."""
    gets = [op for op in spec_operations() if op.method == "GET"]
    return sorted(gets, key=lambda op: ("{" in op.path, op.operation_id))


def run_live(base_url: str, token: str, *, timeout: float = 30.0, record: Path | None = None) -> LiveReport:
    """GET every read-only operation of the spec from ``base_url`` and check each answer; ``record``:
    each exchange also goes to that HAR file, the token redacted (``mock_server.recording``)."""
    with contextlib.ExitStack() as stack:
        recorder = stack.enter_context(HarWriter(record)) if record is not None else None
        return _run_live(base_url, token, timeout, recorder)


def _run_live(base_url: str, token: str, timeout: float, recorder: HarWriter | None) -> LiveReport:
    report = LiveReport()
    found_ids: dict[str, list[str]] = {}
    sources = id_sources()
    today = datetime.datetime.now(datetime.UTC).date()
    with httpx.Client(base_url=base_url.rstrip("/"), headers={AUTH_HEADER: token}, timeout=timeout) as http:
        for operation in read_only_operations():
            path = operation.path
            missing = None
            for parameter in operation.parameters:
                if parameter["in"] != "path":
                    continue
                ids = found_ids.get(parameter["name"], [])
                if not ids:
                    source = sources.get(parameter["name"], ("(no list)", ()))[0]
                    missing = (
                        f"{operation.operation_id}: no {parameter['name']} to read ({source} listed none)"
                    )
                    break
                path = path.replace("{" + parameter["name"] + "}", ids[0])
            if missing is not None:
                report.skipped.append(missing)
                continue
            try:
                response = http.get(path, params=_query(operation, today))
            except httpx.HTTPError as error:
                report.violations.append(
                    Violation(operation.operation_id, "(connection)", "an answer", type(error).__name__)
                )
                continue
            report.methods_sent.add("GET")
            if recorder is not None:
                recorder.write(entry_of_httpx(response))
            report.checked.append(f"{operation.operation_id} {operation.label} -> {response.status_code}")
            report.violations.extend(check_answer(operation, response))
            if response.is_success:
                for parameter_name, (source, json_path) in sources.items():
                    if source == operation.operation_id:
                        found_ids.setdefault(parameter_name, _ids(response.json(), json_path))
    return report
