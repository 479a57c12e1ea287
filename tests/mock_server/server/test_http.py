"""The answer writer of the server shell: an answer's head and body leave in one write."""

from __future__ import annotations

import asyncio

from mock_server.server.http import HeadBeforeBody


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True


HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


def test_a_small_answer_is_one_write_and_a_100_continue_is_not_held() -> None:
    async def scenario() -> list[bytes]:
        transport = _Transport()
        writer = HeadBeforeBody(transport, asyncio.get_running_loop())
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")  # the client waits for it: written at once
        assert transport.writes == [b"HTTP/1.1 100 Continue\r\n\r\n"]
        writer.write(HEAD)
        assert len(transport.writes) == 1  # held for the body
        writer.write(b"{}")
        writer.write(b"more")  # a later chunk is never held
        return transport.writes

    assert asyncio.run(scenario()) == [b"HTTP/1.1 100 Continue\r\n\r\n", HEAD + b"{}", b"more"]


def test_a_head_without_a_body_still_leaves() -> None:
    async def scenario() -> tuple[list[bytes], list[bytes], bool]:
        loop = asyncio.get_running_loop()
        waiting, closing = _Transport(), _Transport()
        HeadBeforeBody(waiting, loop).write(HEAD)  # an app that waits before its body
        writer = HeadBeforeBody(closing, loop)
        writer.write(HEAD)
        writer.close()  # a HEAD answer on a connection that closes
        assert closing.writes == [HEAD] and closing.closed
        await asyncio.sleep(0)  # the loop turns: the held head is written
        return waiting.writes, closing.writes, closing.closed

    waited, closed, _ = asyncio.run(scenario())
    assert waited == [HEAD] and closed == [HEAD]


def test_a_large_body_is_not_copied_onto_its_head() -> None:
    transport = _Transport()

    async def scenario() -> None:
        writer = HeadBeforeBody(transport, asyncio.get_running_loop())
        writer.write(HEAD)
        writer.write(b"x" * (HeadBeforeBody.JOIN_AT_MOST + 1))

    asyncio.run(scenario())
    assert [len(data) for data in transport.writes] == [len(HEAD), HeadBeforeBody.JOIN_AT_MOST + 1]
