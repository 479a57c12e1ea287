from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model
from ..models.channel_source import ChannelSource, check_channel_source

T = TypeVar("T", bound="Account")


@_attrs_define
class Account(Model):
    """One communication channel of a person, as a person's `accounts` list shows it.

    Attributes:
        account_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        from_ (ChannelSource): The messenger of a communication channel. The page shows these four values (MANUAL
            for a person added by hand); it lists no complete set. Closed on purpose, unlike `gender`
            or a chat message's `type`: the channel decides how a message is sent, so a client should
            learn of a new one. A value the page never shows (an SMS connection's, say) makes
            `make contract-live` name it, and the enum grows with it (**guess** that the four are
            all; the newer print adds an e-mail connection type, `sendGrid`, among connections).
        connection_id (str | None): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        connection_status (str | None): State of the channel's connection; the page shows only `OK`. Example: OK.
    """

    account_id: str
    from_: ChannelSource
    connection_id: str | None = None
    connection_status: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        from_: str = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "from": from_,
            }
        )
        _connection_id = self.connection_id
        if _connection_id is not None:
            connection_id = _connection_id
            field_dict["connection_id"] = connection_id
        elif "connection_id" in self._fields_set:
            field_dict["connection_id"] = None
        _connection_status = self.connection_status
        if _connection_status is not None:
            connection_status = _connection_status
            field_dict["connection_status"] = connection_status
        elif "connection_status" in self._fields_set:
            field_dict["connection_status"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        account_id = d.pop("account_id")
        fields_set.add("account_id")

        from_ = check_channel_source(d.pop("from"))

        fields_set.add("from_")

        connection_id: str | None = None
        if "connection_id" in d:
            fields_set.add("connection_id")
            if d["connection_id"] is not None:
                connection_id = d.pop("connection_id")
            d.pop("connection_id", None)

        connection_status: str | None = None
        if "connection_status" in d:
            fields_set.add("connection_status")
            if d["connection_status"] is not None:
                connection_status = d.pop("connection_status")
            d.pop("connection_status", None)

        account = cls(
            account_id=account_id,
            from_=from_,
            connection_id=connection_id,
            connection_status=connection_status,
        )
        account._fields_set = fields_set

        account.additional_properties = d
        return account

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
