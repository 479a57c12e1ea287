"""Each parameter style's deserializer, on its own (OpenAPI 3.1 §4.8.12.4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from mock_server.stages.parameter_styles import DESERIALIZERS, Raw, default_style, deserializer, unsupported

INTEGER = frozenset({"integer"})
ARRAY = frozenset({"array"})
OBJECT = frozenset({"object"})


@dataclass(frozen=True)
class Param:
    name: str = "id"
    location: str = "query"
    explode: bool = False
    types: frozenset[str] = INTEGER
    item_types: frozenset[str] = INTEGER
    property_types: Mapping[str, frozenset[str]] = field(default_factory=lambda: {"a": INTEGER, "b": INTEGER})


@pytest.mark.parametrize(
    ("style", "param", "raw", "value"),
    [
        ("form", Param(), ["5"], 5),
        ("form", Param(types=ARRAY, explode=True), ["3", "4"], [3, 4]),
        ("form", Param(types=ARRAY), ["3,4"], [3, 4]),
        ("form", Param(types=ARRAY, explode=True, location="cookie"), ["3,4"], [3, 4]),
        ("form", Param(types=OBJECT, explode=True), {"a": ["1"], "c": ["x"]}, {"a": 1}),
        ("form", Param(types=OBJECT), ["a,1,b,2"], {"a": 1, "b": 2}),
        ("simple", Param(location="path", types=ARRAY), ["3,4"], [3, 4]),
        ("simple", Param(location="path", types=OBJECT), ["a,1,b,2"], {"a": 1, "b": 2}),
        ("simple", Param(location="header", types=OBJECT, explode=True), ["a=1,b=2"], {"a": 1, "b": 2}),
        ("spaceDelimited", Param(types=ARRAY), ["3 4"], [3, 4]),
        ("pipeDelimited", Param(types=ARRAY), ["3|4"], [3, 4]),
        (
            "deepObject",
            Param(types=OBJECT),
            {"id[a]": ["1"], "id[b][c]": ["x"], "other": ["2"]},
            {"a": 1, "b": {"c": "x"}},
        ),
        ("label", Param(location="path"), [".5"], 5),
        ("label", Param(location="path", types=ARRAY), [".3,4"], [3, 4]),
        ("label", Param(location="path", types=ARRAY, explode=True), [".3.4"], [3, 4]),
        ("matrix", Param(location="path"), [";id=5"], 5),
        ("matrix", Param(location="path", types=ARRAY), [";id=3,4"], [3, 4]),
        ("matrix", Param(location="path", types=ARRAY, explode=True), [";id=3;id=4"], [3, 4]),
    ],
)
def test_each_style_reads_its_own_notation(style: str, param: Param, raw: Raw, value: object) -> None:
    assert DESERIALIZERS[style](param, raw) == value


def test_an_empty_array_text_is_no_item() -> None:
    for style in DESERIALIZERS:
        assert deserializer(style)(Param(types=ARRAY, location="path"), [""]) == []


def test_a_value_without_its_prefix_is_read_as_it_came() -> None:
    assert deserializer("label")(Param(location="path"), ["5"]) == 5
    assert deserializer("matrix")(Param(location="path"), ["5"]) == 5


def test_a_style_openapi_does_not_define_reads_as_simple() -> None:
    assert deserializer("tabDelimited")(Param(types=ARRAY), ["3,4"]) == [3, 4]


def test_only_an_object_parameter_takes_the_whole_query() -> None:
    with pytest.raises(TypeError, match="not an object parameter"):
        deserializer("form")(Param(), {"id": ["1"]})


def test_the_default_style_follows_the_location() -> None:
    assert [default_style(where) for where in ("query", "cookie", "path", "header")] == [
        "form",
        "form",
        "simple",
        "simple",
    ]


def test_an_object_in_label_or_matrix_style_is_unsupported() -> None:
    assert unsupported("label", OBJECT) is not None
    assert unsupported("matrix", frozenset({"object", "null"})) is not None
    assert unsupported("label", ARRAY) is None
    assert unsupported("deepObject", OBJECT) is None
