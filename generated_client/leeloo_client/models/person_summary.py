from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account import Account


T = TypeVar("T", bound="PersonSummary")


@_attrs_define
class PersonSummary:
    """A person as GET /people lists them.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        email (str | Unset): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        phone (str | Unset): The phone number, or `NOT_DEFINED` when there is none (answers quoted in issue 14; see
            `ContactEmail`).
        tags (list[str] | Unset): Names of the person's tags.
        accounts (list[Account] | Unset):
        last_message_time (datetime.datetime | Unset):
        created_at (datetime.datetime | Unset): When the person was added. The page's example omits it; real list
            answers carry it
            (**verified** by captures quoted in issue 14), so it is declared, optional.
    """

    id: str
    name: str
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    accounts: list[Account] | Unset = UNSET
    last_message_time: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        email = self.email

        phone = self.phone

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        accounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.accounts, Unset):
            accounts = []
            for accounts_item_data in self.accounts:
                accounts_item = accounts_item_data.to_dict()
                accounts.append(accounts_item)

        last_message_time: str | Unset = UNSET
        if not isinstance(self.last_message_time, Unset):
            last_message_time = self.last_message_time.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if tags is not UNSET:
            field_dict["tags"] = tags
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if last_message_time is not UNSET:
            field_dict["lastMessageTime"] = last_message_time
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _accounts = d.pop("accounts", UNSET)
        accounts: list[Account] | Unset = UNSET
        if _accounts is not UNSET:
            accounts = []
            for accounts_item_data in _accounts:
                accounts_item = Account.from_dict(accounts_item_data)

                accounts.append(accounts_item)

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

        person_summary = cls(
            id=id,
            name=name,
            email=email,
            phone=phone,
            tags=tags,
            accounts=accounts,
            last_message_time=last_message_time,
            created_at=created_at,
        )

        person_summary.additional_properties = d
        return person_summary

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
