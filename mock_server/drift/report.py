"""The drift check's result: counts, findings, what the capture said about the evidence register."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from mock_server.drift.model import KINDS, Finding
from mock_server.har import scrub_text
from openapi_document.evidence import Evidence

CONTRADICTED = "contradicted"
CONFIRMED = "confirmed"


@dataclass
class EvidenceVerdict:
    """What the capture said about one decision of the register."""

    evidence: Evidence
    line: int = 0
    contradicted: int = 0  # exchanges with a finding tied to it
    first_contradiction: int = -1
    held: int = 0  # exchanges that exercised it without a finding
    first_held: int = -1
    kinds: list[str] = field(default_factory=list)
    example: str = ""  # the first contradicting finding's message

    @property
    def verdict(self) -> str | None:
        if self.contradicted:
            return CONTRADICTED
        return CONFIRMED if self.held and self.evidence.status == "guess" else None

    @property
    def loud(self) -> bool:
        """A verified decision the traffic contradicts: the report's loudest line."""
        return self.verdict == CONTRADICTED and self.evidence.status == "verified"

    def as_json(self) -> dict[str, Any]:
        contradicted = self.verdict == CONTRADICTED
        return {
            "pointer": self.evidence.pointer,
            "line": self.line,
            "status": self.evidence.status,
            "verdict": self.verdict,
            "exchanges": self.contradicted if contradicted else self.held,
            "first": self.first_contradiction if contradicted else self.first_held,
            "kinds": self.kinds,
            "example": self.example,
            "sources": list(self.evidence.sources),
        }


@dataclass
class Report:
    """The whole result for one capture."""

    source: str
    exchanges: int = 0
    matched: int = 0
    findings: list[Finding] = field(default_factory=list)
    verdicts: list[EvidenceVerdict] = field(default_factory=list)
    findings_dropped: int = 0  # distinct findings past the bound, counted only

    @property
    def evidence(self) -> list[EvidenceVerdict]:
        """The decisions the capture said something about: verified contradicted first (loudest),
        then guesses contradicted, then guesses confirmed."""
        listed = [v for v in self.verdicts if v.verdict is not None]
        order = {(CONTRADICTED, "verified"): 0, (CONTRADICTED, "guess"): 1, (CONFIRMED, "guess"): 2}
        return sorted(listed, key=lambda v: (order[(v.verdict or "", v.evidence.status)], v.line))

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (KINDS.index(f.kind), f.first, f.pointer))

    def as_json(self) -> dict[str, Any]:
        findings = []
        for finding in self.sorted_findings():
            tied = finding.evidence
            findings.append(
                {
                    "kind": finding.kind,
                    "method": finding.method,
                    "path": finding.path,
                    "operationId": finding.operation_id,
                    "status": finding.status,
                    "location": finding.location,
                    "pointer": finding.pointer,
                    "count": finding.count,
                    "first": finding.first,
                    "message": finding.message,
                    "values": finding.values[:10],
                    "evidence": None if tied is None else {"pointer": tied.pointer, "status": tied.status},
                }
            )
        return {
            "capture": self.source,
            "exchanges": self.exchanges,
            "matched": self.matched,
            "findings": findings,
            "findingsDropped": self.findings_dropped,
            "evidence": [verdict.as_json() for verdict in self.evidence],
        }

    def to_json(self) -> str:
        return scrub_text(json.dumps(self.as_json(), ensure_ascii=False, indent=2, default=str))

    def to_text(self) -> str:
        lines = []
        for verdict in self.evidence:
            if verdict.loud:
                lines.append(
                    f"VERIFIED DECISION CONTRADICTED: {verdict.evidence.pointer} (spec line {verdict.line}) "
                    f"by {verdict.contradicted} exchange(s), first entry {verdict.first_contradiction}: "
                    f"{verdict.example}"
                )
        lines.append(
            f"{self.source}: {self.exchanges} exchanges, {self.matched} matched to an operation, "
            f"{self.exchanges - self.matched} not matched; {len(self.findings)} finding(s)"
        )
        for finding in self.sorted_findings():
            operation = finding.operation_id or "no operation"
            where = f" {finding.location} {finding.pointer}" if finding.pointer else f" {finding.location}"
            lines.append(
                f"  {finding.kind}: {finding.method} {finding.path} ({operation}) {finding.status}{where}: "
                f"{finding.count} exchange(s), first entry {finding.first}"
            )
            shown = ", ".join(json.dumps(v, ensure_ascii=False, default=str) for v in finding.values[:5])
            lines.append(f"      {finding.message}" + (f" Seen: {shown}" if shown else ""))
            if finding.evidence is not None:
                lines.append(
                    f"      tied to x-evidence {finding.evidence.pointer} ({finding.evidence.status})"
                )
        if self.findings_dropped:
            lines.append(
                f"  and {self.findings_dropped} more distinct finding(s), not listed (bound reached)"
            )
        listed = self.evidence
        if listed:
            lines.append("Evidence register, as the capture shows it:")
        for verdict in listed:
            count = verdict.contradicted if verdict.verdict == CONTRADICTED else verdict.held
            first = verdict.first_contradiction if verdict.verdict == CONTRADICTED else verdict.first_held
            lines.append(
                f"  {verdict.verdict} {verdict.evidence.status}: {verdict.evidence.pointer} (spec line "
                f"{verdict.line}): {count} exchange(s), first entry {first}"
                + (f"; {verdict.example}" if verdict.verdict == CONTRADICTED else "")
            )
        return scrub_text("\n".join(lines))
