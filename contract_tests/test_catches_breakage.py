"""Proof that the contract suite catches breakage: the SAME checks against deliberately broken variants.

Each broken variant is the real mock with one answer corrupted by a small ASGI middleware
(``_breakage``), or the real client with one model's ``from_dict`` monkeypatched. Every test
runs the checks the suite runs (schemathesis with the suite's settings: every check, plus
``error_names_what_failed``; the client round trip; the live-mode validator) and
requires them to FAIL, naming the broken thing. The ``intact`` tests run the same checks on the
unbroken mock and client and require them to pass, so a failure above is the breakage's doing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from leeloo_client import LeelooClient, ResponseValidationError
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from contract_tests import _breakage
from contract_tests._live import Violation, run_live
from contract_tests._mock_process import running_mock
from contract_tests._settings import BASE_PATH, SPEC_PATH, TOKEN, schemathesis_settings
from contract_tests._spec import client_module, spec_operation
from contract_tests.conftest import make_mock_app
from contract_tests.test_client_against_mock import assert_round_trip
from contract_tests.test_live_mode import run_make_contract_live
from contract_tests.test_properties import check_model_round_trip
from mock_server._serving import serving_app
from mock_server.testing import LeelooMock

Middleware = Callable[[Any], Any]


def contract_failures(app: Any, method: str, path: str, mode: GenerationMode) -> dict[str, str]:
    """Run the suite's schemathesis checks on one operation of ``app``; failure titles by check."""
    schema = schemathesis.openapi.from_path(
        SPEC_PATH, config=SchemathesisConfig.from_dict(schemathesis_settings(max_examples=10))
    )
    schema.app = app
    operation = schema[path][method]
    found: dict[str, str] = {}

    @settings(
        max_examples=10,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        try:
            case.call_and_validate()
        except FailureGroup as group:
            for failure in group.exceptions:
                found[type(failure).__name__] = str(getattr(failure, "title", failure))

    run()
    return found


POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
BROKEN_MOCKS: list[tuple[str, Middleware, str, str, GenerationMode, str]] = [
    # name, breakage, method, path, generation mode, the failure the suite must report
    (
        "wrong-field-type",
        _breakage.wrong_field_type,
        "GET",
        "/tags",
        GenerationMode.POSITIVE,
        "JsonSchemaError",
    ),
    ("500-on-one-path", _breakage.server_error, "GET", "/users", POSITIVE, "ServerError"),
    (
        "auth-not-enforced",
        lambda app: _breakage.auth_not_enforced(app, TOKEN),
        "GET",
        "/tunnels",
        GenerationMode.POSITIVE,
        "IgnoredAuth",
    ),
    (
        "plain-text-errors",
        lambda app: _breakage.plain_text_errors(app, path="/orders"),
        "GET",
        "/orders",
        GenerationMode.NEGATIVE,
        "CustomFailure",
    ),
]


@pytest.mark.parametrize(
    ("breakage", "method", "path", "mode", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in BROKEN_MOCKS],
)
def test_broken_mock_fails_the_schemathesis_contract(
    breakage: Middleware, method: str, path: str, mode: GenerationMode, expected: str
) -> None:
    failures = contract_failures(breakage(make_mock_app()), method, path, mode)
    assert expected in failures, failures


@pytest.mark.parametrize(
    ("method", "path", "mode"),
    [pytest.param(*case[2:5], id=case[0]) for case in BROKEN_MOCKS],
)
def test_intact_mock_passes_the_same_schemathesis_checks(
    method: str, path: str, mode: GenerationMode
) -> None:
    assert contract_failures(make_mock_app(), method, path, mode) == {}


# ---- a deliberately broken client model ------------------------------------------------------


@pytest.fixture
def lossy_tag_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Tag.from_dict`` alters every tag's name: a generated model that loses data."""
    tag = importlib.import_module("leeloo_client.models").Tag
    original = tag.from_dict

    def lossy(cls: type[Any], source: dict[str, Any]) -> Any:
        return original({**source, "name": str(source.get("name", "")).upper() + "?"})

    monkeypatch.setattr(tag, "from_dict", classmethod(lossy))


@pytest.mark.usefixtures("lossy_tag_model")
def test_broken_client_model_fails_the_round_trip_against_the_mock(mock_process: LeelooMock) -> None:
    operation = spec_operation("list_tags")
    with LeelooClient(token=TOKEN, base_url=mock_process.url + BASE_PATH) as client:
        response = client_module(operation).sync_detailed(client=client)
    with pytest.raises(AssertionError):
        assert_round_trip(operation, response.parsed, response.content)


@pytest.mark.usefixtures("lossy_tag_model")
def test_broken_client_model_fails_the_model_round_trip_property() -> None:
    with pytest.raises(AssertionError):
        check_model_round_trip("Tag")


def test_broken_client_model_that_cannot_parse_raises_response_validation_error(
    monkeypatch: pytest.MonkeyPatch, mock_process: LeelooMock
) -> None:
    def refuse(cls: type[Any], source: dict[str, Any]) -> Any:
        raise KeyError("name")

    monkeypatch.setattr(importlib.import_module("leeloo_client.models").Tag, "from_dict", classmethod(refuse))
    operation = spec_operation("list_tags")
    with (
        LeelooClient(token=TOKEN, base_url=mock_process.url + BASE_PATH) as client,
        pytest.raises(ResponseValidationError),
    ):
        client_module(operation).sync(client=client)


def test_intact_client_model_passes_the_same_round_trips(mock_process: LeelooMock) -> None:
    operation = spec_operation("list_tags")
    with LeelooClient(token=TOKEN, base_url=mock_process.url + BASE_PATH) as client:
        response = client_module(operation).sync_detailed(client=client)
    assert_round_trip(operation, response.parsed, response.content)
    check_model_round_trip("Tag")


# ---- live mode against a broken API -----------------------------------------------------------

WRONG_TAG_NAME = Violation("list_tags", "200 /data/0/name", 'type "string"', "12345")


def test_broken_api_live_mode_reports_operation_field_expected_got() -> None:
    with serving_app(_breakage.wrong_field_type(make_mock_app())) as url:
        report = run_live(url + BASE_PATH, TOKEN)
    assert report.violations == [WRONG_TAG_NAME]
    assert str(WRONG_TAG_NAME) == 'list_tags: 200 /data/0/name: expected type "string", got 12345'


def test_broken_api_behind_the_proxy_mode_live_mode_reports_it() -> None:
    with (
        serving_app(_breakage.wrong_field_type(make_mock_app())) as url,
        running_mock("--proxy", url) as proxy,
    ):
        report = run_live(proxy.url + BASE_PATH, TOKEN)
        proxy_log = proxy.log_when(lambda log: "/data/0/name" in log)
    assert report.violations == [WRONG_TAG_NAME]
    assert "/data/0/name" in proxy_log  # the proxy saw it too (sl-violations / log)


def test_broken_api_make_contract_live_fails_naming_it_and_never_prints_the_token() -> None:
    with serving_app(_breakage.wrong_field_type(make_mock_app())) as url:
        completed = run_make_contract_live(url + BASE_PATH, TOKEN)
    assert completed.returncode == 1, completed.stdout[-2000:]
    assert f"VIOLATION {WRONG_TAG_NAME}" in completed.stdout
    assert TOKEN not in completed.stdout + completed.stderr
