"""Secrets out of captures: header values and query values that carry credentials become REDACTED.

Dev Proxy and MockServer mask credentials in what they record by default; so do we. The headers
are named (``SECRET_HEADERS``); a query key is a secret when one of its words (split at ``_``,
``-``, ``.`` and case changes) is a credential word (token, secret, password, key, ...). The
value of ``LEELOO_AUTH_TOKEN``, wherever it shows up in a text, is masked too (``scrub_text``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from mock_server.har.model import Body, Entry, Pairs

REDACTED = "REDACTED"
TOKEN_ENV = "LEELOO_AUTH_TOKEN"
SECRET_HEADERS = frozenset(
    {
        "x-leeloo-authtoken",
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "x-auth-token",
    }
)
_SECRET_WORDS = frozenset(
    {
        "token",
        "authtoken",
        "accesstoken",
        "secret",
        "password",
        "passwd",
        "pwd",
        "key",
        "apikey",
        "auth",
        "authorization",
        "signature",
        "sig",
        "session",
        "sessionid",
        "credential",
        "credentials",
        "jwt",
        "bearer",
    }
)
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_MIN_SCRUBBED = 4  # shorter env values are not searched for in texts (too many false hits)


def is_secret_header(name: str) -> bool:
    return name.lower() in SECRET_HEADERS


def is_secret_query_key(name: str) -> bool:
    """Whether a query key looks like it carries a credential (``access_token``, ``apiKey``)."""
    lowered = name.lower()
    if lowered in _SECRET_WORDS or lowered.replace("_", "").replace("-", "") in _SECRET_WORDS:
        return True
    return any(word.lower() in _SECRET_WORDS for word in _WORD.findall(name))


def redact_headers(headers: Iterable[tuple[str, str]]) -> Pairs:
    """``headers`` with the value of each secret one replaced by REDACTED (names and order kept)."""
    return tuple((name, REDACTED if is_secret_header(name) else value) for name, value in headers)


def redact_query(query: str) -> str:
    """A query string with the value of each secret-looking key replaced by REDACTED.

    A query without a secret key comes back unchanged, byte for byte.
    """
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(is_secret_query_key(name) for name, _ in pairs):
        return query
    return urlencode([(name, REDACTED if is_secret_query_key(name) else value) for name, value in pairs])


def redact_url(url: str) -> str:
    """``url`` with its query redacted and a userinfo password masked."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = f"{parts.username or ''}:{REDACTED}@{netloc.rpartition('@')[2]}"
    query = redact_query(parts.query)
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def _secret_values() -> list[str]:
    token = os.environ.get(TOKEN_ENV, "")
    return [token] if len(token) >= _MIN_SCRUBBED else []


def scrub_text(text: str, secrets: list[str] | None = None) -> str:
    """``text`` with the value of LEELOO_AUTH_TOKEN (when set) replaced by REDACTED."""
    for secret in _secret_values() if secrets is None else secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def _scrub_body(body: Body | None, secrets: list[str]) -> Body | None:
    if body is None:
        return None
    if not any(secret.encode() in body.data for secret in secrets):
        return body
    data = body.data
    for secret in secrets:
        data = data.replace(secret.encode(), REDACTED.encode())
    return replace(body, data=data, size=-1 if not body.truncated else body.size)


def redact_entry(entry: Entry) -> Entry:
    """``entry`` with secret headers, secret query values, userinfo and the token's value masked."""
    request, response = entry.request, entry.response
    secrets = _secret_values()

    def masked(headers: Iterable[tuple[str, str]]) -> Pairs:
        redacted = redact_headers(headers)
        return tuple((n, scrub_text(v, secrets)) for n, v in redacted) if secrets else redacted

    url = scrub_text(redact_url(request.url), secrets)
    request_headers, response_headers = masked(request.headers), masked(response.headers)
    request_body, response_body = _scrub_body(request.body, secrets), _scrub_body(response.body, secrets)
    if (url, request_headers, request_body) != (request.url, request.headers, request.body):
        request = replace(request, url=url, headers=request_headers, body=request_body)
    if (response_headers, response_body) != (response.headers, response.body):
        response = replace(response, headers=response_headers, body=response_body)
    if request is entry.request and response is entry.response:
        return entry
    return replace(entry, request=request, response=response)
