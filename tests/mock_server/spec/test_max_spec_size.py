"""``--max-spec-size``: a spec past 16 MiB is refused, naming the flag; with the flag it is served.

The document is generated here (never committed): 2,400 operations of an OpenAPI 3.0 JSON
document, each with a long description, 17 MiB in all; more operations than the mock compiles at
start-up, so each is compiled when first asked for (``mock_server.spec.compiled``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server._serving import serving_command
from mock_server.cli import main
from mock_server.spec.compiled import MAX_COMPILED_OPERATIONS
from mock_server.spec.options import parse_size
from openapi_document._yaml_positions import DOCUMENT_BYTES_CEILING, MAX_DOCUMENT_BYTES

OPERATIONS = 2_400


@pytest.fixture(autouse=True)
def _private_check_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "check-cache"))


@pytest.fixture(scope="module")
def large_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    thing = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    padding = "A thing kept by the service. " * 250  # ~7 KiB an operation
    paths: dict[str, Any] = {}
    for n in range(OPERATIONS):
        paths[f"/things{n}/{{id}}"] = {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "operationId": f"get_thing{n}",
                "description": padding,
                "responses": {
                    "200": {
                        "description": "found",
                        "content": {"application/json": {"schema": thing, "example": {"name": f"n{n}"}}},
                    },
                    "404": {"description": "not found"},
                },
            },
            "post": {
                "operationId": f"update_thing{n}",
                "requestBody": {"required": True, "content": {"application/json": {"schema": thing}}},
                "responses": {
                    "201": {"description": "kept", "content": {"application/json": {"schema": thing}}}
                },
            },
        }
    document = {"openapi": "3.0.3", "info": {"title": "large", "version": "1"}, "paths": paths}
    spec = tmp_path_factory.mktemp("large") / "large.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    assert spec.stat().st_size > MAX_DOCUMENT_BYTES
    assert OPERATIONS * 2 > MAX_COMPILED_OPERATIONS
    return spec


def test_a_spec_past_the_bound_is_refused_naming_the_flag(
    large_spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(large_spec), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert str(large_spec) in err
    assert "more than the 16 MiB" in err
    needed = -(-large_spec.stat().st_size // (1 << 20))  # MiB, rounded up
    assert f"--max-spec-size {needed}MiB serves it" in err


def test_a_spec_past_a_raised_bound_is_refused_too(
    large_spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(large_spec), "--max-spec-size", "17000KiB", "--port", "0"]) == 1
    assert "more than the 17000 KiB" in capsys.readouterr().err


def test_with_the_flag_it_is_served_get_and_post_answered(large_spec: Path, tmp_path: Path) -> None:
    env = {**os.environ, "LEELOO_MOCK_CACHE_DIR": str(tmp_path / "cache")}

    def command(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "mock_server",
            str(large_spec),
            "--max-spec-size",
            "32MiB",
            "--port",
            str(port),
        ]

    with serving_command(command, name="leeloo-mock", env=env, start_timeout_s=120) as mock:
        found = httpx.get(f"{mock.url}/things2399/a")
        assert (found.status_code, found.json()) == (200, {"name": "n2399"})
        made = httpx.post(f"{mock.url}/things7/a", json={"name": "x"})
        assert made.status_code == 201
        assert isinstance(made.json()["name"], str)
        refused = httpx.post(f"{mock.url}/things7/a", json={})
        assert refused.status_code == 422
        assert "name" in refused.text
        out, err = mock.output(), mock.log()
    assert f"({OPERATIONS * 2} operations" in out
    assert "larger than 16 MiB: checked against the OpenAPI 3.1 meta-schema" in err


@pytest.mark.parametrize("text", ["0", "-1", "lots", "64 parsecs", "257MiB", f"{DOCUMENT_BYTES_CEILING + 1}"])
def test_a_bad_size_exits_2_with_usage(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--max-spec-size", text])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: leeloo-mock" in err
    assert "--max-spec-size" in err


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("64MiB", 64 << 20),
        ("64M", 64 << 20),
        ("64 mb", 64 << 20),
        ("512KiB", 512 << 10),
        ("1000", 1000),
        ("256MiB", 256 << 20),
    ],
)
def test_sizes_are_read_in_binary_units(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_warning_about_a_large_spec_does_not_read_it_again_for_its_line(tmp_path: Path) -> None:
    from mock_server.spec.document import SpecSource
    from openapi_document._yaml_positions import DocumentBounds

    spec = tmp_path / "large.yaml"
    text = "openapi: 3.1.0\npaths:\n  /x:\n    get: {}\ninfo:\n  description: " + "x" * MAX_DOCUMENT_BYTES
    spec.write_text(text + "\n", encoding="utf-8")  # read again, GET /x would be at line 4
    source = SpecSource(spec, bounds=DocumentBounds(32 << 20))
    located = source.located(("paths", "/x", "get"), "GET /x: a schema cannot be compiled")
    assert (located.line, located.column) == (1, 1)
    assert source._positions is None  # not read: every node's position would outweigh the document


def test_the_plugin_command_line_carries_the_bound() -> None:
    from mock_server.cli import command_line_options
    from openapi_document._yaml_positions import DocumentBounds

    argv = command_line_options({"spec_bounds": DocumentBounds(64 << 20)})
    assert argv == ["--max-spec-size", str(64 << 20)]
    assert parse_size(argv[1]) == 64 << 20
