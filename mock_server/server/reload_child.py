"""The heavy half of a hot reload, in a process of its own: check the changed spec, parse it.

Checking a large document and parsing it (libyaml) hold the interpreter lock for seconds at a
time; in the serving process every request would wait for them (issue 21: 0.5-2.3 s on a 13 MiB
spec). Here they hold this process's lock only, and the memory they take goes with the process.
What the serving process needs back, the parsed data, comes over a pipe in frames of a bounded
number of nodes, so that taking them in holds its lock for one small frame at a time
(:func:`receive_parsed`).

``python -m mock_server.server.reload_child SPEC [--check] [--parse] [--allow-refs-under DIR]
[--log-level LEVEL] [--max-spec-bytes N]`` (N: ``--max-spec-size``), its stdin a pipe the parent
holds open while it waits (the child stops when it closes): ``--check`` runs the spec check the
command line runs before serving (its problems on stderr), ``--parse`` writes the parsed data on
stdout. Exit status 0, or 1 when the spec cannot be mocked (the reasons on stderr, ``file:line: reason``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from mock_server._config import MockConfig
from openapi_document._yaml_positions import DEFAULT_BOUNDS, DocumentBounds

FRAME_NODES = 2000  # nodes of the document in one frame (a few hundred KiB of pickle at most)
_HEADER = struct.Struct(">Q")
MAX_FRAME_BYTES = 256 << 20  # one string of a 256 MiB document could not be larger
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"  # as the command line logs

JsonPath = tuple[Any, ...]


class ParsedStreamError(Exception):
    """The frames on the pipe do not make a document (the child died or wrote something else)."""


def _node_count(node: Any, limit: int) -> int:
    """How many nodes ``node`` has, counted up to ``limit + 1`` (the walk stops there)."""
    stack = [node]
    seen = 0
    while stack and seen <= limit:
        seen += 1
        item = stack.pop()
        if type(item) is dict:
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return seen


def pieces(node: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any, int]]:
    """``(path, value, nodes)`` that rebuild ``node`` in order: a container of more than a frame's
    nodes comes as an empty one first, then its items, each at its own path."""
    nodes = _node_count(node, FRAME_NODES)
    if nodes > FRAME_NODES:
        yield path, type(node)(), 1
        items = node.items() if type(node) is dict else enumerate(node)
        for key, value in items:
            yield from pieces(value, (*path, key))
    else:
        yield path, node, nodes


def send_parsed(data: Any, stream: IO[bytes]) -> None:
    """Write ``data`` on ``stream``: length-prefixed pickled frames of at most 2 ``FRAME_NODES`` nodes."""
    batch: list[tuple[JsonPath, Any]] = []
    nodes = 0
    for path, value, count in pieces(data):
        batch.append((path, value))
        nodes += count
        if nodes >= FRAME_NODES:
            _send_frame(batch, stream)
            batch, nodes = [], 0
    if batch:
        _send_frame(batch, stream)
    stream.flush()


def _send_frame(batch: list[tuple[JsonPath, Any]], stream: IO[bytes]) -> None:
    frame = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(frame)) + frame)


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise ParsedStreamError("the document ended before its last frame")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def receive_parsed(stream: IO[bytes]) -> Any:
    """The data :func:`send_parsed` wrote (None when nothing came): one frame unpickled at a time,
    each in a moment, the pipe read between them without the interpreter lock."""
    root: Any = None
    while header := stream.read(_HEADER.size):
        if len(header) < _HEADER.size:
            header += _read_exactly(stream, _HEADER.size - len(header))
        (size,) = _HEADER.unpack(header)
        if size > MAX_FRAME_BYTES:
            raise ParsedStreamError(f"a frame of {size} bytes")
        for path, value in pickle.loads(_read_exactly(stream, size)):  # our own child's frames
            if not path:
                root = value
                continue
            container = root
            try:
                for key in path[:-1]:
                    container = container[key]
                if type(container) is list:
                    container.append(value)
                else:
                    container[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                raise ParsedStreamError(f"a piece at {list(path)!r} has no place") from None
    return root


def child_command(config: MockConfig, *, check: bool, parse: bool) -> list[str]:
    """The command line that runs this module on ``config``'s spec with this process's interpreter."""
    spec_path, allow_refs_under, bounds = config.spec_path, config.allow_refs_under, config.spec_bounds
    command = [sys.executable, "-m", __name__, str(spec_path)]
    command += ["--check"] if check else []
    command += ["--parse"] if parse else []
    if allow_refs_under is not None:
        command += ["--allow-refs-under", str(allow_refs_under)]
    if bounds != DEFAULT_BOUNDS:
        command += ["--max-spec-bytes", str(bounds.max_bytes)]
    return [*command, "--log-level", logging.getLevelName(logging.getLogger().getEffectiveLevel())]


def _exit_when_orphaned() -> None:
    """Stop once the process that started this one is gone: it holds our stdin open until then."""
    with contextlib.suppress(OSError):
        while os.read(0, 4096):  # the file descriptor, not sys.stdin: no lock held at the exit
            pass
    os._exit(3)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mock_server.server.reload_child")
    parser.add_argument("spec", type=Path)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--parse", action="store_true")
    parser.add_argument("--allow-refs-under", type=Path, default=None)
    parser.add_argument("--log-level", default="WARNING")
    parser.add_argument("--max-spec-bytes", type=int, default=DEFAULT_BOUNDS.max_bytes)
    args = parser.parse_args(argv)
    bounds = DocumentBounds(args.max_spec_bytes)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C on the mock: gone without a traceback
    threading.Thread(target=_exit_when_orphaned, name="reload-child-orphan", daemon=True).start()
    logging.basicConfig(level=args.log_level.upper(), format=LOG_FORMAT)

    if args.check:
        from mock_server.spec.check import passes_spec_check

        if not passes_spec_check(args.spec, args.allow_refs_under, bounds):
            return 1
    if args.parse:
        from mock_server.spec.document import SpecError, checked_document, parse_document

        # the document the check just read and passed, when it was written in 3.1 (the data as
        # parsed, no line of it moved): parsing it again took as long as the check
        handed = checked_document(args.spec, args.allow_refs_under) if args.check else None
        data = handed.document if handed is not None and not handed.upgraded else None
        if data is None:
            try:
                data = parse_document(args.spec, args.allow_refs_under, bounds)
            except SpecError as exc:
                print(exc, file=sys.stderr, flush=True)  # file:line:column: reason
                return 1
        send_parsed(data, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
