"""From a changed docs page to a released client in one flow (``make sync``).

1. **docs drift**: the page (``--page``, default ``spec/source/leeloo-api-v2-2026-01-ru.txt``, the
   spec's source; copied text, a print's text or saved HTML) against the spec and the known
   deviations in ``spec/docs-deviations.yaml``; findings stop the flow: the spec needs editing, or
   the deviations file an entry.
2. **spec check**: the spec is valid OpenAPI, passes the house lint, and ``spec/mock-resources.yaml``
   names only operations, collections and fields the spec has; problems stop the flow.
3. **regenerate** ``generated_client/``; a generator warning or failure stops the flow.
4. **change report** against ``--base`` (default ``HEAD``): the client's version becomes the
   version at the base raised by the report's semver bump, the client is regenerated with it and
   the entry is written at the top of ``CHANGELOG.md`` (Keep a Changelog). Both are computed from
   the base's files, so running the flow twice writes the same result.

Each stop says what to do next. Exit 0 when the flow went through (or found nothing to release),
1 when it stopped at a step that needs a person, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import docs_drift, resources_check, spec_lint
from generator._drift_deviations import DEVIATIONS_NAME
from generator.changes import (
    CONFIG,
    ROOT,
    SPEC,
    Change,
    ChangeReport,
    SpecError,
    bumped,
    client_version,
    compare_with_revision,
    format_text,
    git_show,
    grouped,
)
from generator.generate import OUTPUT, GenerationError, generate
from openapi_document import spec_check

PAGE = ROOT / "spec" / "source" / "leeloo-api-v2-2026-01-ru.txt"  # the spec's source (the Makefile's PAGE)
RESOURCES = ROOT / "spec" / "mock-resources.yaml"
CHANGELOG = ROOT / "CHANGELOG.md"
CHANGELOG_HEADER = """# Changelog

Every release of `leeloo-client` (the generated client in `generated_client/`) and of the API
contract that `leeloo-mock` serves, newest first. `make sync` writes each entry from the change
report (`make changes`). The format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/);
versions follow [Semantic Versioning](https://semver.org/spec/v2.0.0.html): anything breaking on
the wire or for Python callers raises the major version, an addition the minor, the rest the patch.
"""
_VERSION_LINE = re.compile(r'^(package_version_override:\s*)"?[^"\n]*"?\s*$', re.MULTILINE)
_ENTRY_HEADING = re.compile(r"^## \[", re.MULTILINE)
_SECTIONS = ("Added", "Changed", "Removed")
MAX_ENTRY_LINES = 200  # lines per section of one entry; past it, a count


class Stop(Exception):
    """The flow stopped at ``step``; ``next`` says what a person should do."""

    def __init__(self, step: str, next_step: str) -> None:
        super().__init__(step)
        self.step = step
        self.next_step = next_step


# --- the CHANGELOG entry and the version --------------------------------------------------------------


def _section(change: Change) -> str:
    if "removed" in change.rule:
        return "Removed"
    if change.rule.endswith("added") and not change.breaking:
        return "Added"
    return "Changed"


def changelog_entry(report: ChangeReport, version: str, day: datetime.date, note: str = "") -> str:
    """The Keep a Changelog entry of ``version``: the report's changes under Added, Changed and
    Removed, the breaking ones first and marked, one line per change (shared ones grouped)."""
    lines = [f"## [{version}] - {day.isoformat()}", ""]
    if note:
        lines += [note, ""]
    for section in _SECTIONS:
        entries: list[str] = []
        for breaking in (True, False):
            for audience, label in (("wire", "wire"), ("python", "Python"), ("docs", "docs")):
                changes = [
                    change
                    for change in (report.breaking if breaking else report.compatible)
                    if _section(change) == section and change.audience == audience
                ]
                prefix = f"**Breaking ({label}):** " if breaking else ""
                entries += [f"- {prefix}{line}" for line in grouped(changes)]
        if entries:
            if len(entries) > MAX_ENTRY_LINES:
                entries = [*entries[:MAX_ENTRY_LINES], f"- ... and {len(entries) - MAX_ENTRY_LINES} more"]
            lines += [f"### {section}", "", *entries, ""]
    return "\n".join(lines).rstrip() + "\n"


def with_entry(changelog: str | None, entry: str) -> str:
    """``changelog`` (None: a new one) with ``entry`` above its newest entry."""
    text = changelog if changelog and changelog.strip() else CHANGELOG_HEADER
    first = _ENTRY_HEADING.search(text)
    if first is None:
        return text.rstrip() + "\n\n" + entry
    return text[: first.start()] + entry + "\n" + text[first.start() :]


def with_version(config: str, version: str) -> str:
    """The client config's text with ``package_version_override`` set to ``version``."""
    line = f'package_version_override: "{version}"'
    if _VERSION_LINE.search(config):
        return _VERSION_LINE.sub(lambda match: f'{match[1]}"{version}"', config, count=1)
    return config.rstrip() + "\n" + line + "\n"


def _at_base(revision: str, relative: str) -> str | None:
    try:
        return git_show(revision, relative).decode("utf-8")
    except (SpecError, UnicodeDecodeError):
        return None


# --- the steps --------------------------------------------------------------------------------------


def _step(number: int, title: str) -> None:
    print(f"\n== make sync {number}/4: {title}", flush=True)


def _shown(path: Path) -> Path:
    """``path`` as a user would type it in the checkout: relative to it where it is inside."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else path


def _make_args(page: Path, base: str) -> str:
    """The ``make`` arguments that repeat this run: ``PAGE=`` unless it is the default page."""
    args = "" if page.resolve() == PAGE.resolve() else f" PAGE={shlex.quote(str(_shown(page)))}"
    return args + ("" if base == "HEAD" else f" BASE={shlex.quote(base)}")


def _drift(page: Path, spec: Path, base: str = "HEAD") -> None:
    _step(1, f"docs drift ({_shown(page)})")
    status = docs_drift.main([str(page), str(spec)])
    again = _make_args(page, base)
    deviations = _shown(spec.parent / DEVIATIONS_NAME)
    if status == 1:
        raise Stop(
            "docs drift",
            f"the page and the spec differ (listed above). Edit {_shown(spec)} until "
            f"`make docs-check{_make_args(page, 'HEAD')}` is clean; where the page is wrong on purpose, "
            f"add a narrow entry (operation, kind, subjects, why) to {deviations}. Then run "
            f"`make sync{again}` again.",
        )
    if status != 0:
        raise Stop(
            "docs drift",
            f"the page, the spec or {deviations} could not be read (the line above says why); fix that, "
            f"then run `make sync{again}` again.",
        )


def _spec_check(spec: Path, resources: Path, again: str = "") -> None:
    _step(2, "spec check (validity, house lint, spec/mock-resources.yaml)")
    if spec_check.main([str(spec)]) != 0:
        raise Stop("spec check", f"fix the spec at the lines above, then run `make sync{again}` again.")
    if spec_lint.main([str(spec)]) != 0:
        raise Stop(
            "spec lint", f"fix the lint findings above (file:line: rule), then run `make sync{again}` again."
        )
    if resources_check.main([str(resources), str(spec)]) != 0:
        raise Stop(
            "mock resources",
            f"{resources.name} names something the spec no longer has (above): follow the spec's rename or "
            f"removal in the mapping, then run `make sync{again}` again.",
        )


def _regenerate(spec: Path, output: Path, again: str = "") -> None:
    try:
        files = generate(output, spec)
    except GenerationError as exc:
        print(exc, file=sys.stderr)
        raise Stop(
            "regenerate",
            "openapi-python-client refused or warned about the spec (above); change the spec so that it "
            f"generates cleanly, then run `make sync{again}` again.",
        ) from None
    print(f"generated {len(files)} files into {output}")


def _release(
    base: str, spec: Path, output: Path, config: Path, changelog: Path, today: datetime.date, again: str = ""
) -> None:
    _step(4, f"change report against {base}")
    try:
        report = compare_with_revision(base, spec)
    except (SpecError, GenerationError) as exc:
        print(exc, file=sys.stderr)
        raise Stop("change report", f"the spec at {base} could not be compared (above).") from None
    base_version = client_version(_at_base(base, "generator/client_config.yaml") or config.read_text("utf-8"))
    print(format_text(report, base_version))
    if report.empty:
        print(f"\nnothing to release: the spec is the one at {base}; leeloo-client stays {base_version}.")
        return
    version = bumped(base_version, report.bump)
    current = config.read_text(encoding="utf-8")
    if client_version(current) != version:
        config.write_text(with_version(current, version), encoding="utf-8")
        _regenerate(spec, output, again)
    entry = changelog_entry(report, version, today)
    changelog.write_text(with_entry(_at_base(base, "CHANGELOG.md"), entry), encoding="utf-8")
    breaking = f" with {len(report.breaking)} breaking change(s)" if report.breaking else ""
    print(
        f"\nleeloo-client {base_version} -> {version} ({report.bump}){breaking}; "
        f"{changelog.name} has the entry.\nNext: read the entry and `git diff`, run `make test`, then "
        f"commit together: {files_to_commit(spec, config, changelog)}."
    )


def files_to_commit(spec: Path, config: Path, changelog: Path) -> str:
    """What one release commits, in words: the spec, its deviations, the page, the client, the
    version and the changelog."""
    return (
        f"{_shown(spec)}, {_shown(spec.parent / DEVIATIONS_NAME)}, the page in "
        f"{_shown(spec.parent / 'source')}/ if it changed, generated_client/, {_shown(config)} and "
        f"{_shown(changelog)}"
    )


def sync(
    page: Path = PAGE,
    base: str = "HEAD",
    spec: Path = SPEC,
    resources: Path = RESOURCES,
    output: Path = OUTPUT,
    config: Path = CONFIG,
    changelog: Path = CHANGELOG,
    today: datetime.date | None = None,
) -> int:
    """Run the four steps; 0 when they went through, 1 when one stopped (after saying why)."""
    try:
        again = _make_args(page, base)
        _drift(page, spec, base)
        _spec_check(spec, resources, again)
        _step(3, "regenerate generated_client/")
        _regenerate(spec, output, again)
        day = today or datetime.datetime.now(datetime.UTC).date()
        _release(base, spec, output, config, changelog, day, again)
    except Stop as stop:
        print(f"\nmake sync stopped at {stop.step}: {stop.next_step}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.sync", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument(
        "--page", type=Path, default=PAGE, help="the docs page: copied text, a print's text or HTML"
    )
    parser.add_argument(
        "--base", default="HEAD", help="git revision the release is measured from (default HEAD)"
    )
    args = parser.parse_args(argv)
    return sync(page=args.page, base=args.base)


if __name__ == "__main__":
    sys.exit(main())
