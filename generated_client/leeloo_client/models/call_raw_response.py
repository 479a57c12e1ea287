from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._model import Model

T = TypeVar("T", bound="CallRawResponse")


@_attrs_define
class CallRawResponse(Model):
    """A telephony provider's own answer. A call added through the API is a MANUAL call,
    whose raw answer is empty in the print (**guess** that it always is).

    """

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        fields_set: set[str] = set()
        call_raw_response = cls()
        call_raw_response._fields_set = fields_set

        return call_raw_response
