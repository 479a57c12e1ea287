"""Prefer parsing, the choice of the declared response and Accept negotiation."""

from __future__ import annotations

import pytest

from mock_server.stages.negotiation import (
    Preferences,
    PreferError,
    default_status,
    negotiate_media_type,
    parse_prefer,
    status_key,
)


def test_prefer_parses_prisms_preferences_and_ignores_unknown_ones() -> None:
    assert parse_prefer("code=404, example=missing") == Preferences(code=404, example="missing")
    assert parse_prefer('dynamic="true"; x=1, seed=-3, return=minimal, respond-async') == Preferences(
        dynamic=True, seed=-3
    )


@pytest.mark.parametrize(
    "header",
    ["code=abc", "code=99", "code=", "dynamic=maybe", "seed=x", "=3", "example", ";;;==", "code=200, ;x"],
)
def test_malformed_prefer_is_refused(header: str) -> None:
    with pytest.raises(PreferError):
        parse_prefer(header)


def test_status_key_exact_then_range_then_default() -> None:
    declared = ["200", "401", "5XX", "default"]
    assert status_key(401, declared) == "401"
    assert status_key(503, declared) == "5XX"
    assert status_key(418, declared) == "default"
    assert status_key(418, ["200"]) is None


def test_default_status_is_the_lowest_2xx() -> None:
    assert default_status(["401", "201", "200"]) == ("200", 200)
    assert default_status(["2XX", "400"]) == ("2XX", 200)
    assert default_status(["default"]) == ("default", 200)
    assert default_status(["404"]) is None


def test_accept_negotiation() -> None:
    offered = ["application/json", "text/csv"]
    assert negotiate_media_type(None, offered) == "application/json"
    assert negotiate_media_type("text/csv", offered) == "text/csv"
    assert negotiate_media_type("text/*, application/json;q=0.5", offered) == "text/csv"
    assert negotiate_media_type("application/json;q=0, */*;q=0.1", offered) == "text/csv"
    assert (
        negotiate_media_type("application/json", ["application/problem+json"]) == "application/problem+json"
    )
    assert negotiate_media_type("text/html", offered) is None


def test_a_media_type_with_parameters_is_matched_by_its_essence() -> None:
    # Azure-style documents: only `*/*` got 200, Prism answers all three
    offered = ("application/json;version=2018-01-01",)
    for accept in (
        "application/json;version=2018-01-01",
        "application/json",
        "Application/JSON; Version=2018-01-01",
    ):
        assert negotiate_media_type(accept, offered) == offered[0], accept
    assert negotiate_media_type("application/json;version=1999-01-01", offered) is None
    both = ("application/json;version=1", "application/json;version=2")
    assert negotiate_media_type("application/json;version=2", both) == both[1]
    assert negotiate_media_type("application/json", both) == both[0]
