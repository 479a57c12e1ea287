from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="SubscribeHistoryEntry")


@_attrs_define
class SubscribeHistoryEntry(Model):
    """One subscription of a person to a tunnel through a lead-gen tool and traffic source.

    Attributes:
        tunnel_name (str | None):
        leadgentool_name (str | None):
        traffic_source (str | None): The traffic source's name.
        tunnel_id (str | None): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        leadgentool_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        traffic_source_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        account_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
    """

    tunnel_name: str | None = None
    leadgentool_name: str | None = None
    traffic_source: str | None = None
    tunnel_id: str | None = None
    leadgentool_id: str | None = None
    traffic_source_id: str | None = None
    account_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _tunnel_name = self.tunnel_name
        if _tunnel_name is not None:
            tunnel_name = _tunnel_name
            field_dict["tunnelName"] = tunnel_name
        elif "tunnel_name" in self._fields_set:
            field_dict["tunnelName"] = None
        _leadgentool_name = self.leadgentool_name
        if _leadgentool_name is not None:
            leadgentool_name = _leadgentool_name
            field_dict["leadgentoolName"] = leadgentool_name
        elif "leadgentool_name" in self._fields_set:
            field_dict["leadgentoolName"] = None
        _traffic_source = self.traffic_source
        if _traffic_source is not None:
            traffic_source = _traffic_source
            field_dict["trafficSource"] = traffic_source
        elif "traffic_source" in self._fields_set:
            field_dict["trafficSource"] = None
        _tunnel_id = self.tunnel_id
        if _tunnel_id is not None:
            tunnel_id = _tunnel_id
            field_dict["tunnelId"] = tunnel_id
        elif "tunnel_id" in self._fields_set:
            field_dict["tunnelId"] = None
        _leadgentool_id = self.leadgentool_id
        if _leadgentool_id is not None:
            leadgentool_id = _leadgentool_id
            field_dict["leadgentoolId"] = leadgentool_id
        elif "leadgentool_id" in self._fields_set:
            field_dict["leadgentoolId"] = None
        _traffic_source_id = self.traffic_source_id
        if _traffic_source_id is not None:
            traffic_source_id = _traffic_source_id
            field_dict["trafficSourceId"] = traffic_source_id
        elif "traffic_source_id" in self._fields_set:
            field_dict["trafficSourceId"] = None
        _account_id = self.account_id
        if _account_id is not None:
            account_id = _account_id
            field_dict["accountId"] = account_id
        elif "account_id" in self._fields_set:
            field_dict["accountId"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        tunnel_name: str | None = None
        if "tunnelName" in d:
            fields_set.add("tunnel_name")
            if d["tunnelName"] is not None:
                tunnel_name = d.pop("tunnelName")
            d.pop("tunnelName", None)

        leadgentool_name: str | None = None
        if "leadgentoolName" in d:
            fields_set.add("leadgentool_name")
            if d["leadgentoolName"] is not None:
                leadgentool_name = d.pop("leadgentoolName")
            d.pop("leadgentoolName", None)

        traffic_source: str | None = None
        if "trafficSource" in d:
            fields_set.add("traffic_source")
            if d["trafficSource"] is not None:
                traffic_source = d.pop("trafficSource")
            d.pop("trafficSource", None)

        tunnel_id: str | None = None
        if "tunnelId" in d:
            fields_set.add("tunnel_id")
            if d["tunnelId"] is not None:
                tunnel_id = d.pop("tunnelId")
            d.pop("tunnelId", None)

        leadgentool_id: str | None = None
        if "leadgentoolId" in d:
            fields_set.add("leadgentool_id")
            if d["leadgentoolId"] is not None:
                leadgentool_id = d.pop("leadgentoolId")
            d.pop("leadgentoolId", None)

        traffic_source_id: str | None = None
        if "trafficSourceId" in d:
            fields_set.add("traffic_source_id")
            if d["trafficSourceId"] is not None:
                traffic_source_id = d.pop("trafficSourceId")
            d.pop("trafficSourceId", None)

        account_id: str | None = None
        if "accountId" in d:
            fields_set.add("account_id")
            if d["accountId"] is not None:
                account_id = d.pop("accountId")
            d.pop("accountId", None)

        subscribe_history_entry = cls(
            tunnel_name=tunnel_name,
            leadgentool_name=leadgentool_name,
            traffic_source=traffic_source,
            tunnel_id=tunnel_id,
            leadgentool_id=leadgentool_id,
            traffic_source_id=traffic_source_id,
            account_id=account_id,
        )
        subscribe_history_entry._fields_set = fields_set

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
