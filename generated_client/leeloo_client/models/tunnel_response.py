from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.tunnel import Tunnel
    from ..models.tunnel_linked import TunnelLinked


T = TypeVar("T", bound="TunnelResponse")


@_attrs_define
class TunnelResponse(Model):
    """
    Attributes:
        status (Literal[1]): 1 on success. Every success body on the page and in the newer print carries `status: 1`
            (**verified**; the print's update-order "Response", which repeats the request's fields,
            aside); a failure carries 0 in Leeloo's error envelope (`LeelooError`).
        data (Tunnel):
        linked (TunnelLinked | None): The resources asked for with `include`.
    """

    status: Literal[1]
    data: Tunnel
    linked: TunnelLinked | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "data": data,
            }
        )
        _linked = self.linked
        if _linked is not None:
            linked = _linked.to_dict()
            field_dict["linked"] = linked
        elif "linked" in self._fields_set:
            field_dict["linked"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tunnel import Tunnel  # noqa: PLC0415
        from ..models.tunnel_linked import TunnelLinked  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        status = cast(Literal[1], d.pop("status"))
        if status != 1:
            raise ValueError(f"status must match const 1, got '{status}'")
        fields_set.add("status")

        data = Tunnel.from_dict(d.pop("data"))

        fields_set.add("data")

        linked: TunnelLinked | None = None
        if "linked" in d:
            fields_set.add("linked")
            if d["linked"] is not None:
                linked = TunnelLinked.from_dict(d.pop("linked"))

            d.pop("linked", None)

        tunnel_response = cls(
            status=status,
            data=data,
            linked=linked,
        )
        tunnel_response._fields_set = fields_set

        tunnel_response.additional_properties = d
        return tunnel_response

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
