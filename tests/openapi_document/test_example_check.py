"""The example check: format-checking validation, pointers into the example, components kept."""

from __future__ import annotations

from openapi_document.example_check import ExampleProblem, validate_example

DOCUMENT = {
    "components": {
        "schemas": {
            "When": {"type": "string", "format": "date-time"},
            "Item": {
                "type": "object",
                "properties": {"at": {"$ref": "#/components/schemas/When"}},
                "additionalProperties": False,
            },
        }
    }
}
LIST = {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}


def test_a_valid_example_has_no_problem() -> None:
    assert validate_example(DOCUMENT, LIST, [{"at": "2026-01-02T03:04:05Z"}]) == []


def test_formats_are_checked_and_each_problem_names_its_place() -> None:
    problems = validate_example(DOCUMENT, LIST, [{"at": "2026-01-02T03:04:05Z"}, {"at": "2026-01-02 03:04"}])
    assert [problem.pointer for problem in problems] == ["/1/at"]
    assert "date-time" in problems[0].message


def test_undeclared_fields_are_reported_only_when_asked() -> None:
    example = [{"extra": 1}]
    assert validate_example(DOCUMENT, LIST, example) == []
    problems = validate_example(DOCUMENT, LIST, example, report_additional=True)
    assert [problem.pointer for problem in problems] == ["/0"]


def test_the_whole_example_is_slash() -> None:
    assert validate_example(DOCUMENT, LIST, {"not": "a list"}) == [
        ExampleProblem("/", "{'not': 'a list'} is not of type 'array'")
    ]
