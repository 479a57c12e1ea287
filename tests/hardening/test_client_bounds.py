"""The client's bounds against a hostile server: decoded answer size and the whole call's deadline.

A gzip bomb (half a megabyte on the wire, half a gigabyte decoded) runs in a child process under
a memory cap (`_bounded.run_bounded`), so an unbounded client fails the test instead of taking
the machine down. The dribbling server sends a few bytes at a time, each before the read timeout
runs out, for longer than the call may take.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import textwrap
import threading
import time
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest
from leeloo_client import (
    APIConnectionError,
    APITimeoutError,
    AsyncLeelooClient,
    LeelooClient,
    ResponseTooLargeError,
)
from leeloo_client.api.tags import list_tags

from tests.socket_server import connection_server

from ._bounded import run_bounded
from .test_client_failures import HANG, TAGS, Sleeps, http_response, scripted_server

TOKEN = "tok-BOUNDS-SECRET"
MIB = 1 << 20


def compressed(data_mib: int, wbits: int) -> bytes:
    """`data_mib` MiB of zeros, compressed as gzip (wbits 31), zlib (15) or raw deflate (-15)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join(compressor.compress(bytes(MIB)) for _ in range(data_mib)) + compressor.flush()


def client_for(base_url: str, **options: object) -> LeelooClient:
    return LeelooClient(token=TOKEN, base_url=base_url, max_retries=0, **options)  # type: ignore[arg-type]


BOMB_SCRIPT = textwrap.dedent(
    """
    import resource, sys, zlib
    from leeloo_client import LeelooClient, ResponseTooLargeError
    from leeloo_client.api.tags import list_tags
    from tests.hardening.test_client_failures import http_response, scripted_server

    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(compressor.compress(bytes(1 << 20)) for _ in range(512)) + compressor.flush()
    with scripted_server(http_response(200, bomb, "Content-Encoding: gzip")) as server:
        with LeelooClient(token="t", base_url=server.base_url, max_retries=0) as client:
            try:
                list_tags.sync(client=client)
            except ResponseTooLargeError as error:
                print("refused:", error)
    """
)


def test_gzip_bomb_is_refused_by_its_decoded_size_with_little_memory() -> None:
    # 0.5 MiB of gzip that decodes to 512 MiB, against the default 64 MiB cap.
    result = run_bounded(["-c", BOMB_SCRIPT], memory_cap=1024 * MIB, timeout=60)
    assert result.returncode == 0 and "refused:" in result.stdout, result.summary()
    assert result.peak_rss_mib < 200, result.summary()


def gzip_twice() -> bytes:
    outer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return outer.compress(compressed(64, 31)) + outer.flush()  # ~1 KiB -> ~64 KiB -> 64 MiB


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", lambda: compressed(4, 31)),
        ("deflate", lambda: compressed(4, 15)),
        ("deflate", lambda: compressed(4, -15)),
        ("gzip, gzip", gzip_twice),
    ],
    ids=["gzip", "deflate-zlib", "deflate-raw", "gzip-twice"],
)
def test_decoded_size_counts_against_max_response_size(encoding: str, body: Callable[[], bytes]) -> None:
    with (
        scripted_server(http_response(200, body(), f"Content-Encoding: {encoding}")) as server,
        client_for(server.base_url, max_response_size=MIB) as client,
        pytest.raises(ResponseTooLargeError),
    ):
        list_tags.sync(client=client)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, identity"])
def test_an_encoded_answer_within_the_cap_still_parses(encoding: str) -> None:
    tag = json.loads(TAGS)["data"][0]
    plain = json.dumps({"status": 1, "data": [tag] * 200}).encode()
    compressor = zlib.compressobj(6, zlib.DEFLATED, 15 if encoding == "deflate" else 31)
    body = compressor.compress(plain) + compressor.flush()
    with (
        scripted_server(http_response(200, body, f"Content-Encoding: {encoding}")) as server,
        client_for(server.base_url, max_response_size=len(plain)) as client,  # exactly the decoded size
    ):
        assert len(list_tags.sync(client=client).data) == 200
    assert b"accept-encoding: gzip, deflate\r\n" in server.requests[0].lower()


def test_an_encoding_the_client_cannot_bound_is_refused() -> None:
    with (
        scripted_server(http_response(200, b"\x0b\x02\x80{}\x03", "Content-Encoding: br")) as server,
        client_for(server.base_url) as client,
        pytest.raises(APIConnectionError, match="br-encoded"),
    ):
        list_tags.sync(client=client)


@contextlib.contextmanager
def dribbling_server(every: float, piece: bytes = b" " * 60, lasts: float = 15.0) -> Iterator[str]:
    """A server that answers headers at once, then `piece` every `every` seconds for `lasts` s."""

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
            )
            ends = time.monotonic() + lasts
            while not stop.is_set() and time.monotonic() < ends:
                conn.sendall(piece)
                stop.wait(every)

    with connection_server(answer, backlog=8) as port:
        yield f"http://127.0.0.1:{port}/api/v2"


def test_a_dribbling_server_is_cut_at_the_call_timeout() -> None:
    # 60 bytes every 0.5 s: each read comes well within the read timeout, the call never ends
    with dribbling_server(every=0.5) as base_url, client_for(base_url) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as raised:
            client.tags.list(timeout=2.0)
        took = time.monotonic() - started
    assert took < 2.0 + 0.5 + 1.0, f"the call took {took:.1f} s"
    assert "timeout" in str(raised.value)


def test_a_dribbling_server_is_cut_at_the_call_timeout_async() -> None:
    async def call(base_url: str) -> float:
        async with AsyncLeelooClient(token=TOKEN, base_url=base_url, max_retries=0, timeout=2.0) as client:
            started = time.monotonic()
            with pytest.raises(APITimeoutError):
                await client.tags.list()
            return time.monotonic() - started

    with dribbling_server(every=0.5) as base_url:
        took = asyncio.run(call(base_url))
    assert took < 2.0 + 0.5 + 1.0, f"the call took {took:.1f} s"


def test_retries_share_the_call_timeout() -> None:
    # a server that never answers, a read timeout of 0.4 s in a call of 1.5 s: 11 attempts took
    # 4.4 s; together they may take 1.5 s (the waits between them are recorded here, not slept)
    sleeps = Sleeps()
    timeout = httpx.Timeout(1.5, read=0.4)
    with scripted_server(HANG) as server:
        client = LeelooClient(
            token=TOKEN, base_url=server.base_url, max_retries=10, timeout=timeout, sleep=sleeps
        )
        started = time.monotonic()
        with client, pytest.raises(APITimeoutError):
            client.tags.list()
        took = time.monotonic() - started
    assert took < 1.5 + 0.5, f"the call took {took:.1f} s"
    assert 2 <= len(server.requests) <= 5  # retried, each within what was left
