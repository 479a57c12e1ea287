"""`api.md` (issue 26): every resource method with its signature and models, generated."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import leeloo_client
from leeloo_client import LeelooClient

from contract_tests._spec import spec_operations
from generator._api_reference import api_reference
from generator._naming import method_name, resource_name

ROOT = Path(__file__).resolve().parents[2]
API_MD = ROOT / "generated_client" / "api.md"
PACKAGE = Path(leeloo_client.__file__).parent


def test_the_committed_api_md_is_the_reference_of_the_generated_package() -> None:
    assert API_MD.read_text(encoding="utf-8") == api_reference(PACKAGE)


def test_every_operation_has_its_method_with_endpoint_and_return_model() -> None:
    text = API_MD.read_text(encoding="utf-8")
    client = LeelooClient(token="t")
    for operation in spec_operations():
        resource = resource_name(operation.tag)
        method = method_name(operation.operation_id, operation.tag)
        entry = re.search(rf"^- `client\.{resource}\.{method}\((.*)\) -> (\w+)`$", text, re.MULTILINE)
        assert entry is not None, operation.operation_id
        returns = inspect.signature(getattr(getattr(client, resource), method)).return_annotation
        assert entry.group(2) == returns.__name__, operation.operation_id
        assert f"`{operation.method.upper()} {operation.path}`" in text[entry.end() : entry.end() + 300]


def test_a_keyword_body_shows_its_required_fields_and_the_whole_body_form() -> None:
    text = API_MD.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("- `client.people.add_tag("))
    assert "tag_id: str" in line and "| None = None" not in line
    assert "or the whole body as `body: TagForm`" in text


def test_the_readmes_link_to_it() -> None:
    assert "(api.md)" in (ROOT / "generated_client" / "README.md").read_text(encoding="utf-8")
    assert "generated_client/api.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_api_package_stays_within_200_lines_per_operation() -> None:
    # Issue 26: one call path instead of four full copies of every signature (it was 556 a piece).
    lines = sum(
        len(path.read_text(encoding="utf-8").splitlines()) for path in (PACKAGE / "api").rglob("*.py")
    )
    assert lines <= 200 * len(spec_operations()), lines
