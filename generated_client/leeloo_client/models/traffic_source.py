from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="TrafficSource")


@_attrs_define
class TrafficSource(Model):
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        type_ (str | None): The kind of traffic source; the page shows only `normal`. Example: normal.
        fb_adset_id (None | str | None): The Facebook ad set the source is bound to; null for a normal source, as the
            page shows.
        description (str | None):
        synchronized_with_fb (bool | None):
        synchronization_error (bool | None):
        disabled (bool | None):
        company_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        leadgentool_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        tunnel_id (str | None): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        created_by (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        hash_ (str | None): Short hash used in the traffic source's link.
        resubscribe_button_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        created_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
    """

    id: str
    name: str
    type_: str | None = None
    fb_adset_id: None | str | None = None
    description: str | None = None
    synchronized_with_fb: bool | None = None
    synchronization_error: bool | None = None
    disabled: bool | None = None
    company_id: str | None = None
    leadgentool_id: str | None = None
    tunnel_id: str | None = None
    created_by: str | None = None
    hash_: str | None = None
    resubscribe_button_id: str | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
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
        _type_ = self.type_
        if _type_ is not None:
            type_ = _type_
            field_dict["type"] = type_
        elif "type_" in self._fields_set:
            field_dict["type"] = None
        _fb_adset_id = self.fb_adset_id
        if _fb_adset_id is not None:
            fb_adset_id: None | str
            fb_adset_id = _fb_adset_id
            field_dict["fb_adset_id"] = fb_adset_id
        elif "fb_adset_id" in self._fields_set:
            field_dict["fb_adset_id"] = None
        _description = self.description
        if _description is not None:
            description = _description
            field_dict["description"] = description
        elif "description" in self._fields_set:
            field_dict["description"] = None
        _synchronized_with_fb = self.synchronized_with_fb
        if _synchronized_with_fb is not None:
            synchronized_with_fb = _synchronized_with_fb
            field_dict["synchronized_with_fb"] = synchronized_with_fb
        elif "synchronized_with_fb" in self._fields_set:
            field_dict["synchronized_with_fb"] = None
        _synchronization_error = self.synchronization_error
        if _synchronization_error is not None:
            synchronization_error = _synchronization_error
            field_dict["synchronization_error"] = synchronization_error
        elif "synchronization_error" in self._fields_set:
            field_dict["synchronization_error"] = None
        _disabled = self.disabled
        if _disabled is not None:
            disabled = _disabled
            field_dict["disabled"] = disabled
        elif "disabled" in self._fields_set:
            field_dict["disabled"] = None
        _company_id = self.company_id
        if _company_id is not None:
            company_id = _company_id
            field_dict["company_id"] = company_id
        elif "company_id" in self._fields_set:
            field_dict["company_id"] = None
        _leadgentool_id = self.leadgentool_id
        if _leadgentool_id is not None:
            leadgentool_id = _leadgentool_id
            field_dict["leadgentool_id"] = leadgentool_id
        elif "leadgentool_id" in self._fields_set:
            field_dict["leadgentool_id"] = None
        _tunnel_id = self.tunnel_id
        if _tunnel_id is not None:
            tunnel_id = _tunnel_id
            field_dict["tunnel_id"] = tunnel_id
        elif "tunnel_id" in self._fields_set:
            field_dict["tunnel_id"] = None
        _created_by = self.created_by
        if _created_by is not None:
            created_by = _created_by
            field_dict["created_by"] = created_by
        elif "created_by" in self._fields_set:
            field_dict["created_by"] = None
        _hash_ = self.hash_
        if _hash_ is not None:
            hash_ = _hash_
            field_dict["hash"] = hash_
        elif "hash_" in self._fields_set:
            field_dict["hash"] = None
        _resubscribe_button_id = self.resubscribe_button_id
        if _resubscribe_button_id is not None:
            resubscribe_button_id = _resubscribe_button_id
            field_dict["resubscribe_button_id"] = resubscribe_button_id
        elif "resubscribe_button_id" in self._fields_set:
            field_dict["resubscribe_button_id"] = None
        _created_at = self.created_at
        if _created_at is not None:
            created_at = _created_at.isoformat()
            field_dict["createdAt"] = created_at
        elif "created_at" in self._fields_set:
            field_dict["createdAt"] = None
        _updated_at = self.updated_at
        if _updated_at is not None:
            updated_at = _updated_at.isoformat()
            field_dict["updatedAt"] = updated_at
        elif "updated_at" in self._fields_set:
            field_dict["updatedAt"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        id = d.pop("id")
        fields_set.add("id")

        name = d.pop("name")
        fields_set.add("name")

        type_: str | None = None
        if "type" in d:
            fields_set.add("type_")
            if d["type"] is not None:
                type_ = d.pop("type")
            d.pop("type", None)

        fb_adset_id: None | str | None = None
        if "fb_adset_id" in d:
            fields_set.add("fb_adset_id")
            if d["fb_adset_id"] is not None:

                def _parse_fb_adset_id(data: object) -> None | str:
                    if data is None:
                        return data
                    return cast(None | str, data)

                fb_adset_id = _parse_fb_adset_id(d.pop("fb_adset_id"))

            d.pop("fb_adset_id", None)

        description: str | None = None
        if "description" in d:
            fields_set.add("description")
            if d["description"] is not None:
                description = d.pop("description")
            d.pop("description", None)

        synchronized_with_fb: bool | None = None
        if "synchronized_with_fb" in d:
            fields_set.add("synchronized_with_fb")
            if d["synchronized_with_fb"] is not None:
                synchronized_with_fb = d.pop("synchronized_with_fb")
            d.pop("synchronized_with_fb", None)

        synchronization_error: bool | None = None
        if "synchronization_error" in d:
            fields_set.add("synchronization_error")
            if d["synchronization_error"] is not None:
                synchronization_error = d.pop("synchronization_error")
            d.pop("synchronization_error", None)

        disabled: bool | None = None
        if "disabled" in d:
            fields_set.add("disabled")
            if d["disabled"] is not None:
                disabled = d.pop("disabled")
            d.pop("disabled", None)

        company_id: str | None = None
        if "company_id" in d:
            fields_set.add("company_id")
            if d["company_id"] is not None:
                company_id = d.pop("company_id")
            d.pop("company_id", None)

        leadgentool_id: str | None = None
        if "leadgentool_id" in d:
            fields_set.add("leadgentool_id")
            if d["leadgentool_id"] is not None:
                leadgentool_id = d.pop("leadgentool_id")
            d.pop("leadgentool_id", None)

        tunnel_id: str | None = None
        if "tunnel_id" in d:
            fields_set.add("tunnel_id")
            if d["tunnel_id"] is not None:
                tunnel_id = d.pop("tunnel_id")
            d.pop("tunnel_id", None)

        created_by: str | None = None
        if "created_by" in d:
            fields_set.add("created_by")
            if d["created_by"] is not None:
                created_by = d.pop("created_by")
            d.pop("created_by", None)

        hash_: str | None = None
        if "hash" in d:
            fields_set.add("hash_")
            if d["hash"] is not None:
                hash_ = d.pop("hash")
            d.pop("hash", None)

        resubscribe_button_id: str | None = None
        if "resubscribe_button_id" in d:
            fields_set.add("resubscribe_button_id")
            if d["resubscribe_button_id"] is not None:
                resubscribe_button_id = d.pop("resubscribe_button_id")
            d.pop("resubscribe_button_id", None)

        created_at: datetime.datetime | None = None
        if "createdAt" in d:
            fields_set.add("created_at")
            if d["createdAt"] is not None:
                created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

            d.pop("createdAt", None)

        updated_at: datetime.datetime | None = None
        if "updatedAt" in d:
            fields_set.add("updated_at")
            if d["updatedAt"] is not None:
                updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

            d.pop("updatedAt", None)

        traffic_source = cls(
            id=id,
            name=name,
            type_=type_,
            fb_adset_id=fb_adset_id,
            description=description,
            synchronized_with_fb=synchronized_with_fb,
            synchronization_error=synchronization_error,
            disabled=disabled,
            company_id=company_id,
            leadgentool_id=leadgentool_id,
            tunnel_id=tunnel_id,
            created_by=created_by,
            hash_=hash_,
            resubscribe_button_id=resubscribe_button_id,
            created_at=created_at,
            updated_at=updated_at,
        )
        traffic_source._fields_set = fields_set

        traffic_source.additional_properties = d
        return traffic_source

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
