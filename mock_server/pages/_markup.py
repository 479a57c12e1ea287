"""What every page of the room shares: escaping, the page shell, its security headers.

A page is one HTML document with its style and script inline (nothing from elsewhere: the pages
work offline, and a static copy is one file). The ``Content-Security-Policy`` allows exactly
that inline style and that inline script, by their SHA-256 hashes: should a value ever reach the
page unescaped, a script it carries would still not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mock_server.stages.pipeline import MockRequest, MockResponse, problem_response

HTML = "text/html; charset=utf-8"


def esc(value: object) -> str:
    """``value`` as text that HTML shows as written (quotes too: safe inside attributes)."""
    return html.escape(str(value), quote=True)


@cache
def asset(name: str) -> str:
    """The text of ``assets/NAME`` (the room's own style and scripts), read once."""
    return resources.files("mock_server.pages").joinpath("assets", name).read_text(encoding="utf-8")


def _hash_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class Page:
    """A finished page: its HTML and the policy that lets only its own style and script run."""

    html: str
    policy: str

    def response(self, status: int = 200, *, cache: bool = False) -> MockResponse:
        headers = [
            ("content-security-policy", self.policy),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("cache-control", "no-cache" if cache else "no-store"),
        ]
        return MockResponse(status, self.html.encode("utf-8"), HTML, headers)


def page(title: str, body: str, script: str = "", *, connect: str = "'self'") -> Page:
    """The document around ``body`` (already escaped markup) with the shared style and ``script``."""
    style = asset("style.css")
    script_tag = f"<script>{script}</script>" if script else ""
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{style}</style></head>"
        f"<body>{body}{script_tag}</body></html>\n"
    )
    script_source = _hash_source(script) if script else "'none'"
    policy = (
        f"default-src 'none'; style-src {_hash_source(style)}; script-src {script_source}; "
        f"connect-src {connect}; img-src data:; form-action 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    return Page(document, policy)


def not_a_read(request: MockRequest) -> MockResponse | None:
    """The 405 for anything but ``GET`` and ``HEAD`` (the pages are only read); None for a read."""
    if request.method in ("GET", "HEAD"):
        return None
    where = request.path.split("?", 1)[0]
    return problem_response(
        405, f"{where} allows GET.", "about:blank", request.path, headers=[("Allow", "GET, HEAD")]
    )
