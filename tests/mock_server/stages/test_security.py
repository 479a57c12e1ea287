"""Security requirements: presence (Prism), valid tokens (better), alternatives, http schemes."""

from __future__ import annotations

from mock_server.stages.security import check_security, compile_requirements

SCHEMES = {
    "Key": {"type": "apiKey", "in": "header", "name": "X-Leeloo-AuthToken"},
    "QueryKey": {"type": "apiKey", "in": "query", "name": "token"},
    "Bearer": {"type": "http", "scheme": "bearer"},
}


def test_missing_header_fails_with_a_challenge_naming_it() -> None:
    alternatives = compile_requirements([{"Key": []}], SCHEMES)
    failure = check_security(alternatives, {}, {}, None)
    assert failure is not None
    assert failure.missing
    assert failure.issues[0].name == "X-Leeloo-AuthToken"
    assert failure.issues[0].location == "security"
    assert 'header="X-Leeloo-AuthToken"' in failure.challenges[0]


def test_any_token_passes_without_configured_tokens_only_those_with() -> None:
    alternatives = compile_requirements([{"Key": []}], SCHEMES)
    assert check_security(alternatives, {"x-leeloo-authtoken": "anything"}, {}, None) is None
    assert check_security(alternatives, {"x-leeloo-authtoken": "good"}, {}, {"good"}) is None
    failure = check_security(alternatives, {"x-leeloo-authtoken": "bad"}, {}, {"good"})
    assert failure is not None
    assert not failure.missing
    assert failure.issues[0].message == "The token is not valid."


def test_empty_value_counts_as_missing() -> None:
    alternatives = compile_requirements([{"Key": []}], SCHEMES)
    assert check_security(alternatives, {"x-leeloo-authtoken": "  "}, {}, None) is not None


def test_any_alternative_suffices_and_open_operations_pass() -> None:
    alternatives = compile_requirements([{"Key": []}, {"QueryKey": []}], SCHEMES)
    assert check_security(alternatives, {}, {"token": ["t"]}, None) is None
    assert check_security(compile_requirements([], SCHEMES), {}, {}, None) is None
    assert check_security(compile_requirements([{}], SCHEMES), {}, {}, None) is None


def test_bearer_scheme_needs_the_prefix() -> None:
    alternatives = compile_requirements([{"Bearer": []}], SCHEMES)
    assert check_security(alternatives, {"authorization": "Bearer abc"}, {}, {"abc"}) is None
    failure = check_security(alternatives, {"authorization": "abc"}, {}, None)
    assert failure is not None
    assert failure.challenges == ('Bearer realm="leeloo-mock"',)
