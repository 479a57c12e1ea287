from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="EmailContact")


@_attrs_define
class EmailContact(Model):
    """One person to reach by e-mail; only the address is required (vendor wiki page).

    Attributes:
        email (str):
        name (str | None):
        phone (str | None):
    """

    email: str
    name: str | None = None
    phone: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        _name = self.name
        if _name is not None:
            name = _name
            field_dict["name"] = name
        elif "name" in self._fields_set:
            field_dict["name"] = None
        _phone = self.phone
        if _phone is not None:
            phone = _phone
            field_dict["phone"] = phone
        elif "phone" in self._fields_set:
            field_dict["phone"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        email = d.pop("email")
        fields_set.add("email")

        name: str | None = None
        if "name" in d:
            fields_set.add("name")
            if d["name"] is not None:
                name = d.pop("name")
            d.pop("name", None)

        phone: str | None = None
        if "phone" in d:
            fields_set.add("phone")
            if d["phone"] is not None:
                phone = d.pop("phone")
            d.pop("phone", None)

        email_contact = cls(
            email=email,
            name=name,
            phone=phone,
        )
        email_contact._fields_set = fields_set

        email_contact.additional_properties = d
        return email_contact

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
