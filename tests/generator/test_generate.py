"""generated_client/ is exactly what the generator makes of the spec, and generator trouble fails loudly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.generate import OUTPUT, GenerationError, _replace_tree, diff_trees, main, run_generator

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

_COLLIDING_NAMES_SPEC = """\
openapi: 3.1.0
info: {title: Colliding, version: "1"}
paths:
  /things:
    get:
      operationId: list_things
      parameters:
        - {name: "filter[a]", in: query, schema: {type: string}}
        - {name: filter_a, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {a: {type: string}}}
"""


@pytest.fixture(scope="module")
def fresh_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fresh generation of the client, shared by the tests of this module."""
    output = tmp_path_factory.mktemp("fresh") / "leeloo-client"
    run_generator(ROOT / "spec" / "openapi.yaml", output)
    return output


def test_committed_client_is_byte_identical_to_a_fresh_generation(fresh_client: Path) -> None:
    differences = diff_trees(OUTPUT, fresh_client)
    assert differences == [], "run `make generate` and commit generated_client/:\n" + "\n".join(differences)


def test_generated_code_holds_no_machine_specific_text(fresh_client: Path) -> None:
    text = "".join(
        path.read_text(encoding="utf-8") for path in sorted(fresh_client.rglob("*")) if path.is_file()
    )
    assert str(fresh_client.parent) not in text
    assert " object at 0x" not in text  # an object's repr slipped into a template


def test_check_mode_passes_on_the_committed_client(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert "is current" in capsys.readouterr().out


def test_a_skipped_endpoint_fails_with_the_generators_message(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(_SKIPPED_ENDPOINT_SPEC, encoding="utf-8")
    with pytest.raises(GenerationError) as raised:
        run_generator(spec, tmp_path / "out")
    assert "Warning(s) encountered" in str(raised.value)
    assert "GET /things" in str(raised.value)
    assert "Endpoint will not be generated" in str(raised.value)


def test_names_that_collide_in_python_fail_with_file_line_and_reason(tmp_path: Path) -> None:
    spec = tmp_path / "colliding.yaml"
    spec.write_text(_COLLIDING_NAMES_SPEC, encoding="utf-8")
    with pytest.raises(GenerationError) as raised:
        run_generator(spec, tmp_path / "out")
    message = str(raised.value)
    assert "does not compile" in message
    assert "api/default/list_things.py:" in message
    assert "duplicate argument 'filter_a'" in message


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
    lines = report[0].splitlines()
    assert lines[1] == "--- committed/pkg/changed.py" and lines[2] == "+++ generated/pkg/changed.py"
    assert "-x = 1" in lines and "+x = 2" in lines
    assert "missing from the committed tree" in report[1]
    assert "no longer generated" in report[2]


def test_a_hand_edit_is_reported_with_a_diff(fresh_client: Path, tmp_path: Path) -> None:
    edited = tmp_path / "client"
    shutil.copytree(fresh_client, edited)
    client_module = edited / "leeloo_client" / "client.py"
    client_module.write_text(client_module.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    (edited / "leeloo_client" / "models" / "tag.py").unlink()

    report = diff_trees(edited, fresh_client)

    assert [entry.split(":")[0] for entry in report] == [
        "leeloo_client/client.py",
        "leeloo_client/models/tag.py",
    ]
    assert "-# hand edit" in report[0]  # the fresh generation (+++) drops the hand edit
    assert "make generate adds it" in report[1]


def test_bad_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--no-such-option"])
    assert raised.value.code == 2
    assert "usage:" in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        main(["--spec", "does/not/exist.yaml"])
    assert raised.value.code == 2


def test_replacing_the_tree_keeps_unchanged_files_and_build_artefacts(tmp_path: Path) -> None:
    source, destination = tmp_path / "fresh", tmp_path / "committed"
    (source / "pkg").mkdir(parents=True)
    (source / "pkg" / "same.py").write_text("x = 1\n")
    (source / "pkg" / "changed.py").write_text("x = 2\n")
    (destination / "pkg" / "gone").mkdir(parents=True)
    (destination / "pkg" / "same.py").write_text("x = 1\n")
    (destination / "pkg" / "changed.py").write_text("x = 1\n")
    (destination / "pkg" / "gone" / "old.py").write_text("")
    (destination / "pkg.egg-info").mkdir()
    (destination / "pkg.egg-info" / "PKG-INFO").write_text("kept")
    os.utime(destination / "pkg" / "same.py", ns=(1_000_000_000, 1_000_000_000))

    _replace_tree(source, destination)

    assert diff_trees(source, destination) == []
    assert (destination / "pkg" / "same.py").stat().st_mtime_ns == 1_000_000_000  # not rewritten
    assert not (destination / "pkg" / "gone").exists()
    assert (destination / "pkg.egg-info" / "PKG-INFO").read_text() == "kept"


def test_the_runtime_is_copied_byte_for_byte_and_no_template_duplicates_it(fresh_client: Path) -> None:
    runtime = ROOT / "generator" / "runtime"
    modules = sorted(path.name for path in runtime.glob("*.py") if path.name != "__init__.py")
    expected = {"_base_client.py", "_http.py", "_resource.py", "_retry.py", "errors.py", "types.py"}
    assert expected <= set(modules)
    for name in modules:
        copied = fresh_client / "leeloo_client" / name
        assert copied.read_bytes() == (runtime / name).read_bytes(), name
        assert not (ROOT / "generator" / "templates" / f"{name}.jinja").exists(), name
