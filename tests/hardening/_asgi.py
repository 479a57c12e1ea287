"""Call an ASGI app with raw bytes, as a server would after parsing the request line.

httpx refuses some of the inputs these tests send (a 64 KiB URL, bytes that are not UTF-8),
so the scope is built by hand: ``path`` is what uvicorn hands over (percent-decoded, invalid
UTF-8 replaced), ``query_string`` and header values are the raw bytes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

Message = MutableMapping[str, Any]
App = Callable[
    [Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]
TOKEN = (b"x-leeloo-authtoken", b"hardening-token")


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


async def asgi_request(
    app: Any,
    method: str,
    path: str,
    query: bytes = b"",
    headers: Sequence[tuple[bytes, bytes]] = (),
    body: bytes = b"",
    chunk_size: int = 65536,
    host: bytes = b"127.0.0.1",
    server: tuple[str, int] = ("127.0.0.1", 80),
) -> RawResponse:
    """One request through ``app``; the body arrives in chunks like a server delivers it.

    ``host`` is the Host header and ``server`` the address the connection came in on: the mock
    answers only a Host that names it (a loopback name, the address, or an allowed host).
    """
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "replace"),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", host), TOKEN, *headers],
        "server": server,
        "client": ("127.0.0.1", 50000),
    }
    chunks = [body[i : i + chunk_size] for i in range(0, len(body), chunk_size)] or [b""]
    sent: list[Message] = []

    async def receive() -> Message:
        if chunks:
            chunk = chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
        await asyncio.sleep(3600)  # a disconnect never comes: the app must not wait for one
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await asyncio.wait_for(app(scope, receive, send), timeout=10)
    start = next(message for message in sent if message["type"] == "http.response.start")
    headers_out = {
        name.decode("latin-1").lower(): value.decode("latin-1") for name, value in start["headers"]
    }
    payload = b"".join(
        message.get("body", b"") for message in sent if message["type"] == "http.response.body"
    )
    return RawResponse(start["status"], headers_out, payload)
