"""The stateful store's secondary index: ids by a non-id key, kept in step with changes."""

from __future__ import annotations

from mock_server.stateful.index import KeyIndex
from mock_server.stateful.mapping import Lookup


def test_a_list_item_key_indexes_every_item_and_the_first_record_wins() -> None:
    index = KeyIndex(Lookup.parse("people:accounts[].account_id"))
    index.add("p1", {"accounts": [{"account_id": "a1"}, {"account_id": "a2"}, "not a mapping"]})
    index.add("p2", {"accounts": [{"account_id": "a2"}]})
    assert (index.first("a1"), index.first("a2"), index.first("a3")) == ("p1", "p1", None)

    index.discard("p1", {"accounts": [{"account_id": "a1"}, {"account_id": "a2"}]})
    assert (index.first("a1"), index.first("a2")) == (None, "p2")


def test_a_field_key_skips_values_that_are_not_keys() -> None:
    index = KeyIndex(Lookup.parse("people:email"))
    index.add("p1", {"email": "a@example.com"})
    index.add("p2", {"email": ["not", "a", "key"]})
    index.add("p3", {})
    index.add("p1", {"email": "a@example.com"})  # re-adding does not duplicate
    index.discard("p1", {"email": "a@example.com"})
    assert index.first("a@example.com") is None
    assert index.first(["not", "a", "key"]) is None
    assert index.first({"unhashable": True}) is None
