from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="CreatePersonRequest")


@_attrs_define
class CreatePersonRequest(Model):
    """The page notes that only `connected_users_ids` is not required.

    Attributes:
        name (str):
        email (str):
        phone (str):
        leadgentool_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        connected_users_ids (list[str] | None): Platform users to connect the person to.
    """

    name: str
    email: str
    phone: str
    leadgentool_id: str
    connected_users_ids: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        phone = self.phone

        leadgentool_id = self.leadgentool_id

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
        _connected_users_ids = self.connected_users_ids
        if _connected_users_ids is not None:
            connected_users_ids = _connected_users_ids

            field_dict["connected_users_ids"] = connected_users_ids
        elif "connected_users_ids" in self._fields_set:
            field_dict["connected_users_ids"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        name = d.pop("name")
        fields_set.add("name")

        email = d.pop("email")
        fields_set.add("email")

        phone = d.pop("phone")
        fields_set.add("phone")

        leadgentool_id = d.pop("leadgentool_id")
        fields_set.add("leadgentool_id")

        connected_users_ids: list[str] | None = None
        if "connected_users_ids" in d:
            fields_set.add("connected_users_ids")
            if d["connected_users_ids"] is not None:
                connected_users_ids = cast(list[str], d.pop("connected_users_ids"))

            d.pop("connected_users_ids", None)

        create_person_request = cls(
            name=name,
            email=email,
            phone=phone,
            leadgentool_id=leadgentool_id,
            connected_users_ids=connected_users_ids,
        )
        create_person_request._fields_set = fields_set

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
