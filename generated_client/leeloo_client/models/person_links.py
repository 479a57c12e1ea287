from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_link import ResourceLink


T = TypeVar("T", bound="PersonLinks")


@_attrs_define
class PersonLinks:
    """
    Attributes:
        contacted_users (list[ResourceLink] | Unset):
        orders (list[ResourceLink] | Unset):
    """

    contacted_users: list[ResourceLink] | Unset = UNSET
    orders: list[ResourceLink] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacted_users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacted_users, Unset):
            contacted_users = []
            for contacted_users_item_data in self.contacted_users:
                contacted_users_item = contacted_users_item_data.to_dict()
                contacted_users.append(contacted_users_item)

        orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = []
            for orders_item_data in self.orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contacted_users is not UNSET:
            field_dict["contactedUsers"] = contacted_users
        if orders is not UNSET:
            field_dict["orders"] = orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_link import ResourceLink  # noqa: PLC0415

        d = dict(src_dict)
        _contacted_users = d.pop("contactedUsers", UNSET)
        contacted_users: list[ResourceLink] | Unset = UNSET
        if _contacted_users is not UNSET:
            contacted_users = []
            for contacted_users_item_data in _contacted_users:
                contacted_users_item = ResourceLink.from_dict(contacted_users_item_data)

                contacted_users.append(contacted_users_item)

        _orders = d.pop("orders", UNSET)
        orders: list[ResourceLink] | Unset = UNSET
        if _orders is not UNSET:
            orders = []
            for orders_item_data in _orders:
                orders_item = ResourceLink.from_dict(orders_item_data)

                orders.append(orders_item)

        person_links = cls(
            contacted_users=contacted_users,
            orders=orders,
        )

        person_links.additional_properties = d
        return person_links

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
