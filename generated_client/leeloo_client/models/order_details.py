from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.currency import Currency, check_currency
from ..models.order_status import OrderStatus, check_order_status
from ..models.payment_method import PaymentMethod, check_payment_method

T = TypeVar("T", bound="OrderDetails")


@_attrs_define
class OrderDetails(Model):
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
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
        description (str | None):
        payment_method (PaymentMethod | None): The values listed in the `//` comment of the page's GET
            /orders/{order_id} example.
    """

    id: str
    title: str
    price: float
    currency: Currency
    status: OrderStatus
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    description: str | None = None
    payment_method: PaymentMethod | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        price = self.price

        currency: str = self.currency

        status: str = self.status

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
        _created_at = self.created_at
        if _created_at is not None:
            created_at = _created_at.isoformat()
            field_dict["createdAt"] = created_at
        elif "created_at" in self._fields_set:
            field_dict["createdAt"] = None
        _updated_at = self.updated_at
        if _updated_at is not None:
            updated_at = _updated_at.isoformat()
            field_dict["updatedAt"] = updated_at
        elif "updated_at" in self._fields_set:
            field_dict["updatedAt"] = None
        _description = self.description
        if _description is not None:
            description = _description
            field_dict["description"] = description
        elif "description" in self._fields_set:
            field_dict["description"] = None
        _payment_method = self.payment_method
        if _payment_method is not None:
            payment_method: str = _payment_method
            field_dict["paymentMethod"] = payment_method
        elif "payment_method" in self._fields_set:
            field_dict["paymentMethod"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        title = d.pop("title")
        fields_set.add("title")

        price = d.pop("price")
        fields_set.add("price")

        currency = check_currency(d.pop("currency"))

        fields_set.add("currency")

        status = check_order_status(d.pop("status"))

        fields_set.add("status")

        created_at: datetime.datetime | None = None
        if "createdAt" in d:
            fields_set.add("created_at")
            if d["createdAt"] is not None:
                created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

            d.pop("createdAt", None)

        updated_at: datetime.datetime | None = None
        if "updatedAt" in d:
            fields_set.add("updated_at")
            if d["updatedAt"] is not None:
                updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

            d.pop("updatedAt", None)

        description: str | None = None
        if "description" in d:
            fields_set.add("description")
            if d["description"] is not None:
                description = d.pop("description")
            d.pop("description", None)

        payment_method: PaymentMethod | None = None
        if "paymentMethod" in d:
            fields_set.add("payment_method")
            if d["paymentMethod"] is not None:
                payment_method = check_payment_method(d.pop("paymentMethod"))

            d.pop("paymentMethod", None)

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
        order_details._fields_set = fields_set

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
