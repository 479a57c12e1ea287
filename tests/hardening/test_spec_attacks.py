"""Hostile specs and pages against the spec tools: each gets ``file:line: reason``, nothing else.

A spec or a docs page arrives in a pull request, and CI runs ``spec_check``, ``spec_lint``,
``docs_drift`` and ``leeloo-mock`` on it. None of them may print a file the spec names, fetch a
URL, expand a YAML alias bomb, or die of a RecursionError: every such input is refused with its
file, line and reason, in seconds and in little memory.

Every tool runs in a child process under a memory cap and a timeout (``_bounded.run_bounded``),
so that a regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hardening._bounded import ROOT, Bounded, run_bounded

SPEC = ROOT / "spec" / "openapi.yaml"
SECRET = "TOP-SECRET-do-not-print-4711"
REFUSED = "points outside the document; external references are refused (use --allow-refs-under DIR)"

SMALL_SPEC = """\
openapi: 3.1.0
info:
  title: Things
  version: "1"
paths:
  /things:
    get:
      operationId: list_things
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "{ref}"
components:
  schemas:
    Thing:
      type: object
"""
REF_LINE = 15  # the line of `$ref` above


def _tool(name: str, spec: Path, *extra: str) -> list[str]:
    """The command line (after ``python``) of one tool on ``spec``."""
    if name == "spec_check":
        return ["-m", "generator.spec_check", str(spec), *extra]
    if name == "spec_lint":
        return ["-m", "generator.spec_lint", str(spec), *extra]
    if name == "docs_drift":
        return ["-m", "generator.docs_drift", str(ROOT / "spec" / "source" / "leeloo-api-v2.txt"), str(spec)]
    return ["-m", "mock_server", str(spec), "--port", "0", "--log-level", "warning", *extra]


TOOLS = ("spec_check", "spec_lint", "docs_drift", "mock")


def _run(name: str, spec: Path, tmp_path: Path, *extra: str, timeout: float = 60) -> Bounded:
    # a fresh check cache: a pass remembered from another run must not hide what is tested here
    cache = {"LEELOO_MOCK_CACHE_DIR": str(tmp_path / "mock-cache")}
    return run_bounded(_tool(name, spec, *extra), env=cache, timeout=timeout)


def _assert_refused_cleanly(result: Bounded, spec: Path, line: int, reason: str) -> None:
    """Exit 1 or 2, no traceback, and a ``spec:line:...: ...reason`` line (lint and docs drift put
    their name before it)."""
    assert not result.timed_out and result.returncode in (1, 2), result.summary()
    assert "Traceback" not in result.output, result.summary()
    prefix = r"(spec_lint: |docs_drift: the spec is not YAML: )?"
    pattern = re.compile(
        rf"^{prefix}{re.escape(str(spec))}:{line}:(\d+:)? .*{re.escape(reason)}", re.MULTILINE
    )
    assert pattern.search(result.output), result.summary()


def _small_spec(tmp_path: Path, ref: str, name: str = "openapi.yaml") -> Path:
    spec = tmp_path / name
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(SMALL_SPEC.replace("{ref}", ref), encoding="utf-8")
    return spec


# ----------------------------------------------------------------------- item 2: YAML alias bombs


def _alias_bomb(levels: int) -> str:
    """A small valid OpenAPI document whose ``x-bomb`` expands to 9**levels items."""
    lines = ["openapi: 3.1.0", "info: {title: Bomb, version: '1'}", "paths: {}", "x-bomb:"]
    lines.append("  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
    lines += [f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("levels", [6, 9])
def test_alias_bomb_is_refused_in_seconds_and_little_memory(tmp_path: Path, tool: str, levels: int) -> None:
    spec = tmp_path / "bomb.yaml"
    spec.write_text(_alias_bomb(levels), encoding="utf-8")
    result = _run(tool, spec, tmp_path, timeout=60)
    # l5, at line 10, is the first list whose expansion adds more than the 250,000 nodes allowed
    _assert_refused_cleanly(result, spec, 10, "too many YAML aliases")
    assert result.seconds < 15 and result.peak_rss_mib < 400, result.summary()


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    text = SPEC.read_text(encoding="utf-8") + "x-shared:\n  a: &shared {q: [1, 2, 3]}\n  b: *shared\n"
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    result = _run("spec_check", spec, tmp_path)
    assert result.returncode == 0, result.summary()


# ------------------------------------------------------------------------ item 3: deep nesting


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("syntax", ["yaml-flow", "yaml-block", "json"])
def test_deep_spec_is_refused_as_too_deep(tmp_path: Path, tool: str, syntax: str) -> None:
    depth = 1000 if syntax != "json" else 100_000
    if syntax == "yaml-flow":
        text = "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\npaths: {}\nx-deep: "
        text += "[" * depth + "]" * depth + "\n"
    elif syntax == "yaml-block":
        text = "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\npaths: {}\nx-deep:\n"
        text += "".join(f"{' ' * (i + 1)}k{i}:\n" for i in range(depth)) + " " * (depth + 1) + "end: 1\n"
    else:
        text = '{"openapi": "3.1.0", "info": {"title": "Deep", "version": "1"}, "paths": {}, "x-deep": '
        text += "[" * depth + "]" * depth + "}\n"
    spec = tmp_path / "deep.yaml"
    spec.write_text(text, encoding="utf-8")
    result = _run(tool, spec, tmp_path)
    line = 4 if syntax != "json" else 1
    line = line + 64 if syntax == "yaml-block" else line
    _assert_refused_cleanly(result, spec, line, "too deep")
    assert result.seconds < 15 and result.peak_rss_mib < 400, result.summary()


def test_deep_json_example_on_the_page_is_reported_as_too_deep(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    deep = "[" * 100_000 + "]" * 100_000
    page.write_text(
        f"Tags\n\nGET https://api.leeloo.ai/api/v2/tags\n\nResponse\n\n{deep}\n", encoding="utf-8"
    )
    result = run_bounded(["-m", "generator.docs_drift", str(page), str(SPEC)])
    assert result.returncode == 2 and "Traceback" not in result.output, result.summary()
    assert f"{page}:7: too deep" in result.output, result.summary()
    assert result.seconds < 15 and result.peak_rss_mib < 400, result.summary()
