"""Prism's validation proxy: forward to the real API, check both directions against the spec.

Requests go to the upstream as they came (the upstream URL plus the request's path and
query); the answer comes back as the upstream gave it, with every violation of the spec listed
in an ``sl-violations`` header (JSON, Prism's header name) and in the log. With ``errors`` a
violating request is refused with its problem instead of being forwarded, and a violating
answer becomes a 502 problem.

Whoever sends a request chooses its target, so the proxy trusts none of it: only an
origin-form target (``/path?query``) without dot segments is forwarded, the upstream URL is
built from parts, and its scheme, host and port are checked against the configured ones
before the token leaves. The upstream's answer is read as a stream, decoded here with a cap on
the decoded size, under one deadline per request and a limit on requests in flight, so that no
upstream can make the proxy hold unbounded memory or time.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

import httpx

from mock_server.har.redaction import redact_url
from mock_server.proxy.config import (
    DEFAULT_MAX_UPSTREAM_SIZE,
    DEFAULT_UPSTREAM_CONCURRENCY,
    DEFAULT_UPSTREAM_TIMEOUT,
)
from mock_server.stages import problems
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline, problem_response
from mock_server.stages.problems import VIOLATIONS_HEADER, Issue, merged_violations, violations_header
from mock_server.stages.response_check import check_response
from mock_server.stages.router import MethodNotAllowed, NoRoute
from mock_server.stages.validation import MAX_ISSUES

logger = logging.getLogger("leeloo_mock")

# RFC 9110 §7.6.1: meant for one connection only, never forwarded (nor are the headers that
# ``Connection`` names); ``trailers`` is RFC 2616's misspelling, still seen in the wild.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
# set by the proxy's own HTTP client for each request
_SET_BY_CLIENT = frozenset({"host", "content-length", "accept-encoding"})
# the answer is decoded here, its media type and length are set by the app that sends it
SET_BY_PROXY = frozenset({"content-length", "content-encoding", "content-type"})
# what the app adds to every answer when CORS is on (preflight headers stay the upstream's)
CORS_SET_BY_APP = frozenset(
    {"access-control-allow-origin", "access-control-allow-credentials", "access-control-expose-headers"}
)
# the encodings the proxy decodes (with a cap); only these are asked of the upstream
_ACCEPT_ENCODING = "gzip, deflate"
_LOGGED_VIOLATIONS = 20
_MAX_TEXT = 300
_RETRY_AFTER_SECONDS = 1


class UpstreamTooLarge(Exception):
    """The upstream's answer, as sent or decoded, is larger than the cap."""


class ForeignTarget(Exception):
    """The request's target is not an origin-form path under the configured upstream."""


class UndecodableAnswer(Exception):
    """The upstream's answer has a Content-Encoding the proxy cannot decode, or is corrupt."""


def _escape(text: str) -> str:
    """``text`` (decoded as latin-1) with every byte that is not visible ASCII percent-encoded.

    ``#`` is encoded too: in a target it would end the path. Existing escapes stay as they are.
    """
    return "".join(c if "!" <= c <= "~" and c != "#" else f"%{ord(c):02X}" for c in text)


_DECODING_ROUNDS = 4  # how many percent-decodings of a path are checked for dot segments


def origin_form_path(path: str) -> str | None:
    """The request path as it may be appended to the upstream's base path, or None to refuse it.

    Only origin-form targets (RFC 9112 §3.2.1: ``/`` then the path) are forwarded: ``*``,
    ``http://other/...`` and ``*@other/...`` would name another host once joined to the
    upstream URL. A ``.`` or ``..`` segment could climb out of the base path, so it is refused
    too (clients resolve them before sending), in every spelling an upstream may decode into one:
    percent-encoded (``%2e%2e``, ``%2F..%2F``, twice encoded), with a path parameter (``..;x``,
    which Tomcat and Spring read as ``..``), or between backslashes (which IIS and others read
    as ``/``); a backslash is refused wherever it stands.
    """
    if not path.startswith("/"):
        return None
    decoded = path
    for _ in range(_DECODING_ROUNDS):  # %252e is %2e to a server that decodes once more
        once = unquote(decoded, encoding="latin-1")
        if once == decoded:
            break
        decoded = once
    if "\\" in decoded:
        return None
    for segment in decoded.split("/"):
        if segment.split(";", 1)[0] in (".", ".."):
            return None
    return _escape(path)


class _Decoder:
    """Decodes one answer body chunk by chunk, never producing more than the room left.

    zlib's ``max_length`` stops inflating at the cap, so a gzip bomb costs the cap and not its
    full size. ``deflate`` is zlib-wrapped by the RFC, raw deflate in some servers: both work.
    """

    def __init__(self, content_encoding: str) -> None:
        self.encoding = content_encoding.strip().lower()
        self._raw_deflate_tried = False
        self._produced = 0  # raw deflate is tried only in place of a zlib stream that never started
        if self.encoding in ("", "identity"):
            self._inflater: Any = None
        elif self.encoding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.encoding == "deflate":
            self._inflater = zlib.decompressobj()
        else:
            raise UndecodableAnswer(f"The upstream answered with Content-Encoding {self.encoding!r}.")

    def decode(self, chunk: bytes, room: int) -> bytes:
        """``chunk`` decoded; UpstreamTooLarge when it would take more than ``room`` bytes."""
        if self._inflater is None:
            decoded = chunk
        else:
            try:
                decoded = self._inflater.decompress(chunk, room + 1)
            except zlib.error as exc:
                if self.encoding != "deflate" or self._raw_deflate_tried or self._produced:
                    raise UndecodableAnswer(f"The upstream's {self.encoding} body is corrupt.") from exc
                self._raw_deflate_tried = True
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.decode(chunk, room)
        if len(decoded) > room:
            raise UpstreamTooLarge
        self._produced += len(decoded)
        return decoded


@dataclass(frozen=True)
class UpstreamAnswer:
    """The upstream's answer, read in full (within the caps) and decoded."""

    status_code: int
    headers: list[tuple[str, str]]  # names lower-case, values decoded as latin-1 (byte for byte)
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (lower-case), if any."""
        return next((value for key, value in self.headers if key == name), None)


def _connection_named(headers: Sequence[tuple[str, str]]) -> set[str]:
    """The headers that ``Connection`` names as hop-by-hop (lower-case)."""
    return {
        token.strip().lower()
        for name, value in headers
        if name == "connection"
        for token in value.split(",")
        if token.strip()
    }


def end_to_end_headers(headers: Sequence[tuple[str, str]], dropped: frozenset[str]) -> list[tuple[str, str]]:
    """``headers`` less the hop-by-hop ones, those ``Connection`` names and ``dropped``."""
    named = _connection_named(headers)
    return [(k, v) for k, v in headers if k not in _HOP_BY_HOP and k not in named and k not in dropped]


def _bounded(issue: Issue) -> Issue:
    """``issue`` with its name and message clipped: a 64 KiB path must not make a 64 KiB line."""
    if len(issue.name) <= _MAX_TEXT and len(issue.message) <= _MAX_TEXT:
        return issue
    return replace(issue, name=issue.name[:_MAX_TEXT] + "…", message=issue.message[:_MAX_TEXT] + "…")


def violations_text(violations: Sequence[Violation]) -> str:
    """The log's list of violations: the first 20, then how many more, so a line stays bounded."""
    shown = [_bounded(v.issue) for v in violations[:_LOGGED_VIOLATIONS]]
    text = "; ".join(
        f"{v.source} {issue.location} {issue.name}: {issue.message}"
        for v, issue in zip(violations, shown, strict=False)
    )
    hidden = len(violations) - len(shown)
    return text + (f"; and {hidden} more" if hidden else "")


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
    """An async request handler that forwards to ``upstream`` and validates both ways.

    ``max_size`` caps the answer's bytes (as sent and decoded: 502 past it), ``timeout`` is the
    whole exchange's deadline (504 past it) and ``max_in_flight`` the requests waiting on the
    upstream at once (503 with Retry-After past it, at once rather than in a queue).
    """

    def __init__(
        self,
        pipeline: Pipeline,
        upstream: str,
        *,
        errors: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DEFAULT_UPSTREAM_TIMEOUT,
        max_size: int = DEFAULT_MAX_UPSTREAM_SIZE,
        max_in_flight: int = DEFAULT_UPSTREAM_CONCURRENCY,
    ) -> None:
        self.pipeline = pipeline
        self.base = httpx.URL(upstream)
        self.base_path = self.base.raw_path.split(b"?", 1)[0].rstrip(b"/").decode("ascii")
        self.shown = redact_url(upstream.rstrip("/"))  # the upstream as logs may print it
        self.errors = errors
        self.max_size = max_size
        self.max_in_flight = max_in_flight
        self._in_flight = 0
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
                transport=self._transport,
                timeout=self._timeout,
                follow_redirects=False,
                limits=httpx.Limits(max_connections=self.max_in_flight),
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
                "The proxy forwards only a path that starts with '/' and has no '.' or '..' segment "
                "(however encoded) and no backslash.",
                "about:blank",  # the request's fault: no upstream was asked
                request.path[:_MAX_TEXT],
                (Issue("path", request.path[:_MAX_TEXT], "Not a path the proxy forwards."),),
            )
        refusal, violations, operation = self._check_request(request)
        if refusal is not None and self.errors:
            return refusal
        if self._in_flight >= self.max_in_flight:
            return problem_response(
                503,
                f"The proxy already waits on {self.max_in_flight} upstream answers; retry shortly.",
                problems.UPSTREAM_ERROR,
                request.path,
                headers=[("Retry-After", str(_RETRY_AFTER_SECONDS))],
            )
        self._in_flight += 1  # no await since the check: the count cannot change in between
        try:
            async with asyncio.timeout(self._timeout):
                upstream = await self._forward(request, url)
        except TimeoutError:
            logger.warning("upstream %s did not answer within %ss", self.shown, self._timeout)
            return problem_response(
                504,
                f"The upstream API did not answer within {self._timeout:g} s.",
                problems.UPSTREAM_ERROR,
                request.path,
            )
        except UpstreamTooLarge:
            logger.warning("upstream %s answered more than %d bytes", self.shown, self.max_size)
            return problem_response(
                502,
                f"The upstream answer is larger than {self.max_size} bytes.",
                problems.UPSTREAM_ERROR,
                request.path,
            )
        except UndecodableAnswer as exc:
            logger.warning("upstream %s: %s", self.shown, exc)
            return problem_response(502, str(exc), problems.UPSTREAM_ERROR, request.path)
        except httpx.HTTPError as exc:
            logger.warning("upstream %s failed: %s", self.shown, exc)
            return problem_response(
                502,
                f"The upstream API did not answer: {type(exc).__name__}.",
                problems.UPSTREAM_ERROR,
                request.path,
            )
        finally:
            self._in_flight -= 1
        return self._relay(request, operation, violations, upstream)

    async def _forward(self, request: MockRequest, url: httpx.URL) -> UpstreamAnswer:
        """Send ``request`` to ``url`` and read the answer, streamed, within ``max_size``.

        Header values go as the bytes that came (latin-1 round-trips every byte); the body and
        its Content-Encoding go together, untouched.
        """
        headers = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in end_to_end_headers(list(request.headers.items()), _SET_BY_CLIENT)
        ]
        headers.append((b"accept-encoding", _ACCEPT_ENCODING.encode()))
        client = self._http()
        sent = client.build_request(request.method, url, content=request.body or None, headers=headers)
        response = await client.send(sent, stream=True)
        try:
            raw_headers = [
                (k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in response.headers.raw
            ]
            decoder = _Decoder(",".join(v for k, v in raw_headers if k == "content-encoding"))
            body = bytearray()
            received = 0
            async for chunk in response.aiter_raw():
                received += len(chunk)
                if received > self.max_size:
                    raise UpstreamTooLarge
                body += decoder.decode(chunk, self.max_size - len(body))
        finally:
            await response.aclose()
        return UpstreamAnswer(response.status_code, raw_headers, bytes(body))

    def _relay(
        self, request: MockRequest, operation: Any, violations: list[Violation], upstream: UpstreamAnswer
    ) -> MockResponse:
        """The answer to send back: the upstream's, with its violations listed (or a 502)."""
        if operation is not None:
            found = check_response(
                operation, upstream.status_code, upstream.header("content-type"), upstream.body
            )
            violations.extend(Violation("response", violation.as_issue()) for violation in found)
        if violations:
            logger.warning(
                "%s %s violates the spec: %s",
                request.method,
                request.path[:_MAX_TEXT],
                violations_text(violations),
            )
            if self.errors and any(v.source == "response" for v in violations):
                # with errors a violating request was refused above: every violation here is the answer's
                shown = [_bounded(v.issue) for v in violations[:_LOGGED_VIOLATIONS]]
                # validation stops collecting at MAX_ISSUES: past that the count is a lower bound
                counted = f"at least {len(violations)}" if len(violations) >= MAX_ISSUES else len(violations)
                return problem_response(
                    502,
                    f"The upstream answer violates the spec ({counted} violation(s), "
                    f"the first {len(shown)} in `validation`).",
                    problems.VIOLATIONS,
                    request.path,
                    shown,
                    source="response",
                )
        # the app adds its own CORS set (not with --no-cors): one set must reach the client
        dropped = SET_BY_PROXY | CORS_SET_BY_APP if self.pipeline.config.access.cors else SET_BY_PROXY
        # one sl-violations header: the proxy's own and the upstream's (another leeloo-mock or
        # Prism behind it sends its own) merged, each violation once; two were sent before
        headers = end_to_end_headers(upstream.headers, dropped | {VIOLATIONS_HEADER})
        reported = [value for name, value in upstream.headers if name == VIOLATIONS_HEADER]
        if violations:
            listed = violations[:_LOGGED_VIOLATIONS]
            reported.insert(0, violations_header([(v.source, _bounded(v.issue)) for v in listed])[1])
        headers += merged_violations(reported)
        return MockResponse(upstream.status_code, upstream.body, upstream.header("content-type"), headers)

    def _check_request(self, request: MockRequest) -> tuple[MockResponse | None, list[Violation], Any]:
        """The request's violations and its operation, each request routed and validated once; the
        refusal the mock would send is built from that check, and only with ``--errors``."""
        found = self.pipeline.compiled.router.match(request.method, request.path)
        if isinstance(found, NoRoute | MethodNotAllowed):
            refusal = self.pipeline.handle(request) if self.errors else None  # routing only
            message = (
                "No path of the spec matches."
                if isinstance(found, NoRoute)
                else "The path does not allow it."
            )
            return refusal, [Violation("request", Issue("path", request.path, message))], None
        operation = found.target
        check = self.pipeline.check_request(found, request, whole=True)
        violations = [Violation("request", issue) for issue in check.issues]
        refused = self.pipeline.check_refusal(operation, check) if self.errors and violations else None
        refusal = self.pipeline.answer_refusal(operation, refused, request.path) if refused else None
        return refusal, violations, operation
