"""prance as an independent oracle: our ``$ref`` resolver must agree with prance's.

prance resolves Swagger 2.0 and OpenAPI 3 documents; it left the project because it read files and
fetched URLs as it met them. Here it runs with internal references only (``RESOLVE_INTERNAL``) and
on a copy of the data our bounded loader read, so it never opens anything itself. Both resolve the
whole document; the results must be equal, node for node. Where prance refuses (a loop, a pointer
to nothing), ours must refuse too.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from prance.util.resolver import RESOLVE_INTERNAL, RefResolver

from openapi_document._refs import RefError, RefPolicy, Resolver
from openapi_document._yaml_positions import load_yaml_with_positions

REPO = Path(__file__).resolve().parents[2]
LEELOO_SPEC = REPO / "spec" / "openapi.yaml"
REAL_SPECS = REPO.parent / "shared" / "data" / "real-specs"


def _ours(path: Path) -> Any:
    return Resolver(load_yaml_with_positions(path), RefPolicy()).resolve_all()


def _prances(path: Path) -> Any:
    data = copy.deepcopy(load_yaml_with_positions(path).data)
    resolver = RefResolver(data, path.resolve().as_uri(), resolve_types=RESOLVE_INTERNAL)
    resolver.resolve_references()
    return resolver.specs


def _real_specs() -> list[Path]:
    return sorted(REAL_SPECS.glob("*.yaml")) if REAL_SPECS.is_dir() else []


def test_the_leeloo_spec_resolves_as_prance_resolves_it() -> None:
    ours = _ours(LEELOO_SPEC)
    assert ours == _prances(LEELOO_SPEC)
    assert "$ref" not in str(ours)  # every reference was followed, so the comparison says something


@pytest.mark.skipif(not _real_specs(), reason=f"no Swagger 2.0 documents at {REAL_SPECS} (../shared)")
@pytest.mark.parametrize("path", _real_specs(), ids=lambda path: path.name)
def test_a_real_swagger_2_document_resolves_as_prance_resolves_it(path: Path) -> None:
    assert _ours(path) == _prances(path)


DOCUMENTS = {
    "escaped pointer steps": """
swagger: "2.0"
info: {title: t, version: "1"}
paths: {}
definitions:
  "a/b": {type: string}
  "c~d": {type: integer}
  Pair:
    type: object
    properties:
      left: {$ref: "#/definitions/a~1b"}
      right: {$ref: "#/definitions/c~0d"}
""",
    "a chain of references and one target used twice": """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: "#/components/schemas/B"}
    B: {$ref: "#/components/schemas/C"}
    C: {type: object, properties: {x: {type: string}}}
    Both: {type: array, prefixItems: [{$ref: "#/components/schemas/A"}, {$ref: "#/components/schemas/C"}]}
""",
}


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_a_small_document_resolves_as_prance_resolves_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(text)
    ours = _ours(path)
    assert ours == _prances(path)
    assert "$ref" not in str(ours)


PERCENT_ENCODED = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    "With Space": {type: string}
    Holder:
      type: object
      properties:
        value: {$ref: "#/components/schemas/With%20Space"}
"""


def test_a_percent_encoded_pointer_is_decoded_where_prance_reads_it_as_written(tmp_path: Path) -> None:
    """RFC 6901 section 6: a pointer in a URI fragment is percent-encoded, so ``With%20Space`` names
    ``With Space``. prance looks for the key as written and refuses; ours follows the RFC."""
    path = tmp_path / "openapi.yaml"
    path.write_text(PERCENT_ENCODED)
    assert _ours(path)["components"]["schemas"]["Holder"]["properties"]["value"] == {"type": "string"}
    with pytest.raises(Exception):  # noqa: B017 - prance's ResolutionError; that it refuses is the point
        _prances(path)


REFUSED = {
    "a reference to itself through another": """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Node: {type: object, properties: {next: {$ref: "#/components/schemas/Link"}}}
    Link: {type: object, properties: {node: {$ref: "#/components/schemas/Node"}}}
""",
    "a pointer to nothing": """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Holder: {type: object, properties: {x: {$ref: "#/components/schemas/Missing"}}}
""",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_what_prance_refuses_ours_refuses(tmp_path: Path, text: str) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(text)
    with pytest.raises(Exception):  # noqa: B017 - prance raises several types; that it refuses is the point
        _prances(path)
    with pytest.raises(RefError):
        _ours(path)
