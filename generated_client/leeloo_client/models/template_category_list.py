from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.template_category import TemplateCategory


T = TypeVar("T", bound="TemplateCategoryList")


@_attrs_define
class TemplateCategoryList(Model):
    """
    Attributes:
        categories (list[TemplateCategory]):
    """

    categories: list[TemplateCategory]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_category import TemplateCategory  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = TemplateCategory.from_dict(categories_item_data)

            categories.append(categories_item)

        fields_set.add("categories")

        template_category_list = cls(
            categories=categories,
        )
        template_category_list._fields_set = fields_set

        template_category_list.additional_properties = d
        return template_category_list

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
