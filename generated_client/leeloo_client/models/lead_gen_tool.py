from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.lead_gen_tool_type import LeadGenToolType, check_lead_gen_tool_type

T = TypeVar("T", bound="LeadGenTool")


@_attrs_define
class LeadGenTool(Model):
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        type_ (LeadGenToolType): The values listed in the `//` comment of the page's GET /tunnels/{tunnel_id} example.
    """

    id: str
    name: str
    type_: LeadGenToolType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_: str = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        name = d.pop("name")
        fields_set.add("name")

        type_ = check_lead_gen_tool_type(d.pop("type"))

        fields_set.add("type_")

        lead_gen_tool = cls(
            id=id,
            name=name,
            type_=type_,
        )
        lead_gen_tool._fields_set = fields_set

        lead_gen_tool.additional_properties = d
        return lead_gen_tool

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
