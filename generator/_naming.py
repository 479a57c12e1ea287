"""How the client names things the spec names: resources after tags, methods after operationIds.

The rule (the README's "Naming" says the same): a tag becomes a resource attribute by the
generator's Python identifier (`communication-channels` -> `communication_channels`). An
operation's method is its operationId with the resource's noun dropped: the first run of words
that spells the tag (plural) or its singular (`people` -> `person`; otherwise the plural less its
final `s`), together with one preposition right before it (`to`, `from`, `of`, `for`, `in`, `on`,
`by`). When no word is dropped the method keeps the whole operationId.

    list_people            -> people.list
    add_tag_to_person      -> people.add_tag
    add_sms_connection     -> people.add_sms_connection
    get_tunnel_stats       -> tunnels.get_stats
    list_chat_messages     -> messages.list_chat

A method that lists pages by `limit`/`offset` also gets an iterator, named by putting `iterate`
for `list` (`list` -> `iterate`, `list_chat` -> `iterate_chat`).
"""

from __future__ import annotations

import keyword
import re

_IRREGULAR_SINGULARS = {"people": "person"}
_PREPOSITIONS = frozenset({"to", "from", "of", "for", "in", "on", "by"})


def resource_name(tag: str) -> str:
    """The attribute of the client that holds a tag's operations."""
    return re.sub(r"\W+", "_", tag.strip()).strip("_").lower()


def singular(plural: str) -> str:
    """The singular of a resource name, as the naming rule needs it."""
    if plural in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[plural]
    return plural[:-1] if plural.endswith("s") and len(plural) > 1 else plural


def method_name(operation_id: str, tag: str) -> str:
    """The resource method of an operation: its operationId without the resource's noun."""
    words = operation_id.split("_")
    resource = resource_name(tag)
    for noun in (resource, singular(resource)):
        noun_words = noun.split("_")
        for start in range(len(words) - len(noun_words) + 1):
            if words[start : start + len(noun_words)] == noun_words:
                begin = start - 1 if start > 0 and words[start - 1] in _PREPOSITIONS else start
                rest = words[:begin] + words[start + len(noun_words) :]
                if rest:
                    name = "_".join(rest)
                    return f"{name}_" if keyword.iskeyword(name) else name
    return operation_id


def iterator_name(method: str) -> str:
    """The iterator's name for a list method: `list` -> `iterate`, `list_chat` -> `iterate_chat`."""
    if method == "list" or method.startswith("list_"):
        return "iterate" + method[len("list") :]
    return f"iterate_{method}"
