from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

if TYPE_CHECKING:
    from ..models.template_variables import TemplateVariables


T = TypeVar("T", bound="SendTemplateRequest")


@_attrs_define
class SendTemplateRequest(Model):
    """The page's field list names account_id and template_id, so those are required; its example
    adds `variables`, optional because a template may have none.

        Attributes:
            account_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
            template_id (str): A 24-hex-digit object id, as every id on the page is. Example: 5b3f543bb2737000133d25b0.
            variables (TemplateVariables | None): Values of the template's variables, by variable name (a real map).
    """

    account_id: str
    template_id: str
    variables: TemplateVariables | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "template_id": template_id,
            }
        )
        _variables = self.variables
        if _variables is not None:
            variables = _variables.to_dict()
            field_dict["variables"] = variables
        elif "variables" in self._fields_set:
            field_dict["variables"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_variables import TemplateVariables  # noqa: PLC0415

        d = dict(src_dict)
        fields_set: set[str] = set()
        account_id = d.pop("account_id")
        fields_set.add("account_id")

        template_id = d.pop("template_id")
        fields_set.add("template_id")

        variables: TemplateVariables | None = None
        if "variables" in d:
            fields_set.add("variables")
            if d["variables"] is not None:
                variables = TemplateVariables.from_dict(d.pop("variables"))

            d.pop("variables", None)

        send_template_request = cls(
            account_id=account_id,
            template_id=template_id,
            variables=variables,
        )
        send_template_request._fields_set = fields_set

        send_template_request.additional_properties = d
        return send_template_request

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
