from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CallRawResponse")


@_attrs_define
class CallRawResponse:
    """A telephony provider's own answer. A call added through the API is a MANUAL call,
    whose raw answer is empty in the print (**guess** that it always is).

    """

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        call_raw_response = cls()

        return call_raw_response
