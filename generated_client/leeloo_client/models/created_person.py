from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.channel_source import ChannelSource, check_channel_source

if TYPE_CHECKING:
    from ..models.subscribe_history_entry import SubscribeHistoryEntry


T = TypeVar("T", bound="CreatedPerson")


@_attrs_define
class CreatedPerson(Model):
    """The new person's MANUAL communication channel, as POST /people answers.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        person_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        tags (list[str] | None):
        from_ (ChannelSource | None): The messenger of a communication channel. The page shows these four values (MANUAL
            for a person added by hand); it lists no complete set. Closed on purpose, unlike `gender`
            or a chat message's `type`: the channel decides how a message is sent, so a client should
            learn of a new one. A value the page never shows (an SMS connection's, say) makes
            `make contract-live` name it, and the enum grows with it (**guess** that the four are
            all; the newer print adds an e-mail connection type, `sendGrid`, among connections).
        bot_status (str | None): Example: BOT.
        connection_status (str | None): Example: OK.
        gender (str | None):
        phone (str | None):
        email (str | None): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        locale (str | None):
        subscribe_history (list[SubscribeHistoryEntry] | None):
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
    """

    id: str
    person_id: str
    name: str
    tags: list[str] | None = None
    from_: ChannelSource | None = None
    bot_status: str | None = None
    connection_status: str | None = None
    gender: str | None = None
    phone: str | None = None
    email: str | None = None
    locale: str | None = None
    subscribe_history: list[SubscribeHistoryEntry] | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person_id = self.person_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "name": name,
            }
        )
        _tags = self.tags
        if _tags is not None:
            tags = _tags

            field_dict["tags"] = tags
        elif "tags" in self._fields_set:
            field_dict["tags"] = None
        _from_ = self.from_
        if _from_ is not None:
            from_: str = _from_
            field_dict["from"] = from_
        elif "from_" in self._fields_set:
            field_dict["from"] = None
        _bot_status = self.bot_status
        if _bot_status is not None:
            bot_status = _bot_status
            field_dict["botStatus"] = bot_status
        elif "bot_status" in self._fields_set:
            field_dict["botStatus"] = None
        _connection_status = self.connection_status
        if _connection_status is not None:
            connection_status = _connection_status
            field_dict["connectionStatus"] = connection_status
        elif "connection_status" in self._fields_set:
            field_dict["connectionStatus"] = None
        _gender = self.gender
        if _gender is not None:
            gender = _gender
            field_dict["gender"] = gender
        elif "gender" in self._fields_set:
            field_dict["gender"] = None
        _phone = self.phone
        if _phone is not None:
            phone = _phone
            field_dict["phone"] = phone
        elif "phone" in self._fields_set:
            field_dict["phone"] = None
        _email = self.email
        if _email is not None:
            email = _email
            field_dict["email"] = email
        elif "email" in self._fields_set:
            field_dict["email"] = None
        _locale = self.locale
        if _locale is not None:
            locale = _locale
            field_dict["locale"] = locale
        elif "locale" in self._fields_set:
            field_dict["locale"] = None
        _subscribe_history = self.subscribe_history
        if _subscribe_history is not None:
            subscribe_history = []
            for subscribe_history_item_data in _subscribe_history:
                subscribe_history_item = subscribe_history_item_data.to_dict()
                subscribe_history.append(subscribe_history_item)

            field_dict["subscribeHistory"] = subscribe_history
        elif "subscribe_history" in self._fields_set:
            field_dict["subscribeHistory"] = None
        _created_at = self.created_at
        if _created_at is not None:
            created_at = _created_at.isoformat()
            field_dict["createdAt"] = created_at
        elif "created_at" in self._fields_set:
            field_dict["createdAt"] = None
        _updated_at = self.updated_at
        if _updated_at is not None:
            updated_at = _updated_at.isoformat()
            field_dict["updatedAt"] = updated_at
        elif "updated_at" in self._fields_set:
            field_dict["updatedAt"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscribe_history_entry import SubscribeHistoryEntry  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        person_id = d.pop("person_id")
        fields_set.add("person_id")

        name = d.pop("name")
        fields_set.add("name")

        tags: list[str] | None = None
        if "tags" in d:
            fields_set.add("tags")
            if d["tags"] is not None:
                tags = cast(list[str], d.pop("tags"))

            d.pop("tags", None)

        from_: ChannelSource | None = None
        if "from" in d:
            fields_set.add("from_")
            if d["from"] is not None:
                from_ = check_channel_source(d.pop("from"))

            d.pop("from", None)

        bot_status: str | None = None
        if "botStatus" in d:
            fields_set.add("bot_status")
            if d["botStatus"] is not None:
                bot_status = d.pop("botStatus")
            d.pop("botStatus", None)

        connection_status: str | None = None
        if "connectionStatus" in d:
            fields_set.add("connection_status")
            if d["connectionStatus"] is not None:
                connection_status = d.pop("connectionStatus")
            d.pop("connectionStatus", None)

        gender: str | None = None
        if "gender" in d:
            fields_set.add("gender")
            if d["gender"] is not None:
                gender = d.pop("gender")
            d.pop("gender", None)

        phone: str | None = None
        if "phone" in d:
            fields_set.add("phone")
            if d["phone"] is not None:
                phone = d.pop("phone")
            d.pop("phone", None)

        email: str | None = None
        if "email" in d:
            fields_set.add("email")
            if d["email"] is not None:
                email = d.pop("email")
            d.pop("email", None)

        locale: str | None = None
        if "locale" in d:
            fields_set.add("locale")
            if d["locale"] is not None:
                locale = d.pop("locale")
            d.pop("locale", None)

        subscribe_history: list[SubscribeHistoryEntry] | None = None
        if "subscribeHistory" in d:
            fields_set.add("subscribe_history")
            if d["subscribeHistory"] is not None:
                subscribe_history = []
                _subscribe_history = d.pop("subscribeHistory")
                for subscribe_history_item_data in _subscribe_history:
                    subscribe_history_item = SubscribeHistoryEntry.from_dict(subscribe_history_item_data)

                    subscribe_history.append(subscribe_history_item)

            d.pop("subscribeHistory", None)

        created_at: datetime.datetime | None = None
        if "createdAt" in d:
            fields_set.add("created_at")
            if d["createdAt"] is not None:
                created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

            d.pop("createdAt", None)

        updated_at: datetime.datetime | None = None
        if "updatedAt" in d:
            fields_set.add("updated_at")
            if d["updatedAt"] is not None:
                updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

            d.pop("updatedAt", None)

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
        created_person._fields_set = fields_set

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
