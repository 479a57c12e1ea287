"""The named hooks that ``spec/mock-resources.yaml`` may call: the few steps that are not plain data.

Keep this list short; every hook is documented in the mapping's header too.

- ``tag_name``: a person's ``tags`` hold tag *names* but add-tag / remove-tag send a tag *id*;
  the hook reads the name from the ``tags`` collection. An unknown id answers 422 naming the
  body field: the person in the path exists, the body is what is wrong.
- ``number``: a sum sent as a string of digits (``"100"``, as Leeloo's clients send a price)
  becomes the number the answers' schemas declare; a number stays as it is.
- ``resource_links``: POST /people sends ``connected_users_ids`` (a list of ids) where a person
  stores ``links.contactedUsers`` (a list of ``{type, id}``); the hook builds that list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mock_server.stateful.template import ABSENT, Context, Hook, UnknownReference, evaluate

TAGS_LOOKUP = "tags:id"


def tag_name(context: Context, call: Mapping[str, Any]) -> Any:
    """``{hook: tag_name, arg: $body.tag_id}`` -> the name of that tag."""
    tag_id = evaluate(call.get("arg"), context)
    if tag_id is ABSENT:
        return ABSENT
    tag = context.find(TAGS_LOOKUP, tag_id)
    if tag is None:
        raise UnknownReference(call.get("arg"), tag_id, "tags")
    return tag.get("name", ABSENT)


def resource_links(context: Context, call: Mapping[str, Any]) -> Any:
    """``{hook: resource_links, type: users, ids: $body.x}`` -> ``[{type: users, id}, ...]``."""
    ids = evaluate(call.get("ids"), context)
    if not isinstance(ids, list):
        return []
    return [{"type": call.get("type"), "id": one} for one in ids]


def number(context: Context, call: Mapping[str, Any]) -> Any:
    """``{hook: number, arg: $body.price}`` -> ``100`` for ``"100"``, ``12.5`` for ``"12.5"``."""
    value = evaluate(call.get("arg"), context)
    if isinstance(value, str):
        try:
            parsed = float(value)
        except ValueError:
            return value  # the request was validated: this does not happen with the spec's Amount
        return int(parsed) if parsed.is_integer() and "." not in value else parsed
    return value


HOOKS: Mapping[str, Hook] = {"tag_name": tag_name, "resource_links": resource_links, "number": number}
HOOK_ARGUMENTS: Mapping[str, frozenset[str]] = {
    "number": frozenset({"arg"}),
    "tag_name": frozenset({"arg"}),
    "resource_links": frozenset({"type", "ids"}),
}
