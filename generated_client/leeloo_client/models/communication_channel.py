from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_source import ChannelSource, check_channel_source
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.utm_marks import UtmMarks


T = TypeVar("T", bound="CommunicationChannel")


@_attrs_define
class CommunicationChannel:
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        person_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        from_ (ChannelSource): The messenger of a communication channel. The page shows these four values (MANUAL
            for a person added by hand); it lists no complete set. Closed on purpose, unlike `gender`
            or a chat message's `type`: the channel decides how a message is sent, so a client should
            learn of a new one. A value the page never shows (an SMS connection's, say) makes
            `make contract-live` name it, and the enum grows with it (**guess** that the four are
            all; the newer print adds an e-mail connection type, `sendGrid`, among connections).
        name (str | Unset):
        bot_status (str | Unset): Whether a bot or a person answers on the channel; the page shows only `BOT`. Example:
            BOT.
        last_message_time (datetime.datetime | Unset):
        created_at (datetime.datetime | Unset):
        utm_marks (UtmMarks | Unset): External UTM tags of the channel, by tag name (a real map).
    """

    id: str
    person_id: str
    from_: ChannelSource
    name: str | Unset = UNSET
    bot_status: str | Unset = UNSET
    last_message_time: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    utm_marks: UtmMarks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person_id = self.person_id

        from_: str = self.from_

        name = self.name

        bot_status = self.bot_status

        last_message_time: str | Unset = UNSET
        if not isinstance(self.last_message_time, Unset):
            last_message_time = self.last_message_time.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        utm_marks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.utm_marks, Unset):
            utm_marks = self.utm_marks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "from": from_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if bot_status is not UNSET:
            field_dict["botStatus"] = bot_status
        if last_message_time is not UNSET:
            field_dict["lastMessageTime"] = last_message_time
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if utm_marks is not UNSET:
            field_dict["utmMarks"] = utm_marks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.utm_marks import UtmMarks  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        person_id = d.pop("person_id")

        from_ = check_channel_source(d.pop("from"))

        name = d.pop("name", UNSET)

        bot_status = d.pop("botStatus", UNSET)

        _last_message_time = d.pop("lastMessageTime", UNSET)
        last_message_time: datetime.datetime | Unset
        if isinstance(_last_message_time, Unset):
            last_message_time = UNSET
        else:
            last_message_time = datetime.datetime.fromisoformat(_last_message_time)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _utm_marks = d.pop("utmMarks", UNSET)
        utm_marks: UtmMarks | Unset
        if isinstance(_utm_marks, Unset):
            utm_marks = UNSET
        else:
            utm_marks = UtmMarks.from_dict(_utm_marks)

        communication_channel = cls(
            id=id,
            person_id=person_id,
            from_=from_,
            name=name,
            bot_status=bot_status,
            last_message_time=last_message_time,
            created_at=created_at,
            utm_marks=utm_marks,
        )

        communication_channel.additional_properties = d
        return communication_channel

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
