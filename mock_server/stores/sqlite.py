"""``--store sqlite:///PATH``: the records in one SQLite file, for any number of workers on one host.

Python's own ``sqlite3``, in WAL mode (readers never wait for the writer). Two tables, each row
tagged with the spec's namespace (``mock_server.stores.config.spec_namespace``), so one file can
hold the stores of several specs: ``meta`` (one row per namespace: version, the version of the
last reset, the id counter and which collections were seeded) and ``records`` (one row per record,
with the version that last wrote it, which makes "what changed since version 7" one indexed
query).

A commit is one ``BEGIN IMMEDIATE`` transaction that first checks that the version is still the
one the engine started from: SQLite lets one writer in at a time, so two workers cannot both
build on the same version, and a commit is stored whole or not at all. The file survives a
restart; ``POST /__admin/reset`` puts it back to the seed for every worker.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from mock_server.stores import seam

BUSY_TIMEOUT_S = 10.0  # how long a worker waits for another's write transaction, then 503
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS leeloo_mock_meta ("
    " namespace TEXT PRIMARY KEY, version INTEGER NOT NULL, reset_version INTEGER NOT NULL,"
    " counter INTEGER NOT NULL, seeded TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS leeloo_mock_records ("
    " namespace TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,"
    " version INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (namespace, collection, id))",
    "CREATE INDEX IF NOT EXISTS leeloo_mock_records_by_version ON leeloo_mock_records (namespace, version)",
)
# an update keeps the row (and its rowid: records are read back in the order they were created)
_UPSERT = (
    "INSERT INTO leeloo_mock_records (namespace, collection, id, version, body) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (namespace, collection, id) DO UPDATE SET version = excluded.version, body = excluded.body"
)


class SqliteBackend:
    """The records of one namespace in one SQLite file."""

    shared = True

    def __init__(self, path: Path, namespace: str, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.namespace = namespace
        self.description = f"sqlite:///{path}"
        self._lock = threading.Lock()  # one connection; each method is one whole transaction
        try:
            self._db = sqlite3.connect(
                path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise seam.StoreError(f"{self.description}: cannot open the file: {exc}") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            with self._transaction() as db:
                for statement in SCHEMA:
                    db.execute(statement)
        except seam.StoreError:
            self._db.close()
            raise
        except sqlite3.Error as exc:
            self._db.close()
            raise seam.StoreError(f"{self.description}: not a store the mock can use: {exc}") from None

    @contextmanager
    def _transaction(self, immediate: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction under the connection's lock; a database error becomes a StoreError."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise seam.StoreError(f"{self.description}: {exc}") from None

    def _meta(self, db: sqlite3.Connection) -> tuple[int, int, int, list[str]]:
        row = db.execute(
            "SELECT version, reset_version, counter, seeded FROM leeloo_mock_meta WHERE namespace = ?",
            (self.namespace,),
        ).fetchone()
        if row is None:
            return 0, 0, 0, []
        return int(row[0]), int(row[1]), int(row[2]), list(json.loads(row[3]))

    def _write_meta(
        self, db: sqlite3.Connection, version: int, reset: int, counter: int, seeded: list[str]
    ) -> None:
        db.execute(
            "INSERT OR REPLACE INTO leeloo_mock_meta (namespace, version, reset_version, counter, seeded)"
            " VALUES (?, ?, ?, ?, ?)",
            (self.namespace, version, reset, counter, json.dumps(sorted(seeded))),
        )

    def _insert(self, db: sqlite3.Connection, version: int, records: Sequence[seam.ChangedRecord]) -> None:
        db.executemany(
            _UPSERT,
            [
                (self.namespace, name, record_id, version, seam.encode_record(record))
                for name, record_id, record in records
            ],
        )

    def _rows(self, db: sqlite3.Connection, after: int | None) -> seam.Collections:
        query = "SELECT collection, id, body FROM leeloo_mock_records WHERE namespace = ?"
        parameters: tuple[str | int, ...] = (self.namespace,)
        if after is not None:
            query += " AND version > ?"
            parameters += (after,)
        query += " ORDER BY rowid"
        return seam.decode_records(db.execute(query, parameters))

    def attach(self, seeds: Mapping[str, Mapping[str, seam.Record]]) -> seam.Attached:
        with self._transaction() as db:
            version, reset, counter, seeded = self._meta(db)
            fresh = [name for name in seeds if name not in seeded]
            if fresh or not seeded:
                version += 1
                self._insert(db, version, seam.flat_records({name: seeds[name] for name in fresh}))
                self._write_meta(db, version, reset, counter, [*seeded, *fresh])
            state = seam.StoreState(version, counter, self._rows(db, None), full=True)
        return seam.Attached(state, tuple(sorted(name for name in seeds if name in seeded)))

    def changes_since(self, version: int) -> seam.StoreState | None:
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT version FROM leeloo_mock_meta WHERE namespace = ?", (self.namespace,)
                ).fetchone()
            except sqlite3.Error as exc:
                raise seam.StoreError(f"{self.description}: {exc}") from None
        if row is not None and int(row[0]) == version:
            return None
        with self._transaction(immediate=False) as db:
            current, reset, counter, _ = self._meta(db)
            full = version < reset or version > current
            return seam.StoreState(current, counter, self._rows(db, None if full else version), full)

    def commit(self, version: int, counter: int, records: Sequence[seam.ChangedRecord]) -> int | None:
        with self._transaction() as db:
            current, reset, _, seeded = self._meta(db)
            if current != version:
                return None
            self._insert(db, current + 1, records)
            self._write_meta(db, current + 1, reset, counter, seeded)
        return current + 1

    def reset(self, seeds: Mapping[str, Mapping[str, seam.Record]]) -> int:
        with self._transaction() as db:
            version = self._meta(db)[0] + 1
            db.execute("DELETE FROM leeloo_mock_records WHERE namespace = ?", (self.namespace,))
            self._insert(db, version, seam.flat_records(seeds))
            self._write_meta(db, version, version, 0, list(seeds))
        return version

    def close(self) -> None:
        with self._lock:
            self._db.close()
