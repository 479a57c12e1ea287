from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="SmsContact")


@_attrs_define
class SmsContact(Model):
    """One person to reach by SMS. The page's example gives name, email and phone; an SMS
    connection cannot exist without a phone number, so only `phone` is required.

        Attributes:
            phone (str):
            name (str | None):
            email (str | None):
    """

    phone: str
    name: str | None = None
    email: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone": phone,
            }
        )
        _name = self.name
        if _name is not None:
            name = _name
            field_dict["name"] = name
        elif "name" in self._fields_set:
            field_dict["name"] = None
        _email = self.email
        if _email is not None:
            email = _email
            field_dict["email"] = email
        elif "email" in self._fields_set:
            field_dict["email"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        phone = d.pop("phone")
        fields_set.add("phone")

        name: str | None = None
        if "name" in d:
            fields_set.add("name")
            if d["name"] is not None:
                name = d.pop("name")
            d.pop("name", None)

        email: str | None = None
        if "email" in d:
            fields_set.add("email")
            if d["email"] is not None:
                email = d.pop("email")
            d.pop("email", None)

        sms_contact = cls(
            phone=phone,
            name=name,
            email=email,
        )
        sms_contact._fields_set = fields_set

        sms_contact.additional_properties = d
        return sms_contact

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
