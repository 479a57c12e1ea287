"""House rules for ``spec/openapi.yaml`` that a valid OpenAPI document can still break.

openapi-spec-validator says whether the document is OpenAPI; these rules say whether it is a
spec the rest of the project can rely on: the client generator needs snake_case unique
operationIds and a JSON success schema, the mock needs examples that validate (with formats),
the contract tests need a 401 on every operation, and a free-form object or an untyped
property would let any data through. Each finding names its rule and JSON path (and the line).

Usage: ``python -m generator.spec_lint SPEC``. Exit 0 when clean, 1 with findings, 2 on bad
arguments, a file that cannot be read, or a document that is not valid OpenAPI (the rules walk
the spec's structure, so they run only on a valid one).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_document import operations, resolve_or_keep
from openapi_document._yaml_positions import JsonPath
from openapi_document.evidence import evidence_problems
from openapi_document.example_check import validate_example
from openapi_document.spec_check import load_checked

__all__ = ["RULES", "LintFinding", "lint_spec", "main"]

_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_TYPING_KEYWORDS = ("type", "$ref", "enum", "const", "allOf", "anyOf", "oneOf")
_COMPOSITIONS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA = ("items", "not", "contains", "additionalProperties", "propertyNames", "unevaluatedProperties")
_COMPONENT_KINDS = ("schemas", "parameters", "responses", "requestBodies", "headers")


@dataclass(frozen=True)
class LintFinding:
    """One broken rule: which rule, where (JSON path into the spec), and what is wrong."""

    rule: str
    path: JsonPath
    message: str

    @property
    def pointer(self) -> str:
        return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in self.path) or "(document)"

    def __str__(self) -> str:
        return f"[{self.rule}] {self.pointer}: {self.message}"


Rule = Callable[[Mapping[str, Any]], Iterator[LintFinding]]


def _operations(spec: Mapping[str, Any]) -> Iterator[tuple[JsonPath, Mapping[str, Any]]]:
    for path, method, operation in operations(spec):
        yield ("paths", path, method), operation


def operation_ids(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every operation has an operationId, in snake_case, used once (the client's function names)."""
    counts = Counter(str(op.get("operationId")) for _, op in _operations(spec) if op.get("operationId"))
    for where, operation in _operations(spec):
        operation_id = operation.get("operationId")
        if not operation_id:
            yield LintFinding("operation-id", where, "operation has no operationId")
        elif not _SNAKE_CASE.match(str(operation_id)):
            yield LintFinding("operation-id", (*where, "operationId"), f"{operation_id!r} is not snake_case")
        elif counts[str(operation_id)] > 1:
            yield LintFinding(
                "operation-id", (*where, "operationId"), f"{operation_id!r} is used more than once"
            )


def operation_documentation(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every operation has a declared tag, a summary and a description (the docs and the client's modules)."""
    declared = {tag.get("name") for tag in spec.get("tags", []) if isinstance(tag, Mapping)}
    for where, operation in _operations(spec):
        tags = operation.get("tags") or []
        if not tags:
            yield LintFinding("operation-docs", where, "operation has no tag")
        for index, tag in enumerate(tags):
            if tag not in declared:
                yield LintFinding(
                    "operation-docs", (*where, "tags", index), f"tag {tag!r} is not declared in `tags`"
                )
        for field in ("summary", "description"):
            if not str(operation.get(field) or "").strip():
                yield LintFinding("operation-docs", where, f"operation has no {field}")


def operation_security(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every operation states its security itself, so no operation is public by accident of a default."""
    for where, operation in _operations(spec):
        if not operation.get("security"):
            yield LintFinding("operation-security", where, "operation has no `security` of its own")


def operation_responses(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every operation answers 2xx with an application/json schema, documents 401, and documents the
    answer to invalid input (400 or 422) when it takes parameters or a body."""
    for where, operation in _operations(spec):
        responses: Mapping[str, Any] = operation.get("responses") or {}
        json_success = False
        for code, response in responses.items():
            content = resolve_or_keep(spec, response).get("content", {}) if str(code).startswith("2") else {}
            media = content.get("application/json")
            json_success = json_success or (isinstance(media, Mapping) and "schema" in media)
        if not json_success:
            message = "operation has no 2xx response with an application/json schema"
            yield LintFinding("operation-responses", (*where, "responses"), message)
        if "401" not in responses:
            yield LintFinding(
                "operation-responses", (*where, "responses"), "operation documents no 401 response"
            )
        takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
        if takes_input and not {"400", "422"} & {str(code) for code in responses}:
            message = (
                "operation takes parameters or a body but documents no answer to an invalid one "
                "(400, as the other operations do)"
            )
            yield LintFinding("operation-responses", (*where, "responses"), message)


def _schemas(spec: Mapping[str, Any]) -> Iterator[tuple[JsonPath, Mapping[str, Any]]]:
    """Every schema object of the document (component, inline, nested), with its path."""

    def nested(schema: Any, here: JsonPath) -> Iterator[tuple[JsonPath, Mapping[str, Any]]]:
        if not isinstance(schema, Mapping):
            return
        yield here, schema
        for name, sub in (schema.get("properties") or {}).items():
            yield from nested(sub, (*here, "properties", name))
        for keyword in _SUBSCHEMA:
            yield from nested(schema.get(keyword), (*here, keyword))
        for keyword in _COMPOSITIONS:
            for index, sub in enumerate(schema.get(keyword) or []):
                yield from nested(sub, (*here, keyword, index))

    def containers(node: Any, here: JsonPath) -> Iterator[tuple[JsonPath, Mapping[str, Any]]]:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "schema":
                    yield from nested(value, (*here, key))
                elif key not in ("example", "examples"):
                    yield from containers(value, (*here, str(key)))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from containers(item, (*here, index))

    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        yield from nested(schema, ("components", "schemas", name))
    yield from containers(spec.get("paths") or {}, ("paths",))
    for kind in ("parameters", "responses", "requestBodies", "headers"):
        yield from containers((spec.get("components") or {}).get(kind) or {}, ("components", kind))


def typed_properties(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every schema property says what it holds: a type, a $ref, an enum/const or a composition."""
    for where, schema in _schemas(spec):
        for name, prop in (schema.get("properties") or {}).items():
            if not isinstance(prop, Mapping) or not any(keyword in prop for keyword in _TYPING_KEYWORDS):
                yield LintFinding(
                    "typed-properties", (*where, "properties", name), f"property {name!r} has no type"
                )


def no_free_form_objects(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """No object that takes anything: a property-less object must be a described, typed map."""
    for where, schema in _schemas(spec):
        additional = schema.get("additionalProperties")
        if additional is True:
            yield LintFinding(
                "free-form-object", (*where, "additionalProperties"), "`additionalProperties: true`"
            )
            continue
        types = schema.get("type")
        is_object = types == "object" or (isinstance(types, list) and "object" in types)
        if "properties" in schema and not schema["properties"] and additional is not False:
            message = "empty `properties` without `additionalProperties: false` takes any object"
            yield LintFinding("free-form-object", where, message)
            continue
        if not is_object or "properties" in schema:
            continue
        typed_map = isinstance(additional, Mapping) and any(
            keyword in additional for keyword in _TYPING_KEYWORDS
        )
        if not typed_map:
            message = "object without `properties` and without a typed `additionalProperties` map"
            yield LintFinding("free-form-object", where, message)
        elif not str(schema.get("description") or "").strip():
            yield LintFinding(
                "free-form-object", where, "a map (typed `additionalProperties`) needs a description"
            )


def _media_examples(spec: Mapping[str, Any]) -> Iterator[tuple[JsonPath, Any, Any]]:
    """(path of the example value, the value, the schema it must match) for every media type and parameter."""

    def walk(node: Any, here: JsonPath) -> Iterator[tuple[JsonPath, Any, Any]]:
        if isinstance(node, Mapping):
            if "schema" in node and ("example" in node or "examples" in node):
                if "example" in node:
                    yield (*here, "example"), node["example"], node["schema"]
                for name, example in (node.get("examples") or {}).items():
                    example = resolve_or_keep(spec, example)
                    if isinstance(example, Mapping) and "value" in example:
                        yield (*here, "examples", name, "value"), example["value"], node["schema"]
            for key, value in node.items():
                if key not in ("schema", "example", "examples"):
                    yield from walk(value, (*here, str(key)))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, (*here, index))

    yield from walk(spec.get("paths") or {}, ("paths",))
    yield from walk(spec.get("components") or {}, ("components",))


def valid_examples(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every request, response and parameter example validates against its schema, formats included."""
    for where, example, schema in _media_examples(spec):
        for problem in validate_example(spec, resolve_or_keep(spec, schema), example, report_additional=True):
            yield LintFinding("valid-examples", where, f"at {problem.pointer}: {problem.message}")


def _refs(node: Any, here: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield here, value
            else:
                yield from _refs(value, (*here, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _refs(item, (*here, index))


def used_components(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every component is referenced from outside itself; a dead schema drifts unnoticed."""
    components = spec.get("components") or {}
    for kind in _COMPONENT_KINDS:
        for name in components.get(kind) or {}:
            own = ("components", kind, name)
            target = f"#/components/{kind}/{name}"
            if not any(ref == target and where[:3] != own for where, ref in _refs(spec)):
                yield LintFinding(
                    "used-components",
                    own,
                    f"{kind[:-1] if kind != 'requestBodies' else 'requestBody'} {name!r} is never referenced",
                )


def evidence_entries(spec: Mapping[str, Any]) -> Iterator[LintFinding]:
    """Every ``x-evidence`` says `verified` or `guess` and names its sources (the evidence register)."""
    for where, message in evidence_problems(spec):
        yield LintFinding("evidence", where, message)


RULES: tuple[Rule, ...] = (
    operation_ids,
    operation_documentation,
    operation_security,
    operation_responses,
    typed_properties,
    no_free_form_objects,
    valid_examples,
    used_components,
    evidence_entries,
)


def lint_spec(spec: Mapping[str, Any], rules: Sequence[Rule] = RULES) -> list[LintFinding]:
    """Every finding of every rule on the parsed spec."""
    return [finding for rule in rules for finding in rule(spec)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.spec_lint", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("spec", type=Path, help="path of the OpenAPI document")
    args = parser.parse_args(argv)
    loaded = load_checked(args.spec, "spec_lint", "linted")
    if loaded is None:
        return 2
    findings = lint_spec(loaded.data)
    for finding in findings:
        position = loaded.locate(finding.path)
        print(f"{args.spec}:{position.line}:{position.column}: {finding}", file=sys.stderr)
    print(f"{args.spec}: {len(findings)} lint finding(s) from {len(RULES)} rules")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
