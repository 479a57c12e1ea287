from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.custom_field_type import CustomFieldType, check_custom_field_type

T = TypeVar("T", bound="CustomField")


@_attrs_define
class CustomField(Model):
    """
    Attributes:
        type_ (CustomFieldType): The values listed in the `//` comment of the page's PUT /people/{person_id} example.
        name (str):
        value (str):
    """

    type_: CustomFieldType
    name: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        name = self.name

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "name": name,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        type_ = check_custom_field_type(d.pop("type"))

        fields_set.add("type_")

        name = d.pop("name")
        fields_set.add("name")

        value = d.pop("value")
        fields_set.add("value")

        custom_field = cls(
            type_=type_,
            name=name,
            value=value,
        )
        custom_field._fields_set = fields_set

        custom_field.additional_properties = d
        return custom_field

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
