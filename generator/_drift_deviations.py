"""Known, curated deviations between the docs page and the spec.

The spec deliberately departs from the page where the page contradicts itself or breaks a
standard (each decision is explained in a ``description`` of the spec). The docs-drift check
must not hide these silently, so each is listed here, narrowly: one operation, one kind of
finding, the exact subjects (JSON paths of example data, parameter names). Matching findings are
printed as "known deviations"; an entry that matches nothing any more is itself a finding, so
the table cannot rot. Any other difference is a finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from generator._drift_findings import Finding, Kind


@dataclass(frozen=True)
class KnownDeviation:
    """A difference the spec made on purpose; ``subjects`` are patterns (``*`` = any array index)."""

    operation_id: str
    kind: Kind
    subjects: tuple[str, ...]
    why: str

    def covers(self, finding: Finding) -> bool:
        return (
            finding.operation_id == self.operation_id
            and finding.kind == self.kind
            and any(fnmatchcase(finding.subject, subject) for subject in self.subjects)
        )


_FORM_DATA = (
    "The page's heading says 'Request Body(form-data)' against its own rule that all requests are "
    "JSON; the newer print shows JSON examples and public v2 clients send JSON, so the spec takes "
    "application/json first and application/x-www-form-urlencoded as a second media type. The listed "
    "names are still checked against the body schema."
)
_NO_SECONDS = (
    "The page's timestamps (2015-04-02T14:20Z) lack seconds, which RFC 3339 date-time requires; the "
    "spec keeps format: date-time and its own example adds ':00'."
)

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        "list_chat_messages",
        Kind.PATH_PARAMETER,
        ("person_id",),
        "The page's URL says {person_id} but describes it as the communication channel id; the spec "
        "calls it account_id like every other communication-channel path.",
    ),
    KnownDeviation(
        "get_order",
        Kind.EXAMPLE_INVALID,
        ("response:/data/createdAt", "response:/data/updatedAt"),
        _NO_SECONDS,
    ),
    KnownDeviation(
        "list_tunnels",
        Kind.EXAMPLE_INVALID,
        ("response:/data/*/createdAt", "response:/data/*/updatedAt"),
        _NO_SECONDS,
    ),
    KnownDeviation(
        "get_tunnel",
        Kind.EXAMPLE_INVALID,
        ("response:/data/createdAt", "response:/data/updatedAt"),
        _NO_SECONDS,
    ),
    KnownDeviation(
        "list_users",
        Kind.EXAMPLE_INVALID,
        ("response:/data/*/createdAt", "response:/data/*/updatedAt"),
        _NO_SECONDS,
    ),
    KnownDeviation("update_order", Kind.REQUEST_BODY, ("media type form-data",), _FORM_DATA),
    KnownDeviation("remove_tag_from_person", Kind.REQUEST_BODY, ("media type form-data",), _FORM_DATA),
    KnownDeviation("add_tag_to_person", Kind.REQUEST_BODY, ("media type form-data",), _FORM_DATA),
    KnownDeviation("manual_subscribe", Kind.REQUEST_BODY, ("media type form-data",), _FORM_DATA),
    KnownDeviation(
        "update_person",
        Kind.RESPONSE,
        ("missing from the page",),
        "The page shows no response for PUT /people/{person_id}; the spec assumes the {status, data: {}} "
        "envelope of the page's other updates (curated).",
    ),
    KnownDeviation(
        "create_call",
        Kind.OPERATION_MISSING_FROM_PAGE,
        ("POST /calls",),
        "Documented in the newer print of the page (January 2026, lines 883-935), not in this copy.",
    ),
    KnownDeviation(
        "create_email_accounts",
        Kind.OPERATION_MISSING_FROM_PAGE,
        ("POST /accounts/email",),
        "Documented on the vendor's own wiki page for the endpoint (DOC space, page 3488094373), not "
        "on the API page.",
    ),
)


@dataclass(frozen=True)
class Sorted:
    """Findings split into real findings and known deviations (each with the entry that covers it)."""

    findings: list[Finding]
    known: list[tuple[Finding, KnownDeviation]]


def sort_out(findings: Iterable[Finding], deviations: Iterable[KnownDeviation] = KNOWN_DEVIATIONS) -> Sorted:
    """Separate known deviations from findings; report each table subject that matched nothing."""
    table = list(deviations)
    result = Sorted(findings=[], known=[])
    used: set[tuple[int, str]] = set()
    for finding in findings:
        entry = next((deviation for deviation in table if deviation.covers(finding)), None)
        if entry is None:
            result.findings.append(finding)
            continue
        result.known.append((finding, entry))
        for subject in entry.subjects:
            if fnmatchcase(finding.subject, subject):
                used.add((table.index(entry), subject))
    for index, deviation in enumerate(table):
        for subject in deviation.subjects:
            if (index, subject) not in used:
                result.findings.append(
                    Finding(
                        Kind.STALE_DEVIATION,
                        operation="known deviation",
                        operation_id=deviation.operation_id,
                        subject=subject,
                        message=f"the curated deviation {subject!r} ({deviation.kind.name}) matched nothing",
                    )
                )
    return result
