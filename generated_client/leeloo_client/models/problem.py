from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_issue import ValidationIssue


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """**Curated** error body (RFC 7807 `application/problem+json`). The page documents no
    error answers; this is the shape our mock sends and the client parses.

        Attributes:
            title (str): A short summary of the kind of problem.
            status (int): The HTTP status code.
            type_ (str | Unset): A URI that identifies the kind of problem. Default: 'about:blank'.
            detail (str | Unset): What went wrong with this request.
            instance (str | Unset): The request path the problem is about.
            validation (list[ValidationIssue] | Unset): Every invalid part of the request.
    """

    title: str
    status: int
    type_: str | Unset = "about:blank"
    detail: str | Unset = UNSET
    instance: str | Unset = UNSET
    validation: list[ValidationIssue] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        status = self.status

        type_ = self.type_

        detail = self.detail

        instance = self.instance

        validation: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.validation, Unset):
            validation = []
            for validation_item_data in self.validation:
                validation_item = validation_item_data.to_dict()
                validation.append(validation_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "status": status,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if detail is not UNSET:
            field_dict["detail"] = detail
        if instance is not UNSET:
            field_dict["instance"] = instance
        if validation is not UNSET:
            field_dict["validation"] = validation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.validation_issue import ValidationIssue  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        status = d.pop("status")

        type_ = d.pop("type", UNSET)

        detail = d.pop("detail", UNSET)

        instance = d.pop("instance", UNSET)

        _validation = d.pop("validation", UNSET)
        validation: list[ValidationIssue] | Unset = UNSET
        if _validation is not UNSET:
            validation = []
            for validation_item_data in _validation:
                validation_item = ValidationIssue.from_dict(validation_item_data)

                validation.append(validation_item)

        problem = cls(
            title=title,
            status=status,
            type_=type_,
            detail=detail,
            instance=instance,
            validation=validation,
        )

        problem.additional_properties = d
        return problem

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
