from typing import Literal

ValidationIssueLocation = Literal["body", "header", "path", "query", "security"]

VALIDATION_ISSUE_LOCATION_VALUES: set[ValidationIssueLocation] = {
    "body",
    "header",
    "path",
    "query",
    "security",
}


def check_validation_issue_location(value: str) -> ValidationIssueLocation:
    if value in VALIDATION_ISSUE_LOCATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALIDATION_ISSUE_LOCATION_VALUES!r}")
