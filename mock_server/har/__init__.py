"""HAR 1.2 captures: read them (whatever their form), write them as exchanges complete, mask secrets.

The API (stable; ``mock_server.recording``, ``mock_server.drift``, replay and the journal use it)::

    read_entries(path) -> Iterator[Entry]
        The exchanges of a HAR 1.2 document, an NDJSON file of HAR entries (streamed, bounded
        memory) or the mock's journal (``GET /__admin/requests``); the form is sniffed.
        HarError (a ValueError) says ``FILE: entry N: reason`` in one line.
    HarWriter(path, max_bytes=DEFAULT_MAX_BYTES, *, redact=True, max_body_bytes=...)
        ``write(entry) -> bool`` appends one exchange (False once ``max_bytes`` would be passed:
        one warning, then nothing more is written); ``close()``. The file is valid HAR after
        every write. ``.ndjson``/``.jsonl`` paths get one entry per line.
    Entry(request, response, started, time_ms, comment), Request, Response, Body
        Frozen values; ``Entry.to_har()`` / ``Entry.from_har(obj)``; bodies are bytes.
    redact_entry(entry), redact_headers(pairs), redact_query(query), redact_url(url),
    scrub_text(text), is_secret_header(name), is_secret_query_key(name),
    SECRET_HEADERS, REDACTED
        Secret header values, secret-looking query values, URL passwords and the value of
        LEELOO_AUTH_TOKEN become ``REDACTED``.
"""

from mock_server.har.model import (
    HAR_VERSION,
    Body,
    Entry,
    HarError,
    Request,
    Response,
    har_document,
    header_value,
    iso_time,
)
from mock_server.har.reader import journal_entry, read_entries
from mock_server.har.redaction import (
    REDACTED,
    SECRET_HEADERS,
    is_secret_header,
    is_secret_query_key,
    redact_entry,
    redact_headers,
    redact_query,
    redact_url,
    scrub_text,
)
from mock_server.har.writer import DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BYTES, HarWriter, truncated_body

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_BYTES",
    "HAR_VERSION",
    "REDACTED",
    "SECRET_HEADERS",
    "Body",
    "Entry",
    "HarError",
    "HarWriter",
    "Request",
    "Response",
    "har_document",
    "header_value",
    "is_secret_header",
    "is_secret_query_key",
    "iso_time",
    "journal_entry",
    "read_entries",
    "redact_entry",
    "redact_headers",
    "redact_query",
    "redact_url",
    "scrub_text",
    "truncated_body",
]
