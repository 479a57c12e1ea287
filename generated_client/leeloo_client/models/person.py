from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.custom_field import CustomField
    from ..models.person_links import PersonLinks
    from ..models.subscribe_history_entry import SubscribeHistoryEntry


T = TypeVar("T", bound="Person")


@_attrs_define
class Person(Model):
    """A person's card.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        tags (list[str] | None): Names of the person's tags.
        profile_image (str | None): URL of the profile picture, or `NOT_DEFINED` when there is none (the page shows
            both).
        gender (str | None): The page shows `OTHER`, `NO_DATA` and `NOT_DEFINED` and lists no complete set, so it is not
            an enum.
        phone (str | None): The phone number, or `NOT_DEFINED` when there is none (answers quoted in issue 14; see
            `ContactEmail`).
        email (str | None): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        locale (str | None): Locale such as `ru_RU`; empty when unknown.
        accounts (list[Account] | None):
        subscribe_history (list[SubscribeHistoryEntry] | None):
        links (PersonLinks | None):
        custom_fields (list[CustomField] | None):
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
    """

    id: str
    name: str
    tags: list[str] | None = None
    profile_image: str | None = None
    gender: str | None = None
    phone: str | None = None
    email: str | None = None
    locale: str | None = None
    accounts: list[Account] | None = None
    subscribe_history: list[SubscribeHistoryEntry] | None = None
    links: PersonLinks | None = None
    custom_fields: list[CustomField] | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        _tags = self.tags
        if _tags is not None:
            tags = _tags

            field_dict["tags"] = tags
        elif "tags" in self._fields_set:
            field_dict["tags"] = None
        _profile_image = self.profile_image
        if _profile_image is not None:
            profile_image = _profile_image
            field_dict["profileImage"] = profile_image
        elif "profile_image" in self._fields_set:
            field_dict["profileImage"] = None
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
        _accounts = self.accounts
        if _accounts is not None:
            accounts = []
            for accounts_item_data in _accounts:
                accounts_item = accounts_item_data.to_dict()
                accounts.append(accounts_item)

            field_dict["accounts"] = accounts
        elif "accounts" in self._fields_set:
            field_dict["accounts"] = None
        _subscribe_history = self.subscribe_history
        if _subscribe_history is not None:
            subscribe_history = []
            for subscribe_history_item_data in _subscribe_history:
                subscribe_history_item = subscribe_history_item_data.to_dict()
                subscribe_history.append(subscribe_history_item)

            field_dict["subscribeHistory"] = subscribe_history
        elif "subscribe_history" in self._fields_set:
            field_dict["subscribeHistory"] = None
        _links = self.links
        if _links is not None:
            links = _links.to_dict()
            field_dict["links"] = links
        elif "links" in self._fields_set:
            field_dict["links"] = None
        _custom_fields = self.custom_fields
        if _custom_fields is not None:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

            field_dict["custom_fields"] = custom_fields
        elif "custom_fields" in self._fields_set:
            field_dict["custom_fields"] = None
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415
        from ..models.custom_field import CustomField  # noqa: PLC0415
        from ..models.person_links import PersonLinks  # noqa: PLC0415
        from ..models.subscribe_history_entry import SubscribeHistoryEntry  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        name = d.pop("name")
        fields_set.add("name")

        tags: list[str] | None = None
        if "tags" in d:
            fields_set.add("tags")
            if d["tags"] is not None:
                tags = cast(list[str], d.pop("tags"))

            d.pop("tags", None)

        profile_image: str | None = None
        if "profileImage" in d:
            fields_set.add("profile_image")
            if d["profileImage"] is not None:
                profile_image = d.pop("profileImage")
            d.pop("profileImage", None)

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

        accounts: list[Account] | None = None
        if "accounts" in d:
            fields_set.add("accounts")
            if d["accounts"] is not None:
                accounts = []
                _accounts = d.pop("accounts")
                for accounts_item_data in _accounts:
                    accounts_item = Account.from_dict(accounts_item_data)

                    accounts.append(accounts_item)

            d.pop("accounts", None)

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

        links: PersonLinks | None = None
        if "links" in d:
            fields_set.add("links")
            if d["links"] is not None:
                links = PersonLinks.from_dict(d.pop("links"))

            d.pop("links", None)

        custom_fields: list[CustomField] | None = None
        if "custom_fields" in d:
            fields_set.add("custom_fields")
            if d["custom_fields"] is not None:
                custom_fields = []
                _custom_fields = d.pop("custom_fields")
                for custom_fields_item_data in _custom_fields:
                    custom_fields_item = CustomField.from_dict(custom_fields_item_data)

                    custom_fields.append(custom_fields_item)

            d.pop("custom_fields", None)

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

        person = cls(
            id=id,
            name=name,
            tags=tags,
            profile_image=profile_image,
            gender=gender,
            phone=phone,
            email=email,
            locale=locale,
            accounts=accounts,
            subscribe_history=subscribe_history,
            links=links,
            custom_fields=custom_fields,
            created_at=created_at,
            updated_at=updated_at,
        )
        person._fields_set = fields_set

        person.additional_properties = d
        return person

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
