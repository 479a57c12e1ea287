"""The spec validates, and an invalid spec is reported with file, line and reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from openapi_document.spec_check import check_spec, format_operation_table, list_operations, main

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"


def test_committed_spec_is_valid() -> None:
    assert check_spec(SPEC) == []


def test_every_operation_of_the_spec_has_its_own_operation_id() -> None:
    import yaml

    operations = list_operations(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    assert operations
    assert len({op.operation_id for op in operations}) == len(operations)


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
    uses = text.count('"#/components/schemas/TagForm"')  # add-tag and remove-tag, JSON and form each
    assert uses >= 2
    assert len(problems) == uses, problems
    assert len({p.line for p in problems}) == uses


def test_unknown_type_points_at_the_type_instead_of_crashing(tmp_path: Path) -> None:
    broken = _broken_copy(
        tmp_path,
        "        default: 20\n      example: 20",  # Limit's; its maximum may change (a capture lifts it)
        "        type: intger\n        default: 20\n      example: 20",
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


# A small spec of known lines, so that each test below can say exactly where a problem stands.
SMALL_SPEC = """\
openapi: 3.1.0
info:
  title: Things
  version: "1"
tags:
  - name: things
  - name: other
paths:
  /things/{thing_id}:
    get:
      operationId: get_thing
      parameters:
        - name: thing_id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The thing.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Thing"
components:
  schemas:
    Thing:
      type: object
      properties:
        id:
          type: string
        size:
          type: integer
          default: 1
"""


def _small_spec(tmp_path: Path, old: str = "", new: str = "") -> Path:
    assert old in SMALL_SPEC
    spec = tmp_path / "small.yaml"
    spec.write_text(SMALL_SPEC.replace(old, new, 1), encoding="utf-8")
    return spec


def test_small_spec_is_valid(tmp_path: Path) -> None:
    assert check_spec(_small_spec(tmp_path)) == []


def test_bad_schema_keyword_value_names_the_line_and_column_of_the_value(tmp_path: Path) -> None:
    spec = _small_spec(
        tmp_path, "          schema:\n            type: string", "          schema:\n            type: nope"
    )
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (17, 13)
    assert problem.reason.startswith(
        "paths/~1things~1{thing_id}/get/parameters/0/schema/type: unknown type 'nope'"
    )


def test_bad_schema_reached_through_a_ref_is_reported_where_it_is_written(tmp_path: Path) -> None:
    spec = _small_spec(
        tmp_path, "        size:\n          type: integer", "        size:\n          minimum: high"
    )
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (33, 11)
    assert (
        problem.reason == 'components/schemas/Thing/properties/size/minimum: "high" is not of type "number"'
    )


def test_every_bad_keyword_of_a_schema_is_reported_at_its_own_line(tmp_path: Path) -> None:
    spec = _small_spec(
        tmp_path,
        "        id:\n          type: string",
        "        id:\n          type: [string, string]\n          pattern: '[a-'",
    )
    problems = check_spec(spec)
    assert [(p.line, p.column) for p in problems] == [(31, 11), (32, 11)], problems


def test_unresolvable_ref_the_validator_follows_is_reported_once_and_briefly(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"#/components/schemas/Nope"')
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (24, 17)
    expected = "paths/~1things~1{thing_id}/get/responses/200/content/application~1json/schema/$ref"
    assert problem.reason == f"{expected}: cannot resolve '#/components/schemas/Nope'"


def test_undeclared_path_parameter_points_at_its_operation(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "  /things/{thing_id}:", "  /things/{thing_id}/{part}:")
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (10, 5)
    assert "Path parameter 'part' for 'get' operation" in problem.reason


def test_path_parameter_missing_from_the_url_points_at_its_declaration(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "  /things/{thing_id}:", "  /things/{id}:")
    problems = check_spec(spec)
    assert [(p.line, p.column, p.reason.split(": ")[1][:26]) for p in problems] == [
        (10, 5, "Path parameter 'id' for 'g"),
        (13, 11, "Path parameter 'thing_id' "),
    ]


def test_duplicate_parameter_points_at_the_second_declaration(tmp_path: Path) -> None:
    declaration = (
        "        - name: thing_id\n          in: path\n          required: true\n"
        "          schema:\n            type: string\n"
    )
    spec = _small_spec(tmp_path, declaration, declaration + declaration)
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (18, 11)
    assert problem.reason == "paths/~1things~1{thing_id}/get/parameters/1: Duplicate parameter 'thing_id'"


def test_duplicate_tag_points_at_the_second_one(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "  - name: other", "  - name: things")
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (7, 5)
    assert problem.reason == "tags/1/name: Duplicate tag name 'things'"


def test_default_outside_its_schema_points_at_the_default(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "          default: 1", "          default: big")
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (34, 11)
    assert (
        problem.reason == "components/schemas/Thing/properties/size/default: 'big' is not of type 'integer'"
    )


def test_what_only_the_resolved_spec_shows_is_still_found(tmp_path: Path) -> None:
    # openapi-spec-validator walks Thing once, through the response's $ref, where it does not
    # check `required`; prance's validation of the resolved spec found it, at 1:1
    spec = _small_spec(
        tmp_path,
        "      type: object\n",
        "      type: object\n      allOf: [{type: object}]\n      required: [ghost]\n",
    )
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (30, 7)
    assert (
        "components/schemas/Thing/required: Required list has not defined properties: ['ghost']"
        in problem.reason
    )


def test_ref_to_the_wrong_kind_of_object_is_found_at_the_ref(tmp_path: Path) -> None:
    wrong = '        "200":\n          $ref: "#/components/schemas/Thing"\n'
    wrong += '        "404":\n          description: Gone.\n'
    spec = _small_spec(tmp_path, '        "200":\n', wrong + '        "201":\n')
    problems = check_spec(spec)
    # the spec's own validation sees a Reference Object; only the resolved spec shows a schema
    assert {(p.line, p.column) for p in problems} == {(19, 9)}, problems
    assert any(
        p.reason.startswith(
            'paths/~1things~1{thing_id}/get/responses/200: "description" is a required property'
        )
        for p in problems
    ), problems


def test_recursive_ref_points_at_the_ref_inside_its_target(tmp_path: Path) -> None:
    spec = _small_spec(
        tmp_path,
        "        id:\n",
        '        parent:\n          $ref: "#/components/schemas/Thing"\n        id:\n',
    )
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (31, 11)
    assert problem.reason == (
        "components/schemas/Thing/properties/parent/$ref: $ref '#/components/schemas/Thing' is recursive"
        " (it is met again inside its target)"
    )


def test_key_written_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "  title: Things\n", "  title: Things\n  title: Other things\n")
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (4, 3)
    assert problem.reason == "info/title: key 'title' written twice (first at line 3; the last one wins)"


def test_tab_between_tokens_is_refused_as_pyyaml_refuses_it(tmp_path: Path) -> None:
    # libyaml, which parses the spec, accepts it; the other tools reading the spec do not
    spec = _small_spec(tmp_path, "  title: Things\n", "  title: Things\t# tab\n")
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (3, 16)
    assert problem.reason == "found character '\\t' that cannot start any token"


def test_ref_to_another_file_is_refused_unless_its_directory_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text("Thing:\n  type: object\n", encoding="utf-8")
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"things.yaml#/Thing"')
    [problem] = check_spec(spec)
    assert (problem.line, problem.column) == (24, 17)
    assert problem.reason == (
        "$ref 'things.yaml#/Thing' points outside the document; external references are refused"
        " (use --allow-refs-under DIR)"
    )
    assert check_spec(spec, allow_refs_under=tmp_path) == []


def test_allowed_file_that_is_missing_or_lacks_the_target_is_reported_at_its_ref(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text("Thing:\n  type: object\n", encoding="utf-8")
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"gone.yaml#/Thing"')
    [problem] = check_spec(spec, allow_refs_under=tmp_path)
    assert (problem.line, problem.column) == (24, 17)
    assert problem.reason.endswith(
        "schema/$ref: cannot resolve 'gone.yaml#/Thing' (no such file, or unreadable)"
    )
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"things.yaml#/Other"')
    [problem] = check_spec(spec, allow_refs_under=tmp_path)
    assert (problem.line, problem.column) == (24, 17)
    assert problem.reason.endswith("schema/$ref: cannot resolve 'things.yaml#/Other'")


def test_allowed_file_that_is_not_an_object_is_refused_without_its_content(tmp_path: Path) -> None:
    (tmp_path / "key.env").write_text("API_KEY=s3cret\n", encoding="utf-8")
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"key.env"')
    [problem] = check_spec(spec, allow_refs_under=tmp_path)
    assert (problem.line, problem.column) == (24, 17)
    assert problem.reason.endswith("schema/$ref: $ref 'key.env' names a scalar, not an object (not shown)")
    assert "s3cret" not in str(problem)


def test_schema_error_inside_an_allowed_file_is_found(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text("Thing:\n  type: thing\n", encoding="utf-8")
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"things.yaml#/Thing"')
    problems = check_spec(spec, allow_refs_under=tmp_path)
    assert problems and all("thing" in p.reason for p in problems), problems


def test_a_chain_of_refs_deeper_than_the_bound_is_refused(tmp_path: Path) -> None:
    """Each target is shallow; resolved into each other they nest past ``MAX_DEPTH`` (and 3,000 of
    them past Python's recursion limit, had the resolver not stopped at the bound)."""
    schemas = "".join(
        f"    S{i}:\n      type: object\n      properties:\n        next:\n"
        f'          $ref: "#/components/schemas/S{i + 1}"\n'
        for i in range(3000)
    )
    schemas += "    S3000:\n      type: string\n"
    spec = _small_spec(tmp_path, '"#/components/schemas/Thing"', '"#/components/schemas/S0"')
    spec.write_text(spec.read_text(encoding="utf-8") + schemas, encoding="utf-8")
    problems = check_spec(spec)
    assert any(
        "too deep: more than 64 levels of nesting once $refs are resolved" in p.reason for p in problems
    )


def test_the_committed_spec_is_checked_without_the_slow_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mock server's 2 s start-up budget rests on these: no pure-Python YAML parse, no
    pure-Python schema meta-check (prance's ResolvingParser, a second parse and validation, is gone
    with prance)."""
    import yaml
    from openapi_schema_validator import OAS31Validator

    def slow_path(*args: object, **kwargs: object) -> None:
        raise AssertionError("slow path taken")

    monkeypatch.setattr(yaml, "SafeLoader", slow_path)
    monkeypatch.setattr(OAS31Validator, "check_schema", slow_path)
    assert check_spec(SPEC) == []


def test_libyaml_gives_the_data_and_lines_the_python_parser_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from openapi_document._yaml_positions import load_yaml_with_positions

    spec = tmp_path / "openapi.yaml"
    extra = (
        'x-words:\n  "привіт 😀": {a: 1, "ключ": [ю, b]}\n  k: >\n    ж\n  z: &anchor {q: 1}\n  y: *anchor\n'
    )
    spec.write_text(SPEC.read_text(encoding="utf-8") + extra, encoding="utf-8")
    fast = load_yaml_with_positions(spec)
    monkeypatch.delattr(yaml, "CSafeLoader")
    slow = load_yaml_with_positions(spec)
    assert fast.positions == slow.positions
    assert fast.data == slow.data
    assert fast.positions[("x-words", "y")].line == fast.positions[("x-words", "z")].line + 1


@pytest.mark.parametrize(
    ("written", "warned_at"),
    [
        ("minLength: 1000000", "components/schemas/Thing/properties/id/minLength"),
        ("minLength: 1_000_000", "components/schemas/Thing/properties/id/minLength"),
        ("minLength: 0x186A1", "components/schemas/Thing/properties/id/minLength"),
        ('pattern: "^a{200000}$"', "components/schemas/Thing/properties/id/pattern"),
    ],
)
def test_a_size_the_mock_cannot_generate_is_warned_however_it_is_written(
    tmp_path: Path, written: str, warned_at: str
) -> None:
    from openapi_document.spec_check import check_for_mock

    spec = _small_spec(tmp_path, "        id:\n          type: string", f"        id:\n          {written}")
    checked = check_for_mock(spec)
    assert checked.problems == []
    assert [w.reason.split(": ")[0] for w in checked.warnings if "generates" in w.reason] == [warned_at]


def test_a_size_the_mock_generates_is_not_warned(tmp_path: Path) -> None:
    from openapi_document.spec_check import check_for_mock

    spec = _small_spec(
        tmp_path, "        id:\n          type: string", "        id:\n          minLength: 99999"
    )
    assert check_for_mock(spec).warnings == []


def test_the_mock_gets_the_checked_document_once_and_only_from_an_unchanged_file(tmp_path: Path) -> None:
    from openapi_document.spec_check import check_for_mock, take_checked_document

    spec = _small_spec(tmp_path)
    check_for_mock(spec)
    assert take_checked_document(spec) is None  # kept only when the mock asks for it
    checked = check_for_mock(spec, hand_over=True)
    assert checked.upgraded is not None
    handed = take_checked_document(spec)
    assert handed is checked.upgraded and handed.document["paths"]
    assert take_checked_document(spec) is None  # handed over once
    check_for_mock(spec, hand_over=True)
    spec.write_text(SMALL_SPEC.replace('version: "1"', 'version: "2"'), encoding="utf-8")
    assert take_checked_document(spec) is None  # the file changed since it was checked


def test_a_refused_document_is_not_handed_to_the_mock(tmp_path: Path) -> None:
    from openapi_document.spec_check import check_for_mock, take_checked_document

    spec = _small_spec(tmp_path, "          type: integer", "          type: intger")
    assert check_for_mock(spec, hand_over=True).problems
    assert take_checked_document(spec) is None


def test_a_bad_subschema_is_found_whether_reached_inside_its_schema_or_through_a_ref(tmp_path: Path) -> None:
    # Thing passes, so its own subschemas are not meta-checked again; Other is reached only
    # through a $ref from inside Thing and is checked on its own
    spec = _small_spec(
        tmp_path,
        "        size:\n          type: integer",
        "        size:\n          $ref: '#/components/schemas/Other'\n    Other:\n      type: object\n"
        "      properties:\n        deep:\n          minimum: high",
    )
    [problem] = check_spec(spec)
    assert (
        problem.reason == 'components/schemas/Other/properties/deep/minimum: "high" is not of type "number"'
    )


def test_references_are_found_in_document_order_without_their_places() -> None:
    import datetime

    from openapi_document._refs import ref_strings, refs

    data: dict[str, Any] = {
        "a": {"$ref": '#/x"q', "b": [{"$ref": "#/y"}, 1, {"c": {"$ref": "#/z~1é"}}]},
        "$ref": "#/w",
        "e": {"$ref": 5, 'k"$ref': "not a reference", "d": 'say "$ref": "not one either"'},
        "f": {"$ref": "other.yaml#/A"},
    }
    expected = [ref for _, ref in refs(data)]
    assert expected == ['#/x"q', "#/y", "#/z~1é", "#/w", "other.yaml#/A"]
    assert ref_strings(data) == expected
    assert ref_strings({**data, "when": datetime.date(2026, 1, 1)}) == expected  # not JSON data
