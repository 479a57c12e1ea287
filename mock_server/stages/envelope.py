"""Leeloo's error envelope: ``{"status": 0, "error": {"code", "fields", "message"}}``.

An operation whose declared error response has a schema marked ``x-error-envelope: leeloo``
gets its refusals in this shape instead of RFC 7807 problem+json: ``code`` says what kind of
failure (``FORMAT_ERROR`` for an invalid request, ``NOT_FOUND`` for an unknown id) and
``fields`` maps each bad part of the request, by its slash path (``data/0/email``, ``limit``,
``authToken``), to a reason (``REQUIRED``, ``WRONG_EMAIL``, ...). At most ``MAX_FIELDS`` parts
are named, so a body of half a million bad items still gets a small answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mock_server.stages.problems import Issue
from openapi_document import pointer_parts

ENVELOPE_KEYWORD = "x-error-envelope"
LEELOO = "leeloo"
MAX_FIELDS = 100

FORMAT_ERROR = "FORMAT_ERROR"
NOT_FOUND = "NOT_FOUND"
UNAUTHORIZED = "UNAUTHORIZED"
INTERNAL_ERROR = "INTERNAL_ERROR"

# What Leeloo calls the token when it names it among the fields of a FORMAT_ERROR.
_SECURITY_FIELD = "authToken"


def is_envelope_schema(schema: Any, deref: Any) -> bool:
    """Whether ``schema`` (or the schema it references) is marked as Leeloo's error envelope."""
    resolved = deref(schema)
    return isinstance(resolved, Mapping) and resolved.get(ENVELOPE_KEYWORD) == LEELOO


def field_name(issue: Issue) -> str:
    """The slash path of an issue's part: ``/data/0/email`` -> ``data/0/email``."""
    if issue.location == "security":
        return _SECURITY_FIELD
    if issue.location == "body":
        return "/".join(pointer_parts(issue.name)) or "body"
    return issue.name


def code_for(status: int, issues: Sequence[Issue]) -> str:
    """The envelope's code for a refusal with ``status``.

    A missing token is a FORMAT_ERROR naming ``authToken`` (as Leeloo was seen answering); a
    token that is there but not valid is UNAUTHORIZED.
    """
    if status == 401:
        return FORMAT_ERROR if all(issue.reason == "REQUIRED" for issue in issues) else UNAUTHORIZED
    if status == 404:
        return NOT_FOUND
    if status >= 500:
        return INTERNAL_ERROR
    return FORMAT_ERROR


def envelope(code: str, issues: Sequence[Issue], message: str | None = None) -> dict[str, Any]:
    """The envelope naming each part of ``issues`` once (the first reason wins), at most MAX_FIELDS."""
    fields: dict[str, str] = {}
    for issue in issues:
        if len(fields) >= MAX_FIELDS:
            break
        fields.setdefault(field_name(issue), issue.reason)
    error: dict[str, Any] = {"code": code}
    if fields:
        error["fields"] = fields
    if message:
        error["message"] = message
    return {"status": 0, "error": error}
