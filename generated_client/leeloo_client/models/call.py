from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_direction import CallDirection, check_call_direction
from ..models.call_status import CallStatus, check_call_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_raw_response import CallRawResponse


T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """A recorded call, as POST /calls answers.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        raw_response (CallRawResponse | Unset): A telephony provider's own answer. A call added through the API is a
            MANUAL call,
            whose raw answer is empty in the print (**guess** that it always is).
        record_link (str | Unset):
        company_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        user_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        account_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        provider_type (str | Unset): The telephony provider; the print shows only `MANUAL`. Example: MANUAL.
        to (str | Unset):
        from_ (str | Unset):
        type_ (CallDirection | Unset): Whether the person called in or was called.
        status (CallStatus | Unset): How the call ended; the newer print lists these four.
        telephone_connection_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        call_id (str | Unset): The provider's id of the call (a UUID in the print).
        billsec (int | Unset): Billed seconds.
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        next_check (datetime.datetime | Unset):
    """

    id: str
    raw_response: CallRawResponse | Unset = UNSET
    record_link: str | Unset = UNSET
    company_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    provider_type: str | Unset = UNSET
    to: str | Unset = UNSET
    from_: str | Unset = UNSET
    type_: CallDirection | Unset = UNSET
    status: CallStatus | Unset = UNSET
    telephone_connection_id: str | Unset = UNSET
    call_id: str | Unset = UNSET
    billsec: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    next_check: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        raw_response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.raw_response, Unset):
            raw_response = self.raw_response.to_dict()

        record_link = self.record_link

        company_id = self.company_id

        user_id = self.user_id

        account_id = self.account_id

        provider_type = self.provider_type

        to = self.to

        from_ = self.from_

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        telephone_connection_id = self.telephone_connection_id

        call_id = self.call_id

        billsec = self.billsec

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        next_check: str | Unset = UNSET
        if not isinstance(self.next_check, Unset):
            next_check = self.next_check.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if raw_response is not UNSET:
            field_dict["raw_response"] = raw_response
        if record_link is not UNSET:
            field_dict["record_link"] = record_link
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if provider_type is not UNSET:
            field_dict["provider_type"] = provider_type
        if to is not UNSET:
            field_dict["to"] = to
        if from_ is not UNSET:
            field_dict["from"] = from_
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if telephone_connection_id is not UNSET:
            field_dict["telephone_connection_id"] = telephone_connection_id
        if call_id is not UNSET:
            field_dict["call_id"] = call_id
        if billsec is not UNSET:
            field_dict["billsec"] = billsec
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if next_check is not UNSET:
            field_dict["next_check"] = next_check

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.call_raw_response import CallRawResponse  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        _raw_response = d.pop("raw_response", UNSET)
        raw_response: CallRawResponse | Unset
        if isinstance(_raw_response, Unset):
            raw_response = UNSET
        else:
            raw_response = CallRawResponse.from_dict(_raw_response)

        record_link = d.pop("record_link", UNSET)

        company_id = d.pop("company_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        account_id = d.pop("account_id", UNSET)

        provider_type = d.pop("provider_type", UNSET)

        to = d.pop("to", UNSET)

        from_ = d.pop("from", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CallDirection | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_call_direction(_type_)

        _status = d.pop("status", UNSET)
        status: CallStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_call_status(_status)

        telephone_connection_id = d.pop("telephone_connection_id", UNSET)

        call_id = d.pop("call_id", UNSET)

        billsec = d.pop("billsec", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _next_check = d.pop("next_check", UNSET)
        next_check: datetime.datetime | Unset
        if isinstance(_next_check, Unset):
            next_check = UNSET
        else:
            next_check = datetime.datetime.fromisoformat(_next_check)

        call = cls(
            id=id,
            raw_response=raw_response,
            record_link=record_link,
            company_id=company_id,
            user_id=user_id,
            account_id=account_id,
            provider_type=provider_type,
            to=to,
            from_=from_,
            type_=type_,
            status=status,
            telephone_connection_id=telephone_connection_id,
            call_id=call_id,
            billsec=billsec,
            created_at=created_at,
            updated_at=updated_at,
            next_check=next_check,
        )

        call.additional_properties = d
        return call

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
