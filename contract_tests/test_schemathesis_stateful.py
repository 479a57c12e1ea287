"""Schemathesis' stateful phase against ``--stateful``: the spec's OpenAPI links, followed for real.

The machine starts from the operations that links leave (``create_person``, ``create_order``):
``create_person`` links to ``get_person``/``update_person``/... and ``create_order`` to
``get_order``/``update_order``; the state machine chains them with the ids the mock hands out,
so ``ensure_resource_availability`` (a created resource can be read back) and ``use_after_free``
run against a store that remembers. Every other check is on as in the stateless run.

One widening, in this phase only: a schema-valid body that names a record the store does not
hold (``send_message`` to an unknown ``account_id``) is refused by the stateful mock with the
invalid-request answer the spec declares for those operations (Leeloo's FORMAT_ERROR, HTTP 400,
naming the field); positive_data_acceptance accepts that 400 (or a 422, for a spec declaring one)
here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import hypothesis
import schemathesis
from schemathesis.config import SchemathesisConfig

from contract_tests._settings import SEED, SPEC_PATH, scaled, schemathesis_settings
from contract_tests._tally import count_cases
from contract_tests.conftest import make_mock_app

STATEFUL_SCENARIOS = scaled(40)
STEPS_PER_SCENARIO = 6

schema = count_cases(
    schemathesis.openapi.from_path(
        SPEC_PATH,
        config=SchemathesisConfig.from_dict(
            schemathesis_settings(
                max_examples=STATEFUL_SCENARIOS,
                phases=("stateful",),
                stateful_steps=STEPS_PER_SCENARIO,
                stateful_expected_positive=(400, 422),
            )
        ),
    )
)
schema.app = make_mock_app(stateful=True)

PERSON_LINK_TARGETS = (
    "GET /people/{person_id}",
    "PUT /people/{person_id}",
    "PUT /people/{person_id}/add-comment",
    "PUT /people/{person_id}/add-tag",
    "PUT /people/{person_id}/remove-tag",
    "GET /communication-channels/{account_id}/person",
)
ORDER_LINK_TARGETS = ("GET /orders/{order_id}", "POST /orders/{order_id}")

ANSWERS: Counter[tuple[str, int]] = Counter()


class LinkedWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """The spec's state machine, remembering which operation answered what."""

    def after_call(self, response: Any, case: Any) -> None:
        ANSWERS[(case.operation.label, response.status_code)] += 1


MAX_ROUNDS = 3
"""Walks at most: one more seed when a walk never followed one resource's links (bounded, seeded)."""


def _links_followed() -> tuple[bool, bool]:
    """Whether a created person's links and a created order's links were followed for real."""
    person = sum(ANSWERS[(label, 200)] for label in PERSON_LINK_TARGETS) > 0
    order = sum(ANSWERS[(label, 200)] for label in ORDER_LINK_TARGETS) > 0
    return person, order


def test_stateful_links_hold_against_the_stateful_mock() -> None:
    # The walk is seeded; which transitions it takes still varies with details outside this test
    # (the same seed once created 9 orders and followed none of their links, once 16 and 11), so
    # a walk that misses one resource's links is followed by one with the next seed, up to
    # MAX_ROUNDS. Every walk's checks must pass; the links must be followed in some walk.
    for round_number in range(MAX_ROUNDS):
        hypothesis.seed(SEED + round_number)(LinkedWorkflow)
        LinkedWorkflow.run(
            settings=hypothesis.settings(
                max_examples=STATEFUL_SCENARIOS,
                stateful_step_count=STEPS_PER_SCENARIO,
                database=None,
                deadline=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            )
        )
        if all(_links_followed()):
            break
    created_people = ANSWERS[("POST /people", 200)]
    created_orders = ANSWERS[("POST /orders", 200)]
    assert created_people and created_orders, f"nothing was created (seed {SEED}): {dict(ANSWERS)}"
    # Links were followed: created resources were used through their links (which link the
    # machine picks varies with the seed, so any of a resource's link targets counts).
    person, order = _links_followed()
    assert person, dict(ANSWERS)
    assert order, dict(ANSWERS)
