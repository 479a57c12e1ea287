"""``--store redis://HOST:PORT/DB``: the records in Redis, for workers on many hosts.

redis-py talks to the server; every read and write is one Lua script, which Redis runs
atomically (no other command runs in between), so a commit checks the version and stores its
records as one step, and a reader never sees half a reset. Five keys per namespace, all with the
namespace in braces (one Redis Cluster slot): ``leeloo-mock:{NS}:meta`` (hash: version,
reset_version, counter, position), ``:records`` (hash: ``collection/id`` -> the record as JSON),
``:log`` (sorted set: ``collection/id`` scored by the version that last wrote it, so "what changed
since version 7" is one range query and the set never holds more members than there are
records), ``:order`` (sorted set: the same members scored by when they were first stored, so lists
keep the order of creation) and ``:seeded`` (the collections ever seeded). Two specs on one
Redis get two namespaces and never see each other's records.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.commands.core import Script
from redis.retry import Retry

from mock_server.har.redaction import redact_url
from mock_server.stores import seam

TIMEOUT_S = 5.0  # connecting and each command; then the request gets 503
RETRIES = 1  # a command sent again once after a dropped connection (a restarted Redis)

# stores one record (KEYS: meta, records, log, seeded, order), first stored ones at the end of the order
_PUT = """
local function put(field, body, version)
  redis.call('HSET', KEYS[2], field, body)
  redis.call('ZADD', KEYS[3], version, field)
  if not redis.call('ZSCORE', KEYS[5], field) then
    redis.call('ZADD', KEYS[5], redis.call('HINCRBY', KEYS[1], 'position', 1), field)
  end
end
"""

# KEYS: meta, records, log, seeded, order. ARGV: n, n collection names, then field/body pairs of the seeds.
# Seeds the collections never seeded before; returns the names of those already there.
_ATTACH = (
    _PUT
    + """
local n = tonumber(ARGV[1])
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
local fresh, kept, added = {}, {}, false
for i = 2, n + 1 do
  if redis.call('SISMEMBER', KEYS[4], ARGV[i]) == 1 then kept[#kept + 1] = ARGV[i]
  else fresh[ARGV[i]] = true; added = true end
end
if added or redis.call('EXISTS', KEYS[1]) == 0 then
  version = version + 1
  for i = n + 2, #ARGV, 2 do
    if fresh[string.match(ARGV[i], '^([^/]*)/')] then put(ARGV[i], ARGV[i + 1], version) end
  end
  for name, _ in pairs(fresh) do redis.call('SADD', KEYS[4], name) end
  redis.call('HSET', KEYS[1], 'version', version)
  redis.call('HSETNX', KEYS[1], 'reset_version', 0)
  redis.call('HSETNX', KEYS[1], 'counter', 0)
end
return kept
"""
)

# KEYS: meta, records, log, seeded, order. ARGV: the caller's version. {version} when it is
# current, else {version, counter, full, field, body, field, body, ...} in the order of creation.
_CHANGES = """
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
local mine = tonumber(ARGV[1])
if version == mine then return {version} end
local reset = tonumber(redis.call('HGET', KEYS[1], 'reset_version') or '0')
local counter = tonumber(redis.call('HGET', KEYS[1], 'counter') or '0')
local fields, full
if mine < reset or mine > version then
  fields = redis.call('ZRANGE', KEYS[5], 0, -1)
  full = 1
else
  fields = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. mine, '+inf')
  local position = {}
  for _, field in ipairs(fields) do
    position[field] = tonumber(redis.call('ZSCORE', KEYS[5], field) or '0')
  end
  table.sort(fields, function(a, b) return position[a] < position[b] end)
  full = 0
end
local out = {version, counter, full}
for _, field in ipairs(fields) do
  local body = redis.call('HGET', KEYS[2], field)
  if body then out[#out + 1] = field; out[#out + 1] = body end
end
return out
"""

# KEYS: meta, records, log, seeded, order. ARGV: base version, counter, then field/body pairs.
# The new version, or -1 when the base version is not current (nothing stored).
_COMMIT = (
    _PUT
    + """
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if version ~= tonumber(ARGV[1]) then return -1 end
version = version + 1
for i = 3, #ARGV, 2 do put(ARGV[i], ARGV[i + 1], version) end
redis.call('HSET', KEYS[1], 'version', version, 'counter', ARGV[2])
return version
"""
)

# KEYS: meta, records, log, seeded, order. ARGV: collection names..., '', then field/body pairs.
_RESET = (
    _PUT
    + """
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0') + 1
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
local i = 1
while ARGV[i] ~= '' do redis.call('SADD', KEYS[4], ARGV[i]); i = i + 1 end
for j = i + 1, #ARGV, 2 do put(ARGV[j], ARGV[j + 1], version) end
redis.call('HSET', KEYS[1], 'version', version, 'reset_version', version, 'counter', 0)
return version
"""
)


def connect(url: str, timeout_s: float = TIMEOUT_S) -> redis.Redis:
    """A client of ``url`` that gives up quickly: a request waits for Redis at most about
    ``timeout_s`` (one retry after a dropped connection), never redis-py's default backoff of seconds."""
    return redis.Redis.from_url(
        url,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        retry=Retry(ExponentialBackoff(cap=0.1, base=0.01), RETRIES),
    )


def _field(collection: str, record_id: str) -> str:
    return f"{collection}/{record_id}"


def _pairs(records: Sequence[seam.ChangedRecord]) -> list[str]:
    pairs: list[str] = []
    for name, record_id, record in records:
        pairs += [_field(name, record_id), seam.encode_record(record)]
    return pairs


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _rows(pairs: Sequence[Any]) -> Iterator[tuple[str, str, bytes]]:
    """``field, body, field, body, ...`` as a script returns them, as ``(collection, id, body)``."""
    for field, body in zip(pairs[::2], pairs[1::2], strict=True):
        name, _, record_id = _text(field).partition("/")
        yield name, record_id, body


class RedisBackend:
    """The records of one namespace in one Redis database."""

    shared = True

    def __init__(self, url: str, namespace: str, *, timeout_s: float = TIMEOUT_S) -> None:
        self.namespace = namespace
        self.description = redact_url(url)  # a password as REDACTED
        prefix = f"leeloo-mock:{{{namespace}}}"
        self.keys = [f"{prefix}:{name}" for name in ("meta", "records", "log", "seeded", "order")]
        try:
            self._client = connect(url, timeout_s)
        except ValueError as exc:
            raise seam.StoreError(f"{self.description}: {exc}") from None
        self._attach: Script = self._client.register_script(_ATTACH)
        self._changes: Script = self._client.register_script(_CHANGES)
        self._commit: Script = self._client.register_script(_COMMIT)
        self._reset: Script = self._client.register_script(_RESET)

    def _run(self, script: Script, keys: Sequence[str], args: Sequence[str | int]) -> Any:
        try:
            return script(keys=list(keys), args=list(args), client=self._client)
        except redis.RedisError as exc:
            raise seam.StoreError(f"{self.description}: {type(exc).__name__}: {exc}") from None

    def attach(self, seeds: Mapping[str, Mapping[str, seam.Record]]) -> seam.Attached:
        names = list(seeds)
        kept = self._run(self._attach, self.keys, [len(names), *names, *_pairs(seam.flat_records(seeds))])
        state = self.changes_since(-1)
        assert state is not None  # -1 is never current
        return seam.Attached(state, tuple(sorted(_text(name) for name in kept)))

    def changes_since(self, version: int) -> seam.StoreState | None:
        reply = self._run(self._changes, self.keys, [version])
        if len(reply) == 1:
            return None
        records = seam.decode_records(_rows(reply[3:]))
        return seam.StoreState(int(reply[0]), int(reply[1]), records, full=bool(reply[2]))

    def commit(self, version: int, counter: int, records: Sequence[seam.ChangedRecord]) -> int | None:
        new = int(self._run(self._commit, self.keys, [version, counter, *_pairs(records)]))
        return None if new < 0 else new

    def reset(self, seeds: Mapping[str, Mapping[str, seam.Record]]) -> int:
        return int(self._run(self._reset, self.keys, [*seeds, "", *_pairs(seam.flat_records(seeds))]))

    def close(self) -> None:
        self._client.close()
