"""One located-problem value and one base error for every tool's ``file:line:column: reason``."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_server import SpecError
from mock_server.stateful.mapping import ResourceMappingError
from openapi_document import Located, LocatedError
from openapi_document._refs import RefError
from openapi_document._yaml_positions import YamlSyntaxError, load_yaml_with_positions
from openapi_document.spec_check import SpecProblem


def test_a_located_problem_reads_file_line_column_reason() -> None:
    assert (
        str(Located.at(Path("spec/openapi.yaml"), 12, 5, "unknown key"))
        == "spec/openapi.yaml:12:5: unknown key"
    )


def test_an_error_carries_one_problem_a_line_and_needs_at_least_one() -> None:
    error = LocatedError([Located.at("a.yaml", 1, 2, "one"), Located.at("a.yaml", 3, 4, "two")])
    assert str(error) == "a.yaml:1:2: one\na.yaml:3:4: two"
    assert error.first.reason == "one"
    with pytest.raises(ValueError):
        LocatedError([])


@pytest.mark.parametrize("error_type", [YamlSyntaxError, RefError, SpecError, ResourceMappingError])
def test_every_error_that_names_a_place_is_a_located_error(error_type: type[Exception]) -> None:
    assert issubclass(error_type, LocatedError)
    assert SpecProblem is Located


def test_a_yaml_error_is_located_where_pyyaml_stopped(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("a: 1\nb: [\n")
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml_with_positions(path)
    problem = raised.value.first
    assert (problem.file, problem.line) == (path, 3)
    assert str(raised.value) == str(problem)
