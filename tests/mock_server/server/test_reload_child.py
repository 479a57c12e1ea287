"""The child half of a hot reload: the parsed document crosses the pipe whole, in small frames."""

from __future__ import annotations

import io
import json
import pickle
import struct
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic_spec import synthetic_spec
from mock_server import MockConfig
from mock_server.server.reload_child import (
    FRAME_NODES,
    ParsedStreamError,
    child_command,
    receive_parsed,
    send_parsed,
)
from mock_server.spec.document import parse_document
from tests.mock_server.conftest import SPEC_PATH


def _nodes(node: Any) -> int:
    if isinstance(node, dict):
        return 1 + sum(_nodes(value) for value in node.values())
    if isinstance(node, list):
        return 1 + sum(_nodes(item) for item in node)
    return 1


def _frames(sent: bytes) -> list[list[tuple[tuple[Any, ...], Any]]]:
    frames, at = [], 0
    while at < len(sent):
        (size,) = struct.unpack(">Q", sent[at : at + 8])
        frames.append(pickle.loads(sent[at + 8 : at + 8 + size]))
        at += 8 + size
    return frames


def test_a_large_document_comes_back_equal_in_order_in_frames_of_bounded_nodes() -> None:
    document = synthetic_spec(600)
    stream = io.BytesIO()
    send_parsed(document, stream)
    frames = _frames(stream.getvalue())
    assert len(frames) > 10
    assert max(sum(_nodes(value) for _, value in frame) for frame in frames) <= 2 * FRAME_NODES
    received = receive_parsed(io.BytesIO(stream.getvalue()))
    assert json.dumps(received) == json.dumps(document)  # the same data, keys in the same order


@pytest.mark.parametrize("document", [{}, {"a": []}, {"list": list(range(3 * FRAME_NODES))}])
def test_small_empty_and_long_list_documents_come_back_equal(document: dict[str, Any]) -> None:
    stream = io.BytesIO()
    send_parsed(document, stream)
    assert receive_parsed(io.BytesIO(stream.getvalue())) == document


def test_a_cut_stream_is_an_error_not_half_a_document() -> None:
    stream = io.BytesIO()
    send_parsed(synthetic_spec(100), stream)
    with pytest.raises(ParsedStreamError):
        receive_parsed(io.BytesIO(stream.getvalue()[:-10]))


def _run_child(spec: Path) -> tuple[int, bytes, bytes]:
    """The child on ``spec`` as a reload runs it: its stdin held open until it is done."""
    command = child_command(MockConfig(spec_path=spec), check=True, parse=True)
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        sent, said = child.stdout.read(), child.stderr.read()
        return child.wait(timeout=120), sent, said


def test_the_child_parses_the_spec_as_the_mock_would() -> None:
    code, sent, said = _run_child(SPEC_PATH)
    assert code == 0, said
    assert receive_parsed(io.BytesIO(sent)) == parse_document(SPEC_PATH)


def test_the_child_says_why_a_broken_spec_cannot_be_mocked(tmp_path: Path) -> None:
    broken = tmp_path / "openapi.yaml"
    broken.write_text(SPEC_PATH.read_text(encoding="utf-8") + "\n  broken: [\n", encoding="utf-8")
    code, sent, said = _run_child(broken)
    assert code == 1 and sent == b""
    assert said.decode().startswith(f"{broken}:")  # file:line:column: reason


def test_the_child_stops_when_the_process_that_started_it_is_gone() -> None:
    command = child_command(MockConfig(spec_path=SPEC_PATH), check=True, parse=True)
    started = time.monotonic()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert done.returncode == 3 and done.stdout == b""  # its stdin at an end: nobody to hand the spec to
    assert time.monotonic() - started < 30
