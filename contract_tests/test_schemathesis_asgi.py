"""Schemathesis against the mock in process (ASGI): every operation, phases examples, coverage, fuzzing.

Every check is on (``checks.enabled``), among them negative_data_rejection,
positive_data_acceptance, missing_required_header, ignored_auth (the mock accepts only the
suite's token), unsupported_method, plus ``error_names_what_failed``. The seed is
fixed and generation deterministic, so CI sees the same cases every run.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig

from contract_tests._settings import EXAMPLES, SPEC_PATH, schemathesis_settings
from contract_tests._tally import count_cases
from contract_tests.conftest import make_mock_app

schema = count_cases(
    schemathesis.openapi.from_path(
        SPEC_PATH, config=SchemathesisConfig.from_dict(schemathesis_settings(max_examples=EXAMPLES))
    )
)
schema.app = make_mock_app()


@schema.parametrize()  # type: ignore[untyped-decorator]
def test_mock_answers_every_operation_as_the_spec_says(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()
