"""What the injector decides for one request: precedence, seeded draws, fixed rate-limit windows."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_server import CompiledSpec
from mock_server.faults.config import FaultsConfig, FaultsFileError, load_faults_file
from mock_server.faults.injector import FaultInjector, FaultPlan, RateWindows, resolve_operation
from mock_server.faults.values import (
    Fault,
    FaultRule,
    FaultValueError,
    RateLimit,
    parse_delay,
    parse_failures,
)
from mock_server.spec.document import SpecError
from mock_server.stages.pipeline import MockRequest, MockResponse
from openapi_document import Located, LocatedError
from tests.mock_server.conftest import TOKEN_HEADER

TAGS = "/api/v2/tags"


def _request(path: str = TAGS, token: str = "any-token", **headers: str) -> MockRequest:
    return MockRequest("GET", path, "", {"x-leeloo-authtoken": token, **headers})


def test_nothing_configured_and_nothing_asked_is_no_plan(compiled: CompiledSpec) -> None:
    injector = FaultInjector(None, compiled)
    assert not injector.active
    assert injector.plan(_request(), compiled) is None
    assert injector.plan(_request(prefer="code=404"), compiled) is None  # the negotiation's, not ours


def test_a_request_asks_its_own_delay_and_fault(compiled: CompiledSpec) -> None:
    injector = FaultInjector(None, compiled)
    assert injector.plan(_request(prefer="delay=150, fault=reset"), compiled) == FaultPlan(
        150, Fault("reset"), None, "request"
    )
    query = MockRequest("GET", TAGS, "__fault=503&__delay=5", dict(TOKEN_HEADER))
    assert injector.plan(query, compiled) == FaultPlan(5, Fault("status", 503), None, "request")


@pytest.mark.parametrize("prefer", ["delay=soon", "fault=explode", "delay=uniform:1-2", "delay", "fault=200"])
def test_a_malformed_preference_is_a_422_naming_prefer(compiled: CompiledSpec, prefer: str) -> None:
    answer = FaultInjector(None, compiled).plan(_request(prefer=prefer), compiled)
    assert isinstance(answer, MockResponse) and answer.status == 422
    assert b'"name":"Prefer"' in answer.body


def test_the_same_seed_draws_the_same_faults_and_delays(compiled: CompiledSpec) -> None:
    config = FaultsConfig(
        everywhere=FaultRule(None, parse_delay("uniform:0-100"), parse_failures(["0.3:503", "0.2:reset"])),
        seed=42,
    )

    def run() -> list[FaultPlan | MockResponse | None]:
        injector = FaultInjector(config, compiled)
        return [injector.plan(_request(), compiled) for _ in range(50)]

    first = run()
    assert first == run()
    faults = [p.fault for p in first if isinstance(p, FaultPlan)]
    assert Fault("status", 503) in faults and Fault("reset") in faults and None in faults
    unseeded = FaultsConfig(everywhere=config.everywhere, seed=43)
    injector = FaultInjector(unseeded, compiled)
    assert [injector.plan(_request(), compiled) for _ in range(50)] != first


def test_rates_fail_about_their_share(compiled: CompiledSpec) -> None:
    config = FaultsConfig(everywhere=FaultRule(None, failures=parse_failures(["0.25:500"])), seed=3)
    injector = FaultInjector(config, compiled)
    failed = sum(isinstance(injector.plan(_request(), compiled), FaultPlan) for _ in range(2000))
    assert 400 < failed < 600


def test_a_rule_of_the_operation_wins_field_by_field_and_the_request_wins_over_both(
    compiled: CompiledSpec,
) -> None:
    config = FaultsConfig(
        everywhere=FaultRule(None, parse_delay("10"), parse_failures(["1:500"])),
        rules=(FaultRule("GET /tags", failures=parse_failures(["1:502"])),),
    )
    injector = FaultInjector(config, compiled)
    assert injector.plan(_request(), compiled) == FaultPlan(10, Fault("status", 502), None, "operation")
    assert injector.plan(_request("/api/v2/users"), compiled) == FaultPlan(
        10, Fault("status", 500), None, "everywhere"
    )
    assert injector.plan(_request(prefer="fault=empty"), compiled) == FaultPlan(
        10, Fault("empty"), None, "request"
    )


def test_the_rate_limit_counts_per_token_in_a_fixed_window() -> None:
    now = [100.0]
    windows = RateWindows(lambda: now[0])
    limit = RateLimit(2, 10)
    assert windows.admit(("*", "a"), limit) is None
    assert windows.admit(("*", "a"), limit) is None
    now[0] = 103.2
    assert windows.admit(("*", "a"), limit) == 7  # seconds to the window's end, rounded up
    assert windows.admit(("*", "b"), limit) is None  # another token, its own window
    now[0] = 110.0
    assert windows.admit(("*", "a"), limit) is None  # a new window


def test_a_rate_limited_request_is_a_429_with_retry_after(compiled: CompiledSpec) -> None:
    now = [0.0]
    config = FaultsConfig(everywhere=FaultRule(None, rate_limit=RateLimit(1, 30)))
    injector = FaultInjector(config, compiled, clock=lambda: now[0])
    assert injector.plan(_request(), compiled) is None
    now[0] = 0.5
    assert injector.plan(_request(), compiled) == FaultPlan(0, Fault("status", 429), 30, "rate_limit")
    assert injector.plan(_request(token="other"), compiled) is None


def test_operations_are_named_by_operation_id_or_method_and_path(compiled: CompiledSpec) -> None:
    assert resolve_operation("list_tags", compiled) == "list_tags"
    assert resolve_operation("get /tags", compiled) == "list_tags"
    with pytest.raises(FaultValueError, match="'GET /nowhere'"):
        resolve_operation("GET /nowhere", compiled)
    with pytest.raises(SpecError, match=r"faults\.yaml:1:1: operation 'teapot'"):
        FaultInjector(
            FaultsConfig(rules=(FaultRule("teapot", parse_delay("1")),), source=Path("faults.yaml")), compiled
        )


def test_posted_rules_replace_and_clear_goes_back_to_the_start(compiled: CompiledSpec) -> None:
    started = FaultRule("list_tags", parse_delay("5"))
    injector = FaultInjector(FaultsConfig(rules=(started,)), compiled)
    injector.add(FaultRule("GET /tags", failures=parse_failures(["1:503"])), compiled)
    injector.add(FaultRule(None, parse_delay("7")), compiled)
    assert [rule.operation for rule in injector.rules()] == [None, "GET /tags"]
    injector.clear()
    assert injector.rules() == [started]


def test_a_faults_file_names_the_line_of_a_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "faults.yaml"
    path.write_text("- operation: list_tags\n  delay: 100\n- operation: list_users\n  fail: 2:503\n")
    with pytest.raises(LocatedError, match=r"faults.yaml:3:3: the rate 2 must be from 0 to 1") as caught:
        load_faults_file(path)
    assert isinstance(caught.value, FaultsFileError)
    assert caught.value.first == Located(path, 3, 3, "the rate 2 must be from 0 to 1")
    path.write_text("faults:\n  - {operation: list_tags, rate_limit: 5/60}\n")
    assert load_faults_file(path)[0].rate_limit == RateLimit(5, 60)
    path.write_text("- {delay: 100}\n")
    with pytest.raises(FaultsFileError, match="names its operation"):
        load_faults_file(path)
    path.write_text("operation: x\n")
    with pytest.raises(FaultsFileError, match=":1:1: a faults file is a list"):
        load_faults_file(path)
    with pytest.raises(FaultsFileError, match="cannot read"):
        load_faults_file(tmp_path / "missing.yaml")
