from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.custom_field import CustomField


T = TypeVar("T", bound="UpdatePersonRequest")


@_attrs_define
class UpdatePersonRequest(Model):
    """The fields to change; the page marks none as required.

    Attributes:
        phone (str | None):
        email (str | None):
        custom_fields (list[CustomField] | None):
    """

    phone: str | None = None
    email: str | None = None
    custom_fields: list[CustomField] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        _custom_fields = self.custom_fields
        if _custom_fields is not None:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

            field_dict["custom_fields"] = custom_fields
        elif "custom_fields" in self._fields_set:
            field_dict["custom_fields"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_field import CustomField  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
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

        update_person_request = cls(
            phone=phone,
            email=email,
            custom_fields=custom_fields,
        )
        update_person_request._fields_set = fields_set

        update_person_request.additional_properties = d
        return update_person_request

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
