from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.page_meta import PageMeta


T = TypeVar("T", bound="OrderListResponse")


@_attrs_define
class OrderListResponse(Model):
    """
    Attributes:
        status (Literal[1]): 1 on success. Every success body on the page and in the newer print carries `status: 1`
            (**verified**; the print's update-order "Response", which repeats the request's fields,
            aside); a failure carries 0 in Leeloo's error envelope (`LeelooError`).
        data (list[Order]):
        meta (PageMeta): Paging counts of a list.
    """

    status: Literal[1]
    data: list[Order]
    meta: PageMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "data": data,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415
        from ..models.page_meta import PageMeta  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        status = cast(Literal[1], d.pop("status"))
        if status != 1:
            raise ValueError(f"status must match const 1, got '{status}'")
        fields_set.add("status")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Order.from_dict(data_item_data)

            data.append(data_item)

        fields_set.add("data")

        meta = PageMeta.from_dict(d.pop("meta"))

        fields_set.add("meta")

        order_list_response = cls(
            status=status,
            data=data,
            meta=meta,
        )
        order_list_response._fields_set = fields_set

        order_list_response.additional_properties = d
        return order_list_response

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
