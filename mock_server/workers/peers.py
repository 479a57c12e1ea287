"""The workers' line to each other: what one worker is asked to change, every worker changes.

Each worker listens on a Unix socket of its own, in a folder only the supervisor and its workers
know, for one-line commands (a name, then a JSON payload), and answers each with JSON from a
daemon thread. The journal (``mock_server.workers.journal``) reads and clears every worker's
entries this way; :func:`share_admin_changes` makes the other admin changes every worker's:
``POST`` and ``DELETE /__admin/faults``, and the replay's rewind of ``POST /__admin/reset`` (the
shared store is reset once, by the worker asked). A worker that does not answer within
``PEER_TIMEOUT_S`` (one being restarted) is left out; a worker started again begins with the
start-up faults.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mock_server.faults.admin import FAULTS_PATH
from mock_server.stages.pipeline import MockRequest, MockResponse

if TYPE_CHECKING:
    from mock_server.server.app import MockApp

PEER_TIMEOUT_S = 2.0
MAX_COMMAND_BYTES = 64 * 1024  # a command's line: its name and payload (a fault entry is far smaller)
MAX_REPLY_BYTES = 256 * 1024 * 1024  # a full journal of 100,000 entries with 4 KiB excerpts fits

Answer = Callable[[Any], Any]  # a command's payload (decoded JSON, or None) -> its JSON answer


class Peers:
    """This worker's socket (``sockets[index]``), the commands it answers, and the others'."""

    def __init__(self, index: int, sockets: Sequence[Path]) -> None:
        self.index = index
        self.own = sockets[index]
        self.others = tuple(path for number, path in enumerate(sockets) if number != index)
        self.count = len(sockets)
        self._answers: dict[str, Answer] = {}

    def answer(self, command: str, answer: Answer) -> None:
        """Answer ``command`` from the other workers with ``answer(payload)``."""
        self._answers[command] = answer

    def serve(self) -> Peers:
        """Listen on ``own`` from a daemon thread."""
        answers = self._answers

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(MAX_COMMAND_BYTES)
                name, _, payload = line.strip().partition(b" ")
                answer = answers.get(name.decode("ascii", "replace"))
                if answer is None:
                    return
                try:
                    reply = answer(json.loads(payload) if payload else None)
                except ValueError:
                    return
                self.wfile.write(json.dumps(reply).encode())

        self.own.unlink(missing_ok=True)  # a restarted worker's socket file is left behind
        server = socketserver.ThreadingUnixStreamServer(str(self.own), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name="leeloo-mock-peers", daemon=True).start()
        return self

    def ask_others(self, command: str, payload: Any = None) -> list[Any]:
        """Every other worker's answer to ``command``, of those that answered in time."""
        replies = (ask(peer, command, payload) for peer in self.others)
        return [reply for reply in replies if reply is not None]


def ask(peer: Path, command: str, payload: Any = None) -> Any:
    """A peer's JSON answer to ``command``; None when it cannot be asked within the timeout."""
    line = command.encode("ascii") + (b" " + json.dumps(payload).encode() if payload is not None else b"")
    if len(line) >= MAX_COMMAND_BYTES:
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(PEER_TIMEOUT_S)
            connection.connect(str(peer))
            connection.sendall(line + b"\n")
            chunks: list[bytes] = []
            size = 0
            while chunk := connection.recv(1 << 16):
                size += len(chunk)
                if size > MAX_REPLY_BYTES:
                    return None
                chunks.append(chunk)
        return json.loads(b"".join(chunks))
    except (OSError, ValueError):
        return None


def share_admin_changes(app: MockApp, peers: Peers) -> None:
    """Make ``app``'s fault changes and replay rewinds every worker's: done here, then asked of
    the others (who do them on their own app only, asking no one)."""
    own_faults = app.admin.endpoints[FAULTS_PATH]

    def faults_everywhere(request: MockRequest) -> MockResponse:
        response = own_faults(request)
        if request.method in ("POST", "DELETE") and response.status in (200, 201):
            change = {"method": request.method, "body": request.body.decode("utf-8", "replace")}
            peers.ask_others("faults", change)
        return response

    def faults_asked(change: Any) -> int:
        if not isinstance(change, dict) or change.get("method") not in ("POST", "DELETE"):
            return 400
        body = str(change.get("body", "")).encode()
        return own_faults(MockRequest(change["method"], FAULTS_PATH, "", {}, body)).status

    own_reset = app.admin.reset

    def reset_everywhere() -> int | None:
        records = own_reset()
        peers.ask_others("rewind")
        return records

    def rewind_asked(_: Any) -> str:
        app.rewind()
        return "ok"

    app.admin.endpoints[FAULTS_PATH] = faults_everywhere
    app.admin.reset = reset_everywhere
    peers.answer("faults", faults_asked)
    peers.answer("rewind", rewind_asked)
