from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest:
    """The page marks only `managerId` as optional.

    Attributes:
        payment_credits_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        email (str):
        phone (str):
        transaction_date (datetime.datetime): The transaction date to display on the platform (UTC).
        offer_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        is_notify_account (bool): Whether to tell the person that the order was created. The page's example sends the
            string "false"; its text says true or false, so it is a boolean.
        person_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        manager_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
    """

    payment_credits_id: str
    email: str
    phone: str
    transaction_date: datetime.datetime
    offer_id: str
    is_notify_account: bool
    person_id: str
    manager_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_credits_id = self.payment_credits_id

        email = self.email

        phone = self.phone

        transaction_date = self.transaction_date.isoformat()

        offer_id = self.offer_id

        is_notify_account = self.is_notify_account

        person_id = self.person_id

        manager_id = self.manager_id

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
        if manager_id is not UNSET:
            field_dict["managerId"] = manager_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_credits_id = d.pop("paymentCreditsId")

        email = d.pop("email")

        phone = d.pop("phone")

        transaction_date = datetime.datetime.fromisoformat(d.pop("transactionDate"))

        offer_id = d.pop("offerId")

        is_notify_account = d.pop("isNotifyAccount")

        person_id = d.pop("personId")

        manager_id = d.pop("managerId", UNSET)

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
