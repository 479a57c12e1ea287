"""HAR 1.2 entries as frozen values: one exchange's request, response and timings.

Bodies are held as bytes: text that is valid UTF-8 is written as HAR ``text``, anything else as
base64 (HAR's ``encoding: "base64"``). A body cut short keeps its original ``size`` and says so in
its ``comment``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl, urlsplit

Pairs = tuple[tuple[str, str], ...]
HAR_VERSION = "1.2"
CREATOR = {"name": "leeloo-mock", "version": "1"}


class HarError(ValueError):
    """A capture that cannot be read: ``FILE: entry N: reason`` (or ``FILE: reason``), one line."""

    def __init__(self, path: object, reason: str, index: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.index = index
        where = f"{self.path}: entry {index}" if index is not None else self.path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Body:
    """A request's or response's body: its bytes (perhaps cut short) and media type."""

    mime_type: str
    data: bytes
    size: int = -1  # the whole body's size; -1: len(data)
    comment: str = ""

    @property
    def full_size(self) -> int:
        return len(self.data) if self.size < 0 else self.size

    @property
    def truncated(self) -> bool:
        return self.full_size > len(self.data)

    def text(self) -> str | None:
        """The body as UTF-8 text, or None when it is not."""
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def _text_and_encoding(self) -> tuple[str, str | None]:
        text = self.text()
        if text is None:
            return base64.b64encode(self.data).decode("ascii"), "base64"
        return text, None


def _pairs(items: Any, what: str) -> Pairs:
    if not isinstance(items, list):
        raise ValueError(f"{what} must be a list of name/value objects")
    pairs = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise ValueError(f"{what}: each item needs a text `name`")
        value = item.get("value", "")
        pairs.append((item["name"], value if isinstance(value, str) else str(value)))
    return tuple(pairs)


def _har_pairs(pairs: Pairs) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in pairs]


def header_value(headers: Pairs, name: str) -> str | None:
    """The first value of header ``name`` (any case), if any."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


def _decoded(text: Any, encoding: Any, what: str) -> bytes:
    if text is None:
        return b""
    if not isinstance(text, str):
        raise ValueError(f"{what}.text must be text")
    if encoding == "base64":
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError(f"{what}.text is not valid base64") from exc
    if encoding not in (None, ""):
        raise ValueError(f"{what}.encoding {encoding!r} is not supported (base64 is)")
    return text.encode("utf-8", errors="surrogatepass")


def _body(har: Any, size: Any, what: str) -> Body:
    """A HAR ``postData`` or ``content`` object as a Body; ``size`` the whole body's, if known."""
    data = _decoded(har.get("text"), har.get("encoding"), what)
    whole = size if isinstance(size, int) and size > len(data) else -1
    return Body(str(har.get("mimeType") or ""), data, whole, str(har.get("comment") or ""))


@dataclass(frozen=True)
class Request:
    """What the client sent."""

    method: str
    url: str
    headers: Pairs = ()
    body: Body | None = None
    http_version: str = "HTTP/1.1"

    @cached_property
    def path(self) -> str:
        """The URL's path, still percent-encoded."""
        return urlsplit(self.url).path or "/"

    @cached_property
    def query_string(self) -> str:
        return urlsplit(self.url).query

    @cached_property
    def query(self) -> Pairs:
        """The query's name/value pairs, decoded, blanks kept."""
        return tuple(parse_qsl(self.query_string, keep_blank_values=True))

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)

    def to_har(self) -> dict[str, Any]:
        har: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "httpVersion": self.http_version,
            "cookies": [],
            "headers": _har_pairs(self.headers),
            "queryString": _har_pairs(self.query),
            "headersSize": -1,
            "bodySize": self.body.full_size if self.body is not None else 0,
        }
        if self.body is not None:
            text, encoding = self.body._text_and_encoding()
            post: dict[str, Any] = {"mimeType": self.body.mime_type, "text": text}
            if encoding:
                post["encoding"] = encoding  # not in HAR 1.2's postData, but read by HAR tools
            if self.body.comment:
                post["comment"] = self.body.comment
            har["postData"] = post
        return har

    @classmethod
    def from_har(cls, har: Any) -> Request:
        if not isinstance(har, Mapping):
            raise ValueError("request must be an object")
        method, url = har.get("method"), har.get("url")
        if not isinstance(method, str) or not method:
            raise ValueError("request.method must be a text")
        if not isinstance(url, str) or not url:
            raise ValueError("request.url must be a text")
        post = har.get("postData")
        body = _body(post, har.get("bodySize"), "request.postData") if isinstance(post, Mapping) else None
        return cls(
            method.upper(),
            url,
            _pairs(har.get("headers", []), "request.headers"),
            body,
            str(har.get("httpVersion") or "HTTP/1.1"),
        )


@dataclass(frozen=True)
class Response:
    """What the server answered; ``body`` None: the capture did not keep it (the mock's journal)."""

    status: int
    headers: Pairs = ()
    body: Body | None = None
    status_text: str = ""
    http_version: str = "HTTP/1.1"

    @property
    def media_type(self) -> str | None:
        """The Content-Type's media type, lower-case, without parameters."""
        value = self.header("content-type")
        if value is None and self.body is not None and self.body.mime_type:
            value = self.body.mime_type
        return value.split(";", 1)[0].strip().lower() or None if value else None

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)

    def to_har(self) -> dict[str, Any]:
        body = self.body or Body(self.header("content-type") or "", b"")
        text, encoding = body._text_and_encoding()
        content: dict[str, Any] = {"size": body.full_size, "mimeType": body.mime_type, "text": text}
        if encoding:
            content["encoding"] = encoding
        if body.comment:
            content["comment"] = body.comment
        if self.body is None:
            content["comment"] = "not recorded"
        return {
            "status": self.status,
            "statusText": self.status_text,
            "httpVersion": self.http_version,
            "cookies": [],
            "headers": _har_pairs(self.headers),
            "content": content,
            "redirectURL": self.header("location") or "",
            "headersSize": -1,
            "bodySize": body.full_size,
        }

    @classmethod
    def from_har(cls, har: Any) -> Response:
        if not isinstance(har, Mapping):
            raise ValueError("response must be an object")
        status = har.get("status")
        if not isinstance(status, int) or isinstance(status, bool):
            raise ValueError("response.status must be a whole number")
        content = har.get("content")
        body = None
        if isinstance(content, Mapping) and content.get("comment") != "not recorded":
            body = _body(content, content.get("size"), "response.content")
        return cls(
            status,
            _pairs(har.get("headers", []), "response.headers"),
            body,
            str(har.get("statusText") or ""),
            str(har.get("httpVersion") or "HTTP/1.1"),
        )


def iso_time(seconds: float) -> str:
    """An epoch time as HAR's ``startedDateTime`` (ISO 8601, UTC, milliseconds)."""
    moment = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Entry:
    """One exchange: HAR's ``log.entries[i]``."""

    request: Request
    response: Response
    started: str = field(default_factory=lambda: iso_time(dt.datetime.now(tz=dt.UTC).timestamp()))
    time_ms: float = 0.0
    comment: str = ""

    def to_har(self) -> dict[str, Any]:
        wait = max(self.time_ms, 0.0)
        har: dict[str, Any] = {
            "startedDateTime": self.started,
            "time": wait,
            "request": self.request.to_har(),
            "response": self.response.to_har(),
            "cache": {},
            "timings": {"send": 0, "wait": wait, "receive": 0},
        }
        if self.comment:
            har["comment"] = self.comment
        return har

    @classmethod
    def from_har(cls, har: Any) -> Entry:
        """The entry of a HAR object; ValueError with the reason when it is not one."""
        if not isinstance(har, Mapping):
            raise ValueError("an entry must be an object")
        time_ms = har.get("time", 0)
        return cls(
            Request.from_har(har.get("request")),
            Response.from_har(har.get("response")),
            str(har.get("startedDateTime") or ""),
            float(time_ms) if isinstance(time_ms, int | float) and not isinstance(time_ms, bool) else 0.0,
            str(har.get("comment") or ""),
        )


def har_document(entries: Sequence[Entry], creator: Mapping[str, str] = CREATOR) -> dict[str, Any]:
    """A whole HAR 1.2 document of ``entries`` (for small captures; HarWriter streams)."""
    entries_har = [entry.to_har() for entry in entries]
    return {"log": {"version": HAR_VERSION, "creator": dict(creator), "entries": entries_har}}
