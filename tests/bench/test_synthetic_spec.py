"""The synthetic specs of the scale benchmark are valid OpenAPI 3.1 of the size asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.synthetic_spec import main, synthetic_spec, write_synthetic_spec
from openapi_document.spec_check import check_spec, list_operations


def test_30_operation_spec_passes_spec_check(tmp_path: Path) -> None:
    path = write_synthetic_spec(30, tmp_path / "synthetic.yaml")
    assert check_spec(path) == []
    assert len(list_operations(yaml.safe_load(path.read_text(encoding="utf-8")))) == 30


@pytest.mark.parametrize("operations", [5, 300, 3000])
def test_operation_count_and_unique_ids(operations: int) -> None:
    found = list_operations(synthetic_spec(operations))
    assert len(found) == operations
    assert len({operation.operation_id for operation in found}) == operations


def test_refs_point_at_declared_components() -> None:
    document = synthetic_spec(10)
    text = yaml.safe_dump(document)
    schemas = document["components"]["schemas"]
    for line in text.splitlines():
        if "#/components/schemas/" in line:
            name = line.split("#/components/schemas/")[1].strip("'\" ")
            assert name in schemas


@pytest.mark.parametrize("operations", ["0", "7", "-5"])
def test_sizes_that_are_not_a_multiple_of_5_are_a_usage_error(operations: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main([operations, str(tmp_path / "out.yaml")])
    assert exited.value.code == 2
