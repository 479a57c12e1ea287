"""The stateful store's capacity: one frozen value, MockConfig's ``store_limits`` field."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_RECORDS = 10_000
DEFAULT_MAX_STORE_BYTES = 64 * 1024 * 1024  # the records' size as compact JSON


@dataclass(frozen=True, slots=True)
class StoreLimits:
    """How much ``--stateful`` keeps (see ``store``): records per collection (``--max-records``)
    and their size as compact JSON (``--max-store-bytes``, past it 507)."""

    max_records: int = DEFAULT_MAX_RECORDS
    max_store_bytes: int = DEFAULT_MAX_STORE_BYTES
