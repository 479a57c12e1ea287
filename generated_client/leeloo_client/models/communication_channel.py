from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.channel_source import ChannelSource, check_channel_source

if TYPE_CHECKING:
    from ..models.utm_marks import UtmMarks


T = TypeVar("T", bound="CommunicationChannel")


@_attrs_define
class CommunicationChannel(Model):
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
        name (str | None):
        bot_status (str | None): Whether a bot or a person answers on the channel; the page shows only `BOT`. Example:
            BOT.
        last_message_time (datetime.datetime | None):
        created_at (datetime.datetime | None):
        utm_marks (UtmMarks | None): External UTM tags of the channel, by tag name (a real map).
    """

    id: str
    person_id: str
    from_: ChannelSource
    name: str | None = None
    bot_status: str | None = None
    last_message_time: datetime.datetime | None = None
    created_at: datetime.datetime | None = None
    utm_marks: UtmMarks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person_id = self.person_id

        from_: str = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "from": from_,
            }
        )
        _name = self.name
        if _name is not None:
            name = _name
            field_dict["name"] = name
        elif "name" in self._fields_set:
            field_dict["name"] = None
        _bot_status = self.bot_status
        if _bot_status is not None:
            bot_status = _bot_status
            field_dict["botStatus"] = bot_status
        elif "bot_status" in self._fields_set:
            field_dict["botStatus"] = None
        _last_message_time = self.last_message_time
        if _last_message_time is not None:
            last_message_time = _last_message_time.isoformat()
            field_dict["lastMessageTime"] = last_message_time
        elif "last_message_time" in self._fields_set:
            field_dict["lastMessageTime"] = None
        _created_at = self.created_at
        if _created_at is not None:
            created_at = _created_at.isoformat()
            field_dict["createdAt"] = created_at
        elif "created_at" in self._fields_set:
            field_dict["createdAt"] = None
        _utm_marks = self.utm_marks
        if _utm_marks is not None:
            utm_marks = _utm_marks.to_dict()
            field_dict["utmMarks"] = utm_marks
        elif "utm_marks" in self._fields_set:
            field_dict["utmMarks"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.utm_marks import UtmMarks  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        person_id = d.pop("person_id")
        fields_set.add("person_id")

        from_ = check_channel_source(d.pop("from"))

        fields_set.add("from_")

        name: str | None = None
        if "name" in d:
            fields_set.add("name")
            if d["name"] is not None:
                name = d.pop("name")
            d.pop("name", None)

        bot_status: str | None = None
        if "botStatus" in d:
            fields_set.add("bot_status")
            if d["botStatus"] is not None:
                bot_status = d.pop("botStatus")
            d.pop("botStatus", None)

        last_message_time: datetime.datetime | None = None
        if "lastMessageTime" in d:
            fields_set.add("last_message_time")
            if d["lastMessageTime"] is not None:
                last_message_time = datetime.datetime.fromisoformat(d.pop("lastMessageTime"))

            d.pop("lastMessageTime", None)

        created_at: datetime.datetime | None = None
        if "createdAt" in d:
            fields_set.add("created_at")
            if d["createdAt"] is not None:
                created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

            d.pop("createdAt", None)

        utm_marks: UtmMarks | None = None
        if "utmMarks" in d:
            fields_set.add("utm_marks")
            if d["utmMarks"] is not None:
                utm_marks = UtmMarks.from_dict(d.pop("utmMarks"))

            d.pop("utmMarks", None)

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
        communication_channel._fields_set = fields_set

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
