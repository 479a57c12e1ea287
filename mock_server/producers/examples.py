"""The spec's own examples, serialized once at start-up.

A response answers with its first declared example (Prism's default), or the one named by
``Prefer: example=``. Where a response declares no example, the schema's ``example`` or a
generated value (seed 0) stands in, so that every declared response has a body to send. The
generated one is made when it is first sent, not at start-up: generating a stand-in for each of
loket.nl's 2,700 responses was a tenth of the mock's start on it, for answers few runs ask for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from mock_server.stages.problems import encode

logger = logging.getLogger("leeloo_mock")


class StaticMedia:
    """The pre-serialized bodies of one media type of one response: ``examples`` (name -> body, in
    declaration order) and ``default``, what is sent when no example is asked for (given, or
    made by ``stand_in`` when first asked for)."""

    __slots__ = ("_default", "_stand_in", "examples", "media_type")

    def __init__(
        self,
        media_type: str,
        examples: Mapping[str, bytes],
        default: bytes | None = None,
        stand_in: Callable[[], bytes] | None = None,
    ) -> None:
        if (default is None) == (stand_in is None):
            raise ValueError("a default body, or the stand-in that makes it")
        self.media_type = media_type
        self.examples = examples
        self._default = default
        self._stand_in = stand_in

    @property
    def default(self) -> bytes:
        body = self._default
        if body is None:
            assert self._stand_in is not None
            body = self._default = self._stand_in()
            self._stand_in = None
        return body

    def __repr__(self) -> str:
        made = "made" if self._default is not None else "not made yet"
        return f"StaticMedia({self.media_type!r}, examples={list(self.examples)!r}, default {made})"


def collect_examples(media: Mapping[str, Any], deref: Callable[[Any], Any]) -> dict[str, Any]:
    """Declared examples by name (``example`` is named ``default``), in declaration order."""
    found: dict[str, Any] = {}
    for name, example in (media.get("examples") or {}).items():
        example = deref(example)
        if isinstance(example, Mapping) and "value" in example:
            found[str(name)] = example["value"]
    if "example" in media:
        found.setdefault("default", media["example"])
    return found


def build_static_media(
    media_type: str,
    media: Mapping[str, Any],
    deref: Callable[[Any], Any],
    is_valid: Callable[[Any], bool],
    generate: Callable[[], Any],
    where: str | Callable[[], str],
) -> StaticMedia:
    """Serialize the examples; the default is the first one that validates, else a stand-in
    (``generate`` is called when the default is first asked for).

    ``where`` names the media type in a warning (a callable: computed only when one is logged).
    """
    examples = collect_examples(media, deref)
    default: Any = None
    has_default = False
    for name, value in examples.items():
        if is_valid(value):
            default, has_default = value, True
            break
        logger.warning(
            "%s: example %r does not validate against its schema; not used by default",
            where() if callable(where) else where,
            name,
        )
    serialized = {name: serialize(media_type, value) for name, value in examples.items()}
    if not has_default:
        schema = deref(media.get("schema", {}))
        schema_example = schema.get("example") if isinstance(schema, Mapping) else None
        if schema_example is None or not is_valid(schema_example):
            return StaticMedia(media_type, serialized, stand_in=lambda: serialize(media_type, generate()))
        default = schema_example
    return StaticMedia(media_type, serialized, serialize(media_type, default))


def serialize(media_type: str, value: Any) -> bytes:
    """A body as sent: a string of a ``text/*`` type as it is (Leeloo's 429 text), else JSON."""
    if media_type.lower().startswith("text/") and isinstance(value, str):
        return value.encode()
    return encode(value)
