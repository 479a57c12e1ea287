"""A bare TCP server for the tests that need a server misbehaving below HTTP's level.

httpx's mock transports never open a socket; a test of timeouts, dribbled bytes or keep-alive
needs a real one. :func:`connection_server` listens on a free port of 127.0.0.1 (the kernel picks
it while binding: no race with another test) and hands each connection to the test's own handler
in a thread of its own, until the ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

ACCEPT_POLL_S = 0.1  # how often the accepting thread looks whether the block has ended
JOIN_WAIT_S = 5.0  # the longest the end of the block waits for the accepting thread


@contextlib.contextmanager
def connection_server(
    handle: Callable[[socket.socket, threading.Event], None], backlog: int = 16
) -> Iterator[int]:
    """The port of a server that calls ``handle(connection, stopped)`` for each connection, in a
    thread; ``stopped`` is set when the block ends (a handler that loops ends with it)."""
    stopped = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(backlog)
    listener.settimeout(ACCEPT_POLL_S)

    def accept() -> None:
        while not stopped.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=handle, args=(connection, stopped), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stopped.set()
        thread.join(timeout=JOIN_WAIT_S)
        listener.close()
