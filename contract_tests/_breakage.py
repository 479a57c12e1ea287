"""Deliberately broken variants of the mock, to prove the contract checks catch breakage.

Each wraps the real mock's ASGI app in a small middleware that breaks ONE thing on ONE path;
everything else stays as the spec says. The ``test_catches_breakage`` tests run the suite's own
checks against them and require a failure.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


def _is_target(scope: Scope, method: str, path: str) -> bool:
    return bool(scope["type"] == "http" and scope["method"] == method and scope["path"].endswith(path))


def rewrite_answer(app: ASGIApp, method: str, path: str, rewrite: Callable[[Answer], Answer]) -> ASGIApp:
    """``app`` with the answers to ``method ...path`` passed through ``rewrite``."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_target(scope, method, path):
            await app(scope, receive, send)
            return
        start: Message = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            status, headers, body = rewrite((start["status"], list(start["headers"]), message["body"]))
            headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, capture)

    return wrapped


def wrong_field_type(app: ASGIApp, method: str = "GET", path: str = "/tags") -> ASGIApp:
    """The first tag's ``name`` (a string in the spec) comes back as a number."""

    def corrupt(answer: Answer) -> Answer:
        status, headers, body = answer
        if status != 200:
            return answer
        document = json.loads(body)
        document["data"][0]["name"] = 12345
        return status, headers, json.dumps(document).encode()

    return rewrite_answer(app, method, path, corrupt)


def server_error(app: ASGIApp, method: str = "GET", path: str = "/users") -> ASGIApp:
    """Every answer to ``GET /users`` is a 500 problem."""

    def fail(answer: Answer) -> Answer:
        body = json.dumps({"type": "about:blank", "title": "Internal Server Error", "status": 500}).encode()
        return 500, [(b"content-type", b"application/problem+json")], body

    return rewrite_answer(app, method, path, fail)


def plain_text_errors(app: ASGIApp, method: str = "GET", path: str = "/connections") -> ASGIApp:
    """Error answers to ``GET /connections`` are ``text/plain``, not RFC 7807 problems."""

    def to_text(answer: Answer) -> Answer:
        status = answer[0]
        if status < 400:
            return answer
        return status, [(b"content-type", b"text/plain")], b"something went wrong"

    return rewrite_answer(app, method, path, to_text)


def auth_not_enforced(app: ASGIApp, token: str, method: str = "GET", path: str = "/tunnels") -> ASGIApp:
    """``GET /tunnels`` answers whatever the token: the valid one is put in before the mock sees it."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if _is_target(scope, method, path):
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"x-leeloo-authtoken"]
            scope = {**scope, "headers": [*headers, (b"x-leeloo-authtoken", token.encode())]}
        await app(scope, receive, send)

    return wrapped
