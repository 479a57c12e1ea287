"""The mock's own endpoints under ``/__admin`` (WireMock's prefix) and its request journal.

- ``GET /__admin/requests``: the requests received, oldest first, each with its answer's status,
  the operation it matched and its validation outcome (the ``sl-violations`` issues);
  ``?limit=N`` keeps the newest N.
- ``DELETE /__admin/requests``: forget them.
- ``POST /__admin/reset``: the ``--stateful`` store back to its seed records, a replayed capture
  back to its first answers, and the journal emptied (WireMock's reset also clears its journal).
- ``GET /__admin/health``: ``{"status": "ok"}``, for scripts that wait for the mock.
- ``/__admin/faults``: the faults in force (``mock_server.faults.admin``), ``/__admin/ui``: the
  journal as a page (``mock_server.pages``); other rooms' endpoints are handed to :class:`Admin`
  by path.

The prefix is reserved: a spec path under it is never matched, the proxy never forwards it, and
admin requests are not journaled. They are answered only to loopback clients and pages (no
``Origin``, or a loopback one), whatever ``--host``, ``--cors-origin`` and ``--allowed-host`` let
through for the API itself: a page or a host elsewhere must not be able to wipe or read what a
test recorded.

The journal is bounded in entries and in bytes: at most ``capacity`` entries and
``max_bytes`` bytes (the oldest are dropped and counted). Each entry keeps at most
``BODY_EXCERPT_BYTES`` of the body, ``HEADER_EXCERPT_BYTES`` of the headers (each header counted
with ``HEADER_OVERHEAD_BYTES`` more, the cost of keeping it, so that many tiny headers are
bounded too) and ``URL_EXCERPT_BYTES`` of the path and of the query; what is cut is marked.
A read is encoded entry by entry in a worker thread, one read at a time, so the event loop
keeps serving while a large journal is read, and one answer holds at most ``PAGE_BYTES``:
``meta.next`` then names the page that follows (``?after=NUMBER``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mock_server.har.redaction import redact_headers, redact_query, scrub_text
from mock_server.server.config import DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE
from mock_server.server.guard import split_host
from mock_server.stages.pipeline import MockRequest, MockResponse, problem_response
from mock_server.stages.problems import VIOLATIONS_HEADER, encode
from mock_server.stores.seam import StoreError

ADMIN_PREFIX = "/__admin"
BODY_EXCERPT_BYTES = 4096
HEADER_EXCERPT_BYTES = 16 * 1024  # of one entry's headers, names and values, overheads included
HEADER_OVERHEAD_BYTES = 128  # what keeping one more header costs beyond its text (two strings, a slot)
URL_EXCERPT_BYTES = 4096  # of the path, and of the query
VIOLATIONS_EXCERPT_BYTES = 8192
ENTRY_OVERHEAD_BYTES = 512  # the entry's own objects
DEFAULT_JOURNAL_BYTES = 32 * 1024 * 1024  # the journal's entries, as counted by _Raw's size
PAGE_BYTES = 8 * 1024 * 1024  # of encoded entries in one answer of GET /__admin/requests
MAX_PENDING_READS = 4  # reads of the journal at once; more get 503
JSON = "application/json"


def is_admin_path(path: str) -> bool:
    """Whether ``path`` (without its query) is under the reserved prefix."""
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


def is_loopback_name(name: str) -> bool:
    """``localhost``, or an address of the loopback network (127.0.0.0/8, ::1, ::ffff:127.x.y.z).

    Only an address literal or ``localhost`` is: ``127.evil.example`` is a name anyone can point
    anywhere (DNS rebinding), however it starts.
    """
    name = name.lower()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def is_loopback_client(client: Sequence[Any] | None) -> bool:
    """The connection comes from this machine (None: the server does not say, as in-process)."""
    if not client:
        return True
    return is_loopback_name(str(client[0]))


def is_loopback_origin(origin: str | None) -> bool:
    """No ``Origin`` (not a browser), or a page served from this machine."""
    if origin is None:
        return True
    try:
        host = urlsplit(origin).hostname
    except ValueError:
        return False
    return host is not None and is_loopback_name(host)


def is_loopback_host(host: str | None) -> bool:
    """No ``Host`` (HTTP/1.0: not a browser), or a loopback name with any port."""
    return host is None or is_loopback_name(split_host(host)[0])


def admin_allowed(client: Sequence[Any] | None, origin: str | None, host: str | None) -> bool:
    """Whether an admin request may be answered: a loopback client, Origin and Host, whatever
    ``--host``, ``--cors-origin`` and ``--allowed-host`` let through for the API."""
    return is_loopback_client(client) and is_loopback_origin(origin) and is_loopback_host(host)


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
    headers_truncated: bool = False  # headers past HEADER_EXCERPT_BYTES were left out
    url_truncated: bool = False  # the path or the query was cut at URL_EXCERPT_BYTES

    @property
    def valid(self) -> bool:
        """The request broke no rule of the spec (as far as the mock checked it)."""
        return not self.violations

    def as_json(self) -> dict[str, Any]:
        shown = {
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
        if self.headers_truncated:
            shown["headersTruncated"] = True
        if self.url_truncated:
            shown["urlTruncated"] = True
        return shown


def _violations_text(response: MockResponse) -> str | None:
    for name, value in response.headers:
        if name == VIOLATIONS_HEADER or name.lower() == VIOLATIONS_HEADER:
            return value[:VIOLATIONS_EXCERPT_BYTES]
    return None


def _parsed_violations(text: str | None) -> tuple[Mapping[str, Any], ...]:
    if text is None:
        return ()
    try:
        listed = json.loads(text)
    except ValueError:
        return ({"message": text},)
    return tuple(item for item in listed if isinstance(item, Mapping)) if isinstance(listed, list) else ()


def _headers_excerpt(headers: Mapping[str, str]) -> tuple[Mapping[str, str], int, bool]:
    """The headers as kept (the app's own dict when they fit), their counted size, whether cut."""
    size = sum(map(len, headers)) + sum(map(len, headers.values())) + HEADER_OVERHEAD_BYTES * len(headers)
    if size <= HEADER_EXCERPT_BYTES:
        return headers, size, False
    kept: dict[str, str] = {}
    size = 0
    for name, value in headers.items():
        room = HEADER_EXCERPT_BYTES - size - len(name) - HEADER_OVERHEAD_BYTES
        if room <= 0:
            break
        kept[name] = value[:room]
        size += len(name) + len(kept[name]) + HEADER_OVERHEAD_BYTES
    return kept, size, True


# What is kept of a request while serving: the parts as they are (the headers' dict is the app's
# own, never changed after, unless it had to be cut), at most BODY_EXCERPT_BYTES of the body; the
# rest is worked out when the journal is read, so that recording costs the mock little. Items 9 and
# 10: the entry's counted size in bytes, and whether its headers or its URL were cut; then the
# fault injected and where the answer came from (replayed, recorded).
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
    int,
    tuple[bool, bool],
    Mapping[str, Any] | None,
    str | None,
]


def _entry(raw: _Raw) -> JournalEntry:
    """What the journal shows of a request, its secrets masked as the recorder masks them
    (``mock_server.har.redaction``): secret headers and query values, and the token's value."""
    (
        number,
        logged_at,
        duration,
        request,
        excerpt,
        size,
        status,
        operation_id,
        violations,
        _,
        cut,
        fault,
        source,
    ) = raw
    headers = {name: scrub_text(value) for name, value in redact_headers(request.headers.items())}
    return JournalEntry(
        number=number,
        logged_at=logged_at,
        method=request.method,
        path=scrub_text(request.path),
        query=scrub_text(redact_query(request.query_string)),
        headers=headers,
        body=scrub_text(excerpt.decode("utf-8", errors="replace")),
        body_truncated=size > len(excerpt),
        status=status,
        operation_id=operation_id,
        violations=_parsed_violations(violations),
        duration_ms=round(duration * 1000, 3),
        fault=fault,
        source=source,
        headers_truncated=cut[0],
        url_truncated=cut[1],
    )


class RequestJournal:
    """The last ``capacity`` requests within ``max_bytes``, safe to read from another thread while
    the mock serves."""

    def __init__(self, capacity: int = DEFAULT_JOURNAL_SIZE, max_bytes: int = DEFAULT_JOURNAL_BYTES) -> None:
        if not 0 <= capacity <= MAX_JOURNAL_SIZE:
            raise ValueError(f"the journal holds 0 to {MAX_JOURNAL_SIZE} requests, not {capacity}")
        if max_bytes < 0:
            raise ValueError(f"the journal's byte bound cannot be negative ({max_bytes})")
        self.capacity = capacity
        self.max_bytes = max_bytes
        self._entries: deque[_Raw] = deque()
        self._lock = threading.Lock()
        self._total = 0
        self._bytes = 0

    def record(
        self,
        request: MockRequest,
        response: MockResponse,
        started: float,
        fault: Mapping[str, Any] | None = None,
    ) -> None:
        """Add what was asked and answered (and the fault injected); the oldest entries go when the
        journal is full."""
        if self.capacity == 0:
            return
        body = request.body
        excerpt = body if len(body) <= BODY_EXCERPT_BYTES else body[:BODY_EXCERPT_BYTES]
        headers, headers_size, headers_cut = _headers_excerpt(request.headers)
        path, query = request.path, request.query_string
        url_cut = len(path) > URL_EXCERPT_BYTES or len(query) > URL_EXCERPT_BYTES
        if excerpt is not body or headers_cut or url_cut:  # never hold on to more than the excerpts
            request = MockRequest(
                request.method, path[:URL_EXCERPT_BYTES], query[:URL_EXCERPT_BYTES], headers
            )
        duration = time.perf_counter() - started
        violations = _violations_text(response)
        size = (
            ENTRY_OVERHEAD_BYTES
            + headers_size
            + len(excerpt)
            + len(request.path)
            + len(request.query_string)
            + (len(violations) if violations is not None else 0)
        )
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
                    size,
                    (headers_cut, url_cut),
                    fault,
                    response.source,
                )
            )
            self._bytes += size
            while len(self._entries) > self.capacity or self._bytes > self.max_bytes:
                self._bytes -= self._entries.popleft()[9]

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

    @property
    def size_bytes(self) -> int:
        """The kept entries' size, as counted against ``max_bytes``."""
        with self._lock:
            return self._bytes

    def clear(self) -> None:
        """Forget every entry (the numbering starts again)."""
        with self._lock:
            self._entries.clear()
            self._total = 0
            self._bytes = 0

    def _meta(self, entries: Sequence[_Raw], total: int) -> dict[str, Any]:
        return {
            "total": total,
            "kept": len(entries),
            "dropped": total - len(entries),
            "capacity": self.capacity,
        }

    def as_json(self, limit: int | None = None) -> dict[str, Any]:
        """The journal (the newest ``limit`` entries) as one JSON value, without a page bound."""
        with self._lock:
            entries = list(self._entries)
            total = self._total
        shown = entries if limit is None else entries[len(entries) - limit :] if limit else []
        return {
            "meta": self._meta(entries, total),
            "requests": [_entry(raw).as_json() for raw in shown],
        }

    def page(self, limit: int | None = None, after: int = 0, max_bytes: int = PAGE_BYTES) -> bytes:
        """``GET /__admin/requests`` encoded: the entries numbered past ``after`` (the newest ``limit``
        of them), oldest first, as many as fit in ``max_bytes``; ``meta.next`` names the rest.

        Each entry is encoded on its own, so a thread running this lets others run between them.
        """
        with self._lock:
            entries = list(self._entries)
            total = self._total
        chosen = [raw for raw in entries if raw[0] > after] if after else entries
        if limit is not None:
            chosen = chosen[len(chosen) - limit :] if limit else []
        parts: list[bytes] = []
        size = 0
        following: int | None = None
        for raw in chosen:
            part = encode(_entry(raw).as_json())
            if parts and size + len(part) > max_bytes:
                following = raw[0]
                break
            parts.append(part)
            size += len(part) + 1
        meta = self._meta(entries, total)
        if following is not None:
            meta["next"] = f"{ADMIN_PREFIX}/requests?after={following - 1}" + (
                f"&limit={limit}" if limit is not None else ""
            )
        return b'{"meta":' + encode(meta) + b',"requests":[' + b",".join(parts) + b"]}"


def _json(status: int, body: Any) -> MockResponse:
    return MockResponse(status, encode(body), JSON)


class Admin:
    """Answers the ``/__admin`` requests of one mock."""

    def __init__(
        self,
        journal: RequestJournal,
        reset: Callable[[], int | None],
        endpoints: Mapping[str, Callable[[MockRequest], MockResponse]] | None = None,
    ) -> None:
        self.journal = journal
        self.reset = reset  # what POST /__admin/reset runs besides emptying the journal
        self.endpoints = dict(endpoints or {})  # other rooms' admin paths (/__admin/faults)
        self._reader: ThreadPoolExecutor | None = None  # one thread: reads are encoded one at a time
        self._reads = 0  # reads waiting for or in that thread

    async def answer(self, request: MockRequest) -> MockResponse:
        """:meth:`handle`, with the journal read encoded in a worker thread off the event loop."""
        path = request.path.split("?", 1)[0].rstrip("/")
        if request.method != "GET" or path != f"{ADMIN_PREFIX}/requests":
            return self.handle(request)
        page = self._page_arguments(request)
        if isinstance(page, MockResponse):
            return page
        if self._reads >= MAX_PENDING_READS:
            return problem_response(
                503,
                f"{MAX_PENDING_READS} reads of the journal are under way already; try again shortly.",
                "about:blank",
                request.path,
                headers=[("Retry-After", "1")],
            )
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # stepped without an event loop (a sync in-process client): none to keep free
            return MockResponse(200, self.journal.page(*page), JSON)
        if self._reader is None:
            self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leeloo-mock-journal")
        self._reads += 1
        try:
            body = await loop.run_in_executor(self._reader, self.journal.page, *page)
        finally:
            self._reads -= 1
        return MockResponse(200, body, JSON)

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
                records = self.reset()
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
        page = self._page_arguments(request)
        if isinstance(page, MockResponse):
            return page
        return MockResponse(200, self.journal.page(*page), JSON)

    @staticmethod
    def _page_arguments(request: MockRequest) -> tuple[int | None, int] | MockResponse:
        """``(limit, after)`` of a read, or the 400 for a bad one."""
        query = parse_qs(request.query_string)
        limit: int | None = None
        after = 0
        for name, top in (("limit", MAX_JOURNAL_SIZE), ("after", None)):
            values = query.get(name)
            if not values:
                continue
            text = values[-1]
            if (
                not (text.isascii() and text.isdigit())
                or len(text) > 18
                or (top is not None and int(text) > top)
            ):
                bound = f"from 0 to {top}" if top is not None else "from 0 on"
                return problem_response(
                    400, f"{name} must be a whole number {bound}.", "about:blank", request.path
                )
            if name == "limit":
                limit = int(text)
            else:
                after = int(text)
        return limit, after

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
            f"{ADMIN_PREFIX} answers only requests from this machine (a loopback client, no Origin "
            "or a loopback one, and a Host that is localhost or a loopback address).",
            "about:blank",
            path,
        )
