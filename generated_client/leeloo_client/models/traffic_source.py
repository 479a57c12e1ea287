from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrafficSource")


@_attrs_define
class TrafficSource:
    """
    Attributes:
        id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        name (str):
        type_ (str | Unset): The kind of traffic source; the page shows only `normal`. Example: normal.
        fb_adset_id (None | str | Unset): The Facebook ad set the source is bound to; null for a normal source, as the
            page shows.
        description (str | Unset):
        synchronized_with_fb (bool | Unset):
        synchronization_error (bool | Unset):
        disabled (bool | Unset):
        company_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        leadgentool_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        tunnel_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        created_by (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        hash_ (str | Unset): Short hash used in the traffic source's link.
        resubscribe_button_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str
    name: str
    type_: str | Unset = UNSET
    fb_adset_id: None | str | Unset = UNSET
    description: str | Unset = UNSET
    synchronized_with_fb: bool | Unset = UNSET
    synchronization_error: bool | Unset = UNSET
    disabled: bool | Unset = UNSET
    company_id: str | Unset = UNSET
    leadgentool_id: str | Unset = UNSET
    tunnel_id: str | Unset = UNSET
    created_by: str | Unset = UNSET
    hash_: str | Unset = UNSET
    resubscribe_button_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_

        fb_adset_id: None | str | Unset
        if isinstance(self.fb_adset_id, Unset):
            fb_adset_id = UNSET
        else:
            fb_adset_id = self.fb_adset_id

        description = self.description

        synchronized_with_fb = self.synchronized_with_fb

        synchronization_error = self.synchronization_error

        disabled = self.disabled

        company_id = self.company_id

        leadgentool_id = self.leadgentool_id

        tunnel_id = self.tunnel_id

        created_by = self.created_by

        hash_ = self.hash_

        resubscribe_button_id = self.resubscribe_button_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if fb_adset_id is not UNSET:
            field_dict["fb_adset_id"] = fb_adset_id
        if description is not UNSET:
            field_dict["description"] = description
        if synchronized_with_fb is not UNSET:
            field_dict["synchronized_with_fb"] = synchronized_with_fb
        if synchronization_error is not UNSET:
            field_dict["synchronization_error"] = synchronization_error
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if leadgentool_id is not UNSET:
            field_dict["leadgentool_id"] = leadgentool_id
        if tunnel_id is not UNSET:
            field_dict["tunnel_id"] = tunnel_id
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if resubscribe_button_id is not UNSET:
            field_dict["resubscribe_button_id"] = resubscribe_button_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = d.pop("type", UNSET)

        def _parse_fb_adset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fb_adset_id = _parse_fb_adset_id(d.pop("fb_adset_id", UNSET))

        description = d.pop("description", UNSET)

        synchronized_with_fb = d.pop("synchronized_with_fb", UNSET)

        synchronization_error = d.pop("synchronization_error", UNSET)

        disabled = d.pop("disabled", UNSET)

        company_id = d.pop("company_id", UNSET)

        leadgentool_id = d.pop("leadgentool_id", UNSET)

        tunnel_id = d.pop("tunnel_id", UNSET)

        created_by = d.pop("created_by", UNSET)

        hash_ = d.pop("hash", UNSET)

        resubscribe_button_id = d.pop("resubscribe_button_id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

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
