"""The spec validates, and an invalid spec is reported with file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.spec_check import check_spec, format_operation_table, list_operations, main

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"


def test_committed_spec_is_valid() -> None:
    assert check_spec(SPEC) == []


def test_spec_has_the_29_operations_of_the_page() -> None:
    import yaml

    operations = list_operations(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    assert len(operations) == 29
    assert len({op.operation_id for op in operations}) == 29


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = SPEC.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "openapi.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    return broken


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "  title: Leeloo.ai REST API", "  title: [Leeloo.ai REST API")
    [problem] = check_spec(broken)
    assert problem.file == broken
    # PyYAML notices the problem on the next line; the reason names where the bracket opened
    assert problem.line == 4
    assert str(problem).startswith(f"{broken}:4:")
    assert "began at line 3" in problem.reason


def test_schema_violation_names_the_line_of_the_bad_node(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "      operationId: list_tags\n", "      operationId: 42\n")
    problems = check_spec(broken)
    assert problems, "an integer operationId must be rejected"
    lines = SPEC.read_text(encoding="utf-8").splitlines()
    expected_line = lines.index("      operationId: list_tags") + 1
    assert any(p.line == expected_line and "operationId" in p.reason for p in problems), problems


def _line_of(text: str, line: str, occurrence: int = 1) -> int:
    """1-based number of the ``occurrence``-th line of ``text`` equal to ``line``."""
    numbers = [i for i, candidate in enumerate(text.splitlines(), start=1) if candidate == line]
    return numbers[occurrence - 1]


def test_duplicate_operation_id_points_at_the_second_use(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "      operationId: list_tags\n", "      operationId: list_people\n")
    text = broken.read_text(encoding="utf-8")
    [problem] = check_spec(broken)
    assert "list_people" in problem.reason and "not unique" in problem.reason
    assert problem.line == _line_of(text, "      operationId: list_people", occurrence=2)
    assert problem.column == 7
    assert f"first used at line {_line_of(text, '      operationId: list_people')}" in problem.reason


def test_unresolvable_ref_points_at_the_ref(tmp_path: Path) -> None:
    broken = _broken_copy(
        tmp_path, '$ref: "#/components/schemas/TagForm"', '$ref: "#/components/schemas/Nope"'
    )
    [problem] = check_spec(broken)
    assert "#/components/schemas/Nope" in problem.reason
    expected = _line_of(broken.read_text(encoding="utf-8"), '              $ref: "#/components/schemas/Nope"')
    assert problem.line == expected
    assert "remove-tag" in problem.reason, "the reason names the JSON path of the $ref"


def test_every_unresolvable_ref_is_reported(tmp_path: Path) -> None:
    text = SPEC.read_text(encoding="utf-8")
    broken = tmp_path / "openapi.yaml"
    broken.write_text(
        text.replace('"#/components/schemas/TagForm"', '"#/components/schemas/Nope"'), encoding="utf-8"
    )
    problems = check_spec(broken)
    assert len(problems) == 2, problems  # add-tag and remove-tag both use TagForm
    assert len({p.line for p in problems}) == 2


def test_unknown_type_points_at_the_type_instead_of_crashing(tmp_path: Path) -> None:
    broken = _broken_copy(
        tmp_path,
        "        maximum: 100\n        default: 20",
        "        maximum: 100\n        type: intger\n        default: 20",
    )
    [problem] = check_spec(broken)
    assert "unknown type 'intger'" in problem.reason
    assert problem.line == _line_of(broken.read_text(encoding="utf-8"), "        type: intger")
    assert problem.reason.startswith("components/parameters/Limit/schema/type")


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SPEC), "--table"]) == 0
    assert "list_people" in capsys.readouterr().out
    assert main([str(tmp_path / "missing.yaml")]) == 1
    with pytest.raises(SystemExit) as exc:
        main(["--no-such-flag"])
    assert exc.value.code == 2


def test_operation_table_has_one_row_per_operation() -> None:
    import yaml

    operations = list_operations(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    table = format_operation_table(operations)
    assert len(table.splitlines()) == 1 + len(operations)


def test_a_reason_is_one_line(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "paths:\n", "paths: []\nx-unused:\n")
    [problem] = check_spec(broken)
    assert "\n" not in problem.reason
    assert problem.reason == 'paths: [] is not of type "object"'
