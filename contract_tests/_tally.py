"""Counts of what the contract suite did, for the one-screen summary at the end of the session.

Schemathesis reports each validated case through its ``after_validate`` hook (with the result of
every check that ran); the other contract tests add their own counts. ``conftest.py`` prints the
summary and writes it to ``reports/``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis

_COUNTERS = ("cases_by_phase", "checks_by_name", "check_failures", "client_calls", "properties")


@dataclass
class Tally:
    """What ran: operations, cases per phase, checks per name, failed tests."""

    operations: set[str] = field(default_factory=set)
    cases_by_phase: Counter[str] = field(default_factory=Counter)
    checks_by_name: Counter[str] = field(default_factory=Counter)
    check_failures: Counter[str] = field(default_factory=Counter)
    client_calls: Counter[str] = field(default_factory=Counter)
    properties: Counter[str] = field(default_factory=Counter)
    tests_passed: int = 0
    tests_failed: list[str] = field(default_factory=list)
    tests_skipped: list[str] = field(default_factory=list)

    def record_case(self, operation: str, phase: str, results: list[Any]) -> None:
        """One case validated by schemathesis, with its check results."""
        self.operations.add(operation)
        self.cases_by_phase[phase] += 1
        for result in results:
            self.checks_by_name[result.name] += 1
            if result.failure is not None:
                self.check_failures[result.name] += 1

    def counts(self) -> dict[str, Any]:
        """What schemathesis and the tests counted, as plain data (a pytest-xdist worker sends it
        to the controller, which prints the summary); the tests' outcomes are the controller's own."""
        return {
            "operations": sorted(self.operations),
            **{name: dict(getattr(self, name)) for name in _COUNTERS},
        }

    def add_counts(self, counts: dict[str, Any]) -> None:
        """Add a worker's :meth:`counts` to this tally."""
        self.operations.update(str(operation) for operation in counts.get("operations", ()))
        for name in _COUNTERS:
            getattr(self, name).update({str(k): int(v) for k, v in counts.get(name, {}).items()})

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "operations_covered": sorted(self.operations),
            "cases_by_phase": dict(self.cases_by_phase),
            "cases_total": sum(self.cases_by_phase.values()),
            "checks_by_name": dict(sorted(self.checks_by_name.items())),
            "checks_total": sum(self.checks_by_name.values()),
            "check_failures": dict(self.check_failures),
            "client_calls": dict(self.client_calls),
            "property_examples": dict(self.properties),
            "tests_passed": self.tests_passed,
            "tests_failed": self.tests_failed,
            "tests_skipped": self.tests_skipped,
        }

    def render(self, with_tests: bool = True) -> str:
        """The one-screen summary; ``with_tests=False`` leaves out the count of tests by outcome
        (the terminal's summary: pytest's own closing line counts them, contract tests included)."""
        data = self.as_dict()
        phases = ", ".join(f"{name} {count}" for name, count in sorted(self.cases_by_phase.items()))
        checks = ", ".join(f"{name} {count}" for name, count in data["checks_by_name"].items())
        calls = ", ".join(f"{name} {count}" for name, count in sorted(self.client_calls.items()))
        failures = dict(self.check_failures) or ""
        props = ", ".join(f"{name} {count}" for name, count in sorted(self.properties.items()))
        lines = [
            "contract summary",
            f"  operations covered by schemathesis: {len(self.operations)}",
            f"  cases generated: {data['cases_total']} ({phases or 'none'})",
            f"  checks run: {data['checks_total']} ({len(self.checks_by_name)} distinct)",
            f"    {checks or 'none'}",
            f"  check failures: {sum(self.check_failures.values())} {failures}".rstrip(),
            f"  client calls against leeloo-mock: {calls or 'none'}",
            f"  property-based examples: {props or 'none'}",
        ]
        if with_tests:
            lines.append(
                f"  tests: {self.tests_passed} passed, {len(self.tests_failed)} failed,"
                f" {len(self.tests_skipped)} skipped"
            )
            lines += [f"    FAILED {name}" for name in self.tests_failed]
            lines += [f"    skipped {reason}" for reason in self.tests_skipped]
        return "\n".join(lines)

    def write(self, directory: Path) -> Path:
        """``contract-summary.txt`` and ``.json`` in ``directory``; the text file's path."""
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "contract-summary.json").write_text(json.dumps(self.as_dict(), indent=2) + "\n")
        text = directory / "contract-summary.txt"
        text.write_text(self.render() + "\n")
        return text


TALLY = Tally()


def count_cases(schema: Any) -> Any:
    """Register the counting ``after_validate`` hook on one schemathesis schema and return it."""

    def after_validate(context: Any, case: Any, response: Any, results: list[Any]) -> None:
        phase = case.meta.phase.name.value if case.meta is not None else "explicit"
        TALLY.record_case(case.operation.label, phase, results)

    schema.hook(after_validate)
    return schema


def is_schemathesis_schema(value: object) -> bool:
    """Whether ``value`` is a loaded schemathesis schema (for type narrowing in fixtures)."""
    return isinstance(value, schemathesis.schemas.BaseSchema)
