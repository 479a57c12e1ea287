"""The spec's evidence register: every curated decision and what it rests on.

A decision carries a vendor extension beside its ``description``::

    x-evidence:
      status: verified        # shown by the vendor or by a real capture; or: guess
      sources:
        - "vendor wiki, DOC space page 3488094373: ..."
        - "github MouseZver/Leeloo-API src/Core.php: ..."

``make docs-check`` lists the guesses, so that a user with a token knows what
``make contract-live`` should confirm first; ``make spec-check`` refuses a malformed entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

EVIDENCE_KEY = "x-evidence"
STATUSES = ("verified", "guess")
CAPTURE_SOURCE = "capture "  # how a source proposed by ``leeloo-drift --propose`` begins

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Evidence:
    """One decision of the spec: where it is, how sure it is, and its sources."""

    where: JsonPath
    status: str
    sources: tuple[str, ...]

    @property
    def pointer(self) -> str:
        """Where, as a JSON pointer without its leading slash (``paths/~1people/get``)."""
        return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in self.where)


def _walk(node: Any, here: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
    stack: list[tuple[Any, JsonPath]] = [(node, here)]
    while stack:
        current, path = stack.pop()
        if isinstance(current, Mapping):
            if EVIDENCE_KEY in current:
                yield path, current[EVIDENCE_KEY]
            stack.extend((value, (*path, str(key))) for key, value in reversed(list(current.items())))
        elif isinstance(current, list):
            stack.extend((item, (*path, index)) for index, item in reversed(list(enumerate(current))))


def evidence_problems(spec: Mapping[str, Any]) -> Iterator[tuple[JsonPath, str]]:
    """Each malformed ``x-evidence`` entry: where, and why."""
    for where, entry in _walk(spec, ()):
        if not isinstance(entry, Mapping):
            yield where, "x-evidence must be a mapping with `status` and `sources`"
            continue
        if entry.get("status") not in STATUSES:
            yield where, f"x-evidence status must be one of {', '.join(STATUSES)}"
        sources = entry.get("sources")
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
            yield where, "x-evidence sources must be a non-empty list of texts"


def evidence_register(spec: Mapping[str, Any]) -> list[Evidence]:
    """Every well-formed decision, in document order."""
    register = []
    for where, entry in _walk(spec, ()):
        if isinstance(entry, Mapping) and entry.get("status") in STATUSES:
            sources = entry.get("sources")
            texts = tuple(str(s) for s in sources) if isinstance(sources, list) else ()
            register.append(Evidence(where, str(entry["status"]), texts))
    return register


def shown_by_capture(node: Any) -> bool:
    """Whether ``node`` carries a verified ``x-evidence`` entry with a capture among its sources
    (an element ``leeloo-drift --propose`` added from recorded traffic)."""
    entry = node.get(EVIDENCE_KEY) if isinstance(node, Mapping) else None
    if not isinstance(entry, Mapping) or entry.get("status") != "verified":
        return False
    sources = entry.get("sources")
    return isinstance(sources, list) and any(str(s).startswith(CAPTURE_SOURCE) for s in sources)


def format_register(
    register: Sequence[Evidence], line_of: Any = None, traffic: Mapping[str, str] | None = None
) -> list[str]:
    """The register as report lines: a count, then each guess with its place and sources, and
    what a capture said of it (``traffic``: a line per pointer, from ``leeloo-drift``)."""
    guesses = [entry for entry in register if entry.status == "guess"]
    lines = [
        f"Evidence register: {len(register)} curated decisions, "
        f"{len(register) - len(guesses)} verified, {len(guesses)} guesses",
    ]
    if guesses:
        lines.append("Guesses for `make contract-live` to confirm first:")
        for entry in guesses:
            place = f"spec line {line_of(entry.where)}: " if line_of is not None else ""
            lines.append(f"  {place}{entry.pointer}")
            lines += [f"      {source}" for source in entry.sources]
            if traffic is not None:
                lines.append(f"      traffic: {traffic.get(entry.pointer, 'not exercised by the capture')}")
    return lines
