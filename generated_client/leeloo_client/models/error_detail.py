from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.error_detail_fields import ErrorDetailFields


T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail(Model):
    """What went wrong.

    Attributes:
        code (str): The reason, such as `FORMAT_ERROR` (the only code a public source shows). Example: FORMAT_ERROR.
        fields (ErrorDetailFields | None): Each invalid field by its slash-separated path into the request, with a
            reason code.
        message (str | None): A human-readable explanation (**guess**; no public source shows one).
    """

    code: str
    fields: ErrorDetailFields | None = None
    message: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        _fields = self.fields
        if _fields is not None:
            fields = _fields.to_dict()
            field_dict["fields"] = fields
        elif "fields" in self._fields_set:
            field_dict["fields"] = None
        _message = self.message
        if _message is not None:
            message = _message
            field_dict["message"] = message
        elif "message" in self._fields_set:
            field_dict["message"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail_fields import ErrorDetailFields  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        code = d.pop("code")
        fields_set.add("code")

        fields: ErrorDetailFields | None = None
        if "fields" in d:
            fields_set.add("fields")
            if d["fields"] is not None:
                fields = ErrorDetailFields.from_dict(d.pop("fields"))

            d.pop("fields", None)

        message: str | None = None
        if "message" in d:
            fields_set.add("message")
            if d["message"] is not None:
                message = d.pop("message")
            d.pop("message", None)

        error_detail = cls(
            code=code,
            fields=fields,
            message=message,
        )
        error_detail._fields_set = fields_set

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
