from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.resource_link import ResourceLink


T = TypeVar("T", bound="TunnelLinks")


@_attrs_define
class TunnelLinks(Model):
    """
    Attributes:
        leadgentools (list[ResourceLink] | None):
    """

    leadgentools: list[ResourceLink] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _leadgentools = self.leadgentools
        if _leadgentools is not None:
            leadgentools = []
            for leadgentools_item_data in _leadgentools:
                leadgentools_item = leadgentools_item_data.to_dict()
                leadgentools.append(leadgentools_item)

            field_dict["leadgentools"] = leadgentools
        elif "leadgentools" in self._fields_set:
            field_dict["leadgentools"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_link import ResourceLink  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        leadgentools: list[ResourceLink] | None = None
        if "leadgentools" in d:
            fields_set.add("leadgentools")
            if d["leadgentools"] is not None:
                leadgentools = []
                _leadgentools = d.pop("leadgentools")
                for leadgentools_item_data in _leadgentools:
                    leadgentools_item = ResourceLink.from_dict(leadgentools_item_data)

                    leadgentools.append(leadgentools_item)

            d.pop("leadgentools", None)

        tunnel_links = cls(
            leadgentools=leadgentools,
        )
        tunnel_links._fields_set = fields_set

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
