"""The one contract rule schemathesis' built-in checks cannot express, as a registered check.

The spec promises RFC 7807 problem bodies for every error (its curated 4xx/5XX responses), and
the house rules say a refused request is answered with a problem that names the field. The
built-in ``response_schema_conformance`` validates declared error bodies, but not that the
problem's ``status`` is the HTTP status, nor that a 422 names what was wrong, nor the made-up
answers of undeclared statuses (404 for an unknown path, 405, 406).
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis

PROBLEM_JSON = "application/problem+json"


def problem_failure(method: str, status: int, content_type: str, body: bytes) -> str | None:
    """Why an error answer is not a proper problem, or None when it is one (HEAD has no body)."""
    if status < 400 or method.upper() == "HEAD":
        return None
    if content_type.split(";")[0].strip().lower() != PROBLEM_JSON:
        return f"a {status} answer is {content_type or 'untyped'}, not {PROBLEM_JSON}"
    try:
        problem = json.loads(body)
    except ValueError:
        return f"the {status} problem body is not JSON"
    if not isinstance(problem, dict):
        return f"the {status} problem body is not an object"
    if problem.get("status") != status:
        return f"the problem says status {problem.get('status')!r}, the answer is {status}"
    if not isinstance(problem.get("title"), str) or not problem["title"]:
        return f"the {status} problem has no title"
    if status == 422:
        issues = problem.get("validation")
        if not isinstance(issues, list) or not issues:
            return "a 422 problem names no invalid field (`validation` is empty)"
        if not all(isinstance(issue, dict) and "name" in issue for issue in issues):
            return "a 422 problem's `validation` entry has no `name`"
    return None


@schemathesis.check
def error_is_a_problem_naming_the_field(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    """Every 4xx/5xx is ``application/problem+json`` whose ``status`` matches; a 422 names a field."""
    content_types = {name.lower(): values for name, values in response.headers.items()}.get("content-type")
    reason = problem_failure(
        case.method, response.status_code, content_types[0] if content_types else "", response.content
    )
    if reason is not None:
        raise AssertionError(reason)
    return None
