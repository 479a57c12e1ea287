"""Templates of ``spec/mock-resources.yaml``: literal JSON with ``$`` expressions and hook calls.

A resource's records and answers are written as data in the mapping, not as code; this module
turns such a template into a value for one request. Expressions: ``$body.F``, ``$path.P``,
``$id.NAME``, ``$now``, ``$new.COLLECTION``; a mapping with a ``hook`` key calls a named hook
(see ``_stateful_hooks``). A value that is absent (a body field the request did not send) leaves
its key out of a mapping and its item out of a list, so optional fields stay optional.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

EXPRESSION_ROOTS = ("body", "path", "id", "new")
ID_PREFIX = "6d6f636b"  # "mock" in hex: generated ids never look like the docs' ids


class Absent(enum.Enum):
    """The value of an expression the request gives nothing for."""

    ABSENT = "absent"


ABSENT = Absent.ABSENT


class UnknownReference(Exception):
    """A body field names a record that does not exist (the store answers 422 naming the field)."""

    def __init__(self, source: Any, value: Any, where: str) -> None:
        super().__init__(f"{value!r} is not the id of any record in {where}")
        self.field = body_field(source)
        self.value = value
        self.where = where


def body_field(source: Any) -> str:
    """The JSON pointer of the body field an expression reads (``$body.tag_id`` -> ``/tag_id``)."""
    if isinstance(source, str) and source.startswith("$body."):
        return "/" + source.removeprefix("$body.").replace(".", "/")
    return "/"


def check_expression(text: str) -> str | None:
    """Why ``text`` is not a valid expression, or None when it is."""
    if text == "$now":
        return None
    root, dot, rest = text[1:].partition(".")
    if root not in EXPRESSION_ROOTS or not dot or not rest:
        return f"unknown expression {text!r} (use $body.F, $path.P, $id.NAME, $new.COLLECTION or $now)"
    return None


Finder = Callable[[str, Any], "dict[str, Any] | None"]
Hook = Callable[["Context", Mapping[str, Any]], Any]


@dataclass
class Context:
    """Everything a template may read while one request is handled."""

    body: Mapping[str, Any]
    path: Mapping[str, str]
    now: str
    next_id: Callable[[], str]
    find: Finder
    hooks: Mapping[str, Hook]
    ids: dict[str, str] = field(default_factory=dict)
    new: dict[str, dict[str, Any]] = field(default_factory=dict)

    def new_id(self, name: str) -> str:
        """The id called ``name`` in this request, made on first use."""
        if name not in self.ids:
            self.ids[name] = self.next_id()
        return self.ids[name]


def _lookup(value: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return ABSENT
        value = value[part]
    return value


def evaluate_expression(text: str, context: Context) -> Any:
    """The value of one ``$`` expression (``$$x`` is the literal ``$x``)."""
    if text.startswith("$$"):
        return text[1:]
    if text == "$now":
        return context.now
    root, _, rest = text[1:].partition(".")
    if root == "body":
        return _lookup(context.body, rest)
    if root == "path":
        return context.path.get(rest, ABSENT)
    if root == "id":
        return context.new_id(rest)
    if root == "new":
        return context.new.get(rest, ABSENT)
    raise ValueError(check_expression(text))


def evaluate(template: Any, context: Context) -> Any:
    """The value of ``template`` for this request; may be :data:`ABSENT`."""
    if isinstance(template, str):
        return evaluate_expression(template, context) if template.startswith("$") else template
    if isinstance(template, Mapping):
        if "hook" in template:
            return context.hooks[template["hook"]](context, template)
        result: dict[str, Any] = {}
        for key, item in template.items():
            value = evaluate(item, context)
            if value is not ABSENT:
                result[key] = value
        return result
    if isinstance(template, Sequence):
        return [value for value in (evaluate(item, context) for item in template) if value is not ABSENT]
    return template
