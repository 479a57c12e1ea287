from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.currency import Currency, check_currency
from ..models.manual_order_status import ManualOrderStatus, check_manual_order_status

T = TypeVar("T", bound="UpdateOrderForm")


@_attrs_define
class UpdateOrderForm(Model):
    """The fields to change. The page marks none as required, but at least one must be sent:
    an empty form is an empty body, which no server can tell from a missing one.

        Attributes:
            status (ManualOrderStatus | None): The new status of the manual order; the page allows these two.
            payment_date (str | None): A moment in UTC, as an RFC 3339 date-time (`2020-02-04T11:46:48.803Z`, the create-
                order
                section's format) or as `YYYY-MM-DD HH:MM` (`2018-06-27 07:32`, the update form's format,
                and what public clients send for both). One pattern rather than `anyOf` of the two, because
                the client generator would parse `2018-06-27 07:32` into a datetime without a time zone and
                write it back as neither form.
                 Example: 2018-06-27 07:32.
            currency (Currency | None): The values listed in the `//` comment of the page's GET /orders/{order_id} example.
            price (float | str | None): A sum of money: a JSON number, or a string of digits. The page gives the update
                form's
                price as `'100'` and public clients send `sprintf('%d', ...)`, a numeric string
                (**verified**); a JSON number is accepted too.
                 Example: 100.
            user_comments (str | None):
    """

    status: ManualOrderStatus | None = None
    payment_date: str | None = None
    currency: Currency | None = None
    price: float | str | None = None
    user_comments: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _status = self.status
        if _status is not None:
            status: str = _status
            field_dict["status"] = status
        elif "status" in self._fields_set:
            field_dict["status"] = None
        _payment_date = self.payment_date
        if _payment_date is not None:
            payment_date = _payment_date
            field_dict["paymentDate"] = payment_date
        elif "payment_date" in self._fields_set:
            field_dict["paymentDate"] = None
        _currency = self.currency
        if _currency is not None:
            currency: str = _currency
            field_dict["currency"] = currency
        elif "currency" in self._fields_set:
            field_dict["currency"] = None
        _price = self.price
        if _price is not None:
            price: float | str
            price = _price
            field_dict["price"] = price
        elif "price" in self._fields_set:
            field_dict["price"] = None
        _user_comments = self.user_comments
        if _user_comments is not None:
            user_comments = _user_comments
            field_dict["userComments"] = user_comments
        elif "user_comments" in self._fields_set:
            field_dict["userComments"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        status: ManualOrderStatus | None = None
        if "status" in d:
            fields_set.add("status")
            if d["status"] is not None:
                status = check_manual_order_status(d.pop("status"))

            d.pop("status", None)

        payment_date: str | None = None
        if "paymentDate" in d:
            fields_set.add("payment_date")
            if d["paymentDate"] is not None:
                payment_date = d.pop("paymentDate")
            d.pop("paymentDate", None)

        currency: Currency | None = None
        if "currency" in d:
            fields_set.add("currency")
            if d["currency"] is not None:
                currency = check_currency(d.pop("currency"))

            d.pop("currency", None)

        price: float | str | None = None
        if "price" in d:
            fields_set.add("price")
            if d["price"] is not None:

                def _parse_price(data: object) -> float | str:
                    return cast(float | str, data)

                price = _parse_price(d.pop("price"))

            d.pop("price", None)

        user_comments: str | None = None
        if "userComments" in d:
            fields_set.add("user_comments")
            if d["userComments"] is not None:
                user_comments = d.pop("userComments")
            d.pop("userComments", None)

        update_order_form = cls(
            status=status,
            payment_date=payment_date,
            currency=currency,
            price=price,
            user_comments=user_comments,
        )
        update_order_form._fields_set = fields_set

        update_order_form.additional_properties = d
        return update_order_form

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
