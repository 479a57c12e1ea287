"""Who may talk to the mock from a browser: the Origin and Host checks.

A mock on 127.0.0.1 is still reachable from any web page its developer opens: the page's
script can send requests (and with credentialed CORS read the answers), and a DNS-rebinding
name can point at 127.0.0.1 so that the page is "same-origin" with the mock. So:

- ``Origin``: only origins matching ``cors_origins`` are answered; any other (``null`` too) gets
  a 403 problem before anything runs. An entry is an exact origin (``https://app.example``),
  ``SCHEME://HOST:*`` (any port, or none), or ``*`` (any origin, answered with
  ``Access-Control-Allow-Origin: *`` and never with credentials). Requests without ``Origin``
  (curl, SDKs, tests) are not browsers' cross-site requests and pass.
- ``Host``: only a name of this server is answered, else 421: ``localhost``, ``127.0.0.1``,
  ``[::1]`` or the address the connection came in on, with the port it came in on (or none),
  plus each ``allowed_hosts`` entry (``NAME`` with any port, ``NAME:PORT`` exactly, ``*`` any
  host). A request without ``Host`` passes (HTTP/1.0; browsers always send one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
_CACHE_SIZE = 1024  # verdicts remembered per (Host, server); the cache is emptied when full


def _split_host(host: str) -> tuple[str, str | None]:
    """``name[:port]`` -> (lower-case name, port or None); ``[v6]:port`` keeps its brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        name, _, rest = host.partition("]")
        return name + "]", rest[1:] if rest.startswith(":") else None
    name, colon, port = host.rpartition(":")
    return (name, port) if colon and port.isdigit() else (host, None)


@dataclass(frozen=True)
class CorsGrant:
    """What ``Access-Control-Allow-Origin`` says, and whether credentials go with it."""

    allow_origin: str
    credentials: bool


class OriginPolicy:
    """Matches ``Origin`` headers against the configured entries."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.any_origin = "*" in entries
        self._exact = frozenset(e.lower() for e in entries if e != "*" and not e.endswith(":*"))
        self._any_port = tuple(e[:-2].lower() for e in entries if e != "*" and e.endswith(":*"))

    def _named(self, origin: str) -> bool:
        origin = origin.lower()
        if origin in self._exact:
            return True
        for prefix in self._any_port:
            if origin == prefix:
                return True
            if origin.startswith(prefix + ":") and origin[len(prefix) + 1 :].isdigit():
                return True
        return False

    def allows(self, origin: str | None) -> bool:
        """Whether a request with this ``Origin`` (None: no header) may be answered."""
        return origin is None or self.any_origin or self._named(origin)

    def grant(self, origin: str | None) -> CorsGrant | None:
        """The CORS answer for an allowed request; None: no CORS headers."""
        if origin is not None and self._named(origin):
            return CorsGrant(origin, credentials=True)
        if self.any_origin:
            return CorsGrant("*", credentials=False)
        return None


class HostPolicy:
    """Matches ``Host`` headers against this server's names and the allowed hosts."""

    def __init__(self, allowed: Sequence[str]) -> None:
        self.any_host = "*" in allowed
        self._verdicts: dict[tuple[str, tuple[str, int | None] | None], bool] = {}
        self._names: set[str] = set()  # any port
        self._exact: set[tuple[str, str]] = set()
        for entry in allowed:
            if entry == "*":
                continue
            entry = entry.strip()
            if ":" in entry and not entry.startswith("[") and entry.count(":") > 1:
                entry = f"[{entry}]"  # a bare IPv6 address, as --host ::1 gives it
            name, port = _split_host(entry)
            if port is None:
                self._names.add(name)
            else:
                self._exact.add((name, port))

    def allows(self, host: str | None, server: tuple[str, int | None] | None) -> bool:
        """Whether ``host`` names this server, for a connection that came in on ``server``."""
        if host is None or self.any_host:
            return True
        key = (host, (server[0], server[1]) if server is not None else None)  # may come as a list
        verdict = self._verdicts.get(key)
        if verdict is None:
            if len(self._verdicts) >= _CACHE_SIZE:
                self._verdicts.clear()
            verdict = self._verdicts[key] = self._decide(host, key[1])
        return verdict

    def _decide(self, host: str, server: tuple[str, int | None] | None) -> bool:
        name, port = _split_host(host)
        if name in self._names or (port is not None and (name, port) in self._exact):
            return True
        local_port: str | None = None
        if server is not None:
            address = server[0].lower()
            local_port = str(server[1]) if server[1] is not None else None
            if name not in LOOPBACK_NAMES and name not in (address, f"[{address}]"):
                return False
        elif name not in LOOPBACK_NAMES:
            return False
        return port is None or local_port is None or port == local_port
