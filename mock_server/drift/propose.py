"""``--propose FILE.patch``: a unified diff against the spec that would make the traffic valid.

The spec's text is edited line by line, guided by where the positioned loader
(``openapi_document._yaml_positions``) says each node is written: every line the proposal does not
change stays as it was, comments, order and formatting included. What it proposes:

- an enum widened with the values seen (block or flow list);
- a type widened (``type: string`` -> ``type: [string, integer]``);
- a bound lifted to the value the API accepted (``maximum``, ``minimum``, ``maxLength``);
- an undeclared response or request field added as optional, with the type its values show;
- an undeclared query parameter added (optional, typed from its values);
- an undeclared status added (Leeloo's envelope by ``$ref`` when the body was one);
- an undeclared media type added to the declared response.

Every change carries an ``x-evidence`` entry (``status: verified``; the source names the capture's
file, the exchange's index and date, never a secret); a node that already has one gets the capture
added to its sources. Undeclared operations, failure envelopes and format or pattern mismatches
are listed at the top of the patch (which ``git apply`` skips) for a person to decide. The spec
itself is never written.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mock_server.drift import model
from mock_server.drift.model import Finding
from mock_server.drift.report import Report
from mock_server.drift.spec import DriftSpec
from mock_server.har import REDACTED, scrub_text
from openapi_document import follow, json_type, pointer_parts
from openapi_document._yaml_positions import LoadedYaml, load_yaml_with_positions

JsonPath = tuple[str | int, ...]
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.+/\-]*$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
_MAX_SCHEMA_DEPTH = 4


class _Dumper(yaml.SafeDumper):
    """Block style with indented sequences and double-quoted texts, as the spec is written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain = _PLAIN.match(value) is not None and value.lower() not in _YAML_WORDS
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _text)


def _dumped(data: Any, indent: int) -> list[str]:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, default_flow_style=False, width=4096)
    return [" " * indent + line + "\n" for line in text.splitlines()]


def _block(data: Mapping[str, Any], indent: int) -> list[str]:
    return _dumped(dict(data), indent)


def scalar(value: Any) -> str:
    """A value as one YAML scalar: plain when it reads back as the same string, else quoted."""
    if isinstance(value, str):
        if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
            return value
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def schema_of(value: Any, depth: int = 0) -> dict[str, Any]:
    """The schema a JSON value shows: its type, and for an object its properties (bounded)."""
    kind = json_type(value)
    if kind == "object" and depth < _MAX_SCHEMA_DEPTH and value:
        return {"type": "object", "properties": {str(k): schema_of(v, depth + 1) for k, v in value.items()}}
    if kind == "object":
        return {"type": "object", "additionalProperties": False}
    if kind == "array":
        return {"type": "array", "items": schema_of(value[0], depth + 1) if value else {"type": "string"}}
    return {"type": kind}


def _types(values: list[Any]) -> str | list[str]:
    kinds: list[str] = []
    for value in values:
        kind = json_type(value)
        if kind not in kinds:
            kinds.append(kind)
    if "integer" in kinds and "number" in kinds:
        kinds.remove("integer")
    return kinds[0] if len(kinds) == 1 else kinds or "string"


def _query_type(values: list[Any]) -> str:
    texts = [str(v) for v in values if v != REDACTED]
    if texts and all(t in ("true", "false") for t in texts):
        return "boolean"
    if texts and all(re.fullmatch(r"-?\d+", t) for t in texts):
        return "integer"
    return "string"


@dataclass
class _Edit:
    """Lines to put before line ``at`` (0-based), or to put in place of it (``replace``)."""

    at: int
    lines: list[str]
    replace: bool = False
    order: int = 0


@dataclass
class Proposal:
    """The edits for one spec, and what was left for a person."""

    loaded: LoadedYaml
    lines: list[str]
    capture: str
    edits: list[_Edit] = field(default_factory=list)
    evidence: dict[JsonPath, list[str]] = field(default_factory=dict)  # node -> sources to add
    changes: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)

    def node(self, where: JsonPath) -> Any:
        node: Any = self.loaded.data
        for part in where:
            if isinstance(node, Mapping):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                return None
        return node

    def line(self, where: JsonPath) -> int | None:
        position = self.loaded.positions.get(tuple(where))
        return position.line - 1 if position is not None else None

    def column(self, where: JsonPath) -> int:
        position = self.loaded.positions.get(tuple(where))
        return position.column - 1 if position is not None else 0

    def source(self, finding: Finding, what: str) -> str:
        day = finding.first_started[:10] or "undated"
        return scrub_text(f"capture {self.capture}, entry {finding.first} ({day}): {what}")

    def evidence_block(self, sources: list[str]) -> dict[str, Any]:
        return {"status": "verified", "sources": sources}


def _subtree_end(proposal: Proposal, where: JsonPath) -> int:
    """The line index just after the value of the key at ``where`` (block style): the first line
    below it, blank and comment lines aside, indented no deeper than the key (a ``- `` item at
    the key's own indent still belongs to it), with the blank lines before it left below."""
    start = proposal.line(where)
    assert start is not None
    column = proposal.column(where)
    end = len(proposal.lines)
    for index in range(start + 1, len(proposal.lines)):
        text = proposal.lines[index]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent < column or (indent == column and not stripped.startswith("- ")):
            end = index
            break
    while end > start + 1 and not proposal.lines[end - 1].strip():
        end -= 1
    return end


def _first_value_line(proposal: Proposal, where: JsonPath) -> int | None:
    """A line before which keys of the mapping at ``where`` may be inserted: its last key's line,
    unless that is a sequence item's first line (``- name: x``)."""
    node = proposal.node(where)
    if not isinstance(node, Mapping):
        return None
    for key in reversed(list(node)):
        line = proposal.line((*where, str(key)))
        column = proposal.column((*where, str(key)))
        if line is not None and not proposal.lines[line][:column].strip():
            return line
    return None


def _add_evidence(proposal: Proposal, where: JsonPath, sources: list[str]) -> bool:
    node = proposal.node(where)
    if not isinstance(node, Mapping):
        return False
    existing = node.get("x-evidence")
    if isinstance(existing, Mapping) and isinstance(existing.get("sources"), list) and existing["sources"]:
        last = (*where, "x-evidence", "sources", len(existing["sources"]) - 1)
        at = proposal.line(last)
        if at is None:
            return False
        text = proposal.lines[at]
        if text[: proposal.column(last)].rstrip().endswith("-"):  # a block list: one more item
            prefix = text[: proposal.column(last)]
            added = [prefix + scalar(source) + "\n" for source in sources]
            proposal.edits.append(_Edit(at + 1, added, order=1))
            return True
        stripped = text.rstrip("\n")
        if stripped.rstrip().endswith("]"):  # a flow list on one line
            cut = stripped.rstrip().rfind("]")
            joined = "".join(", " + scalar(source) for source in sources)
            proposal.edits.append(_Edit(at, [stripped[:cut] + joined + stripped[cut:] + "\n"], replace=True))
            return True
        return False
    at = _first_value_line(proposal, where)
    if at is None:
        return False
    column = proposal.column((*where, str(list(node)[-1])))
    proposal.edits.append(_Edit(at, _block({"x-evidence": proposal.evidence_block(sources)}, column)))
    return True


def _widen_enum(proposal: Proposal, where: JsonPath, values: list[Any]) -> bool:
    node = proposal.node(where)
    if not isinstance(node, Mapping) or not isinstance(node.get("enum"), list):
        return False
    new = [v for v in values if v not in node["enum"]]
    if not new:
        return False
    items = node["enum"]
    key_line = proposal.line((*where, "enum"))
    if key_line is None:
        return False
    text = proposal.lines[key_line].rstrip("\n")
    if "[" in text and text.rstrip().endswith("]"):
        cut = text.rstrip().rfind("]")
        joined = "".join(", " + scalar(v) for v in new)
        proposal.edits.append(_Edit(key_line, [text[:cut] + joined + text[cut:] + "\n"], replace=True))
        return True
    last = (*where, "enum", len(items) - 1)
    at = proposal.line(last)
    if at is None:
        return False
    prefix = proposal.lines[at][: proposal.column(last)]
    proposal.edits.append(_Edit(at + 1, [prefix + scalar(v) + "\n" for v in new]))
    return True


def _widen_type(proposal: Proposal, where: JsonPath, values: list[Any]) -> bool:
    node = proposal.node(where)
    declared = node.get("type") if isinstance(node, Mapping) else None
    at = proposal.line((*where, "type"))
    if at is None or not isinstance(declared, str | list):
        return False
    present = [declared] if isinstance(declared, str) else list(declared)
    seen = _types(values)
    added = [t for t in ([seen] if isinstance(seen, str) else seen) if t not in present]
    if not added:
        return False
    text = proposal.lines[at]
    column = proposal.column((*where, "type"))
    listed = ", ".join(present + added)
    proposal.edits.append(_Edit(at, [text[:column] + f"type: [{listed}]\n"], replace=True))
    return True


def _lift_bound(proposal: Proposal, where: JsonPath, keyword: str, values: list[Any]) -> bool:
    node = proposal.node(where)
    at = proposal.line((*where, keyword))
    if at is None or not isinstance(node, Mapping):
        return False
    numbers: list[float] = []
    for value in values:
        try:
            numbers.append(len(value) if keyword == "maxLength" else float(value))
        except (TypeError, ValueError):
            continue
    if not numbers:
        return False
    bound = min(numbers) if keyword == "minimum" else max(numbers)
    shown = int(bound) if float(bound).is_integer() else bound
    text = proposal.lines[at]
    column = proposal.column((*where, keyword))
    proposal.edits.append(_Edit(at, [text[:column] + f"{keyword}: {shown}\n"], replace=True))
    return True


def _add_property(proposal: Proposal, owner: JsonPath, name: str, values: list[Any], source: str) -> bool:
    properties = proposal.node((*owner, "properties"))
    at = proposal.line((*owner, "properties"))
    if not isinstance(properties, Mapping) or not properties or at is None or name in properties:
        return False
    first = (*owner, "properties", str(next(iter(properties))))
    sample = next((v for v in values if v not in (REDACTED, "…")), None)
    schema: dict[str, Any] = schema_of(sample) if sample is not None else {"type": "string"}
    if len(values) > 1 and json_type(sample) not in ("object", "array"):
        schema = {"type": _types(values)}
    schema["description"] = "Seen in recorded traffic; not in the vendor's page (proposed by leeloo-drift)."
    schema["x-evidence"] = proposal.evidence_block([source])
    end = _subtree_end(proposal, (*owner, "properties"))
    proposal.edits.append(_Edit(end, _block({name: schema}, proposal.column(first))))
    return True


def _add_parameter(proposal: Proposal, where: JsonPath, name: str, values: list[Any], source: str) -> bool:
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": "Seen in recorded traffic and accepted by the API; not in the vendor's page "
        "(proposed by leeloo-drift).",
        "schema": {"type": _query_type(values)},
        "x-evidence": proposal.evidence_block([source]),
    }
    listed = proposal.node(where)
    at = proposal.line(where)
    if isinstance(listed, list) and listed and at is not None:
        column = proposal.column((*where, 0)) - 2
        proposal.edits.append(_Edit(_subtree_end(proposal, where), _dumped([parameter], column)))
        return True
    operation = where[:-1]
    responses_line = proposal.line((*operation, "responses"))
    if responses_line is None:
        return False
    column = proposal.column((*operation, "responses"))
    proposal.edits.append(_Edit(responses_line, _block({"parameters": [parameter]}, column)))
    _answer_invalid_input(proposal, (*operation, "responses"))
    return True


def _answer_invalid_input(proposal: Proposal, where: JsonPath) -> None:
    """An operation that now takes a parameter documents the answer to an invalid one (the house
    rule of ``make spec-check``): the shared 400 response, when the spec has one."""
    responses = proposal.node(where)
    bad_request = proposal.node(("components", "responses", "BadRequest"))
    if not isinstance(responses, Mapping) or {"400", "422"} & set(map(str, responses)) or bad_request is None:
        return
    later = [str(k) for k in responses if _status_rank(str(k)) > 400]
    if not later:
        return
    anchor = (*where, later[0])
    at, column = proposal.line(anchor), proposal.column(anchor)
    if at is not None:
        lines = [" " * column + '"400":\n', " " * column + '  $ref: "#/components/responses/BadRequest"\n']
        proposal.edits.append(_Edit(at, lines))


def _status_rank(key: str) -> int:
    key = key.upper()
    if key.isdigit():
        return int(key)
    return int(key[0]) * 100 + 99 if key[:1].isdigit() else 1000


def _add_status(
    proposal: Proposal, where: JsonPath, status: int, sample: Mapping[str, Any], source: str
) -> bool:
    responses = proposal.node(where)
    if not isinstance(responses, Mapping) or not responses:
        return False
    response: dict[str, Any] = {
        "description": f"Seen in recorded traffic: the API answered {status}; not in the vendor's page "
        "(proposed by leeloo-drift).",
        "x-evidence": proposal.evidence_block([source]),
    }
    media_type = sample.get("media_type")
    if media_type:
        if sample.get("envelope"):
            schema: dict[str, Any] = {"$ref": "#/components/schemas/LeelooError"}
        elif "json" in str(media_type) and sample.get("body") not in (None, "…"):
            schema = schema_of(sample.get("body"))
        else:
            schema = {"type": "string"}
        response["content"] = {str(media_type): {"schema": schema}}
    later = [str(k) for k in responses if _status_rank(str(k)) > status]
    anchor = (*where, later[0]) if later else (*where, str(next(iter(responses))))
    at = proposal.line(anchor)
    if at is None:
        return False
    if not later:  # after the heading: the order is a person's to fix, never a line of theirs
        at = (proposal.line(where) or at - 1) + 1
    column = proposal.column(anchor)
    lines = _block({str(status): response}, column)
    lines[0] = " " * column + f'"{status}":\n'
    proposal.edits.append(_Edit(at, lines))
    return True


def _add_media_type(proposal: Proposal, where: JsonPath, media_type: str, source: str) -> bool:
    content = proposal.node(where)
    at = proposal.line(where)
    if not isinstance(content, Mapping) or not content or at is None or media_type in content:
        return False
    first = (*where, str(next(iter(content))))
    media = {
        "schema": {"type": "string"}
        if "json" not in media_type
        else {"$ref": "#/components/schemas/LeelooError"},
        "x-evidence": proposal.evidence_block([source]),
    }
    end = _subtree_end(proposal, where)  # last: the first media type is the one the mock answers
    proposal.edits.append(_Edit(end, _block({media_type: media}, proposal.column(first))))
    return True


def _label(finding: Finding) -> str:
    return f"{finding.method} {finding.path}"


def _noted(proposal: Proposal, done: bool, change: str) -> bool:
    if done:
        proposal.changes.append(change)
    return done


_WIDENED_KEYWORDS = ("enum", "type", "maximum", "minimum", "maxLength")


def _widen(proposal: Proposal, finding: Finding, widened: set[tuple[JsonPath, str]]) -> bool:
    """Widen the schema keyword a value broke (an enum, a type, a bound), once per place and keyword."""
    place = finding.places[0] if finding.places else ()
    values, keyword = finding.values, finding.keyword
    if (place, keyword) in widened:
        return True
    shown = ", ".join(scalar(v) for v in values[:5])
    if keyword == "enum":
        done = _widen_enum(proposal, place, values)
        what = f"{_label(finding)} {finding.location} {finding.pointer} showed {shown}"
    elif keyword == "type":
        done = _widen_type(proposal, place, values)
        what = f"{_label(finding)} {finding.location} {finding.pointer} showed {shown}"
    else:
        done = _lift_bound(proposal, place, keyword, values)
        seen = ", ".join(str(v) for v in values[:5])
        what = f"{_label(finding)} accepted {finding.pointer.lstrip('/')}={seen} ({keyword} lifted)"
    if done:
        widened.add((place, keyword))
        proposal.evidence.setdefault(place, []).append(proposal.source(finding, what))
        proposal.changes.append(f"{keyword} of {'/'.join(map(str, place))}: {shown}")
    return done


def _declare(proposal: Proposal, finding: Finding) -> bool:
    """Declare what the traffic showed and the spec lacks: a property, a query parameter, a status
    or a media type; False for any other kind of finding."""
    place = finding.places[0] if finding.places else ()
    values, kind = finding.values, finding.kind
    name = pointer_parts(finding.pointer)[-1] if finding.pointer else ""
    label = _label(finding)
    if kind in (model.UNDECLARED_RESPONSE_FIELD, model.UNDECLARED_REQUEST_FIELD):
        what = f"{label} {finding.location} held {finding.pointer} ({_types(values)})"
        return _noted(
            proposal,
            _add_property(proposal, place, name, values, proposal.source(finding, what)),
            f"property {name} of {'/'.join(map(str, place))}",
        )
    if kind == model.UNDECLARED_QUERY_PARAMETER:
        source = proposal.source(finding, f"{label} accepted the query parameter {name}")
        done = _add_parameter(proposal, place, name, values, source)
        return _noted(proposal, done, f"query parameter {name} of {label}")
    if kind == model.UNDECLARED_STATUS:
        sample = values[0] if values and isinstance(values[0], Mapping) else {}
        source = proposal.source(finding, f"{label} answered {finding.status}")
        done = _add_status(proposal, place, finding.status, sample, source)
        return _noted(proposal, done, f"status {finding.status} of {label}")
    if kind == model.UNDECLARED_MEDIA_TYPE and values:
        source = proposal.source(finding, f"{label} answered {finding.status} as {values[0]}")
        done = _add_media_type(proposal, place, str(values[0]), source)
        return _noted(proposal, done, f"media type {values[0]} of {'/'.join(map(str, place))}")
    return False


def _propose(proposal: Proposal, finding: Finding, widened: set[tuple[JsonPath, str]]) -> bool:
    """Add the edits for one finding; False when there is nothing this tool may propose for it."""
    broke_a_keyword = finding.kind in (model.RESPONSE_SCHEMA_MISMATCH, model.REFUSED_VALUE_ACCEPTED)
    if broke_a_keyword and finding.keyword in _WIDENED_KEYWORDS:
        return _widen(proposal, finding, widened)
    return _declare(proposal, finding)


def _apply(lines: list[str], edits: list[_Edit]) -> list[str]:
    result = list(lines)
    # bottom up, so that every line number still points where it did; at one line, replacements
    # first, then insertions in the order they were made
    for edit in sorted(edits, key=lambda e: (e.at, e.replace, -e.order), reverse=True):
        if edit.replace:
            result[edit.at : edit.at + 1] = edit.lines
        else:
            result[edit.at : edit.at] = edit.lines
    return result


def _shown_path(path: Path) -> str:
    try:
        relative = os.path.relpath(path.resolve(), Path.cwd())
    except ValueError:
        return path.name
    return path.name if relative.startswith("..") else relative


def build_proposal(report: Report, spec: DriftSpec, capture: str) -> tuple[str, Proposal]:
    """The unified diff (text) that would make the report's traffic valid, and what it holds."""
    loaded = load_yaml_with_positions(spec.path)
    lines = spec.path.read_text(encoding="utf-8").splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    proposal = Proposal(loaded, lines, capture)
    widened: set[tuple[JsonPath, str]] = set()
    for finding in report.sorted_findings():
        if not _propose(proposal, finding, widened):
            where = f" {finding.location} {finding.pointer}" if finding.pointer else ""
            proposal.left.append(
                f"{finding.kind}: {_label(finding)} {finding.status}{where} (entry {finding.first})"
            )
    for node_at, sources in proposal.evidence.items():
        _add_evidence(proposal, node_at, sources)
    new_lines = _apply(lines, proposal.edits)
    shown = _shown_path(spec.path)
    diff = "".join(difflib.unified_diff(lines, new_lines, f"a/{shown}", f"b/{shown}"))
    header = [
        f"# leeloo-drift --propose: {len(proposal.changes)} change(s) to {shown} from {capture}",
        "# Review, then: git apply THIS.patch && make sync",
        *(f"#   proposed: {change}" for change in proposal.changes),
        *(f"#   left for a person: {left}" for left in proposal.left),
    ]
    return scrub_text("\n".join(header) + "\n" + diff), proposal


def write_proposal(report: Report, spec: DriftSpec, out: Path, capture: str) -> int:
    """Write the proposal to ``out``; the number of changes it proposes."""
    text, proposal = build_proposal(report, spec, capture)
    out.write_text(text, encoding="utf-8")
    return len(proposal.changes)


__all__ = ["build_proposal", "follow", "scalar", "schema_of", "write_proposal"]
