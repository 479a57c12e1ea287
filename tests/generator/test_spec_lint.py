"""The house lint rules hold on the committed spec, and each rule catches a mutated copy."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.spec_lint import RULES, LintFinding, lint_spec, main

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "openapi.yaml"

Mutation = Callable[[dict[str, Any]], None]


@functools.cache
def _committed() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


@functools.cache
def _lint_mutated(mutate: Mutation) -> list[LintFinding]:
    spec = copy.deepcopy(_committed())
    mutate(spec)
    return lint_spec(spec)


def _operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path][method]
    return operation


def _schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"][name]
    return schema


def test_committed_spec_breaks_no_rule() -> None:
    assert lint_spec(_committed()) == []


def test_date_time_format_is_enforced() -> None:
    """rfc3339-validator must be installed, or jsonschema silently accepts any date-time string."""
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers
    validator = Draft202012Validator(
        {"format": "date-time"}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert not validator.is_valid("2015-04-02T14:20Z")
    assert validator.is_valid("2015-04-02T14:20:00Z")


def _set(path: str, method: str, key: str, value: Any) -> Mutation:
    return lambda spec: _operation(spec, path, method).__setitem__(key, value)


def _delete(path: str, method: str, key: str) -> Mutation:
    return lambda spec: _operation(spec, path, method).pop(key)


def _delete_response(path: str, method: str, code: str) -> Mutation:
    return lambda spec: _operation(spec, path, method)["responses"].pop(code)


def _drop_json_schema(spec: dict[str, Any]) -> None:
    _operation(spec, "/tags", "get")["responses"]["200"]["content"]["application/json"].pop("schema")


def _untyped_property(spec: dict[str, Any]) -> None:
    _schema(spec, "Tag")["properties"]["name"] = {"description": "anything"}


def _free_form_object(spec: dict[str, Any]) -> None:
    _schema(spec, "Tag")["properties"]["meta"] = {"type": "object", "description": "anything"}


def _additional_true(spec: dict[str, Any]) -> None:
    _schema(spec, "Tag")["additionalProperties"] = True


def _open_empty_object(spec: dict[str, Any]) -> None:
    _schema(spec, "EmptyData").pop("additionalProperties")


def _undescribed_map(spec: dict[str, Any]) -> None:
    _schema(spec, "SendTemplateRequest")["properties"]["variables"].pop("description")


def _untyped_map(spec: dict[str, Any]) -> None:
    _schema(spec, "CommunicationChannel")["properties"]["utmMarks"]["additionalProperties"] = {}


def _wrong_type_example(spec: dict[str, Any]) -> None:
    example = _operation(spec, "/orders", "get")["responses"]["200"]["content"]["application/json"][
        "examples"
    ]
    example["docs"]["value"]["data"][0]["price"] = "200"


def _date_time_without_seconds(spec: dict[str, Any]) -> None:
    example = _operation(spec, "/users", "get")["responses"]["200"]["content"]["application/json"]["examples"]
    example["docs"]["value"]["data"][0]["createdAt"] = "2015-04-02T14:20Z"


def _bad_request_example(spec: dict[str, Any]) -> None:
    content = _operation(spec, "/orders", "post")["requestBody"]["content"]["application/json"]
    content["examples"]["docs"]["value"]["isNotifyAccount"] = "maybe"


def _guess_without_sources(spec: dict[str, Any]) -> None:
    spec["components"]["responses"]["NotFound"]["x-evidence"] = {"status": "hunch", "sources": []}


def _bad_component_example(spec: dict[str, Any]) -> None:
    spec["components"]["responses"]["Done"]["content"]["application/json"]["examples"]["docs"]["value"][
        "data"
    ] = {"extra": 1}


def _unused_schema(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Orphan"] = {"type": "string", "description": "used by nobody"}


def _self_referencing_only(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Loop"] = {
        "type": "object",
        "properties": {"next": {"$ref": "#/components/schemas/Loop"}},
    }


def _unused_parameter(spec: dict[str, Any]) -> None:
    _operation(spec, "/people/{person_id}", "get")["parameters"][0] = {
        "name": "person_id",
        "in": "path",
        "required": True,
        "schema": {"$ref": "#/components/schemas/ObjectId"},
    }
    for path, method in [
        ("/people/{person_id}", "put"),
        ("/people/{person_id}/add-comment", "put"),
        ("/people/{person_id}/add-tag", "put"),
        ("/people/{person_id}/remove-tag", "put"),
    ]:
        _operation(spec, path, method)["parameters"] = copy.deepcopy(
            _operation(spec, "/people/{person_id}", "get")["parameters"][:1]
        )


MUTATIONS: list[tuple[str, Mutation, str, str]] = [
    # (rule, mutation, JSON pointer of the finding, words of the message)
    ("operation-id", _delete("/tags", "get", "operationId"), "paths/~1tags/get", "no operationId"),
    (
        "operation-id",
        _set("/tags", "get", "operationId", "listTags"),
        "paths/~1tags/get/operationId",
        "snake_case",
    ),
    (
        "operation-id",
        _set("/tags", "get", "operationId", "list_people"),
        "paths/~1tags/get/operationId",
        "more than once",
    ),
    ("operation-docs", _set("/tags", "get", "tags", []), "paths/~1tags/get", "no tag"),
    ("operation-docs", _set("/tags", "get", "tags", ["labels"]), "paths/~1tags/get/tags/0", "not declared"),
    ("operation-docs", _delete("/tags", "get", "summary"), "paths/~1tags/get", "no summary"),
    ("operation-docs", _set("/tags", "get", "description", "  "), "paths/~1tags/get", "no description"),
    ("operation-security", _delete("/tags", "get", "security"), "paths/~1tags/get", "no `security`"),
    ("operation-security", _set("/tags", "get", "security", []), "paths/~1tags/get", "no `security`"),
    ("operation-responses", _drop_json_schema, "paths/~1tags/get/responses", "application/json schema"),
    ("operation-responses", _delete_response("/tags", "get", "200"), "paths/~1tags/get/responses", "no 2xx"),
    ("operation-responses", _delete_response("/tags", "get", "401"), "paths/~1tags/get/responses", "no 401"),
    (
        "operation-responses",
        _delete_response("/users", "get", "400"),
        "paths/~1users/get/responses",
        "no answer to an invalid one",
    ),
    ("typed-properties", _untyped_property, "components/schemas/Tag/properties/name", "no type"),
    ("free-form-object", _free_form_object, "components/schemas/Tag/properties/meta", "without `properties`"),
    ("free-form-object", _additional_true, "components/schemas/Tag/additionalProperties", "true"),
    ("free-form-object", _open_empty_object, "components/schemas/EmptyData", "empty `properties`"),
    (
        "free-form-object",
        _undescribed_map,
        "components/schemas/SendTemplateRequest/properties/variables",
        "needs a description",
    ),
    (
        "free-form-object",
        _untyped_map,
        "components/schemas/CommunicationChannel/properties/utmMarks",
        "typed",
    ),
    (
        "valid-examples",
        _wrong_type_example,
        "paths/~1orders/get/responses/200/content/application~1json/examples/docs/value",
        "at /data/0/price: '200' is not of type 'number'",
    ),
    (
        "valid-examples",
        _date_time_without_seconds,
        "paths/~1users/get/responses/200/content/application~1json/examples/docs/value",
        "is not a 'date-time'",
    ),
    (
        "valid-examples",
        _bad_request_example,
        "paths/~1orders/post/requestBody/content/application~1json/examples/docs/value",
        "at /isNotifyAccount",
    ),
    (
        "evidence",
        _guess_without_sources,
        "components/responses/NotFound",
        "status must be one of verified, guess",
    ),
    (
        "evidence",
        _guess_without_sources,
        "components/responses/NotFound",
        "sources must be a non-empty list",
    ),
    (
        "valid-examples",
        _bad_component_example,
        "components/responses/Done/content/application~1json/examples/docs/value",
        "Additional properties",
    ),
    ("used-components", _unused_schema, "components/schemas/Orphan", "never referenced"),
    ("used-components", _self_referencing_only, "components/schemas/Loop", "never referenced"),
    ("used-components", _unused_parameter, "components/parameters/PersonId", "never referenced"),
]


@pytest.mark.parametrize(
    ("rule", "mutate", "pointer", "words"),
    MUTATIONS,
    ids=[f"{rule}-{index}" for index, (rule, *_) in enumerate(MUTATIONS)],
)
def test_each_rule_catches_its_mutation(rule: str, mutate: Mutation, pointer: str, words: str) -> None:
    findings = _lint_mutated(mutate)
    matching = [f for f in findings if f.rule == rule and f.pointer == pointer and words in f.message]
    assert matching, f"expected [{rule}] {pointer}: ...{words}...; got {[str(f) for f in findings]}"


def test_every_rule_is_proven_by_a_mutation() -> None:
    proven = {rule for rule, *_ in MUTATIONS}
    names = {finding.rule for mutation in MUTATIONS for finding in _lint_mutated(mutation[1])}
    assert proven <= names
    assert len(proven) == len(RULES)


def test_cli_names_file_line_rule_and_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SPEC_PATH)]) == 0
    assert "0 lint finding(s)" in capsys.readouterr().out
    text = SPEC_PATH.read_text(encoding="utf-8").replace(
        "      operationId: list_tags\n", "      operationId: listTags\n"
    )
    broken = tmp_path / "openapi.yaml"
    broken.write_text(text, encoding="utf-8")
    assert main([str(broken)]) == 1
    line = text.splitlines().index("      operationId: listTags") + 1
    assert (
        f"{broken}:{line}:7: [operation-id] paths/~1tags/get/operationId: 'listTags' is not snake_case"
        in (capsys.readouterr().err)
    )


def test_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_cli_does_not_lint_a_spec_that_is_not_openapi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text("- just\n- a list\n", encoding="utf-8")
    assert main([str(spec)]) == 2
    assert f"{spec}:1:1: the document is not a YAML mapping" in capsys.readouterr().err
