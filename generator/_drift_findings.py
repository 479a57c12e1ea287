"""What the docs-drift check reports: one finding per difference, grouped by kind."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of difference, in the order the report lists them; the value is the heading."""

    OPERATION_MISSING_FROM_SPEC = "operations on the page, missing from the spec"
    OPERATION_MISSING_FROM_PAGE = "operations in the spec, missing from the page"
    QUERY_MISSING_FROM_SPEC = "query parameters on the page, missing from the spec"
    QUERY_MISSING_FROM_PAGE = "query parameters in the spec, missing from the page"
    PATH_PARAMETER = "path parameters that differ"
    REQUEST_BODY = "request bodies that differ"
    BODY_FIELD_MISSING_FROM_SPEC = "body fields the page lists, missing from the spec"
    RESPONSE = "responses that differ"
    EXAMPLE_NOT_JSON = "examples that are not JSON even after repair"
    EXAMPLE_INVALID = "examples that do not validate against the spec"
    EXAMPLE_FIELD_UNDECLARED = "example fields the spec does not declare"
    STALE_DEVIATION = "known deviations that no longer occur (remove them from the deviations file)"

    @property
    def key(self) -> str:
        """The name a deviations file gives this kind (``query-missing-from-page``)."""
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True)
class Finding:
    """One difference between the page and the spec.

    ``subject`` is what a known deviation matches on: a parameter name, ``request:/json/pointer``
    or ``response:/json/pointer`` for example data, a short word for body and response shapes.
    """

    kind: Kind
    operation: str
    operation_id: str
    subject: str
    message: str
    page_line: int | None = None
    spec_line: int | None = None

    @property
    def where(self) -> str:
        places = []
        if self.page_line is not None:
            places.append(f"page line {self.page_line}")
        if self.spec_line is not None:
            places.append(f"spec line {self.spec_line}")
        return ", ".join(places)

    def __str__(self) -> str:
        name = f"{self.operation} ({self.operation_id})" if self.operation_id else self.operation
        where = f" [{self.where}]" if self.where else ""
        return f"{name}: {self.message}{where}"

    @property
    def deviation(self) -> str:
        """What a deviations entry covering this finding names: its kind and subject."""
        return f"kind {self.kind.key}, subject {self.subject!r}"
