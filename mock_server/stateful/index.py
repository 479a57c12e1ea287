"""Secondary indexes of the stateful store: record ids by a key other than the id.

Some lookups of the mapping find a record by a field that is not its id, such as the person
owning a communication channel (``people:accounts[].account_id``). Scanning 10,000 people for
each GET /communication-channels/{id}/person or POST /messages/send-message took about 13 ms
under the store's lock; an index makes it a dict lookup. The store keeps each index in step
with every insert and change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeGuard

from mock_server.stateful.mapping import Lookup

IndexKey = str | int | float | bool


def _is_key(value: Any) -> TypeGuard[IndexKey]:
    return isinstance(value, str | int | float | bool)


class KeyIndex:
    """Ids of the records of one collection by the value of ``lookup``'s key (first inserted first)."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self._ids: dict[IndexKey, list[str]] = {}

    def keys(self, record: Mapping[str, Any]) -> list[IndexKey]:
        """The values of the key in ``record`` (several for a list item's field)."""
        value = record.get(self.lookup.field)
        item_key = self.lookup.item_key
        if item_key is None:
            return [value] if _is_key(value) else []
        if not isinstance(value, list):
            return []
        found = (item.get(item_key) for item in value if isinstance(item, Mapping))
        return [one for one in found if _is_key(one)]

    def add(self, record_id: str, record: Mapping[str, Any]) -> None:
        """Index ``record`` (after it was inserted or changed)."""
        for key in self.keys(record):
            ids = self._ids.setdefault(key, [])
            if record_id not in ids:
                ids.append(record_id)

    def discard(self, record_id: str, record: Mapping[str, Any]) -> None:
        """Forget ``record``'s keys (before it changes)."""
        for key in self.keys(record):
            ids = self._ids.get(key)
            if ids and record_id in ids:
                ids.remove(record_id)
                if not ids:
                    del self._ids[key]

    def first(self, value: Any) -> str | None:
        """The id of the first record whose key is ``value``."""
        if not _is_key(value):
            return None
        ids = self._ids.get(value)
        return ids[0] if ids else None
