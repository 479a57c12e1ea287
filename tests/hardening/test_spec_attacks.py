"""Hostile specs and pages against the spec tools: each gets ``file:line: reason``, nothing else.

A spec or a docs page arrives in a pull request, and CI runs ``spec_check``, ``spec_lint``,
``docs_drift`` and ``leeloo-mock`` on it. None of them may print a file the spec names, fetch a
URL, expand a YAML alias bomb, or die of a RecursionError: every such input is refused with its
file, line and reason, in seconds and in little memory.

Every tool runs in a child process under a memory cap and a timeout (``_bounded.run_bounded``),
so that a regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import contextlib
import http.server
import re
import threading
from collections.abc import Iterator
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
        return ["-m", "openapi_document.spec_check", str(spec), *extra]
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
    prefix = r"(spec_lint: |docs_drift: )?"
    pattern = re.compile(
        rf"^{prefix}{re.escape(str(spec))}:{line}:(\d+:)? .*{re.escape(reason)}", re.MULTILINE
    )
    assert pattern.search(result.output), result.summary()


def _small_spec(tmp_path: Path, ref: str, name: str = "openapi.yaml") -> Path:
    spec = tmp_path / name
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(SMALL_SPEC.replace("{ref}", ref), encoding="utf-8")
    return spec


# ------------------------------------------------------------ item 1: files and URLs named by $ref


def _ref_forms(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Spec location and ``$ref`` value for each way of naming a file outside the spec."""
    secret = tmp_path / "secret.env"
    secret.write_text(f"API_KEY={SECRET}\n", encoding="utf-8")
    nested = tmp_path / "specs" / "openapi.yaml"
    return {
        "absolute": (tmp_path / "openapi.yaml", str(secret)),
        "parent": (nested, "../secret.env"),
        "file-uri": (tmp_path / "openapi.yaml", secret.as_uri()),
        "pointer-into-it": (tmp_path / "openapi.yaml", f"{secret}#/API_KEY"),
    }


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("form", ["absolute", "parent", "file-uri", "pointer-into-it"])
def test_ref_to_a_local_file_is_refused_and_its_content_never_printed(
    tmp_path: Path, tool: str, form: str
) -> None:
    where, ref = _ref_forms(tmp_path)[form]
    spec = _small_spec(where.parent, ref, where.name)
    result = _run(tool, spec, tmp_path)
    assert SECRET not in result.output, result.summary()
    _assert_refused_cleanly(result, spec, REF_LINE, REFUSED)


def test_etc_passwd_is_not_printed(tmp_path: Path) -> None:
    spec = _small_spec(tmp_path, "/etc/passwd")
    result = _run("spec_check", spec, tmp_path)
    assert "root:" not in result.output, result.summary()
    _assert_refused_cleanly(result, spec, REF_LINE, REFUSED)


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b"Thing:\n  type: object\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _recording_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that answers a schema and records every request path."""
    hits: list[str] = []
    handler = type("Handler", (_RecordingHandler,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("allow", [False, True])
def test_http_ref_is_never_fetched(tmp_path: Path, tool: str, allow: bool) -> None:
    with _recording_server() as (origin, hits):
        spec = _small_spec(tmp_path, f"{origin}/things.yaml#/Thing")
        extra = ("--allow-refs-under", str(tmp_path)) if allow and tool in ("spec_check", "mock") else ()
        result = _run(tool, spec, tmp_path, *extra)
    assert hits == [], f"the {tool} fetched {hits}: {result.summary()}"
    _assert_refused_cleanly(result, spec, REF_LINE, "points outside the document; URLs are never fetched")


def test_allowed_directory_lets_its_files_in_and_keeps_others_out(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "things.yaml").write_text("Thing:\n  type: object\n", encoding="utf-8")
    spec = _small_spec(tmp_path / "api", "../shared/things.yaml#/Thing")
    assert _run("spec_check", spec, tmp_path).returncode == 1
    allowed = _run("spec_check", spec, tmp_path, "--allow-refs-under", str(shared))
    assert allowed.returncode == 0, allowed.summary()
    outside = _run("spec_check", spec, tmp_path, "--allow-refs-under", str(tmp_path / "api"))
    _assert_refused_cleanly(outside, spec, REF_LINE, f"points outside {tmp_path / 'api'}")


def test_allowed_file_that_names_a_secret_is_refused_at_its_own_line(tmp_path: Path) -> None:
    """The allowed files are checked as the spec is: they cannot reach further out either."""
    secret = tmp_path / "secret.env"
    secret.write_text(f"API_KEY={SECRET}\n", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "things.yaml").write_text('Thing:\n  $ref: "../secret.env"\n', encoding="utf-8")
    spec = _small_spec(tmp_path / "api", "../shared/things.yaml#/Thing")
    result = _run("spec_check", spec, tmp_path, "--allow-refs-under", str(shared))
    assert SECRET not in result.output, result.summary()
    _assert_refused_cleanly(result, shared / "things.yaml", 2, f"points outside {shared}")


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


# ------------------------------------------------------------ item 4: the mock on a file $ref


def test_mock_start_up_on_a_file_ref_is_a_one_line_refusal(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text("Thing:\n  type: object\n", encoding="utf-8")
    spec = _small_spec(tmp_path, "things.yaml#/Thing")
    result = _run("mock", spec, tmp_path)
    _assert_refused_cleanly(result, spec, REF_LINE, REFUSED)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(spec))]
    assert len(problems) == 1, result.summary()


def test_mock_serves_a_file_ref_under_the_allowed_directory(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    import httpx

    (tmp_path / "things.yaml").write_text(
        "Thing:\n  type: object\n  properties:\n    name: {type: string}\n  example: {name: from a file}\n",
        encoding="utf-8",
    )
    spec = _small_spec(tmp_path, "things.yaml#/Thing")
    log = tmp_path / "mock.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, *_tool("mock", spec, "--allow-refs-under", str(tmp_path))],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    try:
        deadline = time.monotonic() + 60
        found = None
        while found is None:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", log.read_text())
            time.sleep(0.05)
        response = httpx.get(found.group(1) + "/things", headers={"X-Leeloo-AuthToken": "t"}, timeout=10)
        assert response.status_code == 200, response.text
        assert response.json() == {"name": "from a file"}
    finally:
        process.terminate()
        process.wait(timeout=10)
