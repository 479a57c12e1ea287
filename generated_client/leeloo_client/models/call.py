from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.call_direction import CallDirection, check_call_direction
from ..models.call_status import CallStatus, check_call_status

if TYPE_CHECKING:
    from ..models.call_raw_response import CallRawResponse


T = TypeVar("T", bound="Call")


@_attrs_define
class Call(Model):
    """A recorded call, as POST /calls answers.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        raw_response (CallRawResponse | None): A telephony provider's own answer. A call added through the API is a
            MANUAL call,
            whose raw answer is empty in the print (**guess** that it always is).
        record_link (str | None):
        company_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        user_id (str | None): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        account_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        provider_type (str | None): The telephony provider; the print shows only `MANUAL`. Example: MANUAL.
        to (str | None):
        from_ (str | None):
        type_ (CallDirection | None): Whether the person called in or was called.
        status (CallStatus | None): How the call ended; the newer print lists these four.
        telephone_connection_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        call_id (str | None): The provider's id of the call (a UUID in the print).
        billsec (int | None): Billed seconds.
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
        next_check (datetime.datetime | None):
    """

    id: str
    raw_response: CallRawResponse | None = None
    record_link: str | None = None
    company_id: str | None = None
    user_id: str | None = None
    account_id: str | None = None
    provider_type: str | None = None
    to: str | None = None
    from_: str | None = None
    type_: CallDirection | None = None
    status: CallStatus | None = None
    telephone_connection_id: str | None = None
    call_id: str | None = None
    billsec: int | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    next_check: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        _raw_response = self.raw_response
        if _raw_response is not None:
            raw_response = _raw_response.to_dict()
            field_dict["raw_response"] = raw_response
        elif "raw_response" in self._fields_set:
            field_dict["raw_response"] = None
        _record_link = self.record_link
        if _record_link is not None:
            record_link = _record_link
            field_dict["record_link"] = record_link
        elif "record_link" in self._fields_set:
            field_dict["record_link"] = None
        _company_id = self.company_id
        if _company_id is not None:
            company_id = _company_id
            field_dict["company_id"] = company_id
        elif "company_id" in self._fields_set:
            field_dict["company_id"] = None
        _user_id = self.user_id
        if _user_id is not None:
            user_id = _user_id
            field_dict["user_id"] = user_id
        elif "user_id" in self._fields_set:
            field_dict["user_id"] = None
        _account_id = self.account_id
        if _account_id is not None:
            account_id = _account_id
            field_dict["account_id"] = account_id
        elif "account_id" in self._fields_set:
            field_dict["account_id"] = None
        _provider_type = self.provider_type
        if _provider_type is not None:
            provider_type = _provider_type
            field_dict["provider_type"] = provider_type
        elif "provider_type" in self._fields_set:
            field_dict["provider_type"] = None
        _to = self.to
        if _to is not None:
            to = _to
            field_dict["to"] = to
        elif "to" in self._fields_set:
            field_dict["to"] = None
        _from_ = self.from_
        if _from_ is not None:
            from_ = _from_
            field_dict["from"] = from_
        elif "from_" in self._fields_set:
            field_dict["from"] = None
        _type_ = self.type_
        if _type_ is not None:
            type_: str = _type_
            field_dict["type"] = type_
        elif "type_" in self._fields_set:
            field_dict["type"] = None
        _status = self.status
        if _status is not None:
            status: str = _status
            field_dict["status"] = status
        elif "status" in self._fields_set:
            field_dict["status"] = None
        _telephone_connection_id = self.telephone_connection_id
        if _telephone_connection_id is not None:
            telephone_connection_id = _telephone_connection_id
            field_dict["telephone_connection_id"] = telephone_connection_id
        elif "telephone_connection_id" in self._fields_set:
            field_dict["telephone_connection_id"] = None
        _call_id = self.call_id
        if _call_id is not None:
            call_id = _call_id
            field_dict["call_id"] = call_id
        elif "call_id" in self._fields_set:
            field_dict["call_id"] = None
        _billsec = self.billsec
        if _billsec is not None:
            billsec = _billsec
            field_dict["billsec"] = billsec
        elif "billsec" in self._fields_set:
            field_dict["billsec"] = None
        _created_at = self.created_at
        if _created_at is not None:
            created_at = _created_at.isoformat()
            field_dict["created_at"] = created_at
        elif "created_at" in self._fields_set:
            field_dict["created_at"] = None
        _updated_at = self.updated_at
        if _updated_at is not None:
            updated_at = _updated_at.isoformat()
            field_dict["updated_at"] = updated_at
        elif "updated_at" in self._fields_set:
            field_dict["updated_at"] = None
        _next_check = self.next_check
        if _next_check is not None:
            next_check = _next_check.isoformat()
            field_dict["next_check"] = next_check
        elif "next_check" in self._fields_set:
            field_dict["next_check"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.call_raw_response import CallRawResponse  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        raw_response: CallRawResponse | None = None
        if "raw_response" in d:
            fields_set.add("raw_response")
            if d["raw_response"] is not None:
                raw_response = CallRawResponse.from_dict(d.pop("raw_response"))

            d.pop("raw_response", None)

        record_link: str | None = None
        if "record_link" in d:
            fields_set.add("record_link")
            if d["record_link"] is not None:
                record_link = d.pop("record_link")
            d.pop("record_link", None)

        company_id: str | None = None
        if "company_id" in d:
            fields_set.add("company_id")
            if d["company_id"] is not None:
                company_id = d.pop("company_id")
            d.pop("company_id", None)

        user_id: str | None = None
        if "user_id" in d:
            fields_set.add("user_id")
            if d["user_id"] is not None:
                user_id = d.pop("user_id")
            d.pop("user_id", None)

        account_id: str | None = None
        if "account_id" in d:
            fields_set.add("account_id")
            if d["account_id"] is not None:
                account_id = d.pop("account_id")
            d.pop("account_id", None)

        provider_type: str | None = None
        if "provider_type" in d:
            fields_set.add("provider_type")
            if d["provider_type"] is not None:
                provider_type = d.pop("provider_type")
            d.pop("provider_type", None)

        to: str | None = None
        if "to" in d:
            fields_set.add("to")
            if d["to"] is not None:
                to = d.pop("to")
            d.pop("to", None)

        from_: str | None = None
        if "from" in d:
            fields_set.add("from_")
            if d["from"] is not None:
                from_ = d.pop("from")
            d.pop("from", None)

        type_: CallDirection | None = None
        if "type" in d:
            fields_set.add("type_")
            if d["type"] is not None:
                type_ = check_call_direction(d.pop("type"))

            d.pop("type", None)

        status: CallStatus | None = None
        if "status" in d:
            fields_set.add("status")
            if d["status"] is not None:
                status = check_call_status(d.pop("status"))

            d.pop("status", None)

        telephone_connection_id: str | None = None
        if "telephone_connection_id" in d:
            fields_set.add("telephone_connection_id")
            if d["telephone_connection_id"] is not None:
                telephone_connection_id = d.pop("telephone_connection_id")
            d.pop("telephone_connection_id", None)

        call_id: str | None = None
        if "call_id" in d:
            fields_set.add("call_id")
            if d["call_id"] is not None:
                call_id = d.pop("call_id")
            d.pop("call_id", None)

        billsec: int | None = None
        if "billsec" in d:
            fields_set.add("billsec")
            if d["billsec"] is not None:
                billsec = d.pop("billsec")
            d.pop("billsec", None)

        created_at: datetime.datetime | None = None
        if "created_at" in d:
            fields_set.add("created_at")
            if d["created_at"] is not None:
                created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

            d.pop("created_at", None)

        updated_at: datetime.datetime | None = None
        if "updated_at" in d:
            fields_set.add("updated_at")
            if d["updated_at"] is not None:
                updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

            d.pop("updated_at", None)

        next_check: datetime.datetime | None = None
        if "next_check" in d:
            fields_set.add("next_check")
            if d["next_check"] is not None:
                next_check = datetime.datetime.fromisoformat(d.pop("next_check"))

            d.pop("next_check", None)

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
        call._fields_set = fields_set

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
