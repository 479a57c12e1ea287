from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TunnelStats")


@_attrs_define
class TunnelStats:
    """Counters of a tunnel (or of all tunnels).

    Attributes:
        subscribers (int | Unset):
        uniq_subscribers (int | Unset):
        orders (int | Unset):
        sales (int | Unset):
        uniq_sales (int | Unset):
        visits (int | Unset):
        uniq_visits (int | Unset):
        shows (int | Unset):
        uniq_shows (int | Unset):
        total_sale (float | Unset): Total of sales, in USD.
        total_expenses (float | Unset): Total of expenses.
    """

    subscribers: int | Unset = UNSET
    uniq_subscribers: int | Unset = UNSET
    orders: int | Unset = UNSET
    sales: int | Unset = UNSET
    uniq_sales: int | Unset = UNSET
    visits: int | Unset = UNSET
    uniq_visits: int | Unset = UNSET
    shows: int | Unset = UNSET
    uniq_shows: int | Unset = UNSET
    total_sale: float | Unset = UNSET
    total_expenses: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscribers = self.subscribers

        uniq_subscribers = self.uniq_subscribers

        orders = self.orders

        sales = self.sales

        uniq_sales = self.uniq_sales

        visits = self.visits

        uniq_visits = self.uniq_visits

        shows = self.shows

        uniq_shows = self.uniq_shows

        total_sale = self.total_sale

        total_expenses = self.total_expenses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if subscribers is not UNSET:
            field_dict["subscribers"] = subscribers
        if uniq_subscribers is not UNSET:
            field_dict["uniqSubscribers"] = uniq_subscribers
        if orders is not UNSET:
            field_dict["orders"] = orders
        if sales is not UNSET:
            field_dict["sales"] = sales
        if uniq_sales is not UNSET:
            field_dict["uniqSales"] = uniq_sales
        if visits is not UNSET:
            field_dict["visits"] = visits
        if uniq_visits is not UNSET:
            field_dict["uniqVisits"] = uniq_visits
        if shows is not UNSET:
            field_dict["shows"] = shows
        if uniq_shows is not UNSET:
            field_dict["uniqShows"] = uniq_shows
        if total_sale is not UNSET:
            field_dict["totalSale"] = total_sale
        if total_expenses is not UNSET:
            field_dict["totalExpenses"] = total_expenses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscribers = d.pop("subscribers", UNSET)

        uniq_subscribers = d.pop("uniqSubscribers", UNSET)

        orders = d.pop("orders", UNSET)

        sales = d.pop("sales", UNSET)

        uniq_sales = d.pop("uniqSales", UNSET)

        visits = d.pop("visits", UNSET)

        uniq_visits = d.pop("uniqVisits", UNSET)

        shows = d.pop("shows", UNSET)

        uniq_shows = d.pop("uniqShows", UNSET)

        total_sale = d.pop("totalSale", UNSET)

        total_expenses = d.pop("totalExpenses", UNSET)

        tunnel_stats = cls(
            subscribers=subscribers,
            uniq_subscribers=uniq_subscribers,
            orders=orders,
            sales=sales,
            uniq_sales=uniq_sales,
            visits=visits,
            uniq_visits=uniq_visits,
            shows=shows,
            uniq_shows=uniq_shows,
            total_sale=total_sale,
            total_expenses=total_expenses,
        )

        tunnel_stats.additional_properties = d
        return tunnel_stats

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
