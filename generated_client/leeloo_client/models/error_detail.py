from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail_fields import ErrorDetailFields


T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """What went wrong.

    Attributes:
        code (str): The reason, such as `FORMAT_ERROR` (the only code a public source shows). Example: FORMAT_ERROR.
        fields (ErrorDetailFields | Unset): Each invalid field by its slash-separated path into the request, with a
            reason code.
        message (str | Unset): A human-readable explanation (**guess**; no public source shows one).
    """

    code: str
    fields: ErrorDetailFields | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail_fields import ErrorDetailFields  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        _fields = d.pop("fields", UNSET)
        fields: ErrorDetailFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ErrorDetailFields.from_dict(_fields)

        message = d.pop("message", UNSET)

        error_detail = cls(
            code=code,
            fields=fields,
            message=message,
        )

        error_detail.additional_properties = d
        return error_detail

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
