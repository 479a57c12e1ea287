from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.order_status import OrderStatus, check_order_status
from ..models.payment_method import PaymentMethod, check_payment_method
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderDetails")


@_attrs_define
class OrderDetails:
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        title (str):
        price (float):
        currency (Currency): The values listed in the `//` comment of the page's GET /orders/{order_id} example.
        status (OrderStatus): The page gives three different sets: the lists show `OPENED` and `RESOLVED`, the update
            form allows `RESOLVED` and `REJECTED`, and the GET /orders/{order_id} comment lists
            `ORDER`, `PENDING`, `FAILED`, `SUCCESS`, `REFUNDED`. The API evidently uses all of them
            (manual orders and paid orders), so the enum is their union.
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        description (str | Unset):
        payment_method (PaymentMethod | Unset): The values listed in the `//` comment of the page's GET
            /orders/{order_id} example.
    """

    id: str
    title: str
    price: float
    currency: Currency
    status: OrderStatus
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    description: str | Unset = UNSET
    payment_method: PaymentMethod | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        price = self.price

        currency: str = self.currency

        status: str = self.status

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        description = self.description

        payment_method: str | Unset = UNSET
        if not isinstance(self.payment_method, Unset):
            payment_method = self.payment_method

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
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if description is not UNSET:
            field_dict["description"] = description
        if payment_method is not UNSET:
            field_dict["paymentMethod"] = payment_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        price = d.pop("price")

        currency = check_currency(d.pop("currency"))

        status = check_order_status(d.pop("status"))

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

        description = d.pop("description", UNSET)

        _payment_method = d.pop("paymentMethod", UNSET)
        payment_method: PaymentMethod | Unset
        if isinstance(_payment_method, Unset):
            payment_method = UNSET
        else:
            payment_method = check_payment_method(_payment_method)

        order_details = cls(
            id=id,
            title=title,
            price=price,
            currency=currency,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            payment_method=payment_method,
        )

        order_details.additional_properties = d
        return order_details

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
