from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePersonRequest")


@_attrs_define
class CreatePersonRequest:
    """The page notes that only `connected_users_ids` is not required.

    Attributes:
        name (str):
        email (str):
        phone (str):
        leadgentool_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        connected_users_ids (list[str] | Unset): Platform users to connect the person to.
    """

    name: str
    email: str
    phone: str
    leadgentool_id: str
    connected_users_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        phone = self.phone

        leadgentool_id = self.leadgentool_id

        connected_users_ids: list[str] | Unset = UNSET
        if not isinstance(self.connected_users_ids, Unset):
            connected_users_ids = self.connected_users_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
                "phone": phone,
                "leadgentool_id": leadgentool_id,
            }
        )
        if connected_users_ids is not UNSET:
            field_dict["connected_users_ids"] = connected_users_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        phone = d.pop("phone")

        leadgentool_id = d.pop("leadgentool_id")

        connected_users_ids = cast(list[str], d.pop("connected_users_ids", UNSET))

        create_person_request = cls(
            name=name,
            email=email,
            phone=phone,
            leadgentool_id=leadgentool_id,
            connected_users_ids=connected_users_ids,
        )

        create_person_request.additional_properties = d
        return create_person_request

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
