from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.custom_field import CustomField
    from ..models.person_links import PersonLinks
    from ..models.subscribe_history_entry import SubscribeHistoryEntry


T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    """A person's card.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        tags (list[str] | Unset): Names of the person's tags.
        profile_image (str | Unset): URL of the profile picture, or `NOT_DEFINED` when there is none (the page shows
            both).
        gender (str | Unset): The page shows `OTHER`, `NO_DATA` and `NOT_DEFINED` and lists no complete set, so it is
            not an enum.
        phone (str | Unset): The phone number, or `NOT_DEFINED` when there is none (answers quoted in issue 14; see
            `ContactEmail`).
        email (str | Unset): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        locale (str | Unset): Locale such as `ru_RU`; empty when unknown.
        accounts (list[Account] | Unset):
        subscribe_history (list[SubscribeHistoryEntry] | Unset):
        links (PersonLinks | Unset):
        custom_fields (list[CustomField] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str
    name: str
    tags: list[str] | Unset = UNSET
    profile_image: str | Unset = UNSET
    gender: str | Unset = UNSET
    phone: str | Unset = UNSET
    email: str | Unset = UNSET
    locale: str | Unset = UNSET
    accounts: list[Account] | Unset = UNSET
    subscribe_history: list[SubscribeHistoryEntry] | Unset = UNSET
    links: PersonLinks | Unset = UNSET
    custom_fields: list[CustomField] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        profile_image = self.profile_image

        gender = self.gender

        phone = self.phone

        email = self.email

        locale = self.locale

        accounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.accounts, Unset):
            accounts = []
            for accounts_item_data in self.accounts:
                accounts_item = accounts_item_data.to_dict()
                accounts.append(accounts_item)

        subscribe_history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscribe_history, Unset):
            subscribe_history = []
            for subscribe_history_item_data in self.subscribe_history:
                subscribe_history_item = subscribe_history_item_data.to_dict()
                subscribe_history.append(subscribe_history_item)

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        custom_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

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
                "name": name,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if profile_image is not UNSET:
            field_dict["profileImage"] = profile_image
        if gender is not UNSET:
            field_dict["gender"] = gender
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if locale is not UNSET:
            field_dict["locale"] = locale
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if subscribe_history is not UNSET:
            field_dict["subscribeHistory"] = subscribe_history
        if links is not UNSET:
            field_dict["links"] = links
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415
        from ..models.custom_field import CustomField  # noqa: PLC0415
        from ..models.person_links import PersonLinks  # noqa: PLC0415
        from ..models.subscribe_history_entry import SubscribeHistoryEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags", UNSET))

        profile_image = d.pop("profileImage", UNSET)

        gender = d.pop("gender", UNSET)

        phone = d.pop("phone", UNSET)

        email = d.pop("email", UNSET)

        locale = d.pop("locale", UNSET)

        _accounts = d.pop("accounts", UNSET)
        accounts: list[Account] | Unset = UNSET
        if _accounts is not UNSET:
            accounts = []
            for accounts_item_data in _accounts:
                accounts_item = Account.from_dict(accounts_item_data)

                accounts.append(accounts_item)

        _subscribe_history = d.pop("subscribeHistory", UNSET)
        subscribe_history: list[SubscribeHistoryEntry] | Unset = UNSET
        if _subscribe_history is not UNSET:
            subscribe_history = []
            for subscribe_history_item_data in _subscribe_history:
                subscribe_history_item = SubscribeHistoryEntry.from_dict(subscribe_history_item_data)

                subscribe_history.append(subscribe_history_item)

        _links = d.pop("links", UNSET)
        links: PersonLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = PersonLinks.from_dict(_links)

        _custom_fields = d.pop("custom_fields", UNSET)
        custom_fields: list[CustomField] | Unset = UNSET
        if _custom_fields is not UNSET:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = CustomField.from_dict(custom_fields_item_data)

                custom_fields.append(custom_fields_item)

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
