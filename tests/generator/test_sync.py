"""make sync: the flow's CHANGELOG entry and version, its stops, and leeloo_client.__version__."""

from __future__ import annotations

import datetime
from pathlib import Path

import leeloo_client
import pytest
import yaml

from generator.changes import Change, ChangeReport, client_version
from generator.sync import (
    CHANGELOG_HEADER,
    PAGE,
    _make_args,
    changelog_entry,
    files_to_commit,
    sync,
    with_entry,
    with_version,
)

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "generator" / "client_config.yaml"
DAY = datetime.date(2026, 12, 1)


def _report() -> ChangeReport:
    report = ChangeReport(old="a", new="b")
    report.add(
        Change("request-parameter-removed", "GET /people", "query parameter 'x' removed", "wire", True)
    )
    report.add(Change("python-parameter-removed", "m.f", "Parameter was removed: x", "python", True))
    report.add(Change("api-added", "GET /tags/{tag_id}", "operation added", "wire", False))
    report.add(Change("documentation", "GET /tags", "descriptions changed", "docs", False))
    return report


def test_the_entry_follows_keep_a_changelog_with_breaking_changes_marked() -> None:
    entry = changelog_entry(_report(), "4.0.0", DAY, "Why.")
    assert entry.splitlines()[:3] == ["## [4.0.0] - 2026-12-01", "", "Why."]
    assert "### Added\n\n- GET /tags/{tag_id}: operation added [api-added]\n" in entry
    assert "### Changed\n\n- GET /tags: descriptions changed [documentation]\n" in entry
    assert (
        "### Removed\n\n"
        "- **Breaking (wire):** GET /people: query parameter 'x' removed [request-parameter-removed]\n"
        "- **Breaking (Python):** m.f: Parameter was removed: x [python-parameter-removed]\n"
    ) in entry


def test_a_new_entry_goes_above_the_newest_and_a_missing_changelog_gets_its_header() -> None:
    first = with_entry(None, "## [1.0.0] - 2026-01-01\n\n- one\n")
    assert first.startswith(CHANGELOG_HEADER) and first.endswith("## [1.0.0] - 2026-01-01\n\n- one\n")
    second = with_entry(first, "## [1.1.0] - 2026-02-01\n\n- two\n")
    assert second.index("## [1.1.0]") < second.index("## [1.0.0]")
    assert second.startswith(CHANGELOG_HEADER)


def test_the_version_line_of_the_config_is_replaced_and_nothing_else() -> None:
    config = CONFIG.read_text(encoding="utf-8")
    changed = with_version(config, "9.1.0")
    assert client_version(changed) == "9.1.0"
    assert yaml.safe_load(changed) == {**yaml.safe_load(config), "package_version_override": "9.1.0"}


def test_the_package_states_the_version_it_was_generated_with() -> None:
    assert leeloo_client.__version__ == client_version(CONFIG.read_text(encoding="utf-8"))
    pyproject = (ROOT / "generated_client" / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{leeloo_client.__version__}"' in pyproject


def test_the_changelog_has_an_entry_for_the_clients_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{leeloo_client.__version__}] - " in changelog


def test_a_drift_finding_stops_the_flow_and_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    text = (ROOT / "spec" / "source" / "leeloo-api-v2.txt").read_text(encoding="utf-8")
    page.write_text(
        text.replace("GEThttps://api.leeloo.ai/api/v2/tags", "GEThttps://api.leeloo.ai/api/v2/labels")
    )
    output, config, changelog = tmp_path / "client", tmp_path / "config.yaml", tmp_path / "CHANGELOG.md"
    assert sync(page=page, output=output, config=config, changelog=changelog) == 1
    err = capsys.readouterr().err
    assert "make sync stopped at docs drift: the page and the spec differ" in err
    # the hint repeats the page it was given: without PAGE= the commands would check the default page
    assert f"`make docs-check PAGE={page}` is clean" in err and f"`make sync PAGE={page}` again" in err
    assert "spec/docs-deviations.yaml" in err
    assert not output.exists() and not config.exists() and not changelog.exists()


def test_on_the_default_page_the_hint_needs_no_page_and_keeps_the_base() -> None:
    assert _make_args(PAGE, "HEAD") == ""
    assert _make_args(PAGE, "v3.0.0") == " BASE=v3.0.0"
    assert _make_args(ROOT / "spec" / "source" / "leeloo-api-v2.txt", "HEAD") == (
        " PAGE=spec/source/leeloo-api-v2.txt"
    )
    assert _make_args(Path("/tmp/my page.txt"), "HEAD") == " PAGE='/tmp/my page.txt'"


def test_the_files_to_commit_include_the_deviations_and_the_page() -> None:
    files = files_to_commit(ROOT / "spec" / "openapi.yaml", CONFIG, ROOT / "CHANGELOG.md")
    for name in ("spec/openapi.yaml", "spec/docs-deviations.yaml", "spec/source/", "generated_client/"):
        assert name in files
    assert "generator/client_config.yaml" in files and "CHANGELOG.md" in files


def test_a_stranded_mock_mapping_stops_the_flow_at_the_spec_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources = tmp_path / "mock-resources.yaml"
    text = (ROOT / "spec" / "mock-resources.yaml").read_text(encoding="utf-8")
    resources.write_text(text.replace("collection: tags\n", "collection: labels\n"), encoding="utf-8")
    assert sync(resources=resources, output=tmp_path / "client") == 1
    err = capsys.readouterr().err
    assert f"{resources}:" in err and "no collection 'labels'" in err
    assert "make sync stopped at mock resources" in err
