"""One exchange of a capture as the checks see it: matched to its operation, its parts parsed once."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import parse_qs

from mock_server.drift.schema_walk import JsonPath, Located, Shapes, deref
from mock_server.har import Body, Entry
from mock_server.spec.compiled import CompiledOperation
from mock_server.stages.negotiation import status_key
from mock_server.stages.problems import Issue
from mock_server.stages.response_check import ResponseViolation, check_response
from mock_server.stages.router import RouteMatch
from mock_server.stages.validation import RejectedRequest
from openapi_document import Operation

NOT_JSON = object()


def _json_body(body: Body | None, media_type: str | None) -> Any:
    """``body`` parsed as JSON, or NOT_JSON (no body, cut short, another media type, invalid)."""
    if body is None or body.truncated or "json" not in (media_type or "").lower():
        return NOT_JSON
    try:
        return json.loads(body.data)
    except (ValueError, RecursionError):
        return NOT_JSON


@dataclass
class Exchange:
    """An exchange matched to an operation of the spec."""

    index: int
    entry: Entry
    found: RouteMatch[CompiledOperation]
    operation: Operation  # the same operation, as the document writes it
    document: Mapping[str, Any]
    shapes: Shapes
    media_type_ignored: bool = False  # --ignore-header Content-Type: the declared one is assumed

    @property
    def compiled(self) -> CompiledOperation:
        return self.found.target

    @property
    def status(self) -> int:
        return self.entry.response.status

    @cached_property
    def operation_where(self) -> JsonPath:
        return ("paths", self.operation.path, self.operation.method.lower())

    @cached_property
    def media_type(self) -> str | None:
        """The answer's media type (the declared one when Content-Type is ignored)."""
        if self.media_type_ignored and self.response_key is not None:
            declared = self.compiled.responses[self.response_key].media_types
            if declared:
                return str(declared[0])
        return self.entry.response.media_type

    @cached_property
    def response_json(self) -> Any:
        """The answer's body parsed as JSON, or NOT_JSON (not JSON, not kept, or cut short)."""
        return _json_body(self.entry.response.body, self.media_type)

    @cached_property
    def request_json(self) -> Any:
        body = self.entry.request.body
        return _json_body(body, self.entry.request.header("content-type") or (body.mime_type if body else ""))

    @cached_property
    def failed_in_envelope(self) -> bool:
        """Leeloo's failure envelope (``status: 0``) is the answer's body."""
        document = self.response_json
        return isinstance(document, Mapping) and document.get("status") == 0

    @cached_property
    def accepted(self) -> bool:
        """The API took the request: a 2xx answer that is not Leeloo's failure envelope."""
        return 200 <= self.status < 300 and not self.failed_in_envelope

    @cached_property
    def response_key(self) -> str | None:
        """The declared response the status falls under (``200``, ``4XX``, ``default``), if any."""
        return status_key(self.status, self.compiled.response_keys)

    @cached_property
    def response_violations(self) -> list[ResponseViolation]:
        """The mock's response stage on this answer (nothing when the capture kept no body)."""
        response = self.entry.response
        if response.body is None:  # not recorded (the journal): only the status can be checked
            return [v for v in self._status_and_media() if v.where == "(status)"]
        if response.body.truncated:
            return [v for v in self._status_and_media() if v.where in ("(status)", "(content-type)")]
        return check_response(self.compiled, self.status, self.media_type, response.body.data)

    def _status_and_media(self) -> list[ResponseViolation]:
        return check_response(self.compiled, self.status, self.media_type, b"null")

    @cached_property
    def request_issues(self) -> tuple[Issue, ...]:
        """What the mock's request validation refuses in this request (security aside)."""
        request = self.entry.request
        query = parse_qs(request.query_string, keep_blank_values=True) if request.query_string else {}
        headers = {name.lower(): value for name, value in request.headers}
        body = request.body.data if request.body is not None and not request.body.truncated else b""
        content_type = headers.get("content-type") or (request.body.mime_type if request.body else None)
        validated = self.compiled.validator.validate(
            self.found.path_params, query, headers, content_type, body
        )
        return validated.issues if isinstance(validated, RejectedRequest) else ()

    @cached_property
    def response_located(self) -> Located | None:
        """The declared response for the status, where it is written (``$ref`` followed)."""
        key = self.response_key
        if key is None:
            return None
        raw = (self.operation.definition.get("responses") or {}).get(key)
        return deref(self.document, Located(raw, (*self.operation_where, "responses", key)))

    @cached_property
    def media_schema(self) -> Located | None:
        """The schema declared for the answer's status and media type, if any."""
        response = self.response_located
        media_type = self.media_type
        if response is None or media_type is None or not isinstance(response.node, Mapping):
            return None
        content = response.node.get("content")
        media = content.get(media_type) if isinstance(content, Mapping) else None
        if not isinstance(media, Mapping) or "schema" not in media:
            return None
        where = (*response.where, "content", media_type, "schema")
        return deref(self.document, Located(media["schema"], where, response.sites))

    @cached_property
    def request_schema(self) -> Located | None:
        """The request body's schema for the media type sent, if declared."""
        raw = self.operation.definition.get("requestBody")
        if raw is None:
            return None
        body = deref(self.document, Located(raw, (*self.operation_where, "requestBody")))
        content = body.node.get("content") if isinstance(body.node, Mapping) else None
        sent = self.entry.request.header("content-type") or ""
        media_type = sent.split(";", 1)[0].strip().lower()
        media = content.get(media_type) if isinstance(content, Mapping) else None
        if not isinstance(media, Mapping) or "schema" not in media:
            return None
        where = (*body.where, "content", media_type, "schema")
        return deref(self.document, Located(media["schema"], where, body.sites))

    def parameter(self, name: str, where_in: str) -> Located | None:
        """The declared parameter ``name`` in ``where_in``, where it is written."""
        for owner, raw_list in (
            ((*self.operation_where, "parameters"), self.operation.definition.get("parameters")),
            (("paths", self.operation.path, "parameters"), self.operation.path_item.get("parameters")),
        ):
            for i, raw in enumerate(raw_list or ()):
                located = deref(self.document, Located(raw, (*owner, i)))
                node = located.node
                if isinstance(node, Mapping) and node.get("name") == name and node.get("in") == where_in:
                    return located
        return None
