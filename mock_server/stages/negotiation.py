"""Decide what to answer: which declared response, which media type, example or generated data.

Inputs are the ``Prefer`` header (Prism's ``code=``, ``example=``, ``dynamic=``, and ``seed=``) or,
without it, Prism's query fallbacks ``__code``, ``__example`` and ``__dynamic``,
the ``Accept`` header and the server's defaults. Parsing is cached per distinct header value,
so a client that sends the same headers every time pays for the parsing once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mock_server.stages.problems import Issue

_PREFERENCES = ("code", "example", "dynamic", "seed")


@dataclass(frozen=True)
class Preferences:
    """What the client asked for in ``Prefer``; ``None`` means "not asked"."""

    code: int | None = None
    example: str | None = None
    dynamic: bool | None = None
    seed: int | None = None


NO_PREFERENCES = Preferences()


class PreferError(ValueError):
    """A ``Prefer`` value the mock cannot honour because it does not parse."""


@lru_cache(maxsize=256)
def parse_prefer(header: str) -> Preferences:
    """``code=404, dynamic=true`` -> Preferences; unknown preferences are ignored (RFC 7240)."""
    found: dict[str, str] = {}
    for part in header.split(","):
        token = part.split(";", 1)[0].strip()
        if not token:
            if part.strip():  # ";;;==": something, but no preference in it
                raise PreferError(f"{part.strip()!r} names no preference")
            continue
        key, sep, value = token.partition("=")
        key, value = key.strip().lower(), value.strip().strip('"')
        if not key:
            raise PreferError(f"{token!r} has no preference name")
        if key not in _PREFERENCES:
            continue
        if not sep or not value:
            raise PreferError(f"the {key} preference needs a value")
        found[key] = value
    code = found.get("code")
    if code is not None and not (code.isdigit() and len(code) == 3 and 100 <= int(code) <= 599):
        raise PreferError(f"code={code} is not an HTTP status code")
    dynamic = found.get("dynamic")
    if dynamic is not None and dynamic.lower() not in ("true", "false"):
        raise PreferError(f"dynamic={dynamic} must be true or false")
    seed = found.get("seed")
    if seed is not None and not seed.lstrip("-").isdigit():
        raise PreferError(f"seed={seed} is not an integer")
    return Preferences(
        code=int(code) if code is not None else None,
        example=found.get("example"),
        dynamic=dynamic.lower() == "true" if dynamic is not None else None,
        seed=int(seed) if seed is not None else None,
    )


def prefer_issue(error: PreferError, from_query: bool = False) -> Issue:
    """The validation issue of a malformed ``Prefer`` header (or of its ``__`` query fallbacks)."""
    return (
        Issue("query", "__code/__example/__dynamic", str(error))
        if from_query
        else Issue("header", "Prefer", str(error))
    )


def status_key(code: int, declared: Sequence[str]) -> str | None:
    """The response key that covers ``code``: exact, then ``4XX`` range, then ``default``."""
    exact = str(code)
    if exact in declared:
        return exact
    for key in declared:
        if len(key) == 3 and key[0] == exact[0] and key[1:].upper() == "XX":
            return key
    return "default" if "default" in declared else None


def default_status(declared: Sequence[str]) -> tuple[str, int] | None:
    """The answer without ``Prefer: code``: the lowest declared 2xx (Prism's choice), else ``default``."""
    return _default_status(tuple(declared))  # an operation's keys are a tuple already: no copy


@lru_cache(maxsize=1024)  # one entry per operation's keys: they were sorted on every request
def _default_status(declared: tuple[str, ...]) -> tuple[str, int] | None:
    success = sorted(k for k in declared if k.isdigit() and k.startswith("2"))
    if success:
        return success[0], int(success[0])
    ranged = [k for k in declared if k.upper() == "2XX"]
    if ranged:
        return ranged[0], 200
    if "default" in declared:
        return "default", 200
    return None


@lru_cache(maxsize=256)
def _media_parts(text: str) -> tuple[str, tuple[str, ...]]:
    """``Application/JSON; version=2`` -> (``application/json``, (``version=2``,)): the essence and
    the parameters, lower-case and without spaces (``q`` and what follows it are Accept's own)."""
    essence, *params = (part.strip() for part in text.split(";"))
    kept: list[str] = []
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            break
        if name.strip():
            kept.append(f"{name.strip().lower()}={value.strip().strip(chr(34)).lower()}")
    return essence.lower(), tuple(kept)


@lru_cache(maxsize=256)
def _parse_accept(header: str) -> tuple[tuple[str, tuple[str, ...], float], ...]:
    ranges: list[tuple[str, tuple[str, ...], float]] = []
    for part in header.split(","):
        media, params = _media_parts(part)
        if not media:
            continue
        quality = 1.0
        for param in part.split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media, params, quality))
    return tuple(ranges)


def _specificity(media_range: str, range_params: tuple[str, ...], offered: str) -> int:
    """4 exact with the same parameters, 3 exact, 2 ``type/*``, 1 ``*/*``, 0 no match.

    The offered type is compared by its essence: ``application/json;version=2018-01-01`` is an
    ``application/json`` (Prism answers it), and ``+json`` types satisfy ``application/json``.
    """
    media_type, params = _media_parts(offered)
    if range_params and not set(range_params) <= set(params):
        return 0  # a range with parameters names only the types that carry them
    if media_range == media_type:
        return 4 if range_params else 3
    if media_range == "application/json" and media_type.endswith("+json"):
        return 2
    major = media_type.split("/", 1)[0]
    if media_range == major + "/*":
        return 2
    return 1 if media_range == "*/*" else 0


def negotiate_media_type(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client accepts most; the first offered when it did not say."""
    if not offered:
        return None
    if not accept:
        return offered[0]
    return _negotiated(accept, tuple(offered))


@lru_cache(maxsize=1024)
def _negotiated(accept: str, offered: tuple[str, ...]) -> str | None:
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for position, media_type in enumerate(offered):
        quality, specificity = 0.0, 0
        for media_range, params, q in _parse_accept(accept):
            s = _specificity(media_range, params, media_type)
            if s > specificity:
                quality, specificity = q, s
        if specificity and quality > 0:
            rank = (quality, specificity, -position)
            if best is None or rank > best:
                best, chosen = rank, media_type
    return chosen


def header_preferences(headers: Mapping[str, str]) -> Preferences:
    """The parsed ``Prefer`` header; :class:`PreferError` when it is malformed."""
    header = headers.get("prefer")
    return parse_prefer(header) if header else NO_PREFERENCES


QUERY_PREFERENCES = {"__code": "code", "__example": "example", "__dynamic": "dynamic"}


def query_preferences(query: Mapping[str, Sequence[str]]) -> Preferences:
    """Prism's fallback for clients that cannot send ``Prefer``: ``?__code=404&__dynamic=true``.

    Read only when the request has no ``Prefer`` header (Prism's order); checked as ``Prefer``
    values are. The last value of a repeated parameter counts.
    """
    parts = []
    for name, preference in QUERY_PREFERENCES.items():
        values = query.get(name)
        if values:
            value = values[-1]
            if any(mark in value for mark in ',;"'):
                raise PreferError(f"{name}={value} is not a value the mock can use")
            parts.append(f"{preference}={value}" if value else preference)
    return parse_prefer(", ".join(parts)) if parts else NO_PREFERENCES
