"""Read a capture's exchanges, whatever its form: HAR 1.2, NDJSON of HAR entries, the mock's journal.

The form is sniffed from the first bytes:

- ``{"log": {...}}``: a HAR 1.2 document, read whole (at most ``max_document_bytes``);
- one JSON object per line, each a HAR entry (``{"request": ..., "response": ...}``): NDJSON,
  streamed line by line (each line at most ``max_line_bytes``), so a capture of any length is
  read in bounded memory;
- ``{"meta": ..., "requests": [...]}``: what ``GET /__admin/requests`` answers (the journal keeps
  no response body or headers: those entries have ``response.body`` None).

Entries are numbered from 0 in the order of the file (HAR's ``log.entries[N]``; NDJSON's line
N+1, blank lines aside). Anything unreadable is a HarError: ``FILE: entry N: reason``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mock_server.har.model import Body, Entry, HarError, Request, Response, iso_time

MAX_DOCUMENT_BYTES = 128 * 1024 * 1024  # a HAR or journal document is parsed whole
MAX_LINE_BYTES = 32 * 1024 * 1024  # one NDJSON entry
_SNIFF_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"  # some tools write one before a HAR document
_TOO_DEEP = "nested too deep (past the depth Python's JSON parser follows)"
JOURNAL_HOST = "http://localhost"  # the journal keeps paths; its entries get this origin


def journal_entry(item: Any) -> Entry:
    """An entry of the journal's JSON (``GET /__admin/requests``) as a HAR entry."""
    if not isinstance(item, Mapping):
        raise ValueError("a journal request must be an object")
    method, path, status = item.get("method"), item.get("path"), item.get("status")
    if not isinstance(method, str) or not isinstance(path, str) or not isinstance(status, int):
        raise ValueError("a journal request needs method, path and status")
    query = item.get("query") or ""
    headers = item.get("headers") or {}
    if not isinstance(headers, Mapping):
        raise ValueError("a journal request's headers must be an object")
    pairs = tuple((str(name), str(value)) for name, value in headers.items())
    text = item.get("body") or ""
    body = None
    if text:
        mime = next((v for n, v in pairs if n.lower() == "content-type"), "")
        body = Body(mime, str(text).encode("utf-8"), comment="excerpt" if item.get("bodyTruncated") else "")
    logged = item.get("loggedAt")
    duration = item.get("durationMs")
    return Entry(
        Request(method.upper(), f"{JOURNAL_HOST}{path}" + (f"?{query}" if query else ""), pairs, body),
        Response(status),
        iso_time(float(logged)) if isinstance(logged, int | float) else "",
        float(duration) if isinstance(duration, int | float) else 0.0,
    )


def _entry_of(item: Any) -> Entry:
    if isinstance(item, Mapping) and "request" not in item and "method" in item:
        return journal_entry(item)
    if isinstance(item, Mapping) and "request" not in item:
        raise ValueError("neither a HAR entry (no `request`) nor a request of the mock's journal")
    return Entry.from_har(item)


def _document(path: Path, handle: io.BufferedReader[io.FileIO], max_bytes: int) -> Any:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise HarError(
            path,
            f"larger than {max_bytes} bytes: write it as NDJSON (one HAR entry per line), which is streamed",
        )
    try:
        return json.loads(data.removeprefix(_BOM))
    except UnicodeDecodeError as exc:
        raise HarError(path, f"not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise HarError(path, f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise HarError(path, f"not valid JSON: {_TOO_DEEP}") from None


def _document_entries(path: Path, document: Any) -> Iterator[Entry]:
    if isinstance(document, Mapping) and "log" in document:
        log = document["log"]
        items = log.get("entries") if isinstance(log, Mapping) else None
        if not isinstance(items, list):
            raise HarError(path, "not HAR: log.entries must be a list")
    elif isinstance(document, Mapping) and "requests" in document:
        items = document["requests"]
        if not isinstance(items, list):
            raise HarError(path, "not the mock's journal: requests must be a list")
    elif isinstance(document, list):
        items = document
    else:
        raise HarError(path, 'neither HAR ({"log": ...}), NDJSON of HAR entries nor the mock\'s journal')
    for index, item in enumerate(items):
        try:
            yield _entry_of(item)
        except ValueError as exc:
            raise HarError(path, str(exc), index) from None


def _ndjson_entries(path: Path, handle: io.BufferedReader[io.FileIO], max_line_bytes: int) -> Iterator[Entry]:
    index = 0
    while True:
        line = handle.readline(max_line_bytes + 1)
        if not line:
            return
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            raise HarError(path, f"longer than {max_line_bytes} bytes", index)
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HarError(path, f"not a JSON object: {exc.msg}", index) from None
        except UnicodeDecodeError:
            raise HarError(path, "not a JSON object: not UTF-8 text", index) from None
        except RecursionError:
            raise HarError(path, f"not a JSON object: {_TOO_DEEP}", index) from None
        try:
            yield _entry_of(item)
        except ValueError as exc:
            raise HarError(path, str(exc), index) from None
        index += 1


_FIRST_KEY = re.compile(rb'\A\s*\{\s*"([^"\\]{0,64})"')
_DOCUMENT_KEYS = (b"log", b"meta", b"requests")


def _is_ndjson(head: bytes) -> bool:
    """Whether the file holds one entry per line, told by the first key of its first object.

    A HAR document starts with ``log``, the journal with ``meta`` (or ``requests``), and a JSON
    list is a document too; any other object starts a line of NDJSON.
    """
    head = head.removeprefix(_BOM)
    if head.lstrip().startswith(b"["):
        return False
    match = _FIRST_KEY.match(head)
    return match is not None and match.group(1) not in _DOCUMENT_KEYS


def read_entries(
    path: str | Path,
    *,
    max_document_bytes: int = MAX_DOCUMENT_BYTES,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Iterator[Entry]:
    """The exchanges of the capture at ``path``, in order; HarError when it cannot be read.

    The file is opened when iteration starts and closed when it ends.
    """
    path = Path(path)
    try:
        handle = io.BufferedReader(io.FileIO(path, "rb"), _SNIFF_BYTES)
    except OSError as exc:
        raise HarError(path, exc.strerror or str(exc)) from None
    with handle:
        head = handle.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if not head.strip():
            raise HarError(path, "empty: no HAR, NDJSON or journal in it")
        if _is_ndjson(head):
            yield from _ndjson_entries(path, handle, max_line_bytes)
        else:
            yield from _document_entries(path, _document(path, handle, max_document_bytes))
