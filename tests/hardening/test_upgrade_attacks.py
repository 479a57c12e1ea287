"""Hostile Swagger 2.0 and OpenAPI 3.0 documents through the upgrade to 3.1 (`openapi_document._upgrade`).

`leeloo-mock` serves 2.0 and 3.0 documents by upgrading them in memory first, so the upgrade
meets whatever a stranger's spec holds: parts that are not the type the format says, and a
small document whose upgrade would copy one schema into thousands of media types. Each must end
in a served mock or in `file:line: reason` (exit 1), never in a traceback or unbounded memory.
The mock runs in a child process under a memory cap (`_bounded.run_bounded`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from mock_server.testing import in_child_process

from ._bounded import run_bounded

SWAGGER = """\
swagger: "2.0"
info:
  title: Hostile
  version: "1"
paths:
  /things/{id}:
    get:
      operationId: get_thing
      parameters:
        - name: id
          in: path
          required: true
          type: string
      responses:
        "200":
          description: OK
          schema:
            type: object
"""
PATH_PARAMETER = "        - name: id\n          in: path\n          required: true\n          type: string\n"

# (what replaces what in SWAGGER, the line the refusal names: the validator's own crash on a
# part of the wrong type names no place, so line 1; `paths` a list is found by the meta-schema,
# at its line, since the validator's walk no longer crashes on it)
REFUSED = {
    "paths-a-list": ([("paths:\n  /things/{id}:", "paths: [1, 2]\nx-was:\n  /things/{id}:")], 5),
    "parameters-a-number": ([("      parameters:\n" + PATH_PARAMETER, "      parameters: 5\n")], 7),
    "parameter-name-a-list": ([("        - name: id\n", "        - name: [1, x]\n")], 1),
    "global-parameters-a-list": (
        [("paths:", "parameters: [1]\npaths:"), (PATH_PARAMETER, "        - $ref: '#/parameters/id'\n")],
        11,
    ),
}
SERVED = {
    "body-parameter-with-a-number-key": (
        PATH_PARAMETER,
        PATH_PARAMETER
        + "        - in: body\n          name: b\n          1: 2\n          schema: {type: object}\n",
    ),
    "schemes-a-number": ("info:", "schemes: 5\nhost: example.com\ninfo:"),
}


def mock_command(spec: Path) -> list[str]:
    return ["-m", "mock_server", str(spec), "--port", "0", "--log-level", "warning"]


def write(tmp_path: Path, text: str, name: str = "hostile.yaml") -> Path:
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    return spec


def assert_refused(tmp_path: Path, spec: Path, line: int | None, reason: str = "") -> float:
    result = run_bounded(
        mock_command(spec), env={"LEELOO_MOCK_CACHE_DIR": str(tmp_path / "cache")}, timeout=60
    )
    assert not result.timed_out and result.returncode == 1, result.summary()
    assert "Traceback" not in result.output, result.summary()
    where = str(line) if line is not None else r"\d+"
    assert re.search(
        rf"^{re.escape(str(spec))}:{where}:\d+: .*{re.escape(reason)}", result.output, re.MULTILINE
    ), result.summary()
    return result.peak_rss_mib


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_swagger2_part_of_the_wrong_type_is_refused_at_file_line(tmp_path: Path, case: str) -> None:
    replacements, line = REFUSED[case]
    text = SWAGGER
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    assert_refused(tmp_path, write(tmp_path, text), line)


@pytest.mark.parametrize("case", sorted(SERVED))
def test_a_swagger2_oddity_the_upgrade_can_keep_is_served(tmp_path: Path, case: str) -> None:
    old, new = SERVED[case]
    assert old in SWAGGER
    spec = write(tmp_path, SWAGGER.replace(old, new, 1))
    with in_child_process("--log-level", "warning", spec=spec, base_path="") as mock:
        answer = httpx.get(f"{mock.api_url}/things/1", timeout=10)
        assert answer.status_code == 200
        assert "Traceback" not in mock.log()


def amplifying_swagger2(media_types: int, operations: int, properties: int) -> str:
    """A small 2.0 document whose every response schema is copied into each of `media_types`."""
    schema = {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(properties)}}
    paths = {
        f"/p{j}": {
            "get": {"operationId": f"op_{j}", "responses": {"200": {"description": "OK", "schema": schema}}}
        }
        for j in range(operations)
    }
    document = {
        "swagger": "2.0",
        "info": {"title": "amplifier", "version": "1"},
        "produces": [f"application/x-{i}+json" for i in range(media_types)],
        "paths": paths,
    }
    return "\n".join(json.dumps(document, indent=1).splitlines())


def test_a_schema_copied_into_2000_media_types_is_refused_in_little_memory(tmp_path: Path) -> None:
    # 600 KiB of JSON whose upgrade would hold 2,000 x 200 copies of a 200-node schema (80 million
    # nodes): before the bound, a MemoryError past 3 GiB
    spec = write(tmp_path, amplifying_swagger2(2000, 200, 100), "amplifier.json")
    peak = assert_refused(tmp_path, spec, None, "would copy more than 250,000 nodes")
    assert peak < 400


def test_hostile_openapi_30_schemas_are_refused_at_file_line_without_a_traceback(tmp_path: Path) -> None:
    hostile_schema = (
        "{nullable: true, exclusiveMinimum: true,"
        ' allOf: [5, {nullable: true, $ref: "#/components/schemas/Thing"}],'
        " properties: {a: 5, b: {type: file}, c: {exclusiveMaximum: true, maximum: 3}}}"
    )
    document = f"""\
openapi: 3.0.3
info: {{title: Hostile, version: "1"}}
paths:
  /things:
    get:
      operationId: list_things
      responses:
        "200": {{description: OK, content: {{application/json: {{schema: {hostile_schema}}}}}}}
components:
  schemas:
    Thing: {{type: object, nullable: true, discriminator: kind, items: [1]}}
"""
    spec = write(tmp_path, document)
    assert_refused(tmp_path, spec, None)
