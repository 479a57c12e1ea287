"""`make generate` on a spec whose operationIds and tags carry quotes and code.

Names from the spec become Python names (functions, modules, resources). One that cannot must be
refused with `file:line: reason` before any template runs, never end in a Jinja traceback; one
that can (a tag is turned into a name) must not bring its code along: the marker file the code
would write never appears, not even once the generated package is imported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ._bounded import ROOT, run_bounded

SPEC = ROOT / "spec" / "openapi.yaml"
FIRST_TAGS = "      tags: [templates]\n"


def hostile_spec(tmp_path: Path, old: str, new: str) -> Path:
    text = SPEC.read_text(encoding="utf-8")
    assert old in text
    spec = tmp_path / "hostile.yaml"
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")
    return spec


def generate(spec: Path, output: Path) -> tuple[int, str]:
    result = run_bounded(
        ["-m", "generator.generate", "--spec", str(spec), "--output", str(output)], timeout=120
    )
    assert not result.timed_out, result.summary()
    return result.returncode, result.output


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "operationId: list_tags",
            'operationId: "x\\"\\"\\"; import os; os.system(\'touch MARKER\') #"',
            "is not snake_case",
        ),
        (
            "operationId: list_tags",
            "operationId: \"list_tags')\\n__import__('os').system('touch MARKER')#\"",
            "snake_case",
        ),
        ("operationId: list_tags", "operationId: import", "is a Python keyword"),
        (FIRST_TAGS, "      tags: [123]\n", "does not make a Python name"),
        (FIRST_TAGS, "      tags: ['!!!']\n", "does not make a Python name"),
    ],
    ids=[
        "operation-id-quotes-and-code",
        "operation-id-newline-and-code",
        "operation-id-keyword",
        "tag-number",
        "tag-no-letters",
    ],
)
def test_a_name_the_client_cannot_take_is_refused_at_file_line(
    tmp_path: Path, old: str, new: str, reason: str
) -> None:
    marker = tmp_path / "ran"
    spec = hostile_spec(tmp_path, old, new.replace("MARKER", str(marker)))
    returncode, output = generate(spec, tmp_path / "out")
    assert returncode == 1, output[-2000:]
    assert re.search(rf"^{re.escape(str(spec))}:\d+: .*{re.escape(reason)}", output, re.MULTILINE), output[
        -2000:
    ]
    assert "Traceback" not in output and "UndefinedError" not in output
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def test_a_tag_with_quotes_and_code_becomes_a_name_without_its_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    tag = f"\"t'''\\\"\\\"\\\"); import os; os.system('touch {marker}') #\""
    spec = hostile_spec(tmp_path, FIRST_TAGS, f"      tags: [{tag}]\n")
    returncode, output = generate(spec, tmp_path / "out")
    assert returncode == 0, output[-2000:]
    imported = run_bounded(
        [
            "-c",
            "import leeloo_client, leeloo_client.api, leeloo_client.client; print(leeloo_client.__file__)",
        ],
        env={"PYTHONPATH": str(tmp_path / "out")},
    )
    assert imported.returncode == 0, imported.summary()
    assert imported.stdout.startswith(str(tmp_path / "out")), imported.summary()
    assert not marker.exists()
