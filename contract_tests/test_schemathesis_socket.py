"""The same schemathesis contract over a real socket: a ``leeloo-mock --token`` child process.

The in-process run covers depth; this one proves the CLI-started server (uvicorn, httptools,
real headers and connection handling) keeps the contract too, with fewer examples.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig

from contract_tests._settings import BASE_PATH, SPEC_PATH, scaled, schemathesis_settings
from contract_tests._tally import count_cases
from mock_server.testing import LeelooMock

_settings = schemathesis_settings(max_examples=scaled(3), phases=("examples", "fuzzing"))
_settings["request-timeout"] = 10
schema = count_cases(
    schemathesis.openapi.from_path(SPEC_PATH, config=SchemathesisConfig.from_dict(_settings))
)


@schema.parametrize()  # type: ignore[untyped-decorator]
def test_leeloo_mock_on_a_socket_answers_as_the_spec_says(
    case: schemathesis.Case[Any], mock_process: LeelooMock
) -> None:
    case.call_and_validate(base_url=mock_process.url + BASE_PATH)


def test_leeloo_mock_logged_no_internal_error(mock_process: LeelooMock) -> None:
    # Runs after the parametrized test above (same module): whatever it sent, no traceback.
    log = mock_process.log()
    assert "Traceback" not in log
    assert " 500 " not in log
