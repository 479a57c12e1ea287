"""Prism's validation proxy: forward to the real API, check both directions against the spec.

Requests go to the upstream as they came (the upstream URL plus the request's path and
query); the answer comes back as the upstream gave it, with every violation of the spec listed
in an ``sl-violations`` header (JSON, Prism's header name) and in the log. With ``errors`` a
violating request is refused with its problem instead of being forwarded, and a violating
answer becomes a 502 problem.

Whoever sends a request chooses its target, so the proxy trusts none of it: only an
origin-form target (``/path?query``) without dot segments is forwarded, the upstream URL is
built from parts, and its scheme, host and port are checked against the configured ones
before the token leaves.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote

import httpx

from mock_server import _problems as problems
from mock_server._negotiation import status_key
from mock_server._pipeline import MockRequest, MockResponse, Pipeline, problem_response
from mock_server._problems import Issue, violations_header
from mock_server._router import MethodNotAllowed, NoRoute
from mock_server._security import check_security
from mock_server._validation import RejectedRequest, schema_issues

logger = logging.getLogger("leeloo_mock")

_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
        "content-encoding",
    }
)


_MAX_TEXT = 300


class ForeignTarget(Exception):
    """The request's target is not an origin-form path under the configured upstream."""


def _escape(text: str) -> str:
    """``text`` (decoded as latin-1) with every byte that is not visible ASCII percent-encoded.

    ``#`` is encoded too: in a target it would end the path. Existing escapes stay as they are.
    """
    return "".join(c if "!" <= c <= "~" and c != "#" else f"%{ord(c):02X}" for c in text)


def origin_form_path(path: str) -> str | None:
    """The request path as it may be appended to the upstream's base path, or None to refuse it.

    Only origin-form targets (RFC 9112 §3.2.1: ``/`` then the path) are forwarded: ``*``,
    ``http://other/...`` and ``*@other/...`` would name another host once joined to the
    upstream URL. A ``.`` or ``..`` segment (also percent-encoded, which servers decode) could
    climb out of the base path, so it is refused too; clients resolve them before sending.
    """
    if not path.startswith("/"):
        return None
    for segment in path.split("/"):
        if unquote(segment, encoding="latin-1") in (".", ".."):
            return None
    return _escape(path)


def _quiet_httpx() -> None:
    """Keep httpx's ``HTTP Request: ...`` INFO line out of the log; its warnings still show.

    The mock's access log already has one line per request; httpx would add a second for each
    forwarded one. httpx logs through one module-wide logger, so that logger is raised to
    WARNING, unless someone has given it a level of its own.
    """
    httpx_logger = logging.getLogger("httpx")
    if httpx_logger.level == logging.NOTSET:
        httpx_logger.setLevel(logging.WARNING)


@dataclass(frozen=True)
class Violation:
    """One way a request or an answer breaks the spec."""

    source: str  # request or response
    issue: Issue


class ProxyHandler:
    """An async request handler that forwards to ``upstream`` and validates both ways."""

    def __init__(
        self,
        pipeline: Pipeline,
        upstream: str,
        *,
        errors: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.pipeline = pipeline
        self.upstream = upstream.rstrip("/")
        self.base = httpx.URL(upstream)
        self.base_path = self.base.raw_path.split(b"?", 1)[0].rstrip(b"/").decode("ascii")
        self.errors = errors
        self._transport = transport
        self._timeout = timeout
        self._client: httpx.AsyncClient | None = None

    async def aclose(self) -> None:
        """Close the upstream connections (at server shutdown)."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:  # created lazily: it must belong to the server's event loop
            _quiet_httpx()
            self._client = httpx.AsyncClient(
                transport=self._transport, timeout=self._timeout, follow_redirects=False
            )
        return self._client

    def target(self, request: MockRequest) -> httpx.URL:
        """The upstream URL for ``request``: the configured URL with the base path plus its own.

        Built from the configured URL's parts (never by joining strings), and checked once
        more: ForeignTarget unless scheme, host and port are the configured ones.
        """
        path = origin_form_path(request.path)
        if path is None:
            raise ForeignTarget
        query = "?" + _escape(request.query_string) if request.query_string else ""
        url = self.base.copy_with(raw_path=(self.base_path + path + query).encode("ascii"))
        if (url.scheme, url.host, url.port) != (self.base.scheme, self.base.host, self.base.port):
            raise ForeignTarget
        return url

    async def __call__(self, request: MockRequest) -> MockResponse:
        try:
            url = self.target(request)
        except ForeignTarget:
            return problem_response(
                400,
                "The proxy forwards only a path that starts with '/' and has no '.' or '..' segment.",
                problems.UPSTREAM_ERROR,
                request.path[:_MAX_TEXT],
                (Issue("path", request.path[:_MAX_TEXT], "Not a path the proxy forwards."),),
            )
        refusal, violations, operation = self._check_request(request)
        if refusal is not None and self.errors:
            return refusal
        try:
            upstream = await self._http().request(
                request.method,
                url,
                content=request.body or None,
                headers=[(k, v) for k, v in request.headers.items() if k not in _HOP_BY_HOP],
            )
        except httpx.HTTPError as exc:
            logger.warning("upstream %s failed: %s", self.upstream, exc)
            return problem_response(
                502,
                f"The upstream API did not answer: {type(exc).__name__}.",
                problems.UPSTREAM_ERROR,
                request.path,
            )
        if operation is not None:
            violations.extend(self._check_response(operation, upstream))
        if violations:
            logger.warning(
                "%s %s violates the spec: %s",
                request.method,
                request.path,
                "; ".join(
                    f"{v.source} {v.issue.location} {v.issue.name}: {v.issue.message}" for v in violations
                ),
            )
            if self.errors and any(v.source == "response" for v in violations):
                # with errors a violating request was refused above: every violation here is the answer's
                return problem_response(
                    502,
                    "The upstream answer violates the spec; see `validation`.",
                    problems.VIOLATIONS,
                    request.path,
                    [v.issue for v in violations],
                    source="response",
                )
        headers = [(k, v) for k, v in upstream.headers.items() if k.lower() not in _HOP_BY_HOP]
        headers = [(k, v) for k, v in headers if k.lower() != "content-type"]
        if violations:
            headers.append(violations_header([(v.source, v.issue) for v in violations]))
        return MockResponse(
            upstream.status_code, upstream.content, upstream.headers.get("content-type"), headers
        )

    def _check_request(self, request: MockRequest) -> tuple[MockResponse | None, list[Violation], Any]:
        """The refusal the mock would send (if any), the request's violations, and its operation."""
        found = self.pipeline.compiled.router.match(request.method, request.path)
        if isinstance(found, NoRoute | MethodNotAllowed):
            refusal: MockResponse | None = self.pipeline.handle(request)
            message = (
                "No path of the spec matches."
                if isinstance(found, NoRoute)
                else "The path does not allow it."
            )
            return refusal, [Violation("request", Issue("path", request.path, message))], None
        operation = found.target
        query = parse_qs(request.query_string, keep_blank_values=True)
        issues: list[Issue] = []
        failure = check_security(operation.security, request.headers, query, None)
        if failure is not None:
            issues.extend(failure.issues)
        validated = operation.validator.validate(
            found.path_params, query, request.headers, request.headers.get("content-type"), request.body
        )
        if isinstance(validated, RejectedRequest):
            issues.extend(validated.issues)
        refusal = self.pipeline.handle(request) if issues else None
        return refusal, [Violation("request", issue) for issue in issues], operation

    @staticmethod
    def _check_response(operation: Any, upstream: httpx.Response) -> Sequence[Violation]:
        key = status_key(upstream.status_code, operation.response_keys)
        if key is None:
            issue = Issue(
                "body", "", f"Status {upstream.status_code} is not declared for {operation.operation_id}."
            )
            return [Violation("response", issue)]
        response = operation.responses[key]
        if not response.media:
            return []
        media_type = upstream.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        media = response.media.get(media_type)
        if media is None:
            declared = ", ".join(response.media_types)
            issue = Issue(
                "header", "Content-Type", f"{media_type or 'none'} is not declared; expected {declared}."
            )
            return [Violation("response", issue)]
        if not media_type.endswith("json"):
            return []
        try:
            body = json.loads(upstream.content)
        except ValueError as exc:
            return [Violation("response", Issue("body", "", f"The answer is not valid JSON: {exc}"))]
        return [Violation("response", issue) for issue in schema_issues(media.validator, body, "body")]
