"""Regenerate the client package `leeloo_client` from the spec, or check the committed copy.

`generated_client/` is committed output that nobody edits by hand. This module is the one way
to produce it: openapi-python-client (pinned) with our config and custom templates, its
warnings treated as errors, formatted by the pinned ruff of the project's virtualenv. The
check mode generates into a temporary directory and compares file by file, the golden-record
approach of openapi-python-client's own end-to-end tests, so `make test` fails when the spec
or the templates changed without a `make generate`.

Usage: ``python -m generator.generate [--check] [--spec PATH] [--output DIR]``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator._api_reference import api_reference
from generator._naming import iterator_name, method_name, resource_name
from openapi_document import operations
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "generator" / "client_config.yaml"
TEMPLATES = ROOT / "generator" / "templates"
# The hand-written runtime (client, errors, retries, resource bases): ordinary source, copied
# as it is into the package over whatever the generator wrote under the same names.
RUNTIME = ROOT / "generator" / "runtime"
PACKAGE = "leeloo_client"
# What the templates learn from the spec beyond what openapi-python-client passes them (it drops
# vendor extensions such as `x-idempotent`): written as a Jinja template beside ours.
FACTS_TEMPLATE = "_spec_facts.jinja"
_IDEMPOTENT_METHODS = frozenset({"get", "put", "delete", "options", "head", "trace"})
OUTPUT = ROOT / "generated_client"
API_REFERENCE = "api.md"

# What the generator prints when it skipped something or a post-hook could not run; any of
# these fails the generation, with the generator's own message.
_PROBLEM_MARKERS = (
    "Warning(s) encountered",
    "Error(s) encountered",
    "Skipping",
    "Unable to",
    "not in PATH",
)
# Build and tool artefacts that may sit in the committed tree (an editable install writes
# `*.egg-info` there); they are neither compared nor deleted.
_IGNORED_NAMES = ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist")
_IGNORED_SUFFIXES = (".egg-info", ".pyc")
_DIFF_LINES_PER_FILE = 40


class GenerationError(Exception):
    """The generator failed, warned or skipped part of the spec; the message is its own output."""


def generate(destination: Path = OUTPUT, spec: Path = SPEC) -> list[Path]:
    """Generate the client into `destination`, replacing what was there; return the files written.

    The generator writes into a fresh temporary directory first, so a failed run leaves the
    committed client untouched and the output never depends on where it is finally placed.
    """
    with tempfile.TemporaryDirectory(prefix="leeloo-client-") as tmp:
        fresh = Path(tmp) / "leeloo-client"
        run_generator(spec, fresh)
        _replace_tree(fresh, destination)
    return sorted(_tree_files(destination))


def run_generator(spec: Path, output: Path) -> None:
    """Run openapi-python-client with our config and templates into `output` (must not exist)."""
    bin_dir = Path(sys.executable).parent
    generator = bin_dir / "openapi-python-client"
    for tool in (generator, bin_dir / "ruff"):
        if not tool.exists():
            raise GenerationError(f"{tool} not found: run `make install` first")
    # The post-hooks call `ruff`: the pinned one from this virtualenv, not whatever is on PATH.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="leeloo-templates-") as templates:
        _write_templates(spec, Path(templates))
        _run_openapi_python_client(generator, env, spec, output, Path(templates))
    _copy_runtime(output / PACKAGE)
    _require_compilable(output)
    # The resource methods with their signatures and models, as Stainless ships `api.md`.
    (output / API_REFERENCE).write_text(api_reference(output / PACKAGE), encoding="utf-8")


def spec_facts(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Per operationId: its resource, method and iterator names and whether it may be repeated.

    An operation is idempotent by its HTTP method (GET, PUT, DELETE: yes; POST, PATCH: no) unless
    it says otherwise with `x-idempotent: true|false`.
    """
    facts: dict[str, dict[str, Any]] = {}
    for path, method, operation in operations(spec):
        if not isinstance(operation.get("operationId"), str):
            continue
        item = spec["paths"][path]
        operation_id = operation["operationId"]
        tags = operation.get("tags") or ["default"]
        declared = operation.get("x-idempotent")
        name = method_name(operation_id, str(tags[0]))
        facts[operation_id] = {
            "resource": resource_name(str(tags[0])),
            "method": name,
            "iterator": iterator_name(name),
            "idempotent": declared if isinstance(declared, bool) else method in _IDEMPOTENT_METHODS,
            "parameters": _parameter_descriptions(
                spec, [*item.get("parameters", []), *operation.get("parameters", [])]
            ),
        }
    return facts


def _parameter_descriptions(spec: Mapping[str, Any], parameters: Sequence[Any]) -> dict[str, str]:
    """Each parameter's description by its wire name (openapi-python-client keeps only the schema's)."""
    found: dict[str, str] = {}
    for parameter in parameters:
        resolved = parameter
        reference = parameter.get("$ref") if isinstance(parameter, Mapping) else None
        if isinstance(reference, str) and reference.startswith("#/components/parameters/"):
            resolved = (spec.get("components") or {}).get("parameters", {}).get(reference.rsplit("/", 1)[1])
        if isinstance(resolved, Mapping) and isinstance(resolved.get("name"), str):
            description = resolved.get("description")
            found[resolved["name"]] = " ".join(description.split()) if isinstance(description, str) else ""
    return found


def _write_templates(spec: Path, directory: Path) -> None:
    """Our templates, plus `_spec_facts.jinja` (`{% set facts = {...} %}`) computed from `spec`."""
    for template in TEMPLATES.iterdir():
        if template.is_file():
            shutil.copyfile(template, directory / template.name)
    try:
        document = load_yaml_with_positions(spec, positions=False).data
    except YamlSyntaxError as error:
        raise GenerationError(str(error)) from error
    facts = spec_facts(document if isinstance(document, Mapping) else {})
    text = json.dumps(facts, indent=1, sort_keys=True)
    (directory / FACTS_TEMPLATE).write_text(
        "{# written by generator/generate.py from the spec #}\n{% set facts = " + text + " %}\n",
        encoding="utf-8",
    )


def _run_openapi_python_client(
    generator: Path, env: Mapping[str, str], spec: Path, output: Path, templates: Path
) -> None:
    command = [
        str(generator),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(templates),
        # `pdm` only selects "write a pyproject.toml, no setup.py": our own
        # pyproject.toml.jinja writes a setuptools project whatever the meta type.
        "--meta",
        "pdm",
        "--output-path",
        str(output),
        "--fail-on-warning",
    ]
    completed = subprocess.run(
        command, env=env, cwd=output.parent, capture_output=True, text=True, check=False
    )
    messages = (completed.stdout + completed.stderr).strip()
    if completed.returncode != 0 or any(marker in messages for marker in _PROBLEM_MARKERS):
        raise GenerationError(
            f"openapi-python-client failed on {spec} (exit {completed.returncode}):\n{messages}"
        )


def _copy_runtime(package: Path) -> None:
    """Copy every module of `generator/runtime/` (its `__init__` excepted) into the package."""
    for source in sorted(RUNTIME.glob("*.py")):
        if source.name != "__init__.py":
            (package / source.name).write_bytes(source.read_bytes())


def _require_compilable(output: Path) -> None:
    """Fail on generated Python that does not compile, naming file, line and reason.

    The generator does not notice when two names collapse into one Python identifier (our
    template turns `filter[a]` and `filter_a` both into `filter_a`: a duplicate argument), and
    its ruff post-hook skips a file it cannot parse without failing the run.
    """
    problems = []
    for path in sorted(output.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path.relative_to(output)), "exec", dont_inherit=True)
        except SyntaxError as error:
            problems.append(f"{error.filename}:{error.lineno}: {error.msg}")
    if problems:
        raise GenerationError("the generated client does not compile:\n" + "\n".join(problems))


def diff_trees(committed: Path, fresh: Path) -> list[str]:
    """Describe how the `fresh` generation differs from the `committed` tree, one entry per file.

    Each changed file carries a short unified diff from the committed copy (``---``) to the fresh
    one (``+++``), so its ``+`` lines are what ``make generate`` would write. An empty list means
    the trees hold the same files with the same bytes.
    """
    committed_files = set(_tree_files(committed))
    fresh_files = set(_tree_files(fresh))
    report: list[str] = []
    for relative in sorted(committed_files | fresh_files):
        if relative not in fresh_files:
            report.append(f"{relative}: committed, but no longer generated (make generate deletes it)")
        elif relative not in committed_files:
            report.append(f"{relative}: generated, missing from the committed tree (make generate adds it)")
        else:
            old = (committed / relative).read_bytes()
            new = (fresh / relative).read_bytes()
            if old != new:
                report.append(f"{relative}: differs\n{_short_diff(old, new, relative)}")
    return report


def _short_diff(committed: bytes, fresh: bytes, relative: Path) -> str:
    """A unified diff from the committed copy of one file to its fresh generation, cut short."""
    lines = list(
        difflib.unified_diff(
            committed.decode("utf-8", "replace").splitlines(),
            fresh.decode("utf-8", "replace").splitlines(),
            fromfile=f"committed/{relative}",
            tofile=f"generated/{relative}",
            lineterm="",
        )
    )
    if len(lines) > _DIFF_LINES_PER_FILE:
        lines = [*lines[:_DIFF_LINES_PER_FILE], f"... ({len(lines) - _DIFF_LINES_PER_FILE} more diff lines)"]
    return "\n".join(lines)


def check(committed: Path = OUTPUT, spec: Path = SPEC) -> list[str]:
    """Generate into a temporary directory and compare the committed client with it."""
    with tempfile.TemporaryDirectory(prefix="leeloo-client-check-") as tmp:
        fresh = Path(tmp) / "leeloo-client"
        run_generator(spec, fresh)
        return diff_trees(committed, fresh)


def _is_ignored(relative: Path) -> bool:
    return any(part in _IGNORED_NAMES or part.endswith(_IGNORED_SUFFIXES) for part in relative.parts)


def _tree_files(root: Path) -> Iterator[Path]:
    """Every regular file under `root`, relative to it, build artefacts left out."""
    if not root.is_dir():
        return
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if path.is_file() and not _is_ignored(relative):
            yield relative


def _replace_tree(source: Path, destination: Path) -> None:
    """Make `destination` hold exactly the files of `source`, keeping ignored build artefacts.

    Files whose bytes did not change are left alone, so their modification times stay: the
    Makefile's install step depends on generated_client/pyproject.toml and must not rerun after
    every `make generate`.
    """
    destination.mkdir(parents=True, exist_ok=True)
    wanted = set(_tree_files(source))
    for relative in sorted(set(_tree_files(destination)) - wanted):
        (destination / relative).unlink()
    for directory in sorted(destination.rglob("*"), reverse=True):
        relative = directory.relative_to(destination)
        if directory.is_dir() and not _is_ignored(relative) and not any(directory.iterdir()):
            directory.rmdir()
    for relative in sorted(wanted):
        content = (source / relative).read_bytes()
        target = destination / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; exit status 0 on success, 1 on a failure, 2 on bad arguments."""
    parser = argparse.ArgumentParser(
        prog="python -m generator.generate",
        description="Regenerate generated_client/ from the spec, or check that it is current.",
    )
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document (default: %(default)s)")
    parser.add_argument(
        "--output", type=Path, default=OUTPUT, help="the client project directory (default: %(default)s)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write: generate into a temporary directory and compare with --output",
    )
    args = parser.parse_args(argv)
    if not args.spec.is_file():
        parser.error(f"spec file not found: {args.spec}")
    started = time.perf_counter()
    try:
        if args.check:
            differences = check(args.output, args.spec)
            if differences:
                print(
                    f"{args.output} differs from a fresh generation ({len(differences)} files); "
                    "run `make generate` and commit the result:",
                    file=sys.stderr,
                )
                print("\n".join(differences), file=sys.stderr)
                return 1
            print(f"{args.output} is current ({time.perf_counter() - started:.1f} s)")
            return 0
        files = generate(args.output, args.spec)
    except GenerationError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"generated {len(files)} files into {args.output} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
