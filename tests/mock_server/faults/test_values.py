"""The faults' values: each text form parses to what it says, and every bad one names itself."""

from __future__ import annotations

import random

import pytest

from mock_server.faults.values import (
    MAX_DELAY_MS,
    Delay,
    Fault,
    FaultValueError,
    RateLimit,
    parse_delay,
    parse_failure,
    parse_failures,
    parse_fault,
    parse_rate_limit,
    rule_from_mapping,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("200", Delay("fixed", 200)),
        ("0", Delay("fixed", 0)),
        ("uniform:100-300", Delay("uniform", 100, 300)),
        ("lognormal:80:0.4", Delay("lognormal", 80, 0.4)),
    ],
)
def test_delays_parse_and_print_as_written(text: str, expected: Delay) -> None:
    assert parse_delay(text) == expected
    assert expected.text == text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("60001", "60001"),
        ("-1", "-1"),
        ("soon", "'soon'"),
        ("nan", "'nan'"),
        ("uniform:300-100", "minimum above its maximum"),
        ("uniform:100", "uniform:MIN-MAX"),
        ("lognormal:80", "lognormal:MEDIAN:SIGMA"),
        ("lognormal:80:99", "sigma 99"),
        ("gauss:1:2", "'gauss:1:2'"),
    ],
)
def test_a_bad_delay_names_itself(text: str, named: str) -> None:
    with pytest.raises(FaultValueError, match=named.replace("(", r"\(")):
        parse_delay(text)


def test_draws_stay_in_their_range_and_under_the_bound() -> None:
    rng = random.Random(1)
    uniform = parse_delay("uniform:100-300")
    assert all(100 <= uniform.draw(rng) <= 300 for _ in range(200))
    wild = parse_delay("lognormal:50000:10")  # a huge sigma: most draws would pass a minute
    assert max(wild.draw(rng) for _ in range(200)) == MAX_DELAY_MS
    assert parse_delay("lognormal:0:1").draw(rng) == 0.0


def test_lognormal_draws_centre_on_the_median() -> None:
    rng = random.Random(7)
    draws = sorted(parse_delay("lognormal:100:0.5").draw(rng) for _ in range(2001))
    assert 85 < draws[1000] < 115


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("503", Fault("status", 503)),
        ("429", Fault("status", 429)),
        ("reset", Fault("reset")),
        ("empty", Fault("empty")),
        ("malformed", Fault("malformed")),
        ("dribble", Fault("dribble")),
        ("dribble:250", Fault("dribble", dribble_ms=250)),
    ],
)
def test_faults_parse(text: str, expected: Fault) -> None:
    assert parse_fault(text) == expected
    assert expected.text == text


@pytest.mark.parametrize("text", ["200", "600", "explode", "reset:5", "dribble:70000", "dribble:x"])
def test_a_bad_fault_is_refused(text: str) -> None:
    with pytest.raises(FaultValueError):
        parse_fault(text)


def test_failures_take_a_rate_from_0_to_1_and_rates_add_up_to_at_most_1() -> None:
    assert parse_failure("0.1:503").rate == 0.1
    assert parse_failure("1:reset").fault == Fault("reset")
    for bad in ("1.5:503", "-0.1:503", "503", "x:503", "0.5:teapot"):
        with pytest.raises(FaultValueError):
            parse_failure(bad)
    assert len(parse_failures(["0.5:503", "0.5:reset"])) == 2
    with pytest.raises(FaultValueError, match="add up to more than 1"):
        parse_failures(["0.6:503", "0.5:reset"])


def test_rate_limits_parse_and_are_bounded() -> None:
    assert parse_rate_limit("10/60") == RateLimit(10, 60)
    assert parse_rate_limit("1/0.5").text == "1/0.5"
    for bad in ("10", "0/60", "x/60", "10/0", "10/-1", "10/100000", "10/inf"):
        with pytest.raises(FaultValueError, match=r"rate limit|window"):
            parse_rate_limit(bad)


def test_an_entry_takes_one_or_several_failures_and_numbers_as_text() -> None:
    rule = rule_from_mapping({"operation": "list_tags", "delay": 200, "fail": "0.5:503", "rate_limit": "2/1"})
    assert rule.as_json() == {
        "operation": "list_tags",
        "delay": "200",
        "fail": ["0.5:503"],
        "rate_limit": "2/1",
    }
    assert len(rule_from_mapping({"fail": ["0.1:500", "0.1:reset"]}).failures) == 2


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ([], "mapping"),
        ({"operation": "x"}, "at least one of"),
        ({"fail": "0.5:503", "colour": "red"}, "unknown key"),
        ({"operation": 7, "delay": 1}, "operation"),
        ({"delay": True}, "True"),
        ({"delay": "70000"}, "70000"),
        ({"fail": {"rate": 1}}, "fail"),
    ],
)
def test_a_bad_entry_names_what_is_wrong(entry: object, named: str) -> None:
    with pytest.raises(FaultValueError, match=named):
        rule_from_mapping(entry)
