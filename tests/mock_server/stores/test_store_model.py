"""The stateful store against a tiny model: random sequences of requests, checked after each step.

Hypothesis drives creates, tag changes, updates, orders and messages in any order; after every
step the store must agree with a plain-Python model (who exists, their tags and phone, how many
orders and messages) and every answer must validate against the spec.

It runs on each store of the shared suite (memory, SQLite, Redis), with two engines on the store
taking turns, as two workers would (memory: one engine); each example starts a fresh namespace.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from referencing import Registry, Resource

from mock_server.stateful.seam import StatefulRequest
from mock_server.stateful.store import StatefulResult, StatefulStore
from tests.mock_server.stateful.test_stateful import (
    ALL_DATES,
    SEED_TAG_ID,
    SPEC_URI,
    UNKNOWN_ID,
    assert_valid,
    order_body,
    person_body,
)
from tests.mock_server.stores.conftest import SPEC, OpenBackend, engines_on

REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.opaque(SPEC))
SEED_ORDERS = 3
SETTINGS = settings(
    max_examples=25,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass
class ModelPerson:
    channel_id: str
    phone: str
    tags: set[str] = field(default_factory=set)
    messages: int = 0


class StoreAgreesWithModel(RuleBasedStateMachine):
    people = Bundle("people")
    # two engines on a fresh store (memory: the same one twice); set per store by the test
    open_engines: Callable[[], list[StatefulStore]]

    @initialize()
    def start(self) -> None:
        self.engines = self.open_engines()
        self.turns = itertools.cycle(self.engines)
        self.model: dict[str, ModelPerson] = {}
        self.orders = 0

    def call(self, operation_id: str, path: dict[str, str] | None = None, **extra: Any) -> StatefulResult:
        result = next(self.turns).handle(
            StatefulRequest(operation_id, path or {}, extra.get("query", {}), extra.get("body"))
        )
        assert result is not None
        assert_valid(SPEC, REGISTRY, operation_id, result)
        return result

    @rule(
        target=people,
        name=st.text("abcxyz", min_size=1, max_size=6),
        phone=st.sampled_from(["+1", "+2", "+3"]),
    )
    def create(self, name: str, phone: str) -> str:
        data = self.call("create_person", body=person_body(name, phone=phone)).body["data"]
        self.model[data["person_id"]] = ModelPerson(data["id"], phone)
        return str(data["person_id"])

    @rule(person_id=people, add=st.booleans())
    def tag(self, person_id: str, add: bool) -> None:
        operation_id = "add_tag_to_person" if add else "remove_tag_from_person"
        assert self.call(operation_id, {"person_id": person_id}, body={"tag_id": SEED_TAG_ID}).status == 200
        tags = self.model[person_id].tags
        tags.add("Tag #1") if add else tags.discard("Tag #1")

    @rule(person_id=people)
    def tag_unknown(self, person_id: str) -> None:
        result = self.call("add_tag_to_person", {"person_id": person_id}, body={"tag_id": UNKNOWN_ID})
        assert result.status == 422

    @rule(person_id=people, phone=st.sampled_from(["+1", "+2", "+4"]))
    def update(self, person_id: str, phone: str) -> None:
        assert self.call("update_person", {"person_id": person_id}, body={"phone": phone}).status == 200
        self.model[person_id].phone = phone

    @rule(person_id=people)
    def order(self, person_id: str) -> None:
        assert self.call("create_order", body=order_body(person_id)).status == 200
        self.orders += 1

    @rule(person_id=people)
    def message(self, person_id: str) -> None:
        channel_id = self.model[person_id].channel_id
        assert self.call("send_message", body={"account_id": channel_id, "text": "hi"}).status == 200
        self.model[person_id].messages += 1

    @invariant()
    def lists_agree(self) -> None:
        if not hasattr(self, "engines"):
            return
        tagged = self.call("list_people", query=ALL_DATES | {"filter[tags]": ["Tag #1"], "limit": ["100"]})
        assert {p["id"] for p in tagged.body["data"]} == {
            i for i, p in self.model.items() if "Tag #1" in p.tags
        }
        by_phone = self.call("list_people", query=ALL_DATES | {"filter[phone]": ["+2"], "limit": ["100"]})
        assert {p["id"] for p in by_phone.body["data"]} == {
            i for i, p in self.model.items() if p.phone == "+2"
        }
        assert by_phone.body["meta"]["totalCount"] == 3 + len(self.model)
        assert self.call("list_orders").body["meta"]["totalCount"] == SEED_ORDERS + self.orders

    @invariant()
    def each_person_agrees(self) -> None:
        for person_id, person in getattr(self, "model", {}).items():
            data = self.call("get_person", {"person_id": person_id}).body["data"]
            assert set(data["tags"]) == person.tags and data["phone"] == person.phone
            chat = self.call("list_chat_messages", {"account_id": person.channel_id}).body
            assert chat["meta"]["totalCount"] == person.messages

    def teardown(self) -> None:
        for engine in getattr(self, "engines", []):
            engine.close()


def test_store_agrees_with_model(open_backend: OpenBackend, kind: str) -> None:
    class OnThisStore(StoreAgreesWithModel):
        def open_engines(self) -> list[StatefulStore]:
            return engines_on(open_backend, kind, uuid.uuid4().hex)(2)

    run_state_machine_as_test(OnThisStore, settings=SETTINGS)
