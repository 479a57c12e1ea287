"""Known, curated deviations between the docs page and the spec: read from a YAML file beside it.

The spec deliberately departs from the page where the page contradicts itself or breaks a
standard (each decision is explained in a ``description`` of the spec). The docs-drift check
must not hide these silently, so each is listed in ``docs-deviations.yaml`` beside the spec,
narrowly: one operation, one kind of finding, the exact subjects (JSON paths of example data,
parameter names), why, and optionally the pages (file names) it is about. Matching findings are
printed as "known deviations"; a subject that matches nothing on a page it is about is itself a
finding, so the file cannot rot. Any other difference is a finding.

The file is read by the project's bounded, positioned YAML loader and checked against
``docs-deviations.schema.json`` beside this module (JSON Schema 2020-12, as the stateful
mapping's grammar is); a problem is refused as ``file:line:column: reason``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from generator._drift_findings import Finding, Kind
from openapi_document import Located, LocatedError
from openapi_document._yaml_positions import LoadedYaml, YamlSyntaxError, load_yaml_with_positions

DEVIATIONS_NAME = "docs-deviations.yaml"  # beside the spec, as mock-resources.yaml is
SCHEMA_PATH = Path(__file__).with_name("docs-deviations.schema.json")
MAX_REASON_CHARS = 300  # a schema message quotes the value it refuses: a long one is cut


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


class DeviationsError(LocatedError):
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
    is literal (``filter[email]`` names a parameter, not fnmatch's character set)."""
    return re.compile("[^/]*".join(re.escape(part) for part in subject.split("*")))


def subject_matches(subject: str, finding_subject: str) -> bool:
    """Whether the entry's ``subject`` pattern matches a finding's subject whole."""
    return _pattern(subject).fullmatch(finding_subject) is not None


def _kind_of(key: str) -> Kind:
    return next(kind for kind in Kind if kind.key == key)


def _problem(path: Path, loaded: LoadedYaml, where: Sequence[str | int], reason: str) -> Located:
    position = loaded.locate(list(where))
    return Located(path, position.line, position.column, reason)


def load_deviations(path: Path) -> tuple[KnownDeviation, ...]:
    """The entries of the deviations file at ``path``; :class:`DeviationsError` when it is not one."""
    try:
        loaded = load_yaml_with_positions(path)
    except YamlSyntaxError as exc:
        raise DeviationsError(exc.problems) from None
    except OSError as exc:
        raise DeviationsError(Located(path, 1, 1, f"cannot read: {exc.strerror}")) from None
    except UnicodeDecodeError as exc:
        raise DeviationsError(Located(path, 1, 1, f"not UTF-8 text: {exc.reason}")) from None
    if loaded.duplicate_keys:
        duplicate = loaded.duplicate_keys[0]
        reason = (
            f"key {duplicate.json_path[-1]!r} written twice (first at line {duplicate.first_position.line})"
        )
        raise DeviationsError(Located(path, duplicate.position.line, duplicate.position.column, reason))
    errors = sorted(_validator().iter_errors(loaded.data), key=lambda error: list(error.absolute_path))
    if errors:
        where = list(errors[0].absolute_path)
        named = "/".join(str(part) for part in where) or "the document"
        message = errors[0].message
        reason = message if len(message) <= MAX_REASON_CHARS else message[:MAX_REASON_CHARS] + "..."
        raise DeviationsError(_problem(path, loaded, where, f"{named}: {reason}"))
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


def deviations_file(spec: Path) -> Path | None:
    """The deviations file beside ``spec``; None when the spec has none."""
    path = spec.parent / DEVIATIONS_NAME
    return path if path.is_file() else None


def deviations_beside(spec: Path) -> tuple[KnownDeviation, ...]:
    """The entries of the deviations file beside ``spec``, or none when the spec has none."""
    path = deviations_file(spec)
    return load_deviations(path) if path is not None else ()


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
