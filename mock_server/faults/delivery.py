"""Send an answer as a :class:`~mock_server.faults.injector.FaultPlan` says: late, dribbled, or not
at all (the connection reset, closed empty, or given a malformed chunk).

Breaking a connection needs the server below the app: ``leeloo-mock``'s HTTP protocol
(``mock_server.server.http``) puts a :class:`Connection` in each request's scope under
``extensions[CONNECTION_EXTENSION]["connection"]`` (ASGI extensions are dicts). Where there is
none (the mock in process, without a socket), the fault is raised as :class:`ConnectionFault`,
which ``mock_server.testing``'s transports turn into the error httpx raises for a broken connection.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any, Protocol

from mock_server.faults.injector import FaultPlan
from mock_server.faults.values import DRIBBLE_CHUNKS

CONNECTION_EXTENSION = "leeloo.connection"
STEPPED_EXTENSION = "leeloo.stepped"  # the app is stepped without an event loop (testing, direct)

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]


class Connection(Protocol):
    """What the faults may do to the connection a request came on."""

    def reset_connection(self) -> None:
        """Close it with a TCP reset, sending nothing more."""

    def close_connection_with(self, data: bytes) -> None:
        """Write ``data`` as it is (no HTTP framing), then close."""


class ConnectionFault(Exception):
    """A connection fault asked for where there is no connection to break (the mock in process)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"leeloo-mock broke the connection on purpose ({kind})")
        self.kind = kind


async def pause(seconds: float, scope: MutableMapping[str, Any]) -> None:
    """Wait ``seconds``: on the event loop, or blocking when the app is stepped without one."""
    if seconds <= 0:
        return
    if scope.get("extensions", {}).get(STEPPED_EXTENSION) is not None:
        time.sleep(seconds)  # one request at a time, in the test's own thread: nothing else waits
    else:
        await asyncio.sleep(seconds)


def malformed_answer(start: Message) -> bytes:
    """A status line and headers announcing chunks, then a chunk size that is not hexadecimal."""
    status = int(start["status"])
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    head = [f"HTTP/1.1 {status} {phrase}".encode("latin-1")]
    head += [name + b": " + value for name, value in start.get("headers", []) if name != b"content-length"]
    return b"\r\n".join([*head, b"transfer-encoding: chunked", b"", b"zz; not a chunk size", b"{"])


async def deliver(
    plan: FaultPlan, scope: MutableMapping[str, Any], send: Send, start: Message, body: bytes
) -> None:
    """Send ``start`` and ``body`` as ``plan`` says (after its delay)."""
    await pause(plan.delay_ms / 1000, scope)
    fault = plan.fault
    if fault is None or fault.kind == "status":
        await send(start)
        await send({"type": "http.response.body", "body": body})
        return
    if fault.kind == "dribble":
        await send(start)
        size = max(1, math.ceil(len(body) / DRIBBLE_CHUNKS))
        pieces = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
        interval = fault.dribble_ms / 1000 / len(pieces)
        for number, piece in enumerate(pieces, 1):
            await pause(interval, scope)
            await send({"type": "http.response.body", "body": piece, "more_body": number < len(pieces)})
        return
    connection: Connection | None = (
        scope.get("extensions", {}).get(CONNECTION_EXTENSION, {}).get("connection")
    )
    if connection is None:
        raise ConnectionFault(fault.kind)
    if fault.kind == "reset":
        connection.reset_connection()
    elif fault.kind == "empty":
        connection.close_connection_with(b"")
    else:
        connection.close_connection_with(malformed_answer(start))
