from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model import Model

T = TypeVar("T", bound="TunnelStats")


@_attrs_define
class TunnelStats(Model):
    """Counters of a tunnel (or of all tunnels).

    Attributes:
        subscribers (int | None):
        uniq_subscribers (int | None):
        orders (int | None):
        sales (int | None):
        uniq_sales (int | None):
        visits (int | None):
        uniq_visits (int | None):
        shows (int | None):
        uniq_shows (int | None):
        total_sale (float | None): Total of sales, in USD.
        total_expenses (float | None): Total of expenses.
    """

    subscribers: int | None = None
    uniq_subscribers: int | None = None
    orders: int | None = None
    sales: int | None = None
    uniq_sales: int | None = None
    visits: int | None = None
    uniq_visits: int | None = None
    shows: int | None = None
    uniq_shows: int | None = None
    total_sale: float | None = None
    total_expenses: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        _subscribers = self.subscribers
        if _subscribers is not None:
            subscribers = _subscribers
            field_dict["subscribers"] = subscribers
        elif "subscribers" in self._fields_set:
            field_dict["subscribers"] = None
        _uniq_subscribers = self.uniq_subscribers
        if _uniq_subscribers is not None:
            uniq_subscribers = _uniq_subscribers
            field_dict["uniqSubscribers"] = uniq_subscribers
        elif "uniq_subscribers" in self._fields_set:
            field_dict["uniqSubscribers"] = None
        _orders = self.orders
        if _orders is not None:
            orders = _orders
            field_dict["orders"] = orders
        elif "orders" in self._fields_set:
            field_dict["orders"] = None
        _sales = self.sales
        if _sales is not None:
            sales = _sales
            field_dict["sales"] = sales
        elif "sales" in self._fields_set:
            field_dict["sales"] = None
        _uniq_sales = self.uniq_sales
        if _uniq_sales is not None:
            uniq_sales = _uniq_sales
            field_dict["uniqSales"] = uniq_sales
        elif "uniq_sales" in self._fields_set:
            field_dict["uniqSales"] = None
        _visits = self.visits
        if _visits is not None:
            visits = _visits
            field_dict["visits"] = visits
        elif "visits" in self._fields_set:
            field_dict["visits"] = None
        _uniq_visits = self.uniq_visits
        if _uniq_visits is not None:
            uniq_visits = _uniq_visits
            field_dict["uniqVisits"] = uniq_visits
        elif "uniq_visits" in self._fields_set:
            field_dict["uniqVisits"] = None
        _shows = self.shows
        if _shows is not None:
            shows = _shows
            field_dict["shows"] = shows
        elif "shows" in self._fields_set:
            field_dict["shows"] = None
        _uniq_shows = self.uniq_shows
        if _uniq_shows is not None:
            uniq_shows = _uniq_shows
            field_dict["uniqShows"] = uniq_shows
        elif "uniq_shows" in self._fields_set:
            field_dict["uniqShows"] = None
        _total_sale = self.total_sale
        if _total_sale is not None:
            total_sale = _total_sale
            field_dict["totalSale"] = total_sale
        elif "total_sale" in self._fields_set:
            field_dict["totalSale"] = None
        _total_expenses = self.total_expenses
        if _total_expenses is not None:
            total_expenses = _total_expenses
            field_dict["totalExpenses"] = total_expenses
        elif "total_expenses" in self._fields_set:
            field_dict["totalExpenses"] = None

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fields_set: set[str] = set()
        subscribers: int | None = None
        if "subscribers" in d:
            fields_set.add("subscribers")
            if d["subscribers"] is not None:
                subscribers = d.pop("subscribers")
            d.pop("subscribers", None)

        uniq_subscribers: int | None = None
        if "uniqSubscribers" in d:
            fields_set.add("uniq_subscribers")
            if d["uniqSubscribers"] is not None:
                uniq_subscribers = d.pop("uniqSubscribers")
            d.pop("uniqSubscribers", None)

        orders: int | None = None
        if "orders" in d:
            fields_set.add("orders")
            if d["orders"] is not None:
                orders = d.pop("orders")
            d.pop("orders", None)

        sales: int | None = None
        if "sales" in d:
            fields_set.add("sales")
            if d["sales"] is not None:
                sales = d.pop("sales")
            d.pop("sales", None)

        uniq_sales: int | None = None
        if "uniqSales" in d:
            fields_set.add("uniq_sales")
            if d["uniqSales"] is not None:
                uniq_sales = d.pop("uniqSales")
            d.pop("uniqSales", None)

        visits: int | None = None
        if "visits" in d:
            fields_set.add("visits")
            if d["visits"] is not None:
                visits = d.pop("visits")
            d.pop("visits", None)

        uniq_visits: int | None = None
        if "uniqVisits" in d:
            fields_set.add("uniq_visits")
            if d["uniqVisits"] is not None:
                uniq_visits = d.pop("uniqVisits")
            d.pop("uniqVisits", None)

        shows: int | None = None
        if "shows" in d:
            fields_set.add("shows")
            if d["shows"] is not None:
                shows = d.pop("shows")
            d.pop("shows", None)

        uniq_shows: int | None = None
        if "uniqShows" in d:
            fields_set.add("uniq_shows")
            if d["uniqShows"] is not None:
                uniq_shows = d.pop("uniqShows")
            d.pop("uniqShows", None)

        total_sale: float | None = None
        if "totalSale" in d:
            fields_set.add("total_sale")
            if d["totalSale"] is not None:
                total_sale = d.pop("totalSale")
            d.pop("totalSale", None)

        total_expenses: float | None = None
        if "totalExpenses" in d:
            fields_set.add("total_expenses")
            if d["totalExpenses"] is not None:
                total_expenses = d.pop("totalExpenses")
            d.pop("totalExpenses", None)

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
        tunnel_stats._fields_set = fields_set

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
