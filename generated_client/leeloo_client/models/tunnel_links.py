from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_link import ResourceLink


T = TypeVar("T", bound="TunnelLinks")


@_attrs_define
class TunnelLinks:
    """
    Attributes:
        leadgentools (list[ResourceLink] | Unset):
    """

    leadgentools: list[ResourceLink] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        leadgentools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.leadgentools, Unset):
            leadgentools = []
            for leadgentools_item_data in self.leadgentools:
                leadgentools_item = leadgentools_item_data.to_dict()
                leadgentools.append(leadgentools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if leadgentools is not UNSET:
            field_dict["leadgentools"] = leadgentools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_link import ResourceLink  # noqa: PLC0415

        d = dict(src_dict)
        _leadgentools = d.pop("leadgentools", UNSET)
        leadgentools: list[ResourceLink] | Unset = UNSET
        if _leadgentools is not UNSET:
            leadgentools = []
            for leadgentools_item_data in _leadgentools:
                leadgentools_item = ResourceLink.from_dict(leadgentools_item_data)

                leadgentools.append(leadgentools_item)

        tunnel_links = cls(
            leadgentools=leadgentools,
        )

        tunnel_links.additional_properties = d
        return tunnel_links

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
