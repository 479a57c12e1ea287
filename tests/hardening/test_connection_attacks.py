"""Connections past the bounds ("Hard to break, round 3", issue 21).

Before: past ``--max-connections`` a client that sent its request at once was often reset (the
503 was written and the socket closed with the request unread, so the kernel sent RST instead).
Now the refused connection is half-closed and drained for at most ``LINGER_S`` (at most
``MAX_REFUSED_LINGERING`` at once, past which they are closed at once), so the client reads the 503.
"""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

from tests.hardening.conftest import run_mock
from tests.hardening.test_socket_level import _read_answer

LIMIT = 20
REQUEST = b"GET /api/v2/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Leeloo-AuthToken: t\r\n\r\n"


def _status_past_the_limit(port: int) -> str:
    """A client that sends its request as soon as it connects: the status it reads, or the error."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(REQUEST)
            return str(_read_answer(sock).status)
    except OSError as exc:  # ConnectionResetError among them
        return type(exc).__name__


def test_clients_past_max_connections_read_the_503_instead_of_a_reset() -> None:
    with run_mock("--max-connections", str(LIMIT), "--idle-timeout", "30", "--header-timeout", "30") as mock:
        held = [socket.create_connection(("127.0.0.1", mock.port), timeout=10) for _ in range(LIMIT)]
        try:
            with ThreadPoolExecutor(max_workers=16) as pool:
                statuses = list(pool.map(_status_past_the_limit, [mock.port] * 200))
        finally:
            for sock in held:
                sock.close()
        assert set(statuses) == {"503"}, {status: statuses.count(status) for status in set(statuses)}
        mock.assert_serving()
