"""Check a capture against the spec: match each exchange, run the checks, count, tie to the evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mock_server.drift.checks import EXCHANGE_CHECKS, path_template, undeclared_operation
from mock_server.drift.exchange import Exchange
from mock_server.drift.model import Finding, JsonPath, Observation
from mock_server.drift.report import EvidenceVerdict, Report
from mock_server.drift.spec import DriftSpec
from mock_server.har import Entry, redact_entry
from mock_server.stages.router import MethodNotAllowed, NoRoute
from openapi_document.evidence import Evidence

MAX_FINDINGS = 10_000  # distinct findings kept; past it they are counted only


def _under_base(path: str, base_paths: tuple[str, ...]) -> bool:
    return any(path == base or path.startswith(base + "/") for base in base_paths)


def _without_headers(entry: Entry, ignored: frozenset[str]) -> Entry:
    if not ignored:
        return entry
    request = replace(
        entry.request, headers=tuple(h for h in entry.request.headers if h[0].lower() not in ignored)
    )
    response = replace(
        entry.response, headers=tuple(h for h in entry.response.headers if h[0].lower() not in ignored)
    )
    return replace(entry, request=request, response=response)


class DriftRun:
    """Accumulates one capture's findings and evidence verdicts, exchange by exchange."""

    def __init__(self, spec: DriftSpec, source: str, ignore_headers: Iterable[str] = ()) -> None:
        self.spec = spec
        self.report = Report(source)
        self.ignored = frozenset(name.lower() for name in ignore_headers)
        self._findings: dict[tuple[str, str, str, int, str, str], Finding] = {}
        self._verdicts: dict[JsonPath, EvidenceVerdict] = {}

    def add(self, index: int, entry: Entry) -> None:
        """Check one exchange (its secrets masked first, whatever the capture holds)."""
        entry = _without_headers(redact_entry(entry), self.ignored)
        self.report.exchanges += 1
        request = entry.request
        path = request.path
        found = self.spec.compiled.router.match(request.method, path)
        if isinstance(found, NoRoute | MethodNotAllowed):
            if _under_base(path, self.spec.base_paths):
                allowed = found.allowed if isinstance(found, MethodNotAllowed) else ()
                for observation in undeclared_operation(entry, allowed):
                    self._count(index, entry, observation, None, path_template(path))
            return
        operation = self.spec.operations.get((request.method, found.template))
        if operation is None:
            return
        self.report.matched += 1
        ignored = "content-type" in self.ignored
        exchange = Exchange(index, entry, found, operation, self.spec.document, self.spec.shapes, ignored)
        tied: set[JsonPath] = set()
        for check in EXCHANGE_CHECKS:
            for observation in check(exchange):
                evidence = self._count(index, entry, observation, operation.operation_id, found.template)
                if evidence is not None and evidence.where not in tied:
                    tied.add(evidence.where)
                    self._verdict(
                        evidence, index, contradicted=True, kind=observation.kind, example=observation.message
                    )
        for places in self._exercised(exchange):
            evidence = self.spec.nearest_evidence(places)
            if evidence is not None and evidence.where not in tied:
                tied.add(evidence.where)
                self._verdict(evidence, index, contradicted=False)

    def _exercised(self, exchange: Exchange) -> list[tuple[JsonPath, ...]]:
        """The decisions this exchange put to the test: the declared response it got; the operation
        itself when the API accepted it; a parameter whose bound the request crossed."""
        exercised: list[tuple[JsonPath, ...]] = []
        response = exchange.response_located
        if response is not None:
            exercised.append(response.places)
        if exchange.accepted:
            exercised.append((exchange.operation_where,))
        for issue in exchange.request_issues:
            if issue.location in ("query", "path", "header"):
                parameter = exchange.parameter(issue.name, issue.location)
                if parameter is not None:  # as the refused-value check places it: its schema first
                    exercised.append(((*parameter.where, "schema"), *parameter.places))
        return exercised

    def _count(
        self, index: int, entry: Entry, observation: Observation, operation_id: str | None, template: str
    ) -> Evidence | None:
        status = entry.response.status
        key = (
            observation.kind,
            entry.request.method,
            template,
            status,
            observation.location,
            observation.pointer,
        )
        finding = self._findings.get(key)
        if finding is None:
            if len(self._findings) >= MAX_FINDINGS:
                self.report.findings_dropped += 1
                return None
            finding = Finding(
                kind=observation.kind,
                method=entry.request.method,
                path=template,
                operation_id=operation_id,
                status=status,
                location=observation.location,
                pointer=observation.pointer,
                message=observation.message,
                first=index,
                first_started=entry.started,
                places=observation.places,
                keyword=observation.keyword,
                evidence=self.spec.nearest_evidence(observation.places),
            )
            self._findings[key] = finding
            self.report.findings.append(finding)
        finding.count += 1
        if observation.value is not None:
            finding.add_value(observation.value)
        return finding.evidence

    def _verdict(
        self, evidence: Evidence, index: int, *, contradicted: bool, kind: str = "", example: str = ""
    ) -> None:
        verdict = self._verdicts.get(evidence.where)
        if verdict is None:
            verdict = EvidenceVerdict(evidence, self.spec.line(evidence.where))
            self._verdicts[evidence.where] = verdict
            self.report.verdicts.append(verdict)
        if contradicted:
            verdict.contradicted += 1
            if verdict.first_contradiction < 0:
                verdict.first_contradiction = index
                verdict.example = example
            if kind not in verdict.kinds:
                verdict.kinds.append(kind)
        else:
            verdict.held += 1
            if verdict.first_held < 0:
                verdict.first_held = index


def check_capture(
    entries: Iterable[Entry], spec: DriftSpec, source: str = "capture", ignore_headers: Iterable[str] = ()
) -> Report:
    """The drift report of ``entries`` (iterated once: a stream of any length costs bounded memory)."""
    run = DriftRun(spec, source, ignore_headers)
    for index, entry in enumerate(entries):
        run.add(index, entry)
    return run.report
