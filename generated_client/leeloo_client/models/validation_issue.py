from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_issue_location import ValidationIssueLocation, check_validation_issue_location

T = TypeVar("T", bound="ValidationIssue")


@_attrs_define
class ValidationIssue:
    """One invalid part of a request.

    Attributes:
        location (ValidationIssueLocation): Where the invalid value is.
        name (str): The parameter or field, as a JSON pointer into the body for body fields.
        message (str): Why the value is invalid.
    """

    location: ValidationIssueLocation
    name: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location: str = self.location

        name = self.name

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location": location,
                "name": name,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        location = check_validation_issue_location(d.pop("location"))

        name = d.pop("name")

        message = d.pop("message")

        validation_issue = cls(
            location=location,
            name=name,
            message=message,
        )

        validation_issue.additional_properties = d
        return validation_issue

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
