"""Unit tests of the stateful store (``StatefulStore.handle``) behind ``leeloo-mock --stateful``.

Every answer the store builds is validated against the operation's declared response in the
spec (jsonschema, formats checked), so the store cannot drift from the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from mock_server.stateful.mapping import DEFAULT_RESOURCES_PATH, ResourceMappingError
from mock_server.stateful.seam import StatefulRequest
from mock_server.stateful.store import StatefulResult, StatefulStore

SPEC_PATH = Path(__file__).resolve().parents[3] / "spec" / "openapi.yaml"
SPEC_URI = "urn:leeloo-openapi"
SEED_TAG_ID = "595f5d522a934035decc093d"  # "Tag #1", the docs example of GET /tags
SEED_CHANNEL_ID = "5ef074e9e31801000d73ba11"  # first channel of the docs example, owns the seeded chat
SEED_PERSON_ID = "5e1c7ce2b4066a01900cdba0"  # Feliks, the docs example of GET /people
SEED_ORDER_ID = "5e399d72a2d0e2000dd584c1"  # "manual offer", the docs example of GET /orders
SEED_WAYFORPAY_ORDER_ID = "5e2825e081fbca000d8596e4"  # the docs example of GET /orders/{order_id}
UNKNOWN_ID = "0123456789abcdef01234567"
TODAY = datetime.now(UTC).date()
ALL_DATES = {"filter[last_message][from]": ["2000-01-01"], "filter[last_message][to]": ["2999-12-31"]}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def registry(spec: dict[str, Any]) -> Registry[Any]:
    with_spec: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.opaque(spec))
    return with_spec


@pytest.fixture
def store(spec: dict[str, Any]) -> StatefulStore:
    return StatefulStore.from_spec(spec)


Call = Callable[..., StatefulResult]


def _operation(spec: Mapping[str, Any], operation_id: str) -> Mapping[str, Any]:
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, Mapping) and operation.get("operationId") == operation_id:
                return operation
    raise KeyError(operation_id)


def _deref(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


_VALIDATORS: dict[tuple[int, str, int], Draft202012Validator] = {}


def assert_valid(
    spec: Mapping[str, Any], registry: Registry[Any], operation_id: str, result: StatefulResult
) -> None:
    """``result`` is an answer the operation declares: its status (or NXX range) and that schema.

    A refusal is data (status, detail, the parts it is about), no body; the pipeline shapes it
    as the operation declares (tests/mock_server/stateful/test_stateful_app.py).
    """
    if result.status >= 400:
        assert result.status >= 500 or result.issues, f"{operation_id} {result.status} names no part"
        return
    key = (id(spec), operation_id, result.status)
    validator = _VALIDATORS.get(key)
    if validator is None:
        responses = _operation(spec, operation_id)["responses"]
        declared = responses.get(str(result.status)) or responses.get(f"{str(result.status)[0]}XX")
        assert declared is not None, f"{operation_id} declares no {result.status} answer"
        content = _deref(spec, declared)["content"]
        media = content.get("application/json") or content["application/problem+json"]
        validator = _VALIDATORS[key] = Draft202012Validator(
            {"$ref": SPEC_URI + media["schema"]["$ref"]},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(result.body)]
    assert not errors, f"{operation_id} {result.status}: {errors}"


@pytest.fixture
def call(spec: dict[str, Any], registry: Registry[Any], store: StatefulStore) -> Iterator[Call]:
    """``call(operation_id, path=..., query=..., body=...)``: handle it and check the answer's schema."""

    def run(
        operation_id: str,
        path: Mapping[str, str] | None = None,
        query: Mapping[str, Sequence[str]] | None = None,
        body: Any = None,
    ) -> StatefulResult:
        result = store.handle(StatefulRequest(operation_id, path or {}, query or {}, body))
        assert result is not None, f"{operation_id} is not stateful"
        assert_valid(spec, registry, operation_id, result)
        return result

    yield run


def person_body(name: str = "Ann", **extra: Any) -> dict[str, Any]:
    body = {
        "name": name,
        "email": f"{name.lower()}@example.com",
        "phone": "+380000000001",
        "leadgentool_id": "609290d3e060416cdea6823e",
    }
    return body | extra


def order_body(person_id: str) -> dict[str, Any]:
    return {
        "paymentCreditsId": "5e3c3533f04b1f000c27b534",
        "email": "buyer@example.com",
        "phone": "+380669999777",
        "transactionDate": "2020-02-04T11:46:48.803Z",
        "offerId": "5e3c357bf04b1f000c27b83a",
        "isNotifyAccount": False,
        "personId": person_id,
    }


def create_person(call: Call, name: str = "Ann", **extra: Any) -> dict[str, Any]:
    result = call("create_person", body=person_body(name, **extra))
    assert result.status == 200
    data: dict[str, Any] = result.body["data"]
    return data


# ---- seeding and fallback ----------------------------------------------------------------------


def test_operations_the_mapping_does_not_declare_fall_back(store: StatefulStore) -> None:
    for operation_id in ("list_tunnel_stats", "send_template_message", "manual_subscribe", "no_such_op"):
        assert store.handle(StatefulRequest(operation_id, {}, {}, None)) is None


def test_collections_are_seeded_from_the_docs_examples(call: Call) -> None:
    assert call("get_person", {"person_id": SEED_PERSON_ID}).body["data"]["name"] == "Feliks"
    by_account = call("get_person_by_account", {"account_id": "617fd5cc1cc06d42c94dd9ec"}).body
    assert by_account["data"]["name"] == "Mark Down" and by_account["included"] == {}
    assert call("get_order", {"order_id": SEED_ORDER_ID}).body["data"]["title"] == "manual offer"
    assert call("list_tags").body["data"] == [{"id": SEED_TAG_ID, "name": "Tag #1"}]
    users = call("list_users").body
    assert {u["name"] for u in users["data"]} == {"Igor", "Alexey", "John Mack", "Max"}
    assert users["meta"]["totalCount"] == 4
    messages = call("list_chat_messages", {"account_id": SEED_CHANNEL_ID}).body
    assert [m["text"] for m in messages["data"]] == ["Test API v.1 message template", "API message"]


def test_answers_carry_only_the_properties_the_response_declares(call: Call) -> None:
    listed = call("list_people", query=ALL_DATES).body["data"][0]
    assert set(listed) <= {"id", "name", "email", "phone", "tags", "accounts", "lastMessageTime"}
    got = call("get_order", {"order_id": SEED_ORDER_ID}).body["data"]
    assert "person_id" not in got  # OrderDetails has no person_id, the stored order has


# ---- people ------------------------------------------------------------------------------------


def test_created_person_is_read_back_and_listed(call: Call) -> None:
    created = create_person(call, "Ann", connected_users_ids=["445f5d522a934035decc093d"])
    assert created["from"] == "MANUAL" and created["id"] != created["person_id"]

    got = call("get_person", {"person_id": created["person_id"]}, {"include": ["contactedUsers"]}).body
    assert got["data"]["name"] == "Ann"
    assert got["data"]["email"] == "ann@example.com"
    assert got["data"]["accounts"][0]["account_id"] == created["id"]
    assert got["included"]["users"][0]["name"] == "Igor"

    by_channel = call("get_person_by_account", {"account_id": created["id"]}).body
    assert by_channel["data"]["id"] == created["person_id"]

    today = TODAY.isoformat()
    listed = call(
        "list_people", query={"filter[last_message][from]": [today], "filter[last_message][to]": [today]}
    ).body
    assert [p["id"] for p in listed["data"]] == [created["person_id"]]
    assert listed["meta"] == {"limit": 20, "offset": 0, "filteredCount": 1, "totalCount": 4}


def test_list_people_filters_and_pages(call: Call) -> None:
    ids = [create_person(call, f"P{i}", phone=f"+38000000000{i}")["person_id"] for i in range(5)]
    for person_id in ids[:3]:
        call("add_tag_to_person", {"person_id": person_id}, body={"tag_id": SEED_TAG_ID})

    def listed(**query: list[str]) -> dict[str, Any]:
        body: dict[str, Any] = call("list_people", query=ALL_DATES | query).body
        return body

    everyone = listed()
    assert everyone["meta"]["filteredCount"] == 6  # Feliks has a lastMessageTime; the other seeds do not
    assert everyone["meta"]["totalCount"] == 8

    tagged = listed(**{"filter[tags]": ["Tag #1"]})
    assert [p["id"] for p in tagged["data"]] == ids[:3]
    # all-of: every tag given must be on the person
    assert listed(**{"filter[tags]": ["Tag #1", "Mentor"]})["meta"]["filteredCount"] == 0
    assert listed(**{"filter[tags]": ["Mentor", "Professional"]})["data"][0]["name"] == "Feliks"

    assert [p["id"] for p in listed(**{"filter[phone]": ["+380000000003"]})["data"]] == [ids[3]]
    assert [p["name"] for p in listed(**{"filter[email]": ["p4@example.com"]})["data"]] == ["P4"]

    page = listed(limit=["2"], offset=["1"])
    assert [p["id"] for p in page["data"]] == ids[:2]  # Feliks is first
    # filteredCount counts the page's items, as Leeloo's does (PageMeta.filteredCount)
    assert page["meta"] == {"limit": 2, "offset": 1, "filteredCount": 2, "totalCount": 8}
    assert listed(offset=["100"])["data"] == []

    old = {"filter[last_message][from]": ["2020-01-13"], "filter[last_message][to]": ["2020-01-13"]}
    assert [p["name"] for p in call("list_people", query=old).body["data"]] == ["Feliks"]
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    before = {"filter[last_message][from]": ["2020-01-14"], "filter[last_message][to]": [yesterday]}
    assert call("list_people", query=before).body["meta"]["filteredCount"] == 0


def test_update_person_changes_phone_email_and_upserts_custom_fields(call: Call) -> None:
    person_id = create_person(call)["person_id"]
    first = [{"type": "EMAIL", "name": "work", "value": "w@example.com"}]
    call("update_person", {"person_id": person_id}, body={"custom_fields": first})
    result = call(
        "update_person",
        {"person_id": person_id},
        body={
            "phone": "+380669991876",
            "email": "new@example.com",
            "custom_fields": [{"type": "PHONE", "name": "home", "value": "+1"}],
        },
    )
    assert result.body == {"status": 1, "data": {}}
    data = call("get_person", {"person_id": person_id}).body["data"]
    assert (data["phone"], data["email"]) == ("+380669991876", "new@example.com")
    assert [f["name"] for f in data["custom_fields"]] == ["work", "home"]
    call(
        "update_person",
        {"person_id": person_id},
        body={"custom_fields": [{"type": "EMAIL", "name": "work", "value": "x@example.com"}]},
    )
    fields = call("get_person", {"person_id": person_id}).body["data"]["custom_fields"]
    assert fields[0]["value"] == "x@example.com" and len(fields) == 2


def test_tags_are_added_once_and_removed_by_id(call: Call) -> None:
    person_id = create_person(call)["person_id"]
    for _ in range(2):
        assert call("add_tag_to_person", {"person_id": person_id}, body={"tag_id": SEED_TAG_ID}).status == 200
    assert call("get_person", {"person_id": person_id}).body["data"]["tags"] == ["Tag #1"]
    assert (
        call("remove_tag_from_person", {"person_id": person_id}, body={"tag_id": SEED_TAG_ID}).status == 200
    )
    assert call("get_person", {"person_id": person_id}).body["data"]["tags"] == []
    # removing a tag the person does not carry is not an error
    assert (
        call("remove_tag_from_person", {"person_id": person_id}, body={"tag_id": SEED_TAG_ID}).status == 200
    )


def test_unknown_tag_id_answers_422_naming_the_field(call: Call) -> None:
    person_id = create_person(call)["person_id"]
    for operation_id in ("add_tag_to_person", "remove_tag_from_person"):
        result = call(operation_id, {"person_id": person_id}, body={"tag_id": UNKNOWN_ID})
        assert result.status == 422
        assert (result.issues[0].location, result.issues[0].name) == ("body", "/tag_id")
    assert call("get_person", {"person_id": person_id}).body["data"]["tags"] == []


def test_add_comment_stores_and_returns_the_comment(call: Call) -> None:
    person_id = create_person(call)["person_id"]
    result = call("add_comment_to_person", {"person_id": person_id}, body={"comment": "some text"})
    assert result.body["data"]["text"] == "some text"
    assert result.body["data"]["entity_id"] == person_id
    assert result.body["data"]["entity_type"] == "PERSON"
    again = call("add_comment_to_person", {"person_id": person_id}, body={"comment": "more"})
    assert again.body["data"]["id"] != result.body["data"]["id"]


# ---- orders ------------------------------------------------------------------------------------


def test_created_order_is_listed_read_updated_and_linked_to_its_person(call: Call) -> None:
    person_id = create_person(call)["person_id"]
    created = call("create_order", body=order_body(person_id)).body["data"]
    assert created["status"] == "OPENED" and created["person_id"] == person_id

    listed = call("list_orders").body
    assert listed["data"][-1]["id"] == created["id"]
    assert listed["meta"]["totalCount"] == 4

    updated = call(
        "update_order",
        {"order_id": created["id"]},
        body={"status": "RESOLVED", "price": 150.5, "currency": "EUR", "paymentDate": "2018-06-27 07:32"},
    )
    assert updated.body["data"] == {"id": created["id"]}
    got = call("get_order", {"order_id": created["id"]}).body["data"]
    assert (got["status"], got["price"], got["currency"]) == ("RESOLVED", 150.5, "EUR")
    assert got["paymentMethod"] == "MANUAL"

    included = call("get_person", {"person_id": person_id}, {"include": ["orders"]}).body["included"]
    assert [o["id"] for o in included["orders"]] == [created["id"]]


def test_only_a_manual_order_is_updated(call: Call) -> None:
    """POST /orders/{order_id} is for MANUAL orders: one paid through WAYFORPAY is refused, unchanged."""
    refused = call("update_order", {"order_id": SEED_WAYFORPAY_ORDER_ID}, body={"status": "RESOLVED"})
    assert refused.status == 422
    [issue] = refused.issues
    assert (issue.location, issue.name) == ("path", "order_id")
    assert "paymentMethod is 'WAYFORPAY', not 'MANUAL'" in issue.message
    assert call("get_order", {"order_id": SEED_WAYFORPAY_ORDER_ID}).body["data"]["status"] == "SUCCESS"

    updated = call("update_order", {"order_id": SEED_ORDER_ID}, body={"status": "REJECTED"})
    assert updated.status == 200
    assert call("get_order", {"order_id": SEED_ORDER_ID}).body["data"]["status"] == "REJECTED"


def test_order_for_an_unknown_person_answers_422(call: Call, store: StatefulStore) -> None:
    result = call("create_order", body=order_body(UNKNOWN_ID))
    assert result.status == 422
    assert result.issues[0].name == "/personId"
    assert store.count("orders") == 3


# ---- messages ----------------------------------------------------------------------------------


def test_send_message_appends_to_the_channels_chat(call: Call) -> None:
    channel_id = create_person(call)["id"]
    assert call("list_chat_messages", {"account_id": channel_id}).body["data"] == []
    for text in ("hello", "again"):
        assert call("send_message", body={"account_id": channel_id, "text": text}).body == {
            "status": 1,
            "data": {},
        }
    chat = call("list_chat_messages", {"account_id": channel_id}, {"limit": ["1"], "offset": ["1"]}).body
    assert [m["text"] for m in chat["data"]] == ["again"]
    assert chat["meta"] == {"limit": 1, "offset": 1, "filteredCount": 1, "totalCount": 2}

    call("send_message", body={"account_id": SEED_CHANNEL_ID, "text": "seeded chat"})
    seeded = call("list_chat_messages", {"account_id": SEED_CHANNEL_ID}).body
    assert seeded["meta"]["totalCount"] == 3


def test_send_message_touches_the_channel_last_message_time(call: Call) -> None:
    call("send_message", body={"account_id": SEED_CHANNEL_ID, "text": "hi"})
    today = TODAY.isoformat()
    channels = call(
        "list_communication_channels",
        query={"filter[last_message][from]": [today], "filter[last_message][to]": [today]},
    ).body
    assert [c["id"] for c in channels["data"]] == [SEED_CHANNEL_ID]


def test_message_to_an_unknown_channel_answers_422(call: Call, store: StatefulStore) -> None:
    result = call("send_message", body={"account_id": UNKNOWN_ID, "text": "x"})
    assert result.status == 422 and result.issues[0].name == "/account_id"
    assert store.count("chat_messages") == 2


# ---- other resources ---------------------------------------------------------------------------


def test_include_embeds_linked_records(call: Call) -> None:
    tunnel_id = "595f5d522a934035decc093d"
    plain = call("get_tunnel", {"tunnel_id": tunnel_id}).body
    assert plain["linked"] == {}
    linked = call("get_tunnel", {"tunnel_id": tunnel_id}, {"include": ["leadgentools"]}).body
    assert linked["linked"]["leadgentools"][0]["name"] == "LGT1"
    person = call(
        "get_person", {"person_id": "625946dd585052c1629f1b2b"}, {"include": ["contactedUsers,orders"]}
    )
    assert set(person.body["included"]) == {"users", "orders"}


@pytest.mark.parametrize(
    ("operation_id", "path", "body"),
    [
        ("get_person", {"person_id": UNKNOWN_ID}, None),
        ("get_person_by_account", {"account_id": UNKNOWN_ID}, None),
        ("update_person", {"person_id": UNKNOWN_ID}, {"phone": "+1"}),
        ("add_tag_to_person", {"person_id": UNKNOWN_ID}, {"tag_id": SEED_TAG_ID}),
        ("remove_tag_from_person", {"person_id": UNKNOWN_ID}, {"tag_id": SEED_TAG_ID}),
        ("add_comment_to_person", {"person_id": UNKNOWN_ID}, {"comment": "x"}),
        ("get_order", {"order_id": UNKNOWN_ID}, None),
        ("update_order", {"order_id": UNKNOWN_ID}, {"status": "REJECTED"}),
        ("list_chat_messages", {"account_id": UNKNOWN_ID}, None),
        ("get_tunnel", {"tunnel_id": UNKNOWN_ID}, None),
        ("get_user", {"user_id": UNKNOWN_ID}, None),
    ],
)
def test_unknown_path_id_answers_404_problem(
    call: Call, operation_id: str, path: dict[str, str], body: Any
) -> None:
    result = call(operation_id, path, body=body)
    assert result.status == 404
    assert result.body is None  # a refusal is data; the pipeline shapes it as the operation declares
    assert UNKNOWN_ID in result.detail


def test_every_stateful_operation_answers_valid_bodies(call: Call, store: StatefulStore) -> None:
    """One scenario through all declared operations; ``call`` validates each answer."""
    created = create_person(call)
    person = {"person_id": created["person_id"]}
    order_id = call("create_order", body=order_body(created["person_id"])).body["data"]["id"]
    exercised = {
        "create_person": None,
        "create_order": None,
        "list_people": call("list_people", query=ALL_DATES),
        "get_person": call("get_person", person, {"include": ["contactedUsers,orders"]}),
        "get_person_by_account": call("get_person_by_account", {"account_id": created["id"]}),
        "update_person": call("update_person", person, body={"email": "e@example.com"}),
        "add_tag_to_person": call("add_tag_to_person", person, body={"tag_id": SEED_TAG_ID}),
        "remove_tag_from_person": call("remove_tag_from_person", person, body={"tag_id": SEED_TAG_ID}),
        "add_comment_to_person": call("add_comment_to_person", person, body={"comment": "c"}),
        "list_tags": call("list_tags"),
        "list_communication_channels": call("list_communication_channels"),
        "list_chat_messages": call("list_chat_messages", {"account_id": created["id"]}),
        "send_message": call("send_message", body={"account_id": created["id"], "text": "t"}),
        "list_orders": call("list_orders", query={"limit": ["100"]}),
        "get_order": call("get_order", {"order_id": order_id}),
        "update_order": call("update_order", {"order_id": order_id}, body={"status": "REJECTED"}),
        "list_tunnels": call("list_tunnels"),
        "get_tunnel": call(
            "get_tunnel", {"tunnel_id": "595f5d522a934035decc093d"}, {"include": ["leadgentools"]}
        ),
        "list_users": call("list_users"),
        "get_user": call("get_user", {"user_id": "632af797bd3cc466fe1af584"}),
        "list_connections": call("list_connections"),
        "list_template_categories": call("list_template_categories"),
    }
    assert set(exercised) == store.operation_ids
    assert all(result is None or result.status == 200 for result in exercised.values())


def test_answers_are_copies_the_caller_cannot_corrupt(call: Call) -> None:
    got = call("get_person", {"person_id": SEED_PERSON_ID}).body
    got["data"]["tags"].append("mutated")
    got["data"]["accounts"].clear()
    again = call("get_person", {"person_id": SEED_PERSON_ID}).body["data"]
    assert again["tags"] == ["Mentor", "Professional"] and len(again["accounts"]) == 1


def test_generated_ids_are_reproducible(spec: dict[str, Any]) -> None:
    def ids() -> list[str]:
        fresh = StatefulStore.from_spec(spec)
        answers = [
            fresh.handle(StatefulRequest("create_person", {}, {}, person_body(f"N{i}"))) for i in range(3)
        ]
        return [a.body["data"]["person_id"] for a in answers if a is not None]

    first = ids()
    assert first == ids() and len(set(first)) == 3


# ---- concurrency and bounds --------------------------------------------------------------------


def test_parallel_creates_and_tags_lose_no_update(spec: dict[str, Any], registry: Registry[Any]) -> None:
    store = StatefulStore.from_spec(spec)
    people_before, orders_before = store.count("people"), store.count("orders")

    def handle(operation_id: str, path: dict[str, str], body: Any) -> StatefulResult:
        result = store.handle(StatefulRequest(operation_id, path, {}, body))
        assert result is not None
        return result

    with ThreadPoolExecutor(max_workers=16) as pool:
        created = list(pool.map(lambda i: handle("create_person", {}, person_body(f"T{i}")), range(200)))
        person_ids = [r.body["data"]["person_id"] for r in created]
        tagged = list(
            pool.map(
                lambda p: handle("add_tag_to_person", {"person_id": p}, {"tag_id": SEED_TAG_ID}), person_ids
            )
        )
        orders = list(pool.map(lambda p: handle("create_order", {}, order_body(p)), person_ids))

    assert {r.status for r in created + tagged + orders} == {200}
    assert len(set(person_ids)) == 200
    assert store.count("people") == people_before + 200
    assert store.count("channels") == 2 + 200
    assert store.count("orders") == orders_before + 200
    tagged_people = 0
    for offset in range(0, 300, 100):
        query = ALL_DATES | {"filter[tags]": ["Tag #1"], "limit": ["100"], "offset": [str(offset)]}
        listed = store.handle(StatefulRequest("list_people", {}, query, None))
        assert listed is not None
        assert_valid(spec, registry, "list_people", listed)
        tagged_people += len(listed.body["data"])
    assert tagged_people == 200


def test_creates_past_max_records_answer_507_and_keep_the_store_bounded(
    spec: dict[str, Any], registry: Registry[Any]
) -> None:
    store = StatefulStore.from_spec(spec, max_records=10)
    statuses: dict[int, int] = {}
    for i in range(2_000):
        result = store.handle(StatefulRequest("create_person", {}, {}, person_body(f"C{i}")))
        assert result is not None
        statuses[result.status] = statuses.get(result.status, 0) + 1
        if result.status != 200:
            assert_valid(spec, registry, "create_person", result)
            assert "at most" in result.detail and result.body is None
    # 3 seeded people: 7 more fit
    assert statuses == {200: 7, 507: 1_993}
    assert store.count("people") == 10 and store.count("channels") == 9
    comment = store.handle(
        StatefulRequest("add_comment_to_person", {"person_id": SEED_PERSON_ID}, {}, {"comment": "x"})
    )
    assert comment is not None and comment.status == 200  # other collections have their own room


def test_lists_inside_a_record_are_bounded_too(spec: dict[str, Any], registry: Registry[Any]) -> None:
    store = StatefulStore.from_spec(spec, max_records=10)
    person = {"person_id": SEED_PERSON_ID}

    def update(name: str) -> StatefulResult:
        field = {"type": "KEYWORD", "name": name, "value": "v"}
        result = store.handle(
            StatefulRequest("update_person", person, {}, {"phone": name, "custom_fields": [field]})
        )
        assert result is not None
        assert_valid(spec, registry, "update_person", result)
        return result

    assert [update(f"f{i}").status for i in range(10)] == [200] * 10
    refused = update("one too many")
    assert refused.status == 507
    stored = store.handle(StatefulRequest("get_person", person, {}, None))
    assert stored is not None
    assert len(stored.body["data"]["custom_fields"]) == 10
    assert stored.body["data"]["phone"] == "f9"  # the refused request changed nothing
    assert update("f3").status == 200  # upserting an existing name still fits


def test_max_records_must_be_positive(spec: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="max_records"):
        StatefulStore.from_spec(spec, max_records=0)


# ---- the mapping file --------------------------------------------------------------------------


def test_the_committed_mapping_declares_stateful_people_and_orders(store: StatefulStore) -> None:
    assert {
        "create_person",
        "get_person",
        "list_people",
        "create_order",
        "send_message",
    } <= store.operation_ids


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "  list_orders:\n    action: list",
            "  list_ordrs:\n    action: list",
            "the spec has no operation 'list_ordrs'",
        ),
        (
            "    collection: orders\n  get_order:",
            "    collection: ordes\n  get_order:",
            "no collection 'ordes'",
        ),
        ("text: $body.comment", "text: $bdy.comment", "unknown expression '$bdy.comment'"),
        (
            "{add: tags, value: {hook: tag_name,",
            "{add: tags, value: {hook: tag_nme,",
            "unknown hook 'tag_nme'",
        ),
        (
            'param: "filter[phone]"',
            'param: "filter[fone]"',
            "list_people declares no query parameter 'filter[fone]'",
        ),
        (
            "at: /linked/leadgentools",
            "at: /linked/nothing",
            "the docs example of get_tunnel has no list or object",
        ),
        (
            "    action: get\n    find: orders:id",
            "    action: fetch\n    find: orders:id",
            "action must be one of",
        ),
        ("version: 1", "version: 2", "version must be 1"),
        ("where: {paymentMethod: MANUAL}", "where: [paymentMethod, MANUAL]", "expected a mapping"),
        (
            "        record:\n          id: $id.comment",
            "        record:",
            "a record of comments needs its id field",
        ),
    ],
)
def test_a_broken_mapping_names_file_line_and_reason(
    spec: dict[str, Any], tmp_path: Path, old: str, new: str, reason: str
) -> None:
    text = DEFAULT_RESOURCES_PATH.read_text(encoding="utf-8")
    assert text.count(old) == 1
    broken = tmp_path / "mock-resources.yaml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(ResourceMappingError) as raised:
        StatefulStore.from_spec(spec, resources_path=broken)
    message = str(raised.value)
    assert reason in message
    assert message.startswith(f"{broken}:")
    assert int(message.split(":")[1]) == line


def test_a_mapping_that_is_not_yaml_names_the_line(spec: dict[str, Any], tmp_path: Path) -> None:
    broken = tmp_path / "mock-resources.yaml"
    broken.write_text("version: 1\ncollections: {people: [\n", encoding="utf-8")
    with pytest.raises(ResourceMappingError, match=rf"^{broken}:\d+:\d+: "):
        StatefulStore.from_spec(spec, resources_path=broken)
    with pytest.raises(ResourceMappingError, match="cannot read"):
        StatefulStore.from_spec(spec, resources_path=tmp_path / "missing.yaml")
