"""The recorded answers of a capture, by the request that got them.

A request matches a recorded one on its method, path and query (secret-looking query keys
left out; the order of parameters does not count) and, for a write (POST, PUT, PATCH, DELETE),
its body (JSON compared as data, anything else byte for byte). Headers do not count: the token
a test sends is not the one recorded (which the recorder redacted anyway).

Several answers to one request are served in the order recorded, then the last one repeats
(WireMock's scenarios). Each answer is checked against the spec once, when the capture is
loaded: one that breaks it is still served, with the ``sl-violations`` header, and named in the
log at start-up.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl

from mock_server.har import Entry, is_secret_query_key
from mock_server.proxy.forwarder import CORS_SET_BY_APP, SET_BY_PROXY, end_to_end_headers
from mock_server.spec.compiled import CompiledSpec
from mock_server.stages.pipeline import MockRequest, MockResponse
from mock_server.stages.problems import Issue, violations_header
from mock_server.stages.response_check import check_response
from mock_server.stages.router import RouteMatch

logger = logging.getLogger("leeloo_mock")

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_REPLAY_DROPPED = SET_BY_PROXY | CORS_SET_BY_APP  # framing, and what the app sets itself
_LOGGED = 20  # violating answers named one by one at start-up

RequestKey = tuple[str, str, tuple[tuple[str, str], ...], bytes]


def _body_key(method: str, body: bytes) -> bytes:
    if method not in WRITE_METHODS or not body:
        return b""
    try:
        return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):
        return body


def request_key(method: str, path: str, query_string: str, body: bytes) -> RequestKey:
    """What a request is matched on (see the module docstring)."""
    query = sorted(
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if not is_secret_query_key(name)
    )
    return method.upper(), path, tuple(query), _body_key(method.upper(), body)


@dataclass(frozen=True)
class RecordedAnswer:
    """One recorded answer, ready to send: end-to-end headers only, its violations listed."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    media_type: str | None
    violations: tuple[Issue, ...] = ()

    def response(self, operation_id: str | None) -> MockResponse:
        headers = list(self.headers)
        if self.violations:
            headers.append(violations_header([("response", issue) for issue in self.violations]))
        return MockResponse(self.status, self.body, self.media_type, headers, operation_id, "replayed")


class Recordings:
    """The answers of one capture, each request's served in order (thread-safe)."""

    def __init__(self, answers: dict[RequestKey, list[tuple[RecordedAnswer, str | None]]]) -> None:
        self._answers = answers
        self._served: dict[RequestKey, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return sum(len(listed) for listed in self._answers.values())

    def rewind(self) -> None:
        """Serve every request's recorded answers from the first again (``POST /__admin/reset``)."""
        with self._lock:
            self._served.clear()

    def answer(self, request: MockRequest) -> MockResponse | None:
        """The next recorded answer to ``request`` (the last one again once all were served)."""
        if not self._answers:
            return None
        key = request_key(request.method, request.path, request.query_string, request.body)
        listed = self._answers.get(key)
        if listed is None:
            return None
        with self._lock:
            turn = self._served.get(key, 0)
            self._served[key] = turn + 1
        answer, operation_id = listed[min(turn, len(listed) - 1)]
        return answer.response(operation_id)


def _recorded(entry: Entry, compiled: CompiledSpec) -> tuple[RecordedAnswer, str | None]:
    request, response = entry.request, entry.response
    body = response.body.data if response.body is not None else b""
    media_type = response.media_type
    headers = end_to_end_headers([(name.lower(), value) for name, value in response.headers], _REPLAY_DROPPED)
    found = compiled.router.match(request.method, request.path)
    violations: Sequence[Issue]
    operation_id = None
    if isinstance(found, RouteMatch):
        operation_id = found.target.operation_id
        checked = check_response(found.target, response.status, media_type, body)
        violations = [violation.as_issue() for violation in checked]
    else:
        violations = [Issue("body", "", f"No operation of the spec is {request.method} {request.path}.")]
    return RecordedAnswer(response.status, tuple(headers), body, media_type, tuple(violations)), operation_id


def load_recordings(
    entries: Sequence[Entry], compiled: CompiledSpec, source: str = "the capture"
) -> Recordings:
    """The answers of ``entries`` checked against ``compiled``; those that break it are logged."""
    answers: dict[RequestKey, list[tuple[RecordedAnswer, str | None]]] = {}
    violating = []
    skipped = 0
    for number, entry in enumerate(entries):
        if entry.response.body is None or entry.response.body.truncated:
            skipped += 1  # a journal keeps no answer; a cut body is not the answer
            continue
        recorded = _recorded(entry, compiled)
        request = entry.request
        body = request.body.data if request.body is not None else b""
        key = request_key(request.method, request.path, request.query_string, body)
        answers.setdefault(key, []).append(recorded)
        if recorded[0].violations:
            violating.append((number, entry, recorded[0].violations))
    for number, entry, violations in violating[:_LOGGED]:
        logger.warning(
            "%s: entry %d: %s %s -> %d is replayed although it breaks the spec: %s",
            source,
            number,
            entry.request.method,
            entry.request.path,
            entry.response.status,
            "; ".join(issue.message for issue in violations[:3]),
        )
    if len(violating) > _LOGGED:
        logger.warning("%s: %d more recorded answers break the spec", source, len(violating) - _LOGGED)
    if skipped:
        logger.warning("%s: %d exchange(s) without a whole recorded answer are not replayed", source, skipped)
    return Recordings(answers)
