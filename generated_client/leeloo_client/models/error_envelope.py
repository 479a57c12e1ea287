from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope(Model):
    """Leeloo's error envelope: `status` 0, and `error` with a reason `code` and, for invalid
    requests, `fields`, a map from a slash-separated path into the request (`data/0/email`)
    to a reason (`REQUIRED`, `WRONG_EMAIL`, `NOT_VALID_PHONE_NUMBER`, ...). **Verified** by
    the vendor's wiki page for POST /accounts/email; `message` is optional and a **guess**.
    Such a body may come with a 2xx status: a client must treat `status: 0` as a failure
    whatever the HTTP status says.

        Attributes:
            status (Literal[0]): 0 on failure.
            error (ErrorDetail): What went wrong.
    """

    status: Literal[0]
    error: ErrorDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        status = cast(Literal[0], d.pop("status"))
        if status != 0:
            raise ValueError(f"status must match const 0, got '{status}'")
        fields_set.add("status")

        error = ErrorDetail.from_dict(d.pop("error"))

        fields_set.add("error")

        error_envelope = cls(
            status=status,
            error=error,
        )
        error_envelope._fields_set = fields_set

        error_envelope.additional_properties = d
        return error_envelope

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
