"""Write exchanges to a HAR 1.2 file as they complete, so the file is valid HAR after each one.

After every entry the file ends with the document's closing brackets; the next entry is written
over them (and brings its own). A process stopped by SIGTERM or SIGINT, or one that crashes,
leaves a complete HAR document holding every exchange written so far; only what was in flight
is lost. A path ending in ``.ndjson`` or ``.jsonl`` gets one entry per line instead.

Bounded: the file never grows past ``max_bytes`` (past it recording stops with one warning and
``write`` returns False), and a body larger than ``max_body_bytes`` is cut with a note in its
``comment``. Secrets are redacted unless ``redact=False`` (see ``redaction``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import IO

from mock_server.har.model import CREATOR, HAR_VERSION, Body, Entry
from mock_server.har.redaction import redact_entry

logger = logging.getLogger("leeloo_mock")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
NDJSON_SUFFIXES = (".ndjson", ".jsonl")
_TRAILER = b"\n]}}\n"


def truncated_body(body: Body | None, limit: int) -> Body | None:
    """``body`` cut to at most ``limit`` bytes (at a character boundary when it is text), noted."""
    if body is None or len(body.data) <= limit:
        return body
    data = body.data[:limit]
    if body.text() is not None:  # keep text as text: never cut a UTF-8 character in two
        data = data.decode("utf-8", errors="ignore").encode("utf-8")
    note = f"truncated: the first {len(data)} of {body.full_size} bytes"
    return replace(body, data=data, size=body.full_size, comment=note)


def _encoded(entry: Entry) -> bytes:
    return json.dumps(entry.to_har(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class HarWriter:
    """Appends entries to ``path`` (created or emptied), redacted, within ``max_bytes``."""

    def __init__(
        self,
        path: str | Path,
        max_bytes: int = DEFAULT_MAX_BYTES,
        *,
        redact: bool = True,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        creator: Mapping[str, str] = CREATOR,
    ) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.redact = redact
        self.max_body_bytes = max_body_bytes
        self.ndjson = self.path.suffix.lower() in NDJSON_SUFFIXES
        self.written = 0  # entries on disk
        self.dropped = 0  # entries refused once full or after close
        self.full = False
        self._lock = threading.Lock()
        self._file: IO[bytes] | None = self.path.open("wb")
        self._end = 0  # where the next entry goes (the trailer starts there)
        if not self.ndjson:
            head = json.dumps({"version": HAR_VERSION, "creator": dict(creator)}, separators=(",", ":"))
            start = ('{"log":' + head[:-1] + ',"entries":[').encode("utf-8")
            self._file.write(start + _TRAILER)
            self._file.flush()
            self._end = len(start)

    @property
    def size(self) -> int:
        """Bytes on disk."""
        return self._end if self.ndjson else self._end + len(_TRAILER)

    def write(self, entry: Entry) -> bool:
        """Add ``entry`` (redacted, bodies cut); False when it was not written (full or closed)."""
        if self.redact:
            entry = redact_entry(entry)
        entry = replace(
            entry,
            request=replace(entry.request, body=truncated_body(entry.request.body, self.max_body_bytes)),
            response=replace(entry.response, body=truncated_body(entry.response.body, self.max_body_bytes)),
        )
        data = _encoded(entry)
        with self._lock:
            if self._file is None or self.full:
                self.dropped += 1
                return False
            chunk = data + b"\n" if self.ndjson else (b"," if self.written else b"") + b"\n" + data
            if self.size + len(chunk) > self.max_bytes:
                self.full = True
                self.dropped += 1
                logger.warning(
                    "recording to %s stopped: the next exchange would pass the limit of %d bytes; "
                    "serving goes on, later exchanges are not recorded",
                    self.path,
                    self.max_bytes,
                )
                return False
            self._file.seek(self._end)
            self._file.write(chunk if self.ndjson else chunk + _TRAILER)
            self._file.flush()
            self._end += len(chunk)
            self.written += 1
            return True

    def close(self) -> None:
        """Flush and close the file (it is valid HAR already); later writes are dropped."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    def __enter__(self) -> HarWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
