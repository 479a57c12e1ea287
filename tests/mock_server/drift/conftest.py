"""The drift tests' captures: the mock's own answers (recorded once a session), the sample's departures."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mock_server.drift import DriftSpec, load_spec
from mock_server.har import Entry, read_entries
from tests.mock_server.conftest import SPEC_PATH

REPO = Path(__file__).resolve().parents[3]


def _load_sample_maker() -> ModuleType:
    path = REPO / "examples" / "traffic" / "make_sample.py"
    spec = importlib.util.spec_from_file_location("make_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_maker() -> ModuleType:
    return _load_sample_maker()


@pytest.fixture(scope="session")
def drift_spec() -> DriftSpec:
    return load_spec(Path(SPEC_PATH))


@pytest.fixture(scope="session")
def mock_answers(sample_maker: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> list[Entry]:
    """Every operation called once on the mock with the spec's examples, as recorded."""
    path = tmp_path_factory.mktemp("capture") / "mock.har"
    sample_maker.record_mock_answers(path)
    return list(read_entries(path))


@pytest.fixture(scope="session")
def chosen(sample_maker: ModuleType) -> Any:
    """The departures' names and values, fresh against the spec (see make_sample.Departures)."""
    return sample_maker.choose_departures(Path(SPEC_PATH))


@pytest.fixture
def departures(sample_maker: ModuleType, mock_answers: list[Entry], chosen: Any) -> Iterator[list[Entry]]:
    yield sample_maker.departures(mock_answers, chosen)


@pytest.fixture(scope="session")
def sample(sample_maker: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample capture as examples/traffic/make_sample.py makes it against the spec as it is now
    (the committed one was made against the spec of its day: its departures may be in the spec by
    now, once someone applied its patch)."""
    path = tmp_path_factory.mktemp("sample") / "sample.har"
    sample_maker.make_sample(path)
    return path
