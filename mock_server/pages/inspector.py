"""``/__admin/ui``: the request journal as a page, newest first, updated while it is open.

The page is static; its script reads ``GET /__admin/requests?limit=PAGE_SIZE`` every
``POLL_MS`` and draws each entry with DOM text nodes, so a path or a body that carries markup
shows as the text it is. Being under ``/__admin``, the page and the journal it reads are answered
only to loopback clients and pages (``mock_server.server.admin``); its policy lets the script
talk to the mock alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mock_server.pages._markup import Page, asset, esc, not_a_read, page
from mock_server.stages.pipeline import MockRequest, MockResponse
from openapi_document import UnresolvableRef, operation_list

INSPECTOR_PATH = "/__admin/ui"
PAGE_SIZE = 200  # the newest entries the page asks for on each poll
POLL_MS = 1000


def render_inspector(document: Mapping[str, Any]) -> Page:
    """The inspector page; ``document`` gives the operations the filter offers."""
    try:
        names = sorted({op.name for op in operation_list(document, follow_path_item_refs=True)})
    except (UnresolvableRef, RecursionError, KeyError, TypeError, AttributeError):
        names = []
    options = "".join(f'<option value="{esc(name)}">{esc(name)}</option>' for name in names)
    info = document.get("info")
    title = str(info.get("title") or "") if isinstance(info, Mapping) else ""
    body = (
        '<header class="top"><h1>Request inspector</h1>'
        f'<span class="meta">{esc(title)} · <a class="meta" href="/__docs">API reference</a></span></header>'
        f'<main data-page-size="{PAGE_SIZE}" data-poll-ms="{POLL_MS}"><div class="toolbar">'
        '<label>Status <select id="status"><option value="">all</option><option value="2">2xx</option>'
        '<option value="3">3xx</option><option value="4">4xx</option><option value="5">5xx</option>'
        '<option value="refused">refused (named fields)</option></select></label>'
        '<label>Operation <select id="operation"><option value="">all</option>'
        f'<option value="-">no operation</option>{options}</select></label>'
        '<label><input type="checkbox" id="live" checked> live</label>'
        '<button class="plain" id="clear" type="button">Clear journal</button>'
        '<span class="muted" id="meta"></span></div>'
        '<table class="journal"><thead><tr><th>#</th><th>Time</th><th>Method</th><th>Path</th>'
        "<th>Status</th><th>Operation</th><th>Duration</th><th>Notes</th></tr></thead>"
        '<tbody id="journal"></tbody></table>'
        '<div class="empty" id="empty">No request yet. '
        "Requests the mock answers show here as they arrive.</div>"
        "</main>"
    )
    return page("Request inspector", body, asset("inspector.js"))


class InspectorEndpoint:
    """Answers ``GET /__admin/ui`` (an ``Admin`` endpoint: loopback only, origin-checked)."""

    def __init__(self, document: Callable[[], Mapping[str, Any]]) -> None:
        self.document = document
        self._cached: tuple[Mapping[str, Any], Page] | None = None

    def __call__(self, request: MockRequest) -> MockResponse:
        refused = not_a_read(request)
        if refused is not None:
            return refused
        document = self.document()
        if self._cached is None or self._cached[0] is not document:
            self._cached = (document, render_inspector(document))
        return self._cached[1].response()
