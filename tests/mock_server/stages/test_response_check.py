"""The response stage: one rule for the proxy and live mode (``mock_server.stages.response_check``)."""

from __future__ import annotations

import json

from mock_server import CompiledOperation, CompiledSpec
from mock_server.stages.response_check import check_response
from mock_server.stages.validation import MAX_ISSUES

TAGS = json.dumps({"status": 1, "data": [{"id": "5b3f543bb2737000133d25b0", "name": "vip"}]}).encode()


def _operation(compiled: CompiledSpec, operation_id: str) -> CompiledOperation:
    return next(op for op in compiled.operations if op.operation_id == operation_id)


def test_a_declared_answer_passes(compiled: CompiledSpec) -> None:
    assert check_response(_operation(compiled, "list_tags"), 200, "application/json", TAGS) == []


def test_leelos_plain_text_429_passes(compiled: CompiledSpec) -> None:
    text = b"Too many requests, please try again later."
    assert check_response(_operation(compiled, "list_tags"), 429, "text/plain; charset=utf-8", text) == []


def test_a_failure_inside_a_200_is_one_violation_that_says_so(compiled: CompiledSpec) -> None:
    body = json.dumps({"status": 0, "error": {"code": "FORMAT_ERROR", "fields": {"limit": "REQUIRED"}}})
    [violation] = check_response(_operation(compiled, "list_users"), 200, "application/json", body.encode())
    assert violation.where == "(body)"
    assert violation.message == "Leeloo reported a failure inside a 200 answer: FORMAT_ERROR (limit REQUIRED)"


def test_undeclared_status_and_media_type_are_named(compiled: CompiledSpec) -> None:
    operation = _operation(compiled, "list_tags")
    [status] = check_response(operation, 404, "application/json", b"{}")
    assert (status.where, status.got) == ("(status)", "404")
    [media] = check_response(operation, 200, "text/html", b"<html/>")
    assert (media.where, media.expected, media.got) == ("(content-type)", "application/json", "text/html")
    assert media.as_issue().name == "Content-Type"


def test_a_huge_wrong_answer_costs_a_bounded_report(compiled: CompiledSpec) -> None:
    body = json.dumps({"status": 1, "data": [{"id": 1, "name": 2}] * 200_000}).encode()
    found = check_response(_operation(compiled, "list_tags"), 200, "application/json", body)
    assert len(found) == MAX_ISSUES
    assert found[0].where.startswith("/data/")
