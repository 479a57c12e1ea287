"""What changed between two versions of the spec, for the people who use the client and the mock.

Every difference is classified as one of:

- **breaking on the wire**: a request that worked may now be refused, or an answer a caller relied
  on may now differ (a removed operation, parameter, media type or response field; a new required
  parameter, body or body field; a request type or enum that accepts less; a response type or enum
  that may now carry values a caller has not seen; a success status removed);
- **breaking for Python callers** of ``leeloo_client``: both specs are generated into a client with
  today's templates and config, and griffe's API comparison (``griffe.find_breaking_changes``) says
  which public names, parameters and types of the package changed incompatibly;
- **compatible**: additions (operations, optional parameters and fields, media types, enum values
  a request may now send) and changes to descriptions and examples.

The rules follow oasdiff's breaking-change checks, written here for this project's needs. The
release bump follows semver: major when anything breaks, minor when something was added, patch
for the rest (also when nothing changed at all: the lists are then empty).

Usage: ``python -m generator.changes [OLD NEW | --base REF] [--format text|json] [--no-python]``.
Without files, the working ``spec/openapi.yaml`` is compared with the one at ``--base`` (default
``HEAD``). Exit 0 with a report, 2 when a spec cannot be read or is not valid OpenAPI (each problem
as ``file:line:column: reason``) or a git revision cannot be read.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.generate import GenerationError, run_generator
from openapi_document import HTTP_METHODS, json_type, resolve_or_keep
from openapi_document._yaml_positions import MAX_DEPTH, YamlSyntaxError, load_yaml_with_positions
from openapi_document.spec_check import check_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "generator" / "client_config.yaml"
PACKAGE = "leeloo_client"
MAX_CHANGES = 2_000  # entries kept per list; past it the report says how many more there were

Audience = Literal["wire", "python", "docs"]
Bump = Literal["major", "minor", "patch"]
_ADDITIVE_RULES = frozenset(
    {
        "api-added",
        "optional-parameter-added",
        "parameter-became-optional",
        "request-body-media-type-added",
        "request-body-became-optional",
        "optional-request-property-added",
        "request-property-became-optional",
        "request-type-widened",
        "request-enum-value-added",
        "request-constraint-relaxed",
        "response-property-added",
        "response-property-became-required",
        "response-media-type-added",
        "response-status-added",
        "response-type-narrowed",
        "response-enum-value-removed",
        "response-constraint-tightened",
    }
)


class SpecError(Exception):
    """A spec could not be read or is not valid OpenAPI: the lines to print, each ``file:line: reason``."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


@dataclass(frozen=True)
class Change:
    """One difference: which rule saw it, where (an operation or a Python name), in words."""

    rule: str
    where: str
    message: str
    audience: Audience
    breaking: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.rule}]"


@dataclass
class ChangeReport:
    """Every classified difference between two specs, and the semver bump they call for."""

    old: str
    new: str
    breaking: list[Change] = field(default_factory=list)
    compatible: list[Change] = field(default_factory=list)
    left_out: int = 0  # entries past MAX_CHANGES

    @property
    def bump(self) -> Bump:
        if self.breaking:
            return "major"
        if any(change.rule in _ADDITIVE_RULES for change in self.compatible):
            return "minor"
        return "patch"

    @property
    def empty(self) -> bool:
        return not self.breaking and not self.compatible

    def add(self, change: Change) -> None:
        target = self.breaking if change.breaking else self.compatible
        if len(self.breaking) + len(self.compatible) >= MAX_CHANGES:
            self.left_out += 1
        elif change not in target:
            target.append(change)

    def as_json(self) -> dict[str, Any]:
        return {
            "bump": self.bump,
            "breaking": [asdict(change) for change in self.breaking],
            "compatible": [asdict(change) for change in self.compatible],
        }


# --- reading the two specs ------------------------------------------------------------------------


def load_spec(path: Path, shown_as: str | None = None) -> dict[str, Any]:
    """The spec at ``path`` once it passes the structural checks; else :class:`SpecError`.

    ``shown_as`` names the file in messages (a revision's spec is read from a temporary copy)."""
    problems = check_spec(path)
    if problems:
        name = shown_as or str(path)
        raise SpecError([str(problem).replace(str(path), name, 1) for problem in problems])
    data = load_yaml_with_positions(path, positions=False).data
    assert isinstance(data, dict)  # check_spec refuses anything else
    return data


def git_show(revision: str, relative: str, root: Path = ROOT) -> bytes:
    """The bytes of ``relative`` at git ``revision``; :class:`SpecError` when git cannot give them."""
    try:
        result = subprocess.run(
            ["git", "show", f"{revision}:{relative}"], cwd=root, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpecError([f"changes: cannot run git: {exc}"]) from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SpecError(
            [f"{revision}:{relative}: cannot be read from git: {reason[-1] if reason else 'no reason'}"]
        )
    return result.stdout


# --- the wire rules ---------------------------------------------------------------------------------


def _operations(spec: Mapping[str, Any]) -> dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """``METHOD /path`` -> (operation, path item) for every operation of the spec."""
    operations: dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]] = {}
    for path, item in (spec.get("paths") or {}).items():
        item = resolve_or_keep(spec, item)
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), Mapping):
                operations[f"{method.upper()} {path}"] = (item[method], item)
    return operations


def _parameters(
    spec: Mapping[str, Any], operation: Mapping[str, Any], item: Mapping[str, Any]
) -> dict[tuple[str, str], Mapping[str, Any]]:
    """(in, name) -> parameter, the operation's own overriding the path item's."""
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = resolve_or_keep(spec, parameter)
        if isinstance(parameter, Mapping):
            found[str(parameter.get("in")), str(parameter.get("name"))] = parameter
    return found


def _types(spec: Mapping[str, Any], schema: Any) -> frozenset[str]:
    """The JSON types a schema admits (``any`` when it does not say); compositions are joined."""
    schema = resolve_or_keep(spec, schema)
    if not isinstance(schema, Mapping) or schema is True:
        return frozenset({"any"})
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(str(name) for name in declared)
    branches = [branch for key in ("anyOf", "oneOf") for branch in schema.get(key, [])]
    if branches:
        return frozenset().union(*(_types(spec, branch) for branch in branches[:64]))
    if "const" in schema:
        return frozenset({json_type(schema["const"])})
    if "enum" in schema and isinstance(schema["enum"], list):
        return frozenset(json_type(value) for value in schema["enum"])
    return frozenset({"any"})


def _covers(types: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a schema of ``types`` admits every value of one of ``other`` (by type)."""
    if "any" in types:
        return True
    return all(kind in types or (kind == "integer" and "number" in types) for kind in other)


def _values(schema: Any) -> list[Any] | None:
    """The values an ``enum`` or ``const`` allows, or ``None`` when any value of the type goes."""
    if not isinstance(schema, Mapping):
        return None
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if isinstance(enum, list) else None


_UPPER_BOUNDS = ("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum")
_LOWER_BOUNDS = ("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum")


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _quoted(value: Any) -> str:
    return "none" if value is None else f"'{value}'"


def _constraints(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The constraints ``new`` tightens over ``old`` and those it relaxes, each as ``key old -> new``.

    A bound added or moved inward tightens, removed or moved outward relaxes; a ``pattern`` or
    ``format`` added or changed tightens (whether a new pattern admits all the old one did is not
    decided), removed relaxes."""
    tighter: list[str] = []
    looser: list[str] = []
    for key in (*_UPPER_BOUNDS, *_LOWER_BOUNDS):
        before, after = _number(old.get(key)), _number(new.get(key))
        if before == after:
            continue
        shown = f"{key} {old.get(key, 'none')} -> {new.get(key, 'none')}"
        inward = after is not None and (
            before is None or (after < before if key in _UPPER_BOUNDS else after > before)
        )
        (tighter if inward else looser).append(shown)
    for key in ("pattern", "format"):
        if old.get(key) == new.get(key):
            continue
        shown = f"{key} {_quoted(old.get(key))} -> {_quoted(new.get(key))}"
        (tighter if key in new else looser).append(shown)
    return tighter, looser


class _Walk:
    """The comparison of two specs' operations, adding each change to ``report``."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any], report: ChangeReport) -> None:
        self.old = old
        self.new = new
        self.report = report

    def change(
        self, rule: str, where: str, message: str, breaking: bool, audience: Audience = "wire"
    ) -> None:
        self.report.add(Change(rule, where, message, audience, breaking))

    def run(self) -> None:
        old_operations = _operations(self.old)
        new_operations = _operations(self.new)
        for label in old_operations.keys() - new_operations.keys():
            self.change("api-removed", label, "operation removed", True)
        for label in new_operations.keys() - old_operations.keys():
            self.change("api-added", label, "operation added", False)
        for label in sorted(old_operations.keys() & new_operations.keys()):
            (old_op, old_item), (new_op, new_item) = old_operations[label], new_operations[label]
            before = len(self.report.breaking) + len(self.report.compatible)
            self.parameters(
                label, _parameters(self.old, old_op, old_item), _parameters(self.new, new_op, new_item)
            )
            self.request_body(label, old_op.get("requestBody"), new_op.get("requestBody"))
            self.responses(label, old_op.get("responses") or {}, new_op.get("responses") or {})
            if before == len(self.report.breaking) + len(self.report.compatible) and old_op != new_op:
                self.change(
                    "documentation", label, "descriptions, examples or other details changed", False, "docs"
                )
        self.report.breaking.sort(key=lambda change: (change.where, change.rule))
        self.report.compatible.sort(key=lambda change: (change.where, change.rule))
        if self.report.empty and self.old != self.new:
            self.change(
                "documentation", "the spec", "descriptions, examples or other details changed", False, "docs"
            )

    def parameters(
        self,
        label: str,
        old: Mapping[tuple[str, str], Mapping[str, Any]],
        new: Mapping[tuple[str, str], Mapping[str, Any]],
    ) -> None:
        for place, name in old.keys() - new.keys():
            self.change("request-parameter-removed", label, f"{place} parameter {name!r} removed", True)
        for key in new.keys() - old.keys():
            place, name = key
            if new[key].get("required"):
                self.change(
                    "new-required-request-parameter", label, f"new required {place} parameter {name!r}", True
                )
            else:
                self.change(
                    "optional-parameter-added", label, f"new optional {place} parameter {name!r}", False
                )
        for key in sorted(old.keys() & new.keys()):
            place, name = key
            was, now = bool(old[key].get("required")), bool(new[key].get("required"))
            if now and not was:
                self.change(
                    "parameter-became-required", label, f"{place} parameter {name!r} is now required", True
                )
            elif was and not now:
                self.change(
                    "parameter-became-optional", label, f"{place} parameter {name!r} is now optional", False
                )
            where = f"{place} parameter {name!r}"
            self.schema(label, where, old[key].get("schema"), new[key].get("schema"), "request", 0, set())

    def request_body(self, label: str, old_body: Any, new_body: Any) -> None:
        old_body, new_body = resolve_or_keep(self.old, old_body), resolve_or_keep(self.new, new_body)
        old_content = (old_body or {}).get("content") or {} if isinstance(old_body, Mapping) else {}
        new_content = (new_body or {}).get("content") or {} if isinstance(new_body, Mapping) else {}
        new_required = isinstance(new_body, Mapping) and bool(new_body.get("required"))
        if not old_content and new_content:
            if new_required:
                self.change("request-body-added-required", label, "a required request body was added", True)
            else:
                self.change(
                    "request-body-media-type-added", label, "an optional request body was added", False
                )
            return
        if old_content and not new_content:
            self.change("request-body-removed", label, "the request body was removed", True)
            return
        old_required = isinstance(old_body, Mapping) and bool(old_body.get("required"))
        if new_required and not old_required:
            self.change("request-body-became-required", label, "the request body is now required", True)
        elif old_required and not new_required:
            self.change("request-body-became-optional", label, "the request body is now optional", False)
        for media in old_content.keys() - new_content.keys():
            self.change("request-body-media-type-removed", label, f"request media type {media} removed", True)
        for media in new_content.keys() - old_content.keys():
            self.change("request-body-media-type-added", label, f"request media type {media} added", False)
        for media in sorted(old_content.keys() & new_content.keys()):
            old_schema = (old_content[media] or {}).get("schema")
            new_schema = (new_content[media] or {}).get("schema")
            self.schema(label, f"request body ({media})", old_schema, new_schema, "request", 0, set())

    def responses(
        self, label: str, old_responses: Mapping[Any, Any], new_responses: Mapping[Any, Any]
    ) -> None:
        # a status written without quotes (200) is an int key in YAML
        old = {str(status): response for status, response in old_responses.items()}
        new = {str(status): response for status, response in new_responses.items()}
        for status in sorted(set(old) - set(new)):
            success = status.startswith("2")
            rule = "response-success-status-removed" if success else "response-non-success-status-removed"
            self.change(rule, label, f"response {status} removed", success)
        for status in sorted(set(new) - set(old)):
            self.change("response-status-added", label, f"response {status} added", False)
        for status in sorted(set(old) & set(new)):
            old_response = resolve_or_keep(self.old, old[status])
            new_response = resolve_or_keep(self.new, new[status])
            old_content = old_response.get("content") or {} if isinstance(old_response, Mapping) else {}
            new_content = new_response.get("content") or {} if isinstance(new_response, Mapping) else {}
            for media in old_content.keys() - new_content.keys():
                self.change(
                    "response-media-type-removed",
                    label,
                    f"response {status} media type {media} removed",
                    True,
                )
            for media in new_content.keys() - old_content.keys():
                self.change(
                    "response-media-type-added", label, f"response {status} media type {media} added", False
                )
            for media in sorted(old_content.keys() & new_content.keys()):
                old_schema = (old_content[media] or {}).get("schema")
                new_schema = (new_content[media] or {}).get("schema")
                self.schema(
                    label, f"response {status} ({media})", old_schema, new_schema, "response", 0, set()
                )

    def schema(
        self,
        label: str,
        where: str,
        old_node: Any,
        new_node: Any,
        direction: Literal["request", "response"],
        depth: int,
        seen: set[tuple[str, str]],
    ) -> None:
        """Compare two schemas at ``where`` (a parameter, a body, or a field path under them)."""
        old_ref = old_node.get("$ref", "") if isinstance(old_node, Mapping) else ""
        new_ref = new_node.get("$ref", "") if isinstance(new_node, Mapping) else ""
        if old_ref and new_ref:  # one pair of components is compared once per operation (cycles end)
            if (old_ref, new_ref) in seen:
                return
            seen = {*seen, (old_ref, new_ref)}
        if depth > MAX_DEPTH:
            return
        old, new = resolve_or_keep(self.old, old_node), resolve_or_keep(self.new, new_node)
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            return
        request = direction == "request"
        old_types, new_types = _types(self.old, old), _types(self.new, new)
        shown_old, shown_new = "/".join(sorted(old_types)), "/".join(sorted(new_types))
        if not _covers(new_types, old_types):
            rule = "request-type-narrowed" if request else "response-type-changed"
            self.change(rule, label, f"{where}: type {shown_old} -> {shown_new}", True)
        elif old_types != new_types:
            rule = "request-type-widened" if request else "response-type-widened"
            self.change(rule, label, f"{where}: type {shown_old} -> {shown_new}", not request)
        old_values, new_values = _values(old), _values(new)
        removed = [value for value in old_values or [] if new_values is not None and value not in new_values]
        added = [value for value in new_values or [] if old_values is not None and value not in old_values]
        if old_values is None and new_values is not None and request:
            self.change("request-enum-added", label, f"{where}: now limited to {new_values!r}", True)
        if removed:
            rule = "request-enum-value-removed" if request else "response-enum-value-removed"
            self.change(rule, label, f"{where}: value(s) {removed!r} no longer allowed", request)
        if added:
            rule = "request-enum-value-added" if request else "response-enum-value-added"
            self.change(rule, label, f"{where}: new value(s) {added!r}", not request)
        tighter, looser = _constraints(old, new)
        if tighter and request:
            self.change("request-constraint-tightened", label, f"{where}: {'; '.join(tighter)}", True)
        if looser and request:
            self.change("request-constraint-relaxed", label, f"{where}: {'; '.join(looser)}", False)
        if looser and not request:
            message = f"{where}: {'; '.join(looser)} (answers may hold values it used to rule out)"
            self.change("response-constraint-relaxed", label, message, True)
        if tighter and not request:
            self.change("response-constraint-tightened", label, f"{where}: {'; '.join(tighter)}", False)
        self.properties(label, where, old, new, direction, depth, seen)
        if "items" in old and "items" in new:
            self.schema(label, f"{where}[]", old["items"], new["items"], direction, depth + 1, seen)
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, Mapping) and isinstance(new_extra, Mapping):
            self.schema(label, f"{where}.*", old_extra, new_extra, direction, depth + 1, seen)

    def properties(
        self,
        label: str,
        where: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        direction: Literal["request", "response"],
        depth: int,
        seen: set[tuple[str, str]],
    ) -> None:
        old_properties: Mapping[str, Any] = old.get("properties") or {}
        new_properties: Mapping[str, Any] = new.get("properties") or {}
        if not old_properties and not new_properties:
            return
        old_required, new_required = set(old.get("required") or []), set(new.get("required") or [])
        request = direction == "request"
        for name in sorted(old_properties.keys() - new_properties.keys()):
            rule = "request-property-removed" if request else "response-property-removed"
            self.change(rule, label, f"{where}: field {name!r} removed", True)
        for name in sorted(new_properties.keys() - old_properties.keys()):
            if request and name in new_required:
                self.change(
                    "new-required-request-property", label, f"{where}: new required field {name!r}", True
                )
            elif request:
                self.change(
                    "optional-request-property-added", label, f"{where}: new optional field {name!r}", False
                )
            else:
                self.change("response-property-added", label, f"{where}: new field {name!r}", False)
        for name in sorted(old_properties.keys() & new_properties.keys()):
            was, now = name in old_required, name in new_required
            if request and now and not was:
                self.change(
                    "request-property-became-required", label, f"{where}: field {name!r} now required", True
                )
            elif request and was and not now:
                self.change(
                    "request-property-became-optional", label, f"{where}: field {name!r} now optional", False
                )
            elif not request and was and not now:
                self.change(
                    "response-property-became-optional", label, f"{where}: field {name!r} may be absent", True
                )
            elif not request and now and not was:
                self.change(
                    "response-property-became-required", label, f"{where}: field {name!r} always sent", False
                )
            self.schema(
                label,
                f"{where}.{name}",
                old_properties[name],
                new_properties[name],
                direction,
                depth + 1,
                seen,
            )


# --- the Python rules: griffe on two generations of the client ----------------------------------------


def _shown(value: Any) -> str:
    """A griffe value in a few words: a parameter or object by name, an expression as written."""
    name = getattr(value, "name", None)
    text = str(name if isinstance(name, str) else value)
    return text if len(text) <= 120 else text[:117] + "..."


def python_breakages(old_spec: Path, new_spec: Path) -> list[Change]:
    """What breaks for Python callers: both specs generated with today's templates and config, the
    two packages compared by griffe (public names, signatures, attribute and return types)."""
    import griffe  # imported here: only this part of the report needs it

    logging.getLogger("griffe").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="leeloo-changes-") as tmp:
        old_out, new_out = Path(tmp) / "old", Path(tmp) / "new"
        run_generator(old_spec.resolve(), old_out)  # the generator runs in another directory
        run_generator(new_spec.resolve(), new_out)
        old_package = griffe.load(
            PACKAGE, search_paths=[old_out], allow_inspection=False, resolve_aliases=False
        )
        new_package = griffe.load(
            PACKAGE, search_paths=[new_out], allow_inspection=False, resolve_aliases=False
        )
        changes: list[Change] = []
        for breakage in griffe.find_breaking_changes(old_package, new_package):
            where = str(breakage.obj.path)
            message = breakage.kind.value
            values = [
                _shown(value)
                for value in (breakage.old_value, breakage.new_value)
                if value is not None and breakage.kind != griffe.BreakageKind.OBJECT_REMOVED
            ]
            if values:
                message += ": " + " -> ".join(values)
            rule = "python-" + breakage.kind.name.lower().replace("_", "-")
            changes.append(Change(rule, where, message, "python", True))
            if len(changes) >= MAX_CHANGES:
                break
        return changes


def compare(
    old_spec: Path, new_spec: Path, old_name: str, new_name: str, python: bool = True
) -> ChangeReport:
    """The classified differences from the spec at ``old_spec`` to the one at ``new_spec``."""
    old = load_spec(old_spec, old_name)
    new = load_spec(new_spec, new_name)
    report = ChangeReport(old=old_name, new=new_name)
    _Walk(old, new, report).run()
    if python and old != new:
        for change in python_breakages(old_spec, new_spec):
            report.add(change)
    return report


def compare_with_revision(
    revision: str, new_spec: Path = SPEC, python: bool = True, root: Path = ROOT
) -> ChangeReport:
    """The working spec (``new_spec``) against ``spec/openapi.yaml`` at git ``revision``."""
    relative = "spec/openapi.yaml"
    with tempfile.TemporaryDirectory(prefix="leeloo-base-") as tmp:
        old_spec = Path(tmp) / "openapi.yaml"
        old_spec.write_bytes(git_show(revision, relative, root))
        shown = new_spec.relative_to(root) if new_spec.is_relative_to(root) else new_spec
        return compare(old_spec, new_spec, f"{revision}:{relative}", f"{shown} (working tree)", python)


# --- versions ----------------------------------------------------------------------------------------


def client_version(config_text: str) -> str:
    """``package_version_override`` of a client config's text (``0.0.0`` when it has none)."""
    try:
        config = yaml.safe_load(config_text)
    except yaml.YAMLError:
        return "0.0.0"
    version = config.get("package_version_override") if isinstance(config, dict) else None
    return str(version) if version else "0.0.0"


def bumped(version: str, bump: Bump) -> str:
    """``version`` (``MAJOR.MINOR.PATCH``) raised as semver says for ``bump``."""
    parts = [int(part) if part.isdigit() else 0 for part in [*version.split("."), "0", "0"][:3]]
    major, minor, patch = parts
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


# --- output ------------------------------------------------------------------------------------------


_WHERES_SHOWN = 4


def grouped(changes: Sequence[Change]) -> list[str]:
    """One line per distinct change: the same rule and message under several operations (an error
    answer every operation shares, say) is one line that names how many and the first few."""
    groups: dict[tuple[str, str], list[str]] = {}
    for change in changes:
        groups.setdefault((change.rule, change.message), []).append(change.where)
    lines: list[str] = []
    for (rule, message), wheres in groups.items():
        if len(wheres) == 1:
            lines.append(f"{wheres[0]}: {message} [{rule}]")
            continue
        shown = ", ".join(wheres[:_WHERES_SHOWN])
        more = f" and {len(wheres) - _WHERES_SHOWN} more" if len(wheres) > _WHERES_SHOWN else ""
        lines.append(f"{message} [{rule}] in {len(wheres)} places: {shown}{more}")
    return lines


def format_text(report: ChangeReport, version: str | None = None) -> str:
    """The report for a person: the bump, then breaking changes by audience, then compatible ones."""
    lines = [f"changes: {report.old} -> {report.new}"]
    if report.empty:
        return "\n".join([*lines, "no differences"])
    release = f" (leeloo-client {version} -> {bumped(version, report.bump)})" if version else ""
    lines.append(f"bump: {report.bump}{release}")
    wire = [change for change in report.breaking if change.audience == "wire"]
    python = [change for change in report.breaking if change.audience == "python"]
    sections = (
        ("Breaking on the wire", wire),
        ("Breaking for Python callers of leeloo_client (griffe)", python),
        ("Compatible", report.compatible),
    )
    for title, changes in sections:
        if changes:
            lines += ["", f"{title} ({len(changes)}):", *(f"  {line}" for line in grouped(changes))]
    if report.left_out:
        lines += ["", f"... and {report.left_out} more changes, left out"]
    return "\n".join(lines)


def _base_version(revision: str | None) -> str | None:
    """The client's version the bump starts from: at ``revision`` if given, else the working config's."""
    if revision is not None:
        try:
            return client_version(
                git_show(revision, "generator/client_config.yaml").decode("utf-8", "replace")
            )
        except SpecError:
            pass
    return client_version(CONFIG.read_text(encoding="utf-8")) if CONFIG.is_file() else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.changes", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument(
        "specs", nargs="*", type=Path, metavar="SPEC", help="OLD NEW: two spec files to compare"
    )
    parser.add_argument(
        "--base", default="HEAD", help="git revision of the spec to compare with (default HEAD)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="human text or one JSON object"
    )
    parser.add_argument(
        "--no-python", action="store_true", help="skip the Python API comparison (no generation)"
    )
    args = parser.parse_args(argv)
    if len(args.specs) not in (0, 2):
        parser.error("give two spec files (OLD NEW), or none to compare spec/openapi.yaml with --base")
    try:
        if args.specs:
            old, new = args.specs
            report = compare(old, new, str(old), str(new), python=not args.no_python)
        else:
            report = compare_with_revision(args.base, python=not args.no_python)
    except SpecError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return 2
    except (OSError, YamlSyntaxError) as exc:
        print(f"changes: {exc}", file=sys.stderr)
        return 2
    except GenerationError as exc:
        print(
            f"changes: the client could not be generated for the Python comparison:\n{exc}", file=sys.stderr
        )
        return 2
    if args.format == "json":
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(format_text(report, _base_version(None if args.specs else args.base)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
