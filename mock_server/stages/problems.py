"""RFC 7807 ``application/problem+json`` bodies for every answer the mock makes up itself.

The ``type`` URIs are Prism's, so that clients and tests written against Prism recognise the
kind of problem; the ``validation`` list follows the spec's ``ValidationIssue`` shape.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

PROBLEM_JSON = "application/problem+json"
_PRISM_ERRORS = "https://stoplight.io/prism/errors#"

NO_PATH_MATCHED = _PRISM_ERRORS + "NO_PATH_MATCHED_ERROR"
NO_METHOD_MATCHED = _PRISM_ERRORS + "NO_METHOD_MATCHED_ERROR"
UNAUTHORIZED = _PRISM_ERRORS + "UNAUTHORIZED"
UNPROCESSABLE_ENTITY = _PRISM_ERRORS + "UNPROCESSABLE_ENTITY"
INVALID_CONTENT_TYPE = _PRISM_ERRORS + "INVALID_CONTENT_TYPE"
NOT_ACCEPTABLE = _PRISM_ERRORS + "NOT_ACCEPTABLE"
NOT_FOUND = _PRISM_ERRORS + "NOT_FOUND"
INVALID_JSON = _PRISM_ERRORS + "INVALID_JSON"
BODY_TOO_LARGE = _PRISM_ERRORS + "PAYLOAD_TOO_LARGE"
INTERNAL_ERROR = _PRISM_ERRORS + "UNKNOWN"
UPSTREAM_ERROR = _PRISM_ERRORS + "UPSTREAM_ERROR"
VIOLATIONS = _PRISM_ERRORS + "VIOLATIONS"


@dataclass(frozen=True)
class Issue:
    """One invalid part of a request (a problem's ``validation`` item).

    ``reason`` is a short code in Leeloo's style (``REQUIRED``, ``WRONG_EMAIL``, ...), what an
    error envelope's ``fields`` map says of the part; see ``mock_server.stages.envelope``.
    """

    location: str  # path, query, header, body, security
    name: str
    message: str
    reason: str = "WRONG_FORMAT"

    def as_json(self) -> dict[str, str]:
        """The issue as the ``validation`` list item of a problem body."""
        return {"location": self.location, "name": self.name, "message": self.message}


@dataclass(frozen=True)
class Refusal:
    """A refused request, as data: the status, why in words, the kind of problem, the parts it is
    about and headers it needs (``WWW-Authenticate``). The stages and the store hand it on; only
    ``Pipeline.answer_refusal`` shapes it (Leeloo's envelope, the declared body, or a problem)."""

    status: int
    detail: str
    type_uri: str = "about:blank"
    issues: tuple[Issue, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()


def problem(
    status: int,
    detail: str,
    *,
    type_uri: str = "about:blank",
    instance: str | None = None,
    issues: Sequence[Issue] = (),
) -> dict[str, Any]:
    """A problem document; ``title`` is the status phrase, as RFC 7807 recommends."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:  # a status Python does not name, such as 599
        title = "Error"
    body: dict[str, Any] = {"type": type_uri, "title": title, "status": status}
    body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    if issues:
        body["validation"] = [issue.as_json() for issue in issues]
    return body


PROBLEM_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "The RFC 7807 problem the mock sends for what no operation's declared error describes",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string", "minLength": 1},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "validation": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["location", "name", "message"],
                "properties": {
                    "location": {"enum": ["path", "query", "header", "body", "security"]},
                    "name": {"type": "string"},
                    "message": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}

VIOLATIONS_HEADER = "sl-violations"
_MAX_REPORTED = 20


def violations_header(issues: Sequence[tuple[str, Issue]]) -> tuple[str, str]:
    """Prism's ``sl-violations`` header: ``[{"location": [source, where, name], "severity", "message"}]``.

    ``source`` is ``request`` or ``response``; at most 20 issues, ASCII-only JSON (header-safe).
    """
    listed = [
        {"location": [source, issue.location, issue.name], "severity": "Error", "message": issue.message}
        for source, issue in issues[:_MAX_REPORTED]
    ]
    return VIOLATIONS_HEADER, json.dumps(listed, ensure_ascii=True, separators=(",", ":"))


MAX_MERGED_VALUE = 64 << 10  # bytes of one sl-violations value read when merging (an upstream's)


def merged_violations(values: Sequence[str]) -> list[tuple[str, str]]:
    """Several ``sl-violations`` values (the mock's own and an upstream's, such as another
    leeloo-mock behind ``--proxy``) as one header: each entry of their JSON lists once, in order,
    at most 20. A value that is not such a list (or is past ``MAX_MERGED_VALUE``) is kept as it came:
    it is someone else's header of that name."""
    entries: list[Any] = []
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        try:
            listed = json.loads(value) if len(value) <= MAX_MERGED_VALUE else None
        except (ValueError, RecursionError):
            listed = None
        if not isinstance(listed, list):
            kept.append(value)
            continue
        for entry in listed:
            key = json.dumps(entry, sort_keys=True, ensure_ascii=True)
            if key not in seen:
                seen.add(key)
                entries.append(entry)
    merged = json.dumps(entries[:_MAX_REPORTED], ensure_ascii=True, separators=(",", ":"))
    return [(VIOLATIONS_HEADER, merged)] * bool(entries) + [(VIOLATIONS_HEADER, value) for value in kept]


def encode(body: Any) -> bytes:
    """Compact UTF-8 JSON, the serialization of every body the mock sends."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
