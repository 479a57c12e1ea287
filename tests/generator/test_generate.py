"""generated_client/ is exactly what the generator makes of the spec, and generator trouble fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.generate import OUTPUT, GenerationError, check, diff_trees, main, run_generator

ROOT = Path(__file__).resolve().parents[2]

_SKIPPED_ENDPOINT_SPEC = """\
openapi: 3.1.0
info: {title: Broken, version: "1"}
paths:
  /things:
    get:
      operationId: list_things
      parameters:
        - name: filter
          in: header
          schema: {type: object, properties: {a: {type: string}}}
      responses:
        "200": {description: ok}
"""


def test_committed_client_is_byte_identical_to_a_fresh_generation() -> None:
    differences = check(OUTPUT)
    assert differences == [], "run `make generate` and commit generated_client/:\n" + "\n".join(differences)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    run_generator(ROOT / "spec" / "openapi.yaml", first)
    run_generator(ROOT / "spec" / "openapi.yaml", second)
    assert diff_trees(first, second) == []
    text = "".join(path.read_text(encoding="utf-8") for path in first.rglob("*.py"))
    assert str(tmp_path) not in text
    assert " object at 0x" not in text


def test_a_skipped_endpoint_fails_with_the_generators_message(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(_SKIPPED_ENDPOINT_SPEC, encoding="utf-8")
    with pytest.raises(GenerationError) as raised:
        run_generator(spec, tmp_path / "out")
    assert "Warning(s) encountered" in str(raised.value)
    assert "GET /things" in str(raised.value)
    assert "Endpoint will not be generated" in str(raised.value)


def test_diff_trees_lists_changed_missing_and_extra_files(tmp_path: Path) -> None:
    expected, actual = tmp_path / "expected", tmp_path / "actual"
    for root in (expected, actual):
        (root / "pkg").mkdir(parents=True)
        (root / "pkg" / "same.py").write_text("x = 1\n")
        (root / "pkg" / "__pycache__").mkdir()
        (root / "pkg" / "__pycache__" / "same.cpython-311.pyc").write_bytes(b"ignored" + root.name.encode())
    (expected / "pkg" / "changed.py").write_text("x = 1\n")
    (actual / "pkg" / "changed.py").write_text("x = 2\n")
    (expected / "pkg" / "missing.py").write_text("")
    (actual / "pkg" / "extra.py").write_text("")

    report = diff_trees(expected, actual)

    assert [entry.split(":")[0] for entry in report] == ["pkg/changed.py", "pkg/extra.py", "pkg/missing.py"]
    assert "-x = 1" in report[0] and "+x = 2" in report[0]


def test_check_mode_reports_a_hand_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = tmp_path / "client"
    run_generator(ROOT / "spec" / "openapi.yaml", edited)
    client_module = edited / "leeloo_client" / "client.py"
    client_module.write_text(client_module.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")

    assert main(["--check", "--output", str(edited)]) == 1

    err = capsys.readouterr().err
    assert "leeloo_client/client.py: differs" in err
    assert "+# hand edit" in err


def test_bad_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--no-such-option"])
    assert raised.value.code == 2
    assert "usage:" in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        main(["--spec", "does/not/exist.yaml"])
    assert raised.value.code == 2
