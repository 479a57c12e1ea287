"""The one contract rule schemathesis' built-in checks cannot express, as a registered check.

A refused request is answered with an error that names what was wrong. Where the operation
declares Leeloo's error envelope (``{"status": 0, "error": {"code", "fields"}}``) the answer is
that envelope, and a refusal of an invalid request (400/422) names each bad field in
``error.fields``; for what no operation describes (an unknown path, 405, 406, 415) the mock answers
as Prism does, with an RFC 7807 problem whose ``status`` is the HTTP status and whose 422
``validation`` names the field. The built-in ``response_schema_conformance`` validates declared
error bodies, but not these promises.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis

PROBLEM_JSON = "application/problem+json"
JSON = "application/json"


def _envelope_failure(status: int, document: dict[str, Any]) -> str | None:
    error = document.get("error")
    if not isinstance(error, dict) or not isinstance(error.get("code"), str) or not error["code"]:
        return f"the {status} envelope has no error code"
    fields = error.get("fields")
    if fields is not None and not (
        isinstance(fields, dict) and all(isinstance(v, str) and v for v in fields.values())
    ):
        return f"the {status} envelope's fields are not a map of reasons"
    if status in (400, 422) and not fields:
        return f"a {status} envelope names no invalid field (`error.fields` is empty)"
    return None


def _problem_failure(status: int, problem: dict[str, Any]) -> str | None:
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


def error_failure(method: str, status: int, content_type: str, body: bytes) -> str | None:
    """Why an error answer does not name its failure, or None when it does (HEAD has no body).

    A 429 may be plain text, as Leeloo's is.
    """
    if status < 400 or method.upper() == "HEAD":
        return None
    media_type = content_type.split(";")[0].strip().lower()
    if status == 429 and media_type == "text/plain":
        return None if body.strip() else "the 429 answer is empty"
    if media_type not in (PROBLEM_JSON, JSON):
        return f"a {status} answer is {content_type or 'untyped'}, not {JSON} or {PROBLEM_JSON}"
    try:
        document = json.loads(body)
    except ValueError:
        return f"the {status} error body is not JSON"
    if not isinstance(document, dict):
        return f"the {status} error body is not an object"
    if media_type == JSON:
        if document.get("status") != 0:
            return f"a {status} {JSON} answer is not Leeloo's envelope (`status` is not 0)"
        return _envelope_failure(status, document)
    return _problem_failure(status, document)


@schemathesis.check
def error_names_what_failed(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    """Every 4xx/5xx is Leeloo's envelope or a problem (status matching); a 400/422 names a field."""
    content_types = {name.lower(): values for name, values in response.headers.items()}.get("content-type")
    reason = error_failure(
        case.method, response.status_code, content_types[0] if content_types else "", response.content
    )
    if reason is not None:
        raise AssertionError(reason)
    return None
