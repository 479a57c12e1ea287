"""The spec's own examples, serialized once at start-up.

A response answers with its first declared example (Prism's default), or the one named by
``Prefer: example=``. Where a response declares no example, the schema's ``example`` or a
generated value (seed 0) stands in, so that every declared response has a body to send.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mock_server.stages.problems import encode

logger = logging.getLogger("leeloo_mock")


@dataclass(frozen=True)
class StaticMedia:
    """The pre-serialized bodies of one media type of one response."""

    media_type: str
    examples: Mapping[str, bytes]  # name -> body, in declaration order
    default: bytes  # what to send when no example is asked for


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
    """Serialize the examples; the default is the first one that validates, else a stand-in.

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
    if not has_default:
        schema = deref(media.get("schema", {}))
        schema_example = schema.get("example") if isinstance(schema, Mapping) else None
        default = schema_example if schema_example is not None and is_valid(schema_example) else generate()
    serialized = {name: serialize(media_type, value) for name, value in examples.items()}
    return StaticMedia(media_type, serialized, serialize(media_type, default))


def serialize(media_type: str, value: Any) -> bytes:
    """A body as sent: a string of a ``text/*`` type as it is (Leeloo's 429 text), else JSON."""
    if media_type.lower().startswith("text/") and isinstance(value, str):
        return value.encode()
    return encode(value)
