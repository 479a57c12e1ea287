from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.boolean_string import BooleanString, check_boolean_string

T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest(Model):
    """The page marks only `managerId` as optional.

    Attributes:
        payment_credits_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        email (str):
        phone (str):
        transaction_date (str): A moment in UTC, as an RFC 3339 date-time (`2020-02-04T11:46:48.803Z`, the create-order
            section's format) or as `YYYY-MM-DD HH:MM` (`2018-06-27 07:32`, the update form's format,
            and what public clients send for both). One pattern rather than `anyOf` of the two, because
            the client generator would parse `2018-06-27 07:32` into a datetime without a time zone and
            write it back as neither form.
             Example: 2018-06-27 07:32.
        offer_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        is_notify_account (bool | BooleanString): A yes/no flag: a JSON boolean, or the string `"true"` or `"false"`.
            The page's example
            and every public client send the string (`"isNotifyAccount": "false"`), the page's text
            says true or false; both are accepted (**verified** that the string is sent; whether
            the API also takes a JSON boolean is a **guess**).
             Example: false.
        person_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        manager_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
    """

    payment_credits_id: str
    email: str
    phone: str
    transaction_date: str
    offer_id: str
    is_notify_account: bool | BooleanString
    person_id: str
    manager_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_credits_id = self.payment_credits_id

        email = self.email

        phone = self.phone

        transaction_date = self.transaction_date

        offer_id = self.offer_id

        is_notify_account: bool | str
        if isinstance(self.is_notify_account, str):
            is_notify_account = self.is_notify_account
        else:
            is_notify_account = self.is_notify_account

        person_id = self.person_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "paymentCreditsId": payment_credits_id,
                "email": email,
                "phone": phone,
                "transactionDate": transaction_date,
                "offerId": offer_id,
                "isNotifyAccount": is_notify_account,
                "personId": person_id,
            }
        )
        _manager_id = self.manager_id
        if _manager_id is not None:
            manager_id = _manager_id
            field_dict["managerId"] = manager_id
        elif "manager_id" in self._fields_set:
            field_dict["managerId"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        payment_credits_id = d.pop("paymentCreditsId")
        fields_set.add("payment_credits_id")

        email = d.pop("email")
        fields_set.add("email")

        phone = d.pop("phone")
        fields_set.add("phone")

        transaction_date = d.pop("transactionDate")
        fields_set.add("transaction_date")

        offer_id = d.pop("offerId")
        fields_set.add("offer_id")

        def _parse_is_notify_account(data: object) -> bool | BooleanString:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_boolean_flag_type_1 = check_boolean_string(data)

                return componentsschemas_boolean_flag_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | BooleanString, data)

        is_notify_account = _parse_is_notify_account(d.pop("isNotifyAccount"))

        fields_set.add("is_notify_account")

        person_id = d.pop("personId")
        fields_set.add("person_id")

        manager_id: str | None = None
        if "managerId" in d:
            fields_set.add("manager_id")
            if d["managerId"] is not None:
                manager_id = d.pop("managerId")
            d.pop("managerId", None)

        create_order_request = cls(
            payment_credits_id=payment_credits_id,
            email=email,
            phone=phone,
            transaction_date=transaction_date,
            offer_id=offer_id,
            is_notify_account=is_notify_account,
            person_id=person_id,
            manager_id=manager_id,
        )
        create_order_request._fields_set = fields_set

        create_order_request.additional_properties = d
        return create_order_request

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
