from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="Comment")


@_attrs_define
class Comment(Model):
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        text (str):
        created_by (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        company_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        entity_id (str | None): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        entity_type (str | None): The kind of entity the comment is on; the page shows only `PERSON`. Example: PERSON.
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
    """

    id: str
    text: str
    created_by: str | None = None
    company_id: str | None = None
    entity_id: str | None = None
    entity_type: str | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
            }
        )
        _created_by = self.created_by
        if _created_by is not None:
            created_by = _created_by
            field_dict["created_by"] = created_by
        elif "created_by" in self._fields_set:
            field_dict["created_by"] = None
        _company_id = self.company_id
        if _company_id is not None:
            company_id = _company_id
            field_dict["company_id"] = company_id
        elif "company_id" in self._fields_set:
            field_dict["company_id"] = None
        _entity_id = self.entity_id
        if _entity_id is not None:
            entity_id = _entity_id
            field_dict["entity_id"] = entity_id
        elif "entity_id" in self._fields_set:
            field_dict["entity_id"] = None
        _entity_type = self.entity_type
        if _entity_type is not None:
            entity_type = _entity_type
            field_dict["entity_type"] = entity_type
        elif "entity_type" in self._fields_set:
            field_dict["entity_type"] = None
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
        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        text = d.pop("text")
        fields_set.add("text")

        created_by: str | None = None
        if "created_by" in d:
            fields_set.add("created_by")
            if d["created_by"] is not None:
                created_by = d.pop("created_by")
            d.pop("created_by", None)

        company_id: str | None = None
        if "company_id" in d:
            fields_set.add("company_id")
            if d["company_id"] is not None:
                company_id = d.pop("company_id")
            d.pop("company_id", None)

        entity_id: str | None = None
        if "entity_id" in d:
            fields_set.add("entity_id")
            if d["entity_id"] is not None:
                entity_id = d.pop("entity_id")
            d.pop("entity_id", None)

        entity_type: str | None = None
        if "entity_type" in d:
            fields_set.add("entity_type")
            if d["entity_type"] is not None:
                entity_type = d.pop("entity_type")
            d.pop("entity_type", None)

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

        comment = cls(
            id=id,
            text=text,
            created_by=created_by,
            company_id=company_id,
            entity_id=entity_id,
            entity_type=entity_type,
            created_at=created_at,
            updated_at=updated_at,
        )
        comment._fields_set = fields_set

        comment.additional_properties = d
        return comment

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
