"""The mock's own endpoints under ``/__admin`` (WireMock's prefix) and its request journal.

- ``GET /__admin/requests``: the requests received, oldest first, each with its answer's status,
  the operation it matched and its validation outcome (the ``sl-violations`` issues);
  ``?limit=N`` keeps the newest N.
- ``DELETE /__admin/requests``: forget them.
- ``POST /__admin/reset``: the ``--stateful`` store back to its seed records, and the journal
  emptied (WireMock's reset also clears its journal).
- ``GET /__admin/health``: ``{"status": "ok"}``, for scripts that wait for the mock.
- ``/__admin/faults``: the faults in force (``mock_server.faults.admin``), ``/__admin/ui``: the
  journal as a page (``mock_server.pages``); other rooms' endpoints are handed to :class:`Admin`
  by path.

The prefix is reserved: a spec path under it is never matched, the proxy never forwards it, and
admin requests are not journaled. They are answered only to loopback clients and pages (no
``Origin``, or a loopback one), whatever ``--host``, ``--cors-origin`` and ``--allowed-host`` let
through for the API itself: a page or a host elsewhere must not be able to wipe or read what a
test recorded.

The journal is bounded: at most ``capacity`` entries (the oldest are dropped and counted), and of
each body at most ``BODY_EXCERPT_BYTES``.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mock_server._config import DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE
from mock_server.stages.pipeline import MockRequest, MockResponse, problem_response
from mock_server.stages.problems import VIOLATIONS_HEADER, encode
from mock_server.stores.seam import StoreError

ADMIN_PREFIX = "/__admin"
BODY_EXCERPT_BYTES = 4096
_LOOPBACK_ADDRESSES = ("127.", "::1", "::ffff:127.")
JSON = "application/json"


def is_admin_path(path: str) -> bool:
    """Whether ``path`` (without its query) is under the reserved prefix."""
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


def is_loopback_client(client: Sequence[Any] | None) -> bool:
    """The connection comes from this machine (None: the server does not say, as in-process)."""
    if not client:
        return True
    address = str(client[0])
    return address == "localhost" or address.startswith(_LOOPBACK_ADDRESSES)


def is_loopback_origin(origin: str | None) -> bool:
    """No ``Origin`` (not a browser), or a page served from this machine."""
    if origin is None:
        return True
    try:
        host = urlsplit(origin).hostname or ""
    except ValueError:
        return False
    return host in ("localhost", "::1") or host.startswith("127.")


@dataclass(frozen=True)
class JournalEntry:
    """One request the mock answered."""

    number: int
    logged_at: float  # seconds since the epoch
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: str  # at most BODY_EXCERPT_BYTES of it, decoded as UTF-8 with replacements
    body_truncated: bool
    status: int
    operation_id: str | None
    violations: tuple[Mapping[str, Any], ...]
    duration_ms: float
    fault: Mapping[str, Any] | None = None  # the delay or fault injected (see mock_server.faults)
    source: str | None = None  # "replayed" or "recorded" (MockResponse.source)

    @property
    def valid(self) -> bool:
        """The request broke no rule of the spec (as far as the mock checked it)."""
        return not self.violations

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "loggedAt": self.logged_at,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": dict(self.headers),
            "body": self.body,
            "bodyTruncated": self.body_truncated,
            "status": self.status,
            "operationId": self.operation_id,
            "valid": self.valid,
            "violations": list(self.violations),
            "durationMs": self.duration_ms,
            "fault": self.fault,
            "source": self.source,
        }


_SECRET_HEADERS = frozenset({"x-leeloo-authtoken", "authorization", "cookie", "proxy-authorization"})


def _violations_text(response: MockResponse) -> str | None:
    for name, value in response.headers:
        if name == VIOLATIONS_HEADER or name.lower() == VIOLATIONS_HEADER:
            return value
    return None


def _parsed_violations(text: str | None) -> tuple[Mapping[str, Any], ...]:
    if text is None:
        return ()
    try:
        listed = json.loads(text)
    except ValueError:
        return ({"message": text},)
    return tuple(item for item in listed if isinstance(item, Mapping)) if isinstance(listed, list) else ()


# What is kept of a request while serving: the parts as they are (the headers' dict is the app's
# own, never changed after), at most BODY_EXCERPT_BYTES of the body; the rest is worked out when
# the journal is read, so that recording costs the mock little.
_Raw = tuple[
    int,
    float,
    float,
    MockRequest,
    bytes,
    int,
    int,
    str | None,
    str | None,
    Mapping[str, Any] | None,
    str | None,
]


def _entry(raw: _Raw) -> JournalEntry:
    number, logged_at, duration, request, excerpt, size, status, operation_id, violations, fault, source = raw
    headers = {name: ("***" if name in _SECRET_HEADERS else value) for name, value in request.headers.items()}
    return JournalEntry(
        number=number,
        logged_at=logged_at,
        method=request.method,
        path=request.path,
        query=request.query_string,
        headers=headers,
        body=excerpt.decode("utf-8", errors="replace"),
        body_truncated=size > len(excerpt),
        status=status,
        operation_id=operation_id,
        violations=_parsed_violations(violations),
        duration_ms=round(duration * 1000, 3),
        fault=fault,
        source=source,
    )


class RequestJournal:
    """The last ``capacity`` requests, safe to read from another thread while the mock serves."""

    def __init__(self, capacity: int = DEFAULT_JOURNAL_SIZE) -> None:
        if not 0 <= capacity <= MAX_JOURNAL_SIZE:
            raise ValueError(f"the journal holds 0 to {MAX_JOURNAL_SIZE} requests, not {capacity}")
        self.capacity = capacity
        self._entries: deque[_Raw] = deque(maxlen=capacity or None)
        self._lock = threading.Lock()
        self._total = 0

    def record(
        self,
        request: MockRequest,
        response: MockResponse,
        started: float,
        fault: Mapping[str, Any] | None = None,
    ) -> None:
        """Add what was asked and answered (and the fault injected); the oldest entry goes when the
        journal is full."""
        if self.capacity == 0:
            return
        body = request.body
        excerpt = body if len(body) <= BODY_EXCERPT_BYTES else body[:BODY_EXCERPT_BYTES]
        if excerpt is not body:  # never hold on to a large body, only its excerpt
            request = MockRequest(request.method, request.path, request.query_string, request.headers)
        duration = time.perf_counter() - started
        violations = _violations_text(response)
        with self._lock:
            self._total += 1
            self._entries.append(
                (
                    self._total,
                    time.time(),
                    duration,
                    request,
                    excerpt,
                    len(body),
                    response.status,
                    response.operation_id,
                    violations,
                    fault,
                    response.source,
                )
            )

    def entries(self) -> list[JournalEntry]:
        """The entries kept, oldest first."""
        with self._lock:
            kept = list(self._entries)
        return [_entry(raw) for raw in kept]

    @property
    def total(self) -> int:
        """Every request recorded since start-up or the last clear, kept or dropped."""
        with self._lock:
            return self._total

    def clear(self) -> None:
        """Forget every entry (the numbering starts again)."""
        with self._lock:
            self._entries.clear()
            self._total = 0

    def as_json(self, limit: int | None = None) -> dict[str, Any]:
        with self._lock:
            entries = list(self._entries)
            total = self._total
        shown = entries if limit is None else entries[len(entries) - limit :] if limit else []
        return {
            "meta": {
                "total": total,
                "kept": len(entries),
                "dropped": total - len(entries),
                "capacity": self.capacity,
            },
            "requests": [_entry(raw).as_json() for raw in shown],
        }


def _json(status: int, body: Any) -> MockResponse:
    return MockResponse(status, encode(body), JSON)


class Admin:
    """Answers the ``/__admin`` requests of one mock."""

    def __init__(
        self,
        journal: RequestJournal,
        reset_store: Callable[[], int | None],
        endpoints: Mapping[str, Callable[[MockRequest], MockResponse]] | None = None,
    ) -> None:
        self.journal = journal
        self._reset_store = reset_store
        self.endpoints = dict(endpoints or {})  # other rooms' admin paths (/__admin/faults)

    def handle(self, request: MockRequest) -> MockResponse:
        path = request.path.split("?", 1)[0].rstrip("/") or "/"
        method = request.method
        endpoint = self.endpoints.get(path)
        if endpoint is not None:
            return endpoint(request)
        if path == f"{ADMIN_PREFIX}/requests":
            if method == "GET":
                return self._list(request)
            if method == "DELETE":
                self.journal.clear()
                return MockResponse(204)
            return self._not_allowed(request, "GET, DELETE")
        if path == f"{ADMIN_PREFIX}/reset":
            if method != "POST":
                return self._not_allowed(request, "POST")
            try:
                records = self._reset_store()
            except StoreError as exc:  # a shared store (SQLite, Redis) that cannot be used now
                return problem_response(503, f"The store was not reset: {exc}", "about:blank", request.path)
            self.journal.clear()
            return _json(200, {"stateful": records is not None, "records": records or 0})
        if path == f"{ADMIN_PREFIX}/health":
            if method not in ("GET", "HEAD"):
                return self._not_allowed(request, "GET")
            return _json(200, {"status": "ok"})
        return problem_response(
            404,
            f"{path} is not an admin endpoint: {ADMIN_PREFIX}/requests, {ADMIN_PREFIX}/reset, "
            f"{ADMIN_PREFIX}/health{''.join(', ' + endpoint for endpoint in self.endpoints)} are.",
            "about:blank",
            request.path,
        )

    def _list(self, request: MockRequest) -> MockResponse:
        values = parse_qs(request.query_string).get("limit")
        limit: int | None = None
        if values:
            text = values[-1]
            if not text.isdigit() or int(text) > MAX_JOURNAL_SIZE:
                return problem_response(
                    400,
                    f"limit must be a whole number from 0 to {MAX_JOURNAL_SIZE}.",
                    "about:blank",
                    request.path,
                )
            limit = int(text)
        return _json(200, self.journal.as_json(limit))

    @staticmethod
    def _not_allowed(request: MockRequest, allowed: str) -> MockResponse:
        return problem_response(
            405,
            f"{request.path} allows {allowed}.",
            "about:blank",
            request.path,
            headers=[("Allow", allowed)],
        )

    @staticmethod
    def not_from_this_machine(path: str) -> MockResponse:
        """The answer to an admin request from elsewhere than this machine."""
        return problem_response(
            403,
            f"{ADMIN_PREFIX} answers only requests from this machine (a loopback client, and no "
            "Origin or a loopback one).",
            "about:blank",
            path,
        )
