"""What the drift check finds: one Observation per exchange and departure, Findings once counted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openapi_document.evidence import Evidence

JsonPath = tuple[str | int, ...]

# the kinds, in the order a report lists them
UNDECLARED_OPERATION = "undeclared-operation"
UNDECLARED_QUERY_PARAMETER = "undeclared-query-parameter"
UNDECLARED_REQUEST_FIELD = "undeclared-request-field"
REFUSED_VALUE_ACCEPTED = "refused-value-accepted"
UNDECLARED_STATUS = "undeclared-status"
UNDECLARED_MEDIA_TYPE = "undeclared-media-type"
RESPONSE_SCHEMA_MISMATCH = "response-schema-mismatch"
UNDECLARED_RESPONSE_FIELD = "undeclared-response-field"
FAILURE_ENVELOPE_ON_SUCCESS = "failure-envelope-on-success"
KINDS = (
    UNDECLARED_OPERATION,
    UNDECLARED_QUERY_PARAMETER,
    UNDECLARED_REQUEST_FIELD,
    REFUSED_VALUE_ACCEPTED,
    UNDECLARED_STATUS,
    UNDECLARED_MEDIA_TYPE,
    RESPONSE_SCHEMA_MISMATCH,
    UNDECLARED_RESPONSE_FIELD,
    FAILURE_ENVELOPE_ON_SUCCESS,
)
MAX_VALUES = 50  # distinct values kept per finding (for the report's example and --propose)


@dataclass(frozen=True)
class Observation:
    """One departure of one exchange from the spec.

    ``location`` says what ``pointer`` points into (query, request body, response body, status,
    content-type, operation); ``places`` are the spec locations it concerns, most specific first
    (the evidence tie looks up from each in turn); ``keyword`` and ``value`` say what was seen
    (``enum`` and the value outside it, ``maximum`` and the value above it, ``type``...), which
    ``--propose`` turns into an edit.
    """

    kind: str
    location: str
    pointer: str
    message: str
    places: tuple[JsonPath, ...] = ()
    keyword: str = ""
    value: Any = None


@dataclass
class Finding:
    """One departure, counted over the capture: the exchanges that show it, from the first."""

    kind: str
    method: str
    path: str  # the spec's path template (or the path seen, for an undeclared operation)
    operation_id: str | None
    status: int
    location: str
    pointer: str
    message: str  # the first exchange's
    first: int  # the index of the first exchange that shows it
    first_started: str  # its startedDateTime
    places: tuple[JsonPath, ...]
    keyword: str
    count: int = 0
    values: list[Any] = field(default_factory=list)  # distinct, at most MAX_VALUES
    evidence: Evidence | None = None  # the x-evidence entry it is tied to, if any

    def add_value(self, value: Any) -> None:
        if len(self.values) < MAX_VALUES and value not in self.values:
            self.values.append(value)
