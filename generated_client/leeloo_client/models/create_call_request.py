from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.call_direction import CallDirection, check_call_direction
from ..models.call_status import CallStatus, check_call_status

T = TypeVar("T", bound="CreateCallRequest")


@_attrs_define
class CreateCallRequest(Model):
    """A call to record; the newer print says all fields are required.

    Attributes:
        user_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        from_ (str): The calling number or extension.
        to (str): The called number or extension.
        date (datetime.datetime): When the call took place (UTC).
        account_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        record_link (str): URL of the call's recording, or `NOT_DEFINED` when there is none.
        status (CallStatus): How the call ended; the newer print lists these four.
        duration (int | str): Length of the call in seconds, as a number or a string of digits.
        type_ (CallDirection): Whether the person called in or was called.
    """

    user_id: str
    from_: str
    to: str
    date: datetime.datetime
    account_id: str
    record_link: str
    status: CallStatus
    duration: int | str
    type_: CallDirection
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        from_ = self.from_

        to = self.to

        date = self.date.isoformat()

        account_id = self.account_id

        record_link = self.record_link

        status: str = self.status

        duration: int | str
        duration = self.duration

        type_: str = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "from": from_,
                "to": to,
                "date": date,
                "account_id": account_id,
                "record_link": record_link,
                "status": status,
                "duration": duration,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        user_id = d.pop("user_id")
        fields_set.add("user_id")

        from_ = d.pop("from")
        fields_set.add("from_")

        to = d.pop("to")
        fields_set.add("to")

        date = datetime.datetime.fromisoformat(d.pop("date"))

        fields_set.add("date")

        account_id = d.pop("account_id")
        fields_set.add("account_id")

        record_link = d.pop("record_link")
        fields_set.add("record_link")

        status = check_call_status(d.pop("status"))

        fields_set.add("status")

        def _parse_duration(data: object) -> int | str:
            return cast(int | str, data)

        duration = _parse_duration(d.pop("duration"))

        fields_set.add("duration")

        type_ = check_call_direction(d.pop("type"))

        fields_set.add("type_")

        create_call_request = cls(
            user_id=user_id,
            from_=from_,
            to=to,
            date=date,
            account_id=account_id,
            record_link=record_link,
            status=status,
            duration=duration,
            type_=type_,
        )
        create_call_request._fields_set = fields_set

        create_call_request.additional_properties = d
        return create_call_request

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
