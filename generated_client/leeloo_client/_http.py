"""Small HTTP helpers shared by the transports and the errors: `Retry-After`, origins, safe URLs."""

import datetime
import email.utils
import json
import math
import re
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

import httpx

# The header that carries the account's token.
AUTH_HEADER_NAME = "X-Leeloo-AuthToken"
# Headers whose values are secrets, in lower case: never shown in a repr, a log or an error.
SECRET_HEADERS = frozenset(
    {AUTH_HEADER_NAME.lower(), "authorization", "proxy-authorization", "cookie", "set-cookie"}
)

MASK = "****"
# Query parameters whose values are masked in a logged URL (`?token=...`, `api_key=...`).
_SECRET_QUERY = re.compile(r"token|key|secret|password|passwd|auth|signature|session", re.IGNORECASE)


class SecretHeaders(dict[str, str]):
    """Request headers whose `repr()` hides the secrets: a traceback printed with its local
    variables (`capture_locals`, `pytest --showlocals`, crash reporters) shows this repr."""

    def __repr__(self) -> str:
        return repr(
            {name: "[secret]" if name.lower() in SECRET_HEADERS else value for name, value in self.items()}
        )


def retry_after_seconds(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """The `Retry-After` header in seconds from now: delay-seconds or an HTTP date.

    None when the header is absent or not usable: neither a number nor a date, negative, NaN or
    infinite. A date in the past is 0. This one helper serves the retrying transport and
    `RateLimitError.retry_after`.
    """
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        current = time.time() if now is None else now
        return max(0.0, moment.timestamp() - current)
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def json_body(response: httpx.Response) -> Any:
    """The JSON of an answer, strictly: `NaN` and `Infinity` (which Python's parser would turn into
    floats, even inside a string field of a model) raise `ValueError`."""
    return json.loads(response.content, parse_constant=_refuse_constant)


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL, the default port made explicit."""
    port = url.port
    if port is None:
        port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, port)


def safe_url(url: httpx.URL) -> str:
    """The URL without user info and with the values of secret-looking query parameters masked."""
    plain = url.copy_with(username=None, password=None, query=None)
    query = url.query.decode("ascii", "replace")
    if not query:
        return str(plain)
    pairs = [pair.partition("=") for pair in query.split("&")]
    masked = [
        name + sep + (MASK if sep and _SECRET_QUERY.search(unquote(name)) else value)
        for name, sep, value in pairs
    ]
    return f"{plain}?{'&'.join(masked)}"
