from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="PageMeta")


@_attrs_define
class PageMeta(Model):
    """Paging counts of a list.

    Attributes:
        limit (int): The page size that was applied.
        offset (int): How many results were skipped.
        filtered_count (int): Despite its name, the number of items in this page, not the number of matches: so it
            is in five of the page's six list examples and in a real capture (`limit` 50,
            `filteredCount` 50, `totalCount` 5607). A client that stops paging when it has
            `filteredCount` items stops after one page; stop on a short or empty page instead.
        total_count (int): How many results exist without filters.
    """

    limit: int
    offset: int
    filtered_count: int
    total_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        offset = self.offset

        filtered_count = self.filtered_count

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limit": limit,
                "offset": offset,
                "filteredCount": filtered_count,
                "totalCount": total_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        limit = d.pop("limit")
        fields_set.add("limit")

        offset = d.pop("offset")
        fields_set.add("offset")

        filtered_count = d.pop("filteredCount")
        fields_set.add("filtered_count")

        total_count = d.pop("totalCount")
        fields_set.add("total_count")

        page_meta = cls(
            limit=limit,
            offset=offset,
            filtered_count=filtered_count,
            total_count=total_count,
        )
        page_meta._fields_set = fields_set

        page_meta.additional_properties = d
        return page_meta

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
