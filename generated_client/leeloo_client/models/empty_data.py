from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._model import Model

T = TypeVar("T", bound="EmptyData")


@_attrs_define
class EmptyData(Model):
    """The empty `data` object of an action's answer."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        fields_set: set[str] = set()
        empty_data = cls()
        empty_data._fields_set = fields_set

        return empty_data
