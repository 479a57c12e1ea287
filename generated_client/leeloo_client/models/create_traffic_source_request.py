from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="CreateTrafficSourceRequest")


@_attrs_define
class CreateTrafficSourceRequest(Model):
    """The page lists name and description without saying which are required. A traffic source
    is known by its name (the answer echoes it), so `name` is required; `description` is not.

        Attributes:
            name (str):
            description (str | None):
    """

    name: str
    description: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        _description = self.description
        if _description is not None:
            description = _description
            field_dict["description"] = description
        elif "description" in self._fields_set:
            field_dict["description"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        name = d.pop("name")
        fields_set.add("name")

        description: str | None = None
        if "description" in d:
            fields_set.add("description")
            if d["description"] is not None:
                description = d.pop("description")
            d.pop("description", None)

        create_traffic_source_request = cls(
            name=name,
            description=description,
        )
        create_traffic_source_request._fields_set = fields_set

        create_traffic_source_request.additional_properties = d
        return create_traffic_source_request

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
