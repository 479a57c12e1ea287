"""The response stage: does an answer match what the spec declares for its operation?

One rule, used by the proxy (``leeloo-mock --proxy``) and by the contract suite's live mode:
the status is declared (exact, ``NXX``, ``default``); the media type is one the response
declares; a JSON body parses and validates against its schema (at most ``MAX_ISSUES``
problems, so a huge wrong answer costs a bounded report); and a 2xx answer that is Leeloo's
error envelope (``status: 0``) is reported as the failure it is, not as a pile of schema errors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mock_server.spec.compiled import CompiledOperation
from mock_server.stages.negotiation import status_key
from mock_server.stages.problems import Issue
from mock_server.stages.validation import LARGE_BODY, MAX_ISSUES, bounded_errors
from openapi_document import json_pointer

_GOT_LIMIT = 80


@dataclass(frozen=True)
class ResponseViolation:
    """One way an answer breaks the spec.

    ``where`` is ``(status)``, ``(content-type)``, ``(body)`` or a JSON pointer into the body;
    ``key`` is the declared response it was checked against (None when the status is undeclared).
    """

    key: str | None
    where: str
    expected: str
    got: str
    message: str

    def as_issue(self) -> Issue:
        """The violation as a validation issue (the proxy's ``sl-violations`` and 502 problem)."""
        if self.where == "(content-type)":
            return Issue("header", "Content-Type", self.message)
        return Issue("body", self.where if self.where.startswith("/") else "", self.message)


def short(value: Any) -> str:
    """A value as compact JSON, cut to a readable length."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _GOT_LIMIT else text[: _GOT_LIMIT - 3] + "..."


def _expected(kind: Any) -> str:
    """``type "string"``, ``enum ["a", "b"]``, ``minimum 3``: what a schema keyword wanted."""
    values = list(kind.as_dict().values())
    if not values:
        return str(kind.name)
    value = values[0]
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return f"{kind.name} {short(value)}"


def _failure_in_success(status: int, document: Any) -> ResponseViolation | None:
    if not (200 <= status < 300 and isinstance(document, dict) and document.get("status") == 0):
        return None
    error = document.get("error")
    error = error if isinstance(error, dict) else {}
    code = error.get("code", "no code")
    fields = error.get("fields")
    fields = fields if isinstance(fields, dict) else {}
    named = ", ".join(f"{name} {reason}" for name, reason in list(fields.items())[:3])
    message = f"Leeloo reported a failure inside a {status} answer: {code}" + (f" ({named})" if named else "")
    return ResponseViolation(str(status), "(body)", "status 1", short(document)[:_GOT_LIMIT], message)


def check_response(
    operation: CompiledOperation, status: int, content_type: str | None, body: bytes
) -> list[ResponseViolation]:
    """Every way the answer breaks what the spec declares for ``operation`` (empty: it matches)."""
    key = status_key(status, operation.response_keys)
    if key is None:
        statuses = ", ".join(operation.response_keys)
        message = f"Status {status} is not declared for {operation.operation_id}."
        return [ResponseViolation(None, "(status)", f"one of {statuses}", str(status), message)]
    response = operation.responses[key]
    if not response.media:
        return []
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    media = response.media.get(media_type)
    if media is None:
        declared = " or ".join(response.media_types)
        message = f"{media_type or 'none'} is not declared; expected {declared}."
        return [ResponseViolation(key, "(content-type)", declared, media_type or "none", message)]
    if "json" not in media_type:
        return []
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as exc:
        text = body[:_GOT_LIMIT].decode("utf-8", "replace")
        return [ResponseViolation(key, "(body)", "JSON", short(text), f"The answer is not valid JSON: {exc}")]
    failure = _failure_in_success(status, document)
    if failure is not None:
        return [failure]
    if media.validator.is_valid(document):
        return []
    found: list[ResponseViolation] = []
    seen: set[tuple[str, str]] = set()
    for error in bounded_errors(media.validator, document, large=len(body) > LARGE_BODY):
        where = json_pointer(list(error.instance_path))
        if (where, error.message) in seen:  # a large answer's sample repeats its first error
            continue
        seen.add((where, error.message))
        found.append(
            ResponseViolation(key, where, _expected(error.kind), short(error.instance), error.message)
        )
        if len(found) >= MAX_ISSUES:
            break
    return sorted(found, key=lambda violation: violation.where)
