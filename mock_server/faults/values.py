"""The values of the faults room, parsed and bounded: delays, faults, failure rates, rate limits.

Every value has one text form, the same on the command line (``--delay uniform:100-300``), in
a ``--faults`` file, in ``POST /__admin/faults`` and in ``Prefer`` (``delay=200``):

- a delay in milliseconds: ``MS`` (fixed), ``uniform:MIN-MAX`` or ``lognormal:MEDIAN:SIGMA``
  (WireMock's three); whatever is drawn is at most ``MAX_DELAY_MS``;
- a fault: an HTTP status from 400 to 599 (answered with the body the spec declares for it), or
  what goes wrong with the connection: ``reset`` (a TCP reset before any byte), ``empty`` (closed
  without a byte), ``malformed`` (a status line, then a chunk that is not one), ``dribble`` or
  ``dribble:MS`` (the answer in ``DRIBBLE_CHUNKS`` pieces spread over MS, at most ``MAX_DRIBBLE_MS``);
- a failure: ``RATE:FAULT`` with RATE from 0 to 1 (``0.1:503``);
- a rate limit: ``N/SECONDS`` (a fixed window per token; past N requests, 429 until it ends).

A value that does not parse raises :class:`FaultValueError` naming it and what it should be.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAX_DELAY_MS = 60_000.0
DEFAULT_DRIBBLE_MS = 1000.0
MAX_DRIBBLE_MS = 60_000.0
DRIBBLE_CHUNKS = 10
MAX_RATE_LIMIT_REQUESTS = 1_000_000
MAX_RATE_LIMIT_SECONDS = 86_400.0
MAX_FAILURES = 16  # failures of one rule (or of --fail): a handful is all a test needs
CONNECTION_FAULTS = ("reset", "empty", "malformed", "dribble")
RULE_KEYS = frozenset({"operation", "delay", "fail", "rate_limit"})


class FaultValueError(ValueError):
    """A delay, fault, rate or rate limit that does not parse or is out of bounds."""


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise FaultValueError(f"{what} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise FaultValueError(f"{what} {text!r} is not a finite number")
    return value


def _milliseconds(text: str, what: str, maximum: float = MAX_DELAY_MS) -> float:
    value = _number(text, what)
    if not 0 <= value <= maximum:
        raise FaultValueError(f"{what} {text} must be from 0 to {maximum:g} ms")
    return value


@dataclass(frozen=True)
class Delay:
    """How long to wait before answering, in milliseconds: fixed, uniform or lognormal."""

    kind: str  # fixed, uniform, lognormal
    first: float  # the fixed delay, the minimum, or the median
    second: float = 0.0  # the maximum, or sigma

    @property
    def text(self) -> str:
        """The value as written: ``200``, ``uniform:100-300``, ``lognormal:80:0.4``."""
        if self.kind == "uniform":
            return f"uniform:{self.first:g}-{self.second:g}"
        if self.kind == "lognormal":
            return f"lognormal:{self.first:g}:{self.second:g}"
        return f"{self.first:g}"

    def draw(self, rng: random.Random) -> float:
        """One delay in milliseconds, never above ``MAX_DELAY_MS``."""
        if self.kind == "uniform":
            drawn = rng.uniform(self.first, self.second)
        elif self.kind == "lognormal":
            drawn = rng.lognormvariate(math.log(self.first), self.second) if self.first > 0 else 0.0
        else:
            drawn = self.first
        return min(drawn, MAX_DELAY_MS)


def parse_delay(text: str) -> Delay:
    """``MS``, ``uniform:MIN-MAX`` or ``lognormal:MEDIAN:SIGMA`` (milliseconds)."""
    text = str(text).strip()
    kind, sep, rest = text.partition(":")
    if not sep:
        return Delay("fixed", _milliseconds(text, "the delay"))
    if kind == "uniform":
        low, dash, high = rest.partition("-")
        if not dash:
            raise FaultValueError(f"the delay {text!r} must be uniform:MIN-MAX (milliseconds)")
        first, second = _milliseconds(low, "the minimum"), _milliseconds(high, "the maximum")
        if first > second:
            raise FaultValueError(f"the delay {text!r} has its minimum above its maximum")
        return Delay("uniform", first, second)
    if kind == "lognormal":
        median, colon, sigma = rest.partition(":")
        if not colon:
            raise FaultValueError(f"the delay {text!r} must be lognormal:MEDIAN:SIGMA (milliseconds)")
        spread = _number(sigma, "sigma")
        if not 0 <= spread <= 10:
            raise FaultValueError(f"sigma {sigma} must be from 0 to 10")
        return Delay("lognormal", _milliseconds(median, "the median"), spread)
    raise FaultValueError(
        f"the delay {text!r} must be MS, uniform:MIN-MAX or lognormal:MEDIAN:SIGMA (milliseconds)"
    )


@dataclass(frozen=True)
class Fault:
    """What goes wrong: a status answered (``status``), or a connection fault (``kind``)."""

    kind: str  # "status" or one of CONNECTION_FAULTS
    status: int | None = None
    dribble_ms: float = DEFAULT_DRIBBLE_MS

    @property
    def text(self) -> str:
        """The value as written: ``503``, ``reset``, ``dribble:500``."""
        if self.kind == "status":
            return str(self.status)
        if self.kind == "dribble" and self.dribble_ms != DEFAULT_DRIBBLE_MS:
            return f"dribble:{self.dribble_ms:g}"
        return self.kind


def parse_fault(text: str) -> Fault:
    """A status from 400 to 599, ``reset``, ``empty``, ``malformed``, ``dribble`` or ``dribble:MS``."""
    text = str(text).strip()
    if text.isdigit():
        status = int(text)
        if not 400 <= status <= 599:
            raise FaultValueError(f"the fault status {text} must be from 400 to 599")
        return Fault("status", status)
    kind, sep, duration = text.partition(":")
    if kind == "dribble" and sep:
        return Fault("dribble", dribble_ms=_milliseconds(duration, "the dribble", MAX_DRIBBLE_MS))
    if kind in CONNECTION_FAULTS and not sep:
        return Fault(kind)
    raise FaultValueError(
        f"the fault {text!r} must be a status from 400 to 599 or one of {', '.join(CONNECTION_FAULTS)}"
    )


@dataclass(frozen=True)
class Failure:
    """A fault that happens to a share ``rate`` (0 to 1) of the requests."""

    rate: float
    fault: Fault

    @property
    def text(self) -> str:
        return f"{self.rate:g}:{self.fault.text}"


def parse_failure(text: str) -> Failure:
    """``RATE:FAULT``: ``0.1:503``, ``1:reset``, ``0.5:dribble:300``."""
    text = str(text).strip()
    rate_text, sep, fault_text = text.partition(":")
    if not sep:
        raise FaultValueError(f"the failure {text!r} must be RATE:FAULT, e.g. 0.1:503 or 0.05:reset")
    rate = _number(rate_text, "the rate")
    if not 0 <= rate <= 1:
        raise FaultValueError(f"the rate {rate_text} must be from 0 to 1")
    return Failure(rate, parse_fault(fault_text))


@dataclass(frozen=True)
class RateLimit:
    """At most ``requests`` per token in a fixed window of ``seconds``."""

    requests: int
    seconds: float

    @property
    def text(self) -> str:
        return f"{self.requests}/{self.seconds:g}"


def parse_rate_limit(text: str) -> RateLimit:
    """``N/SECONDS``: ``10/60`` is ten requests a minute per token."""
    text = str(text).strip()
    count, slash, window = text.partition("/")
    if not slash or not count.strip().isdigit():
        raise FaultValueError(f"the rate limit {text!r} must be N/SECONDS, e.g. 10/60")
    requests = int(count)
    seconds = _number(window, "the window")
    if not 1 <= requests <= MAX_RATE_LIMIT_REQUESTS:
        raise FaultValueError(f"the rate limit {text!r} must allow 1 to {MAX_RATE_LIMIT_REQUESTS} requests")
    if not 0 < seconds <= MAX_RATE_LIMIT_SECONDS:
        raise FaultValueError(
            f"the rate limit {text!r} needs a window of more than 0 and at most {MAX_RATE_LIMIT_SECONDS:g} s"
        )
    return RateLimit(requests, seconds)


def parse_failures(values: Sequence[str]) -> tuple[Failure, ...]:
    """Several ``RATE:FAULT`` whose rates add up to at most 1 (each request fails at most once)."""
    if len(values) > MAX_FAILURES:
        raise FaultValueError(f"at most {MAX_FAILURES} failures can be given, not {len(values)}")
    failures = tuple(parse_failure(value) for value in values)
    if sum(f.rate for f in failures) > 1 + 1e-9:
        listed = ", ".join(f.text for f in failures)
        raise FaultValueError(f"the failure rates ({listed}) add up to more than 1")
    return failures


@dataclass(frozen=True)
class FaultRule:
    """Delay, failures and a rate limit for one operation (``operation`` None: every operation)."""

    operation: str | None = None  # an operationId or "METHOD /path"
    delay: Delay | None = None
    failures: tuple[Failure, ...] = ()
    rate_limit: RateLimit | None = None

    @property
    def empty(self) -> bool:
        return self.delay is None and not self.failures and self.rate_limit is None

    def as_json(self) -> dict[str, Any]:
        """The rule as ``GET /__admin/faults`` lists it (the form ``POST`` takes)."""
        return {
            "operation": self.operation,
            "delay": self.delay.text if self.delay is not None else None,
            "fail": [failure.text for failure in self.failures],
            "rate_limit": self.rate_limit.text if self.rate_limit is not None else None,
        }


NO_RULE = FaultRule()


def rule_from_mapping(entry: Any) -> FaultRule:
    """One ``{operation, delay, fail, rate_limit}`` entry (of a ``--faults`` file or a POST).

    ``fail`` is one ``RATE:FAULT`` or a list of them; numbers are taken for their text
    (``delay: 200``). An unknown key, a missing value or a bad one raises :class:`FaultValueError`.
    """
    if not isinstance(entry, Mapping):
        raise FaultValueError("an entry must be a mapping of operation, delay, fail and rate_limit")
    unknown = sorted(str(key) for key in entry if key not in RULE_KEYS)
    if unknown:
        raise FaultValueError(
            f"unknown key(s) {', '.join(unknown)}: an entry has operation, delay, fail and rate_limit"
        )
    operation = entry.get("operation")
    if operation is not None and (not isinstance(operation, str) or not operation.strip()):
        raise FaultValueError("operation must be an operationId or 'METHOD /path'")
    fail = entry.get("fail")
    fails: Sequence[Any] = () if fail is None else [fail] if isinstance(fail, str | int | float) else fail
    if not isinstance(fails, Sequence) or isinstance(fails, str):
        raise FaultValueError("fail must be RATE:FAULT or a list of them")
    rule = FaultRule(
        operation=operation.strip() if isinstance(operation, str) else None,
        delay=parse_delay(_text(entry["delay"])) if entry.get("delay") is not None else None,
        failures=parse_failures([_text(value) for value in fails]),
        rate_limit=(
            parse_rate_limit(_text(entry["rate_limit"])) if entry.get("rate_limit") is not None else None
        ),
    )
    if rule.empty:
        raise FaultValueError("an entry needs at least one of delay, fail and rate_limit")
    return rule


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FaultValueError(f"{value!r} is not a value the faults understand")
    return str(value)
