"""One request journal across the workers: ``/__admin/requests`` answers for all of them.

Each worker keeps the requests it served (as ``RequestJournal`` does, at no extra cost per
request) and listens on a Unix socket of its own, in a folder only the supervisor and its
workers know. The worker that gets ``GET /__admin/requests`` asks every other one for its
entries and answers with all of them, oldest first, numbered as one journal and cut to the
journal's capacity; ``DELETE /__admin/requests`` and ``POST /__admin/reset`` empty every
worker's. A worker that does not answer within ``PEER_TIMEOUT_S`` (one being restarted) is left
out, and ``meta.workersAnswered`` says so. Each entry names the ``worker`` that served it.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mock_server.server.admin import RequestJournal

PEER_TIMEOUT_S = 2.0
MAX_COMMAND_BYTES = 64
MAX_REPLY_BYTES = 256 * 1024 * 1024  # a full journal of 100,000 entries with 4 KiB excerpts fits


class WorkerJournal(RequestJournal):
    """This worker's journal, read and cleared together with the other workers' (``peers``)."""

    def __init__(self, capacity: int, index: int, sockets: Sequence[Path]) -> None:
        super().__init__(capacity)
        self.index = index
        self.own = sockets[index]
        self.peers = tuple(path for number, path in enumerate(sockets) if number != index)
        self._server: socketserver.ThreadingUnixStreamServer | None = None

    # ---- what this worker holds ---------------------------------------------------------------

    def local_json(self) -> dict[str, Any]:
        """This worker's entries, each with ``worker``: its number (0 to N-1)."""
        journal = RequestJournal.as_json(self)
        for entry in journal["requests"]:
            entry["worker"] = self.index
        return journal

    def local_clear(self) -> None:
        RequestJournal.clear(self)

    # ---- the journal of every worker ----------------------------------------------------------

    def as_json(self, limit: int | None = None) -> dict[str, Any]:
        parts = [self.local_json()]
        for peer in self.peers:
            reply = ask(peer, "journal")
            if isinstance(reply, dict):
                parts.append(reply)
        return merged(parts, self.capacity, limit, len(self.peers) + 1)

    def clear(self) -> None:
        self.local_clear()
        for peer in self.peers:
            ask(peer, "clear")

    # ---- answering the others -----------------------------------------------------------------

    def serve(self) -> WorkerJournal:
        """Answer the other workers on ``own`` from a daemon thread."""
        journal = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                command = self.rfile.readline(MAX_COMMAND_BYTES).strip()
                if command == b"journal":
                    self.wfile.write(json.dumps(journal.local_json()).encode())
                elif command == b"clear":
                    journal.local_clear()
                    self.wfile.write(b'"ok"')

        self.own.unlink(missing_ok=True)  # a restarted worker's socket file is left behind
        server = socketserver.ThreadingUnixStreamServer(str(self.own), Handler)
        server.daemon_threads = True
        self._server = server
        threading.Thread(target=server.serve_forever, name="leeloo-mock-journal", daemon=True).start()
        return self


def ask(peer: Path, command: str) -> Any:
    """A peer's JSON answer to ``command``; None when it cannot be asked within the timeout."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(PEER_TIMEOUT_S)
            connection.connect(str(peer))
            connection.sendall(command.encode() + b"\n")
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


def merged(parts: Sequence[dict[str, Any]], capacity: int, limit: int | None, workers: int) -> dict[str, Any]:
    """The journals of several workers as one: oldest first, numbered in order, at most ``capacity``."""
    entries = sorted((entry for part in parts for entry in part["requests"]), key=lambda e: e["loggedAt"])
    total = sum(int(part["meta"]["total"]) for part in parts)
    kept = entries[len(entries) - capacity :] if capacity else []
    dropped = total - len(kept)
    for number, entry in enumerate(kept, start=dropped + 1):
        entry["number"] = number
    shown = kept if limit is None else kept[len(kept) - limit :] if limit else []
    return {
        "meta": {
            "total": total,
            "kept": len(kept),
            "dropped": dropped,
            "capacity": capacity,
            "workers": workers,
            "workersAnswered": len(parts),
        },
        "requests": shown,
    }
