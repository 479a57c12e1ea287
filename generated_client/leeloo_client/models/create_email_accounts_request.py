from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.email_contact import EmailContact


T = TypeVar("T", bound="CreateEmailAccountsRequest")


@_attrs_define
class CreateEmailAccountsRequest(Model):
    """
    Attributes:
        data (list[EmailContact]):
        connection_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        tags (str | None): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
    """

    data: list[EmailContact]
    connection_id: str
    tags: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        connection_id = self.connection_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "connection_id": connection_id,
            }
        )
        _tags = self.tags
        if _tags is not None:
            tags = _tags
            field_dict["tags"] = tags
        elif "tags" in self._fields_set:
            field_dict["tags"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_contact import EmailContact  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = EmailContact.from_dict(data_item_data)

            data.append(data_item)

        fields_set.add("data")

        connection_id = d.pop("connection_id")
        fields_set.add("connection_id")

        tags: str | None = None
        if "tags" in d:
            fields_set.add("tags")
            if d["tags"] is not None:
                tags = d.pop("tags")
            d.pop("tags", None)

        create_email_accounts_request = cls(
            data=data,
            connection_id=connection_id,
            tags=tags,
        )
        create_email_accounts_request._fields_set = fields_set

        create_email_accounts_request.additional_properties = d
        return create_email_accounts_request

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
