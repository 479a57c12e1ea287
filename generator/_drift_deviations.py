"""Known, curated deviations between the docs page and the spec: read from a YAML file beside it.

The spec deliberately departs from the page where the page contradicts itself or breaks a
standard (each decision is explained in a ``description`` of the spec). The docs-drift check
must not hide these silently, so each is listed in ``docs-deviations.yaml`` beside the spec,
narrowly: one operation, one kind of finding, the exact subjects (JSON paths of example data,
parameter names), why, and optionally the pages (file names) it is about. Matching findings are
printed as "known deviations"; a subject that matches nothing on a page it is about is itself a
finding, so the file cannot rot. Any other difference is a finding.

The file is read by the project's bounded, positioned YAML loader and checked against
:data:`SCHEMA` (JSON Schema); a problem is refused as ``file:line:column: reason``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from generator._drift_findings import Finding, Kind
from openapi_document._yaml_positions import LoadedYaml, YamlSyntaxError, load_yaml_with_positions

DEVIATIONS_NAME = "docs-deviations.yaml"  # beside the spec, as mock-resources.yaml is
MAX_ENTRIES = 1_000
MAX_SUBJECTS = 100

_KINDS = [kind.key for kind in Kind if kind is not Kind.STALE_DEVIATION]
_TEXT = {"type": "string", "minLength": 1, "maxLength": 4_000}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Known deviations between the docs page and the spec",
    "type": "object",
    "required": ["deviations"],
    "additionalProperties": False,
    "properties": {
        "deviations": {
            "type": "array",
            "maxItems": MAX_ENTRIES,
            "items": {
                "type": "object",
                "required": ["operation", "kind", "subjects", "why"],
                "additionalProperties": False,
                "properties": {
                    "operation": {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$"},
                    "kind": {"enum": _KINDS},
                    "subjects": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": MAX_SUBJECTS,
                        "uniqueItems": True,
                        "items": _TEXT,
                    },
                    "why": _TEXT,
                    "pages": {
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": True,
                        "items": {"type": "string", "pattern": r"^[^/\\]+$"},
                    },
                },
            },
        }
    },
}
_VALIDATOR = Draft202012Validator(SCHEMA)


class DeviationsError(Exception):
    """The deviations file cannot be used: ``file:line:column: reason``."""


@dataclass(frozen=True)
class KnownDeviation:
    """A difference the spec made on purpose; ``subjects`` are patterns (``*`` = any array index).

    ``pages``: the file names of the pages it is about (empty: every page)."""

    operation_id: str
    kind: Kind
    subjects: tuple[str, ...]
    why: str
    pages: tuple[str, ...] = ()
    line: int = 0  # where the entry stands in the deviations file (0: not read from one)

    def covers(self, finding: Finding) -> bool:
        return (
            finding.operation_id == self.operation_id
            and finding.kind == self.kind
            and any(subject_matches(subject, finding.subject) for subject in self.subjects)
        )

    def is_about(self, page: str | None) -> bool:
        """Whether the entry applies to the page named ``page`` (None: a page without a name)."""
        return not self.pages or page in self.pages


@cache
def _pattern(subject: str) -> re.Pattern[str]:
    """A subject as a pattern: ``*`` is any one step of a JSON path (an array index), everything else
    is literal (``filter[email]`` names a parameter; fnmatch took its brackets for a character set)."""
    return re.compile("[^/]*".join(re.escape(part) for part in subject.split("*")))


def subject_matches(subject: str, finding_subject: str) -> bool:
    """Whether the entry's ``subject`` pattern matches a finding's subject whole."""
    return _pattern(subject).fullmatch(finding_subject) is not None


def _kind_of(key: str) -> Kind:
    return next(kind for kind in Kind if kind.key == key)


def _message(path: Path, loaded: LoadedYaml, where: Sequence[str | int], reason: str) -> str:
    position = loaded.locate(list(where))
    return f"{path}:{position.line}:{position.column}: {reason}"


def load_deviations(path: Path) -> tuple[KnownDeviation, ...]:
    """The entries of the deviations file at ``path``; :class:`DeviationsError` when it is not one."""
    try:
        loaded = load_yaml_with_positions(path)
    except YamlSyntaxError as exc:
        raise DeviationsError(str(exc)) from None
    except OSError as exc:
        raise DeviationsError(f"{path}:1:1: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise DeviationsError(f"{path}:1:1: not UTF-8 text: {exc.reason}") from None
    if loaded.duplicate_keys:
        duplicate = loaded.duplicate_keys[0]
        raise DeviationsError(
            f"{path}:{duplicate.position.line}:{duplicate.position.column}: key {duplicate.json_path[-1]!r} "
            f"written twice (first at line {duplicate.first_position.line})"
        )
    error = next(iter(sorted(_VALIDATOR.iter_errors(loaded.data), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = [part for part in error.absolute_path]
        named = "/".join(str(part) for part in where) or "the document"
        reason = error.message if len(error.message) <= 300 else error.message[:300] + "..."
        raise DeviationsError(_message(path, loaded, where, f"{named}: {reason}"))
    entries = []
    for index, entry in enumerate(loaded.data["deviations"]):
        entries.append(
            KnownDeviation(
                operation_id=entry["operation"],
                kind=_kind_of(entry["kind"]),
                subjects=tuple(entry["subjects"]),
                why=" ".join(entry["why"].split()),
                pages=tuple(entry.get("pages", ())),
                line=loaded.locate(["deviations", index]).line,
            )
        )
    return tuple(entries)


def deviations_beside(spec: Path) -> tuple[KnownDeviation, ...]:
    """The deviations file beside ``spec``, or none when the spec has none."""
    path = spec.parent / DEVIATIONS_NAME
    return load_deviations(path) if path.is_file() else ()


@dataclass(frozen=True)
class Sorted:
    """Findings split into real findings and known deviations (each with the entry that covers it)."""

    findings: list[Finding]
    known: list[tuple[Finding, KnownDeviation]]


def sort_out(findings: Iterable[Finding], deviations: Iterable[KnownDeviation], page: str | None) -> Sorted:
    """Separate known deviations from findings on the page named ``page``; report each subject of an
    entry about that page that matched nothing."""
    table = [deviation for deviation in deviations if deviation.is_about(page)]
    result = Sorted(findings=[], known=[])
    used: set[tuple[int, str]] = set()
    for finding in findings:
        entry = next((deviation for deviation in table if deviation.covers(finding)), None)
        if entry is None:
            result.findings.append(finding)
            continue
        result.known.append((finding, entry))
        for subject in entry.subjects:
            if subject_matches(subject, finding.subject):
                used.add((table.index(entry), subject))
    for index, deviation in enumerate(table):
        for subject in deviation.subjects:
            if (index, subject) not in used:
                where = f" (deviations file line {deviation.line})" if deviation.line else ""
                result.findings.append(
                    Finding(
                        Kind.STALE_DEVIATION,
                        operation="known deviation",
                        operation_id=deviation.operation_id,
                        subject=subject,
                        message=(
                            f"the curated deviation {deviation.kind.key} {subject!r}{where} matched nothing"
                        ),
                    )
                )
    return result
