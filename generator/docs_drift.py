"""Compare the docs page with the spec and report every difference (``make docs-check``).

The spec was transcribed by hand from the page; when the page changes, this says what to
change in the spec: operations on one side only, query and path parameters, request bodies,
and the page's JSON examples (repaired as a reader would, then validated against the spec's
schemas with format checking, and walked for fields the spec does not declare). Differences the
spec made on purpose are listed in ``docs-deviations.yaml`` beside the spec (read by
:mod:`generator._drift_deviations`) and printed as known deviations, not findings.

Usage: ``python -m generator.docs_drift PAGE SPEC [--deviations FILE] [--show-repairs] [--traffic
CAPTURE]``. Exit 0 when there are no findings, 1 when there are, 2 on bad arguments, a file that
cannot be read, a spec that is not valid OpenAPI, a deviations file that does not fit its schema
(``FILE:LINE:COLUMN: reason``), a capture that cannot be read, or a page past a bound: larger than
16 MiB, with a JSON example larger than 1 MiB or nested deeper than 64 levels (``PAGE:LINE: too
deep ...``: the bound comes before ``json.loads``, which would recurse until a RecursionError), or
saved HTML past its bounds of nesting and elements.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator._drift_deviations import (
    DEVIATIONS_NAME,
    DeviationsError,
    KnownDeviation,
    deviations_beside,
    deviations_file,
    load_deviations,
    sort_out,
)
from generator._drift_findings import Finding, Kind
from generator._drift_html import (
    MAX_HTML_DEPTH,
    MAX_HTML_ELEMENTS,
    HtmlTooDeep,
    HtmlTooLarge,
    html_page,
    looks_like_html,
)
from generator._drift_page import PageExample, PageLines, PageOperation, parse_lines
from generator._drift_repair import repair_json
from generator._drift_schema import undeclared_fields
from openapi_document import Operation, operation_list, resolve_or_keep
from openapi_document._yaml_positions import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    LoadedYaml,
)
from openapi_document.evidence import evidence_register, format_register, shown_by_capture
from openapi_document.example_check import validate_example
from openapi_document.spec_check import load_checked

# The largest JSON example the page may show (the API's largest is a few KiB); past it the page
# is refused: repairing and validating a many-megabyte snippet takes tens of seconds.
MAX_EXAMPLE_CHARS = 1 << 20
# Characters of page text a terminal or CI log would act on instead of showing (escape sequences
# that erase or rewrite lines, bidirectional overrides that reorder them): printed as `\xNN`/`\uNNNN`.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with the characters a terminal would act on written as escapes; newlines and tabs kept."""
    return _CONTROL.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


__all__ = ["DriftReport", "Finding", "Kind", "KnownDeviation", "check_drift", "main", "repair_json"]

_TEMPLATE_PARAMETER = re.compile(r"\{([^}]*)\}")
_FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
_PAGE_BODY_MEDIA_TYPE = {"json": "application/json", "form-data": "multipart/form-data"}
_PRINT_CODE_LINE = re.compile(r"^ ?1 [{\[]$", re.MULTILINE)


class PageError(Exception):
    """The page cannot be read as the comparison needs: ``line`` (1-based) and ``reason``."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def _too_deep_at(text: str) -> int | None:
    """The 1-based line where the brackets of JSON ``text`` nest deeper than ``MAX_DEPTH``, if any."""
    depth = 0
    line = 1
    in_string = escaped = False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth -= 1
    return None


@dataclass
class DriftReport:
    """The result of one comparison."""

    page_operations: int
    spec_operations: int
    matched: int
    examples_checked: int
    findings: list[Finding]
    known: list[tuple[Finding, KnownDeviation]]
    repairs: dict[str, list[str]] = field(default_factory=dict)


def template_key(method: str, path: str) -> tuple[str, str]:
    """What two operations must share to be the same: method and path with parameter names blanked."""
    return method.upper(), _TEMPLATE_PARAMETER.sub("{}", path.rstrip("/") or "/")


def _spec_operations(loaded: LoadedYaml) -> list[Operation]:
    return operation_list(loaded.data, lambda where: loaded.locate(list(where)).line)


def _query_parameters(spec: Mapping[str, Any], operation: Operation, *, captured: bool = True) -> list[str]:
    """The operation's query parameters; ``captured=False`` leaves out those recorded traffic
    showed (added by ``leeloo-drift --propose``: no page lists them, and none needs to)."""
    parameters = [*operation.path_item.get("parameters", []), *operation.definition.get("parameters", [])]
    resolved = [resolve_or_keep(spec, parameter) for parameter in parameters]
    return [
        str(p["name"])
        for p in resolved
        if isinstance(p, Mapping) and p.get("in") == "query" and (captured or not shown_by_capture(p))
    ]


def _documented_among(name: str, names: Sequence[str]) -> bool:
    """Whether ``name`` is among ``names``, counting a bracketed prefix as the same parameter.

    The page lists ``filter[last_message] { from, to }``; the spec has the two parameters
    ``filter[last_message][from]`` and ``filter[last_message][to]``: each side documents the other.
    """
    return any(
        name == other or other.startswith(f"{name}[") or name.startswith(f"{other}[") for other in names
    )


class _Comparison:
    """The checks of one matched pair of operations; each yields findings."""

    def __init__(
        self, spec: Mapping[str, Any], page: PageOperation, operation: Operation, near: bool = False
    ) -> None:
        self.spec = spec
        self.page = page
        self.operation = operation
        self.near = near  # matched despite a different URL: its path parameters are that one finding
        self.repairs: dict[str, list[str]] = {}
        self.examples_checked = 0

    def finding(self, kind: Kind, subject: str, message: str, page_line: int | None = None) -> Finding:
        return Finding(
            kind,
            operation=self.page.label,
            operation_id=self.operation.operation_id,
            subject=subject,
            message=message,
            page_line=page_line if page_line is not None else self.page.line,
            spec_line=self.operation.line,
        )

    def all(self) -> Iterator[Finding]:
        if not self.near:
            yield from self.path_parameters()
        yield from self.query_parameters()
        yield from self.request_body()
        yield from self.response()

    def path_parameters(self) -> Iterator[Finding]:
        page_names = _TEMPLATE_PARAMETER.findall(self.page.path)
        spec_names = _TEMPLATE_PARAMETER.findall(self.operation.path)
        for page_name, spec_name in zip(page_names, spec_names, strict=False):
            if page_name != spec_name:
                message = f"the page's URL names {{{page_name}}} where the spec has {{{spec_name}}}"
                yield self.finding(Kind.PATH_PARAMETER, page_name, message)
        for listed in self.page.listed_path:
            if listed not in page_names:
                message = f"'Path Params' lists {listed!r}, which is not in the page's URL"
                yield self.finding(Kind.PATH_PARAMETER, listed, message)

    def query_parameters(self) -> Iterator[Finding]:
        spec_names = _query_parameters(self.spec, self.operation)
        page_names = self.page.query_names
        for name in page_names:
            if not _documented_among(name, spec_names):
                message = f"query parameter {name!r} is not in the spec"
                yield self.finding(Kind.QUERY_MISSING_FROM_SPEC, name, message)
        for name in _query_parameters(self.spec, self.operation, captured=False):
            if not _documented_among(name, page_names):
                message = f"query parameter {name!r} is not on the page"
                yield self.finding(Kind.QUERY_MISSING_FROM_PAGE, name, message)

    def request_body(self) -> Iterator[Finding]:
        body = resolve_or_keep(self.spec, self.operation.definition.get("requestBody"))
        content: Mapping[str, Any] = body.get("content", {}) if isinstance(body, Mapping) else {}
        kind = self.page.body_kind
        if kind is None:
            if content:
                yield self.finding(
                    Kind.REQUEST_BODY, "missing from the page", "the spec takes a body; the page shows none"
                )
            return
        if not content:
            yield self.finding(
                Kind.REQUEST_BODY,
                "missing from the spec",
                f"the page sends a {kind} body; the spec takes none",
            )
            return
        wanted = _PAGE_BODY_MEDIA_TYPE.get(kind, "application/json")
        media_type = wanted
        if wanted not in content:
            message = f"the page sends {kind} ({wanted}); the spec takes {', '.join(content)}"
            yield self.finding(Kind.REQUEST_BODY, f"media type {kind}", message)
            forms = [media for media in _FORM_MEDIA_TYPES if media in content] if kind == "form-data" else []
            media_type = forms[0] if forms else next(iter(content))
        schema = content[media_type].get("schema", {})
        properties = _declared_properties(self.spec, schema)
        for name in self.page.body_fields:
            if properties is not None and name not in properties:
                message = f"the page lists body field {name!r}; the {media_type} schema does not declare it"
                yield self.finding(Kind.BODY_FIELD_MISSING_FROM_SPEC, name, message)
        if self.page.request_example is not None:
            yield from self.example("request", self.page.request_example, schema)

    def response(self) -> Iterator[Finding]:
        responses: Mapping[str, Any] = self.operation.definition.get("responses", {})
        code = next((code for code in responses if str(code).startswith("2")), None)
        response = resolve_or_keep(self.spec, responses[code]) if code is not None else None
        content = response.get("content", {}) if isinstance(response, Mapping) else {}
        example = self.page.response_example
        if example is None:
            if content:
                message = f"the spec documents a {code} body; the page shows no response"
                yield self.finding(Kind.RESPONSE, "missing from the page", message)
            return
        if "application/json" not in content:
            message = (
                "the page shows a JSON response; the spec's success response has no application/json body"
            )
            yield self.finding(Kind.RESPONSE, "missing from the spec", message, example.line)
            return
        yield from self.example("response", example, content["application/json"].get("schema", {}))

    def example(self, part: str, example: PageExample, schema: Mapping[str, Any]) -> Iterator[Finding]:
        self.examples_checked += 1
        if len(example.text) > MAX_EXAMPLE_CHARS:
            reason = f"too large: the {part} example is more than {MAX_EXAMPLE_CHARS >> 20} MiB"
            raise PageError(example.line, reason)
        repaired = repair_json(example.text)
        if repaired.repairs:
            self.repairs[f"{self.page.label} {part} (page line {example.line})"] = repaired.repairs
        added_lines = 1 if repaired.added_opening_brace else 0
        too_deep = _too_deep_at(repaired.text)
        if too_deep is not None:
            reason = f"too deep: the {part} example nests more than {MAX_DEPTH} levels"
            raise PageError(example.page_line(too_deep - added_lines), reason)
        try:
            data = json.loads(repaired.text)
        except json.JSONDecodeError as exc:
            message = f"the {part} example is not JSON even after repair: {exc.msg}"
            yield self.finding(
                Kind.EXAMPLE_NOT_JSON, part, message, example.page_line(exc.lineno - added_lines)
            )
            return
        for problem in validate_example(self.spec, schema, data):
            message = f"{part} example at {problem.pointer}: {problem.message}"
            yield self.finding(Kind.EXAMPLE_INVALID, f"{part}:{problem.pointer}", message, example.line)
        for problem in undeclared_fields(self.spec, schema, data):
            message = f"{part} example at {problem.pointer}: {problem.message}"
            yield self.finding(
                Kind.EXAMPLE_FIELD_UNDECLARED, f"{part}:{problem.pointer}", message, example.line
            )


def _declared_properties(spec: Mapping[str, Any], schema: Any) -> set[str] | None:
    """The property names a body schema declares (None when it does not describe an object)."""
    resolved = resolve_or_keep(spec, schema)
    if not isinstance(resolved, Mapping) or "properties" not in resolved:
        return None
    return set(resolved["properties"])


def read_page(page_text: str) -> PageLines:
    """The page's lines, whichever shape it came in: saved HTML, or copied or printed text.

    Raises :class:`PageError` for HTML past a bound (nesting, elements)."""
    if looks_like_html(page_text):
        try:
            return html_page(page_text)
        except HtmlTooDeep as exc:
            raise PageError(
                exc.line, f"too deep: HTML elements nest more than {MAX_HTML_DEPTH} levels"
            ) from None
        except HtmlTooLarge as exc:
            raise PageError(
                exc.line,
                f"too large: more than {MAX_HTML_ELEMENTS:,} HTML elements (copy the page's text instead)",
            ) from None
    return PageLines.of_text(page_text)


def page_format(page_text: str) -> str:
    """Which shape of the page this is, in words, for the report's first line."""
    if looks_like_html(page_text):
        return "saved HTML"
    if _PRINT_CODE_LINE.search(page_text):
        return "print text"
    return "copied text"


def _segments(path: str) -> list[str]:
    return [segment for segment in path.strip("/").split("/") if segment]


def _near_match(page: PageOperation, candidates: Sequence[Operation]) -> Operation | None:
    """The one spec operation a page operation whose URL matches none must be, if there is one.

    A print can garble a URL (``/communication-channels/ person_id /account_id`` for the spec's
    ``/communication-channels/{account_id}/person``). The candidate has the same method, the same
    number of segments and the same first segment, and its path names every parameter the section's
    "Path Params" lists; when exactly one unmatched operation of the spec fits, that is the one.
    """
    page_segments = _segments(page.path)
    fitting = [
        operation
        for operation in candidates
        if operation.method == page.method
        and len(_segments(operation.path)) == len(page_segments)
        and _segments(operation.path)[:1] == page_segments[:1]
        and page.listed_path
        and all(f"{{{name}}}" in operation.path for name in page.listed_path)
    ]
    return fitting[0] if len(fitting) == 1 else None


@dataclass
class _Pairing:
    """Which page operation is which spec operation: exact pairs, then near ones (a finding each)."""

    pairs: list[tuple[PageOperation, Operation, bool]] = field(default_factory=list)  # (page, spec, near)
    matched_keys: set[tuple[str, str]] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def _pair_operations(
    page_operations: Sequence[PageOperation], spec_operations: Sequence[Operation]
) -> _Pairing:
    """Pair each page operation with the spec operation of its method and path (parameter names
    aside; the first section counts when the page documents one twice), then each one left with a
    near match among those left; a page operation with neither is a finding."""
    by_key = {template_key(op.method, op.path): op for op in spec_operations}
    pairing = _Pairing()
    unmatched: list[PageOperation] = []
    for page in page_operations:
        key = template_key(page.method, page.path)
        operation = by_key.get(key)
        if operation is None:
            unmatched.append(page)
        elif key not in pairing.matched_keys:
            pairing.matched_keys.add(key)
            pairing.pairs.append((page, operation, False))
    for page in unmatched:
        left = [op for op in spec_operations if template_key(op.method, op.path) not in pairing.matched_keys]
        operation = _near_match(page, left)
        if operation is None:
            message = "no operation of the spec has this method and path (parameter names aside)"
            pairing.findings.append(
                Finding(Kind.OPERATION_MISSING_FROM_SPEC, page.label, "", page.label, message, page.line)
            )
            continue
        pairing.matched_keys.add(template_key(operation.method, operation.path))
        message = (
            f"the page's URL reads {page.path} where the spec has {operation.path}; matched on the method, "
            f"the first segment and the listed path parameters ({', '.join(page.listed_path)})"
        )
        pairing.findings.append(
            Finding(
                Kind.PATH_PARAMETER,
                page.label,
                operation.operation_id,
                f"url {page.path}",
                message,
                page.line,
                operation.line,
            )
        )
        pairing.pairs.append((page, operation, True))
    return pairing


def _missing_from_page(
    spec_operations: Sequence[Operation], matched_keys: set[tuple[str, str]]
) -> list[Finding]:
    """A finding for each spec operation no page operation was paired with."""
    message = "no METHOD URL line of the page has this method and path (parameter names aside)"
    return [
        Finding(
            Kind.OPERATION_MISSING_FROM_PAGE,
            operation.label,
            operation.operation_id,
            operation.label,
            message,
            spec_line=operation.line,
        )
        for operation in spec_operations
        if template_key(operation.method, operation.path) not in matched_keys
    ]


def check_drift(
    page_text: str | PageLines,
    loaded: LoadedYaml,
    deviations: Sequence[KnownDeviation] | None = None,
    page_name: str | None = None,
) -> DriftReport:
    """Compare the page (its text in any shape, or its lines) with the loaded spec.

    ``deviations``: the known ones (None: the ``docs-deviations.yaml`` beside the spec, if any;
    :class:`DeviationsError` when it is malformed); ``page_name``: the page's file name, which
    decides the entries that name their ``pages``."""
    if deviations is None:
        deviations = deviations_beside(loaded.path)
    spec: Mapping[str, Any] = loaded.data
    servers = [
        str(server.get("url", "")) for server in spec.get("servers", []) if isinstance(server, Mapping)
    ]
    page_lines = read_page(page_text) if isinstance(page_text, str) else page_text
    page_operations = parse_lines(page_lines, servers)
    spec_operations = _spec_operations(loaded)
    pairing = _pair_operations(page_operations, spec_operations)
    findings = list(pairing.findings)
    repairs: dict[str, list[str]] = {}
    examples = 0
    for page, operation, near in pairing.pairs:
        comparison = _Comparison(spec, page, operation, near)
        findings.extend(comparison.all())
        repairs.update(comparison.repairs)
        examples += comparison.examples_checked
    findings += _missing_from_page(spec_operations, pairing.matched_keys)
    split = sort_out(findings, deviations, page_name)
    return DriftReport(
        page_operations=len(page_operations),
        spec_operations=len(spec_operations),
        matched=len(pairing.matched_keys),
        examples_checked=examples,
        findings=split.findings,
        known=split.known,
        repairs=repairs,
    )


def format_report(
    report: DriftReport,
    page: Path,
    spec: Path,
    show_repairs: bool = False,
    evidence: Sequence[str] = (),
    shape: str = "",
    deviations: Path | None = None,
) -> str:
    """The report as text: counts, findings grouped by kind, known deviations, the spec's evidence
    register (``evidence``: its lines), the verdict."""
    lines = [
        f"docs drift: {page} ({report.page_operations} operations{f', {shape}' if shape else ''})"
        f" vs {spec} ({report.spec_operations} operations)",
        f"matched {report.matched} operations; checked {report.examples_checked} page examples "
        f"({len(report.repairs)} needed repairs)",
    ]
    if show_repairs and report.repairs:
        lines += ["", "Repairs made to the page's examples before reading them:"]
        for example, repairs in report.repairs.items():
            lines.append(f"  {example}: {'; '.join(repairs)}")
    for kind in Kind:
        group = [finding for finding in report.findings if finding.kind == kind]
        if group:
            lines += ["", f"{kind.value[0].upper()}{kind.value[1:]} ({len(group)}):"]
            for finding in group:
                lines.append(f"  {finding}")
                if finding.kind != Kind.STALE_DEVIATION and finding.operation_id:
                    lines.append(f"      deviation: operation {finding.operation_id}, {finding.deviation}")
    if report.findings:
        lines += [
            "",
            f"Where the page is wrong on purpose, add an entry to {deviations or DEVIATIONS_NAME} beside the "
            "spec: operation, kind, subjects (as each finding's last line names them) and why.",
        ]
    if report.known:
        entries = len({id(deviation) for _, deviation in report.known})
        lines += [
            "",
            f"Known deviations ({len(report.known)}, from {entries} entries"
            f" curated in {deviations or DEVIATIONS_NAME}):",
        ]
        for deviation in dict.fromkeys(deviation for _, deviation in report.known):
            lines += [f"  {finding}" for finding, entry in report.known if entry is deviation]
            lines.append(f"      why: {deviation.why}")
    if evidence:
        lines += ["", *evidence]
    lines += ["", f"{len(report.findings)} finding{'' if len(report.findings) == 1 else 's'}"]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator.docs_drift", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument(
        "page",
        type=Path,
        help="the docs page: copied text (spec/source/leeloo-api-v2.txt), a print's text or saved HTML",
    )
    parser.add_argument("spec", type=Path, help="the OpenAPI document (spec/openapi.yaml)")
    parser.add_argument(
        "--deviations",
        type=Path,
        help=f"the known deviations (default: {DEVIATIONS_NAME} beside SPEC, when there is one)",
    )
    parser.add_argument(
        "--show-repairs", action="store_true", help="also list the repairs made to each example"
    )
    parser.add_argument(
        "--traffic", type=Path, help="a capture (HAR, NDJSON, journal): say what it showed of each guess"
    )
    return parser


def read_page_file(path: Path) -> str:
    """The page's text with its line ends made ``\\n``; :class:`PageError` past ``MAX_DOCUMENT_BYTES``
    (the file is read no further), OSError and UnicodeDecodeError as they come."""
    with path.open("rb") as stream:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise PageError(1, f"too large: more than {MAX_DOCUMENT_BYTES >> 20} MiB")
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        page_text = read_page_file(args.page)
        loaded = load_checked(args.spec, "docs_drift", "compared")
        if loaded is None:
            return 2
        deviations_path: Path | None = args.deviations or deviations_file(args.spec)
        deviations = load_deviations(deviations_path) if deviations_path is not None else ()
        report = check_drift(page_text, loaded, deviations, page_name=args.page.name)
    except OSError as exc:
        print(f"docs_drift: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"docs_drift: not UTF-8 text: {exc.reason}", file=sys.stderr)
        return 2
    except PageError as exc:
        print(f"{args.page}:{exc.line}: {exc.reason}", file=sys.stderr)
        return 2
    except DeviationsError as exc:
        print(exc, file=sys.stderr)
        return 2
    traffic = _traffic_verdicts(args.traffic, args.spec) if args.traffic is not None else None
    if isinstance(traffic, str):
        print(traffic, file=sys.stderr)
        return 2
    register = format_register(
        evidence_register(loaded.data), lambda where: loaded.locate(where).line, traffic
    )
    text = format_report(
        report,
        args.page,
        args.spec,
        show_repairs=args.show_repairs,
        evidence=register,
        shape=page_format(page_text),
        deviations=deviations_path,
    )
    print(printable(text))
    return 1 if report.findings else 0


def _traffic_verdicts(capture: Path, spec: Path) -> dict[str, str] | str:
    """What ``leeloo-drift`` says the capture showed of each decision, by pointer; or the one-line
    reason it cannot read the capture."""
    from mock_server.drift import check_capture, load_spec
    from mock_server.har import HarError, read_entries

    try:
        report = check_capture(read_entries(capture), load_spec(spec), capture.name)
    except HarError as exc:
        return f"docs_drift: {exc}"
    verdicts = {}
    for verdict in report.evidence:
        shown = verdict.as_json()
        counted = f"{shown['exchanges']} exchange(s) of {capture.name}, first entry {shown['first']}"
        verdicts[verdict.evidence.pointer] = f"{shown['verdict']} by {counted}"
    return verdicts


if __name__ == "__main__":
    sys.exit(main())
