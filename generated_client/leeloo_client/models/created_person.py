from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_source import ChannelSource, check_channel_source
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subscribe_history_entry import SubscribeHistoryEntry


T = TypeVar("T", bound="CreatedPerson")


@_attrs_define
class CreatedPerson:
    """The new person's MANUAL communication channel, as POST /people answers.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        person_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        tags (list[str] | Unset):
        from_ (ChannelSource | Unset): The messenger of a communication channel. The page shows these four values
            (MANUAL
            for a person added by hand); it lists no complete set. Closed on purpose, unlike `gender`
            or a chat message's `type`: the channel decides how a message is sent, so a client should
            learn of a new one. A value the page never shows (an SMS connection's, say) makes
            `make contract-live` name it, and the enum grows with it (**guess** that the four are
            all; the newer print adds an e-mail connection type, `sendGrid`, among connections).
        bot_status (str | Unset):  Example: BOT.
        connection_status (str | Unset):  Example: OK.
        gender (str | Unset):
        phone (str | Unset):
        email (str | Unset): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        locale (str | Unset):
        subscribe_history (list[SubscribeHistoryEntry] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str
    person_id: str
    name: str
    tags: list[str] | Unset = UNSET
    from_: ChannelSource | Unset = UNSET
    bot_status: str | Unset = UNSET
    connection_status: str | Unset = UNSET
    gender: str | Unset = UNSET
    phone: str | Unset = UNSET
    email: str | Unset = UNSET
    locale: str | Unset = UNSET
    subscribe_history: list[SubscribeHistoryEntry] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person_id = self.person_id

        name = self.name

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_

        bot_status = self.bot_status

        connection_status = self.connection_status

        gender = self.gender

        phone = self.phone

        email = self.email

        locale = self.locale

        subscribe_history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscribe_history, Unset):
            subscribe_history = []
            for subscribe_history_item_data in self.subscribe_history:
                subscribe_history_item = subscribe_history_item_data.to_dict()
                subscribe_history.append(subscribe_history_item)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "name": name,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if from_ is not UNSET:
            field_dict["from"] = from_
        if bot_status is not UNSET:
            field_dict["botStatus"] = bot_status
        if connection_status is not UNSET:
            field_dict["connectionStatus"] = connection_status
        if gender is not UNSET:
            field_dict["gender"] = gender
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if locale is not UNSET:
            field_dict["locale"] = locale
        if subscribe_history is not UNSET:
            field_dict["subscribeHistory"] = subscribe_history
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscribe_history_entry import SubscribeHistoryEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        person_id = d.pop("person_id")

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags", UNSET))

        _from_ = d.pop("from", UNSET)
        from_: ChannelSource | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = check_channel_source(_from_)

        bot_status = d.pop("botStatus", UNSET)

        connection_status = d.pop("connectionStatus", UNSET)

        gender = d.pop("gender", UNSET)

        phone = d.pop("phone", UNSET)

        email = d.pop("email", UNSET)

        locale = d.pop("locale", UNSET)

        _subscribe_history = d.pop("subscribeHistory", UNSET)
        subscribe_history: list[SubscribeHistoryEntry] | Unset = UNSET
        if _subscribe_history is not UNSET:
            subscribe_history = []
            for subscribe_history_item_data in _subscribe_history:
                subscribe_history_item = SubscribeHistoryEntry.from_dict(subscribe_history_item_data)

                subscribe_history.append(subscribe_history_item)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        created_person = cls(
            id=id,
            person_id=person_id,
            name=name,
            tags=tags,
            from_=from_,
            bot_status=bot_status,
            connection_status=connection_status,
            gender=gender,
            phone=phone,
            email=email,
            locale=locale,
            subscribe_history=subscribe_history,
            created_at=created_at,
            updated_at=updated_at,
        )

        created_person.additional_properties = d
        return created_person

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
