from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.user import User


T = TypeVar("T", bound="PersonIncluded")


@_attrs_define
class PersonIncluded(Model):
    """The resources asked for with `include`; empty when none were.

    Attributes:
        users (list[User] | None):
        orders (list[Order] | None):
    """

    users: list[User] | None = None
    orders: list[Order] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _users = self.users
        if _users is not None:
            users = []
            for users_item_data in _users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

            field_dict["users"] = users
        elif "users" in self._fields_set:
            field_dict["users"] = None
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
        from ..models.order import Order  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        users: list[User] | None = None
        if "users" in d:
            fields_set.add("users")
            if d["users"] is not None:
                users = []
                _users = d.pop("users")
                for users_item_data in _users:
                    users_item = User.from_dict(users_item_data)

                    users.append(users_item)

            d.pop("users", None)

        orders: list[Order] | None = None
        if "orders" in d:
            fields_set.add("orders")
            if d["orders"] is not None:
                orders = []
                _orders = d.pop("orders")
                for orders_item_data in _orders:
                    orders_item = Order.from_dict(orders_item_data)

                    orders.append(orders_item)

            d.pop("orders", None)

        person_included = cls(
            users=users,
            orders=orders,
        )
        person_included._fields_set = fields_set

        person_included.additional_properties = d
        return person_included

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
