"""Check ``spec/mock-resources.yaml`` against the spec (part of ``make spec-check``).

``leeloo-mock --stateful`` refuses a mapping that does not fit the spec at start-up; this runs the
same check (:func:`mock_server.stateful.mapping_check.mapping_problems`: the mapping's JSON Schema,
then every operation, query parameter, path parameter, body field, collection and field it names)
without starting the mock, so a spec change that strands the mapping is caught by the spec check,
before the tests.

Usage: ``python -m generator.resources_check MAPPING SPEC``. Each problem is printed as
``file:line:column: reason``; exit 0 when there is none, 1 when there are, 2 when the spec cannot
be read (``make spec-check`` has said why).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mock_server.stateful.mapping import ResourceMappingError, load_mapping
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions
from openapi_document.spec_check import structural_problems


def check_resources(mapping_path: Path, spec: Mapping[str, Any]) -> list[str]:
    """Every problem of the mapping at ``mapping_path`` against ``spec``, as ``file:line:column: reason``."""
    try:
        load_mapping(mapping_path, spec)
    except ResourceMappingError as exc:
        return str(exc).splitlines()
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.resources_check", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument("mapping", type=Path, help="the --stateful mapping (spec/mock-resources.yaml)")
    parser.add_argument("spec", type=Path, help="the OpenAPI document (spec/openapi.yaml)")
    args = parser.parse_args(argv)
    try:
        loaded = load_yaml_with_positions(args.spec)
    except (OSError, YamlSyntaxError, UnicodeDecodeError) as exc:
        print(f"resources_check: cannot read the spec: {exc}", file=sys.stderr)
        return 2
    if structural_problems(loaded):
        print(
            f"resources_check: {args.spec} is not valid OpenAPI; `make spec-check` says why", file=sys.stderr
        )
        return 2
    problems = check_resources(args.mapping, loaded.data)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{args.mapping}: {len(problems)} problem(s) against {args.spec}", file=sys.stderr)
        return 1
    print(f"{args.mapping}: every operation, collection and field it names is in {args.spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
