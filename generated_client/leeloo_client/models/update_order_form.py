from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.manual_order_status import ManualOrderStatus, check_manual_order_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateOrderForm")


@_attrs_define
class UpdateOrderForm:
    """The fields to change. The page marks none as required, but at least one must be sent:
    an empty form is an empty body, which no server can tell from a missing one.

        Attributes:
            status (ManualOrderStatus | Unset): The new status of the manual order; the page allows these two.
            payment_date (str | Unset): A moment in UTC, as an RFC 3339 date-time (`2020-02-04T11:46:48.803Z`, the create-
                order
                section's format) or as `YYYY-MM-DD HH:MM` (`2018-06-27 07:32`, the update form's format,
                and what public clients send for both). One pattern rather than `anyOf` of the two, because
                the client generator would parse `2018-06-27 07:32` into a datetime without a time zone and
                write it back as neither form.
                 Example: 2018-06-27 07:32.
            currency (Currency | Unset): The values listed in the `//` comment of the page's GET /orders/{order_id} example.
            price (float | str | Unset): A sum of money: a JSON number, or a string of digits. The page gives the update
                form's
                price as `'100'` and public clients send `sprintf('%d', ...)`, a numeric string
                (**verified**); a JSON number is accepted too.
                 Example: 100.
            user_comments (str | Unset):
    """

    status: ManualOrderStatus | Unset = UNSET
    payment_date: str | Unset = UNSET
    currency: Currency | Unset = UNSET
    price: float | str | Unset = UNSET
    user_comments: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        payment_date = self.payment_date

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency

        price: float | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        user_comments = self.user_comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if payment_date is not UNSET:
            field_dict["paymentDate"] = payment_date
        if currency is not UNSET:
            field_dict["currency"] = currency
        if price is not UNSET:
            field_dict["price"] = price
        if user_comments is not UNSET:
            field_dict["userComments"] = user_comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: ManualOrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_manual_order_status(_status)

        payment_date = d.pop("paymentDate", UNSET)

        _currency = d.pop("currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)

        def _parse_price(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        user_comments = d.pop("userComments", UNSET)

        update_order_form = cls(
            status=status,
            payment_date=payment_date,
            currency=currency,
            price=price,
            user_comments=user_comments,
        )

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
