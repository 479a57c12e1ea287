from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.account import Account


T = TypeVar("T", bound="PersonSummary")


@_attrs_define
class PersonSummary(Model):
    """A person as GET /people lists them.

    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        email (str | None): An e-mail address, or the string `NOT_DEFINED` when the person has none: Leeloo marks
            unknown values with that sentinel (`profileImage`, `gender` on the page; e-mail and
            phone in answers seen by public clients). A pattern rather than `anyOf` of `format:
            email` and the sentinel, because the client generator cannot parse such a union.
             Example: feliks@gmail.com.
        phone (str | None): The phone number, or `NOT_DEFINED` when there is none (answers quoted in issue 14; see
            `ContactEmail`).
        tags (list[str] | None): Names of the person's tags.
        accounts (list[Account] | None):
        last_message_time (datetime.datetime | None):
        created_at (datetime.datetime | None): When the person was added. The page's example omits it; real list answers
            carry it
            (**verified** by captures quoted in issue 14), so it is declared, optional.
    """

    id: str
    name: str
    email: str | None = None
    phone: str | None = None
    tags: list[str] | None = None
    accounts: list[Account] | None = None
    last_message_time: datetime.datetime | None = None
    created_at: datetime.datetime | None = None
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
        _email = self.email
        if _email is not None:
            email = _email
            field_dict["email"] = email
        elif "email" in self._fields_set:
            field_dict["email"] = None
        _phone = self.phone
        if _phone is not None:
            phone = _phone
            field_dict["phone"] = phone
        elif "phone" in self._fields_set:
            field_dict["phone"] = None
        _tags = self.tags
        if _tags is not None:
            tags = _tags

            field_dict["tags"] = tags
        elif "tags" in self._fields_set:
            field_dict["tags"] = None
        _accounts = self.accounts
        if _accounts is not None:
            accounts = []
            for accounts_item_data in _accounts:
                accounts_item = accounts_item_data.to_dict()
                accounts.append(accounts_item)

            field_dict["accounts"] = accounts
        elif "accounts" in self._fields_set:
            field_dict["accounts"] = None
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        name = d.pop("name")
        fields_set.add("name")

        email: str | None = None
        if "email" in d:
            fields_set.add("email")
            if d["email"] is not None:
                email = d.pop("email")
            d.pop("email", None)

        phone: str | None = None
        if "phone" in d:
            fields_set.add("phone")
            if d["phone"] is not None:
                phone = d.pop("phone")
            d.pop("phone", None)

        tags: list[str] | None = None
        if "tags" in d:
            fields_set.add("tags")
            if d["tags"] is not None:
                tags = cast(list[str], d.pop("tags"))

            d.pop("tags", None)

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
        person_summary._fields_set = fields_set

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
