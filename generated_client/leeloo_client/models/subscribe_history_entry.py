from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscribeHistoryEntry")


@_attrs_define
class SubscribeHistoryEntry:
    """One subscription of a person to a tunnel through a lead-gen tool and traffic source.

    Attributes:
        tunnel_name (str | Unset):
        leadgentool_name (str | Unset):
        traffic_source (str | Unset): The traffic source's name.
        tunnel_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        leadgentool_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        traffic_source_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        account_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
    """

    tunnel_name: str | Unset = UNSET
    leadgentool_name: str | Unset = UNSET
    traffic_source: str | Unset = UNSET
    tunnel_id: str | Unset = UNSET
    leadgentool_id: str | Unset = UNSET
    traffic_source_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tunnel_name = self.tunnel_name

        leadgentool_name = self.leadgentool_name

        traffic_source = self.traffic_source

        tunnel_id = self.tunnel_id

        leadgentool_id = self.leadgentool_id

        traffic_source_id = self.traffic_source_id

        account_id = self.account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tunnel_name is not UNSET:
            field_dict["tunnelName"] = tunnel_name
        if leadgentool_name is not UNSET:
            field_dict["leadgentoolName"] = leadgentool_name
        if traffic_source is not UNSET:
            field_dict["trafficSource"] = traffic_source
        if tunnel_id is not UNSET:
            field_dict["tunnelId"] = tunnel_id
        if leadgentool_id is not UNSET:
            field_dict["leadgentoolId"] = leadgentool_id
        if traffic_source_id is not UNSET:
            field_dict["trafficSourceId"] = traffic_source_id
        if account_id is not UNSET:
            field_dict["accountId"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tunnel_name = d.pop("tunnelName", UNSET)

        leadgentool_name = d.pop("leadgentoolName", UNSET)

        traffic_source = d.pop("trafficSource", UNSET)

        tunnel_id = d.pop("tunnelId", UNSET)

        leadgentool_id = d.pop("leadgentoolId", UNSET)

        traffic_source_id = d.pop("trafficSourceId", UNSET)

        account_id = d.pop("accountId", UNSET)

        subscribe_history_entry = cls(
            tunnel_name=tunnel_name,
            leadgentool_name=leadgentool_name,
            traffic_source=traffic_source,
            tunnel_id=tunnel_id,
            leadgentool_id=leadgentool_id,
            traffic_source_id=traffic_source_id,
            account_id=account_id,
        )

        subscribe_history_entry.additional_properties = d
        return subscribe_history_entry

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
