from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.order_status import OrderStatus, check_order_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An order as lists and the create answer show it; `included.orders` of a person omits `createdAt`.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        title (str):
        price (float):
        currency (Currency): The values listed in the `//` comment of the page's GET /orders/{order_id} example.
        status (OrderStatus): The page gives three different sets: the lists show `OPENED` and `RESOLVED`, the update
            form allows `RESOLVED` and `REJECTED`, and the GET /orders/{order_id} comment lists
            `ORDER`, `PENDING`, `FAILED`, `SUCCESS`, `REFUNDED`. The API evidently uses all of them
            (manual orders and paid orders), so the enum is their union.
        person_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str
    title: str
    price: float
    currency: Currency
    status: OrderStatus
    person_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        price = self.price

        currency: str = self.currency

        status: str = self.status

        person_id = self.person_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "price": price,
                "currency": currency,
                "status": status,
            }
        )
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        price = d.pop("price")

        currency = check_currency(d.pop("currency"))

        status = check_order_status(d.pop("status"))

        person_id = d.pop("person_id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        order = cls(
            id=id,
            title=title,
            price=price,
            currency=currency,
            status=status,
            person_id=person_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        order.additional_properties = d
        return order

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
