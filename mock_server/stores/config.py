"""``--store``: which backend keeps the ``--stateful`` records, read from a URL.

- ``memory`` (the default): in the one process; gone at exit.
- ``sqlite:///PATH``: a SQLite file (``sqlite:///data/mock.db`` is relative to the working
  directory, ``sqlite:////var/lib/mock.db`` absolute): one host, any number of workers, kept
  across restarts.
- ``redis://HOST:PORT/DB`` (or ``rediss://`` for TLS, ``redis://:PASSWORD@HOST:PORT/DB``): any
  number of hosts.

The records of a spec are kept under its **namespace**, made from its ``info.title`` and
``info.version``: two specs on one Redis (or one SQLite file) never mix, and the same spec
served by several mocks, or served again after a restart, finds its records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mock_server.stores.seam import StoreBackend

KINDS = ("memory", "sqlite", "redis")
_SLUG = re.compile(r"[^a-z0-9]+")


class StoreUrlError(ValueError):
    """A ``--store`` value that names no backend; the message says what is accepted."""


@dataclass(frozen=True)
class StoreConfig:
    """Where the stateful records live (``--store``); the URL as given."""

    url: str = "memory"

    @property
    def kind(self) -> str:
        """``memory``, ``sqlite`` or ``redis``."""
        scheme = self.url.partition(":")[0]
        return "redis" if scheme in ("redis", "rediss") else scheme

    @property
    def shared(self) -> bool:
        """Whether several processes can use it together (every kind but memory)."""
        return self.kind != "memory"

    @property
    def description(self) -> str:
        """The URL as printed: a password as ``REDACTED``."""
        from mock_server.har.redaction import redact_url

        return redact_url(self.url) if self.kind == "redis" else self.url

    def open(self, document: Mapping[str, Any]) -> StoreBackend:
        """The backend, connected, under ``document``'s namespace; StoreError when it cannot be used."""
        namespace = spec_namespace(document)
        if self.kind == "sqlite":
            from mock_server.stores.sqlite import SqliteBackend

            return SqliteBackend(sqlite_path(self.url), namespace)
        if self.kind == "redis":
            from mock_server.stores.redis import RedisBackend

            return RedisBackend(self.url, namespace)
        from mock_server.stores.memory import MemoryBackend

        return MemoryBackend()


def sqlite_path(url: str) -> Path:
    """The file of ``sqlite:///PATH`` (three slashes, then the path, relative or ``/``-absolute)."""
    return Path(url.removeprefix("sqlite:///"))


def parse_store_url(text: str) -> StoreConfig:
    """The store a ``--store`` value names; StoreUrlError (with what is accepted) when none."""
    accepted = "memory, sqlite:///PATH or redis://HOST:PORT/DB"
    if text == "memory":
        return StoreConfig()
    if text.startswith("sqlite:"):
        if not text.startswith("sqlite:///") or len(text) == len("sqlite:///"):
            raise StoreUrlError(f"{text!r}: a SQLite store is sqlite:///PATH (three slashes, then the file)")
        if text.removeprefix("sqlite:///") in (":memory:", ""):
            raise StoreUrlError(f"{text!r}: an in-memory SQLite database is not shared; use --store memory")
        return StoreConfig(text)
    parts = urlsplit(text)
    if parts.scheme in ("redis", "rediss"):
        try:
            port = parts.port
        except ValueError:
            raise StoreUrlError(f"{text!r}: the port is not a number from 0 to 65535") from None
        if not parts.hostname or port == 0:
            raise StoreUrlError(f"{text!r}: a Redis store is redis://HOST:PORT/DB")
        database = parts.path.strip("/")
        if database and not database.isdigit():
            raise StoreUrlError(f"{text!r}: the database is a number (redis://HOST:PORT/0)")
        return StoreConfig(text)
    raise StoreUrlError(f"{text!r} is not a store: {accepted}")


def spec_namespace(document: Mapping[str, Any]) -> str:
    """``leeloo-ai-rest-api-v2-1a2b3c4d5e6f``: the spec's title as a slug, and a hash of its
    title and version (two specs of one title but other versions do not mix either)."""
    info = document.get("info")
    info = info if isinstance(info, Mapping) else {}
    title, version = str(info.get("title", "")), str(info.get("version", ""))
    slug = _SLUG.sub("-", title.lower()).strip("-")[:40] or "spec"
    digest = hashlib.sha256(f"{title}\0{version}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{slug}-{digest}"
