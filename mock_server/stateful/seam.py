"""The seam between the request pipeline and the ``--stateful`` store: typed both ways.

The pipeline hands the store a ``StatefulRequest`` (a request that already passed validation)
and gets back a ``StatefulAnswer`` (or None: answer from the spec's examples instead). Neither
side imports the other: ``_pipeline`` knows only these types, ``_stateful`` implements them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from mock_server.stages.problems import Issue


@dataclass(frozen=True)
class StatefulRequest:
    """A request that already passed validation, as the store needs it."""

    operation_id: str
    path_params: Mapping[str, str]
    query: Mapping[str, Sequence[str]]  # raw strings, repeated keys kept
    body: Any  # parsed and validated JSON body, or the form dict with coerced values; None without body


class StatefulAnswer(Protocol):
    """What the store answers: a status and a body; for a refusal (an error status) no body but
    why in words and the parts of the request it is about, which the pipeline shapes as the
    operation declares (data until then: the store builds no error body)."""

    @property
    def status(self) -> int: ...

    @property
    def body(self) -> Any: ...

    @property
    def detail(self) -> str: ...

    @property
    def issues(self) -> tuple[Issue, ...]: ...


class StatefulBackend(Protocol):
    """What the pipeline needs of a store (``mock_server.stateful.store.StatefulStore``)."""

    def handle(self, request: StatefulRequest) -> StatefulAnswer | None:
        """The store's answer, or None to fall back to the spec's answer."""
        ...
