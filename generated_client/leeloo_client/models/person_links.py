from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.resource_link import ResourceLink


T = TypeVar("T", bound="PersonLinks")


@_attrs_define
class PersonLinks(Model):
    """
    Attributes:
        contacted_users (list[ResourceLink] | None):
        orders (list[ResourceLink] | None):
    """

    contacted_users: list[ResourceLink] | None = None
    orders: list[ResourceLink] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _contacted_users = self.contacted_users
        if _contacted_users is not None:
            contacted_users = []
            for contacted_users_item_data in _contacted_users:
                contacted_users_item = contacted_users_item_data.to_dict()
                contacted_users.append(contacted_users_item)

            field_dict["contactedUsers"] = contacted_users
        elif "contacted_users" in self._fields_set:
            field_dict["contactedUsers"] = None
        _orders = self.orders
        if _orders is not None:
            orders = []
            for orders_item_data in _orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

            field_dict["orders"] = orders
        elif "orders" in self._fields_set:
            field_dict["orders"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_link import ResourceLink  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        contacted_users: list[ResourceLink] | None = None
        if "contactedUsers" in d:
            fields_set.add("contacted_users")
            if d["contactedUsers"] is not None:
                contacted_users = []
                _contacted_users = d.pop("contactedUsers")
                for contacted_users_item_data in _contacted_users:
                    contacted_users_item = ResourceLink.from_dict(contacted_users_item_data)

                    contacted_users.append(contacted_users_item)

            d.pop("contactedUsers", None)

        orders: list[ResourceLink] | None = None
        if "orders" in d:
            fields_set.add("orders")
            if d["orders"] is not None:
                orders = []
                _orders = d.pop("orders")
                for orders_item_data in _orders:
                    orders_item = ResourceLink.from_dict(orders_item_data)

                    orders.append(orders_item)

            d.pop("orders", None)

        person_links = cls(
            contacted_users=contacted_users,
            orders=orders,
        )
        person_links._fields_set = fields_set

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
