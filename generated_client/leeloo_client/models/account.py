from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_source import ChannelSource, check_channel_source
from ..types import UNSET, Unset

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """One communication channel of a person, as a person's `accounts` list shows it.

    Attributes:
        account_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
        from_ (ChannelSource): The messenger of a communication channel. The page shows these four values (MANUAL
            for a person added by hand); it lists no complete set. Closed on purpose, unlike `gender`
            or a chat message's `type`: the channel decides how a message is sent, so a client should
            learn of a new one. A value the page never shows (an SMS connection's, say) makes
            `make contract-live` name it, and the enum grows with it (**guess** that the four are
            all; the newer print adds an e-mail connection type, `sendGrid`, among connections).
        connection_id (str | Unset): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        connection_status (str | Unset): State of the channel's connection; the page shows only `OK`. Example: OK.
    """

    account_id: str
    from_: ChannelSource
    connection_id: str | Unset = UNSET
    connection_status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        from_: str = self.from_

        connection_id = self.connection_id

        connection_status = self.connection_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "from": from_,
            }
        )
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if connection_status is not UNSET:
            field_dict["connection_status"] = connection_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        from_ = check_channel_source(d.pop("from"))

        connection_id = d.pop("connection_id", UNSET)

        connection_status = d.pop("connection_status", UNSET)

        account = cls(
            account_id=account_id,
            from_=from_,
            connection_id=connection_id,
            connection_status=connection_status,
        )

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
