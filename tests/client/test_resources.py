"""The resource style (issue 12): `client.people.add_tag(pid, tag_id=...)`, per-call options, raw answers.

Every operation of the spec is reachable through a resource method named by the one rule of
`generator/_naming.py`; bodies are keyword arguments (or `body=`); every method takes `timeout=`,
`extra_headers=`, `extra_query=`; `with_options()` shares the connection pools.
"""

from __future__ import annotations

import datetime
import doctest
import gc
import importlib
import inspect
import json
import pkgutil
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import leeloo_client
import pytest
from leeloo_client import AsyncLeelooClient, InvalidParameterError, LeelooClient, RawResponse
from leeloo_client.models import CreatePersonRequest, CustomField, TagForm

from contract_tests._spec import spec_operation, spec_operations, success_example, validate_request
from generator._naming import iterator_name, method_name, resource_name

from ._fake_api import TOKEN, FakeAPI, RecordedSleep

ID = "5b3f543bb2737000133d25b0"

# The examples of the naming rule, and a few more.
NAMED = {
    "list_people": "people.list",
    "get_person": "people.get",
    "create_person": "people.create",
    "update_person": "people.update",
    "add_tag_to_person": "people.add_tag",
    "remove_tag_from_person": "people.remove_tag",
    "add_comment_to_person": "people.add_comment",
    "add_sms_connection": "people.add_sms_connection",
    "create_order": "orders.create",
    "update_order": "orders.update",
    "list_tags": "tags.list",
    "get_tunnel_stats": "tunnels.get_stats",
    "list_tunnel_stats": "tunnels.list_stats",
    "list_chat_messages": "messages.list_chat",
    "list_communication_channels": "communication_channels.list",
    "create_call": "calls.create",
    "create_traffic_source": "leadgentools.create_traffic_source",
    "list_connections": "connections.list",
}


def operation_tags() -> list[tuple[str, str]]:
    """(operationId, first tag) of every operation of the spec."""
    return [(operation.operation_id, operation.tag) for operation in spec_operations()]


def operation_modules() -> list[tuple[str, ModuleType]]:
    """(tag package, module) of every operation module of the generated client."""
    found = []
    api = importlib.import_module("leeloo_client.api")
    for tag in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"leeloo_client.api.{tag.name}")
        for module in pkgutil.iter_modules(package.__path__):
            found.append((tag.name, importlib.import_module(f"{package.__name__}.{module.name}")))
    return found


@pytest.mark.parametrize(("operation_id", "expected"), sorted(NAMED.items()))
def test_the_naming_rule_gives_the_documented_names(operation_id: str, expected: str) -> None:
    tag = next(tag for found, tag in operation_tags() if found == operation_id)
    assert f"{resource_name(tag)}.{method_name(operation_id, tag)}" == expected


def test_the_rule_names_every_operation_and_the_client_follows_it() -> None:
    names: set[str] = set()
    for operation_id, tag in operation_tags():
        module = importlib.import_module(f"leeloo_client.api.{resource_name(tag)}.{operation_id}")
        expected = f"{resource_name(tag)}.{method_name(operation_id, tag)}"
        assert expected == module.RESOURCE_METHOD, operation_id
        assert expected not in names, f"two operations are named {expected}"
        names.add(expected)
    assert iterator_name("list") == "iterate"
    assert iterator_name("list_chat") == "iterate_chat"


def test_every_operation_is_reachable_through_a_resource_method_of_all_four_kinds() -> None:
    # One implementation per operation (issue 26): the sync method builds the operation module's
    # request and calls its ENDPOINT; the async method is the same function; the raw-response
    # methods wrap them.
    client = LeelooClient(token=TOKEN)
    async_client = AsyncLeelooClient(token=TOKEN)
    modules = operation_modules()
    assert len(modules) == len(operation_tags())
    for tag, module in modules:
        resource, method = module.RESOURCE_METHOD.split(".")
        assert resource == tag
        operation = module.__name__.rsplit(".", 1)[1]
        plain = getattr(getattr(client, resource), method)
        raw = getattr(getattr(client, resource).with_raw_response, method)
        awaited = getattr(getattr(async_client, resource), method)
        awaited_raw = getattr(getattr(async_client, resource).with_raw_response, method)
        source = inspect.getsource(plain)
        assert f"{operation}.ENDPOINT" in source and f"{operation}.request(" in source
        assert awaited.__func__ is plain.__func__
        assert raw.__wrapped__.__func__ is awaited_raw.__wrapped__.__func__ is plain.__func__
        assert inspect.iscoroutinefunction(awaited_raw)
        for call in (plain, raw, awaited, awaited_raw):
            parameters = inspect.signature(call).parameters
            assert {"timeout", "extra_headers", "extra_query", "extra_body"} <= set(parameters), (
                module.__name__
            )
        if hasattr(module, "iterate"):
            iterator = module.RESOURCE_METHOD.split(".")[1].replace("list", "iterate", 1)
            walk = getattr(getattr(client, resource), iterator)
            assert f"{operation}.ENDPOINT" in inspect.getsource(walk)
            assert getattr(getattr(async_client, resource), iterator).__func__ is walk.__func__


def test_docstrings_carry_summary_description_and_every_parameter(client: LeelooClient) -> None:
    doc = inspect.getdoc(client.people.list) or ""
    assert doc.startswith("List people")
    assert "Get a list of people." in doc
    assert "How many results to return." in doc  # the query parameter's own description
    for name in ("limit", "offset", "filter_tags", "filter_last_message_from", "filter_email", "timeout"):
        assert f"{name}:" in doc
    add_tag = inspect.getdoc(client.people.add_tag) or ""
    assert "person_id:" in add_tag and "tag_id:" in add_tag


def test_a_body_from_keyword_arguments_is_sent_as_the_spec_says(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    created = client.people.create(name="Ann", email="ann@example.com", phone="+15550100", leadgentool_id=ID)
    client.people.add_tag(ID, tag_id=ID)
    client.people.create(
        body=CreatePersonRequest(name="Bob", email="b@example.com", phone="+1", leadgentool_id=ID)
    )

    assert created.data.person_id
    bodies = [json.loads(request.content) for request in fake_api.requests]
    assert bodies == [
        {"name": "Ann", "email": "ann@example.com", "phone": "+15550100", "leadgentool_id": ID},
        {"tag_id": ID},
        {"name": "Bob", "email": "b@example.com", "phone": "+1", "leadgentool_id": ID},
    ]
    for request in fake_api.requests:
        validate_request(request)


def test_a_missing_required_field_is_a_type_error_naming_it(client: LeelooClient, fake_api: FakeAPI) -> None:
    with pytest.raises(TypeError, match="'leadgentool_id'"):
        client.people.create(name="Ann", email="a@example.com", phone="+1")  # type: ignore[call-overload]
    assert fake_api.requests == []


def test_timeout_extra_headers_and_extra_query_reach_this_call_only(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    client.tags.list(timeout=3.5, extra_headers={"X-Trace": "t-1"}, extra_query={"debug": "1"})
    client.tags.list()

    first, second = fake_api.requests
    assert first.extensions["timeout"] == {"connect": 3.5, "read": 3.5, "write": 3.5, "pool": 3.5}
    assert first.headers["X-Trace"] == "t-1"
    assert first.url.params["debug"] == "1"
    assert first.headers["X-Leeloo-AuthToken"] == TOKEN
    assert second.extensions["timeout"]["read"] == 60.0
    assert "X-Trace" not in second.headers
    assert "debug" not in second.url.params


def test_with_raw_response_returns_the_model_with_status_headers_request_id_and_time(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    def with_request_id(request: httpx.Request) -> httpx.Response:
        answer = fake_api.forward(request)
        answer.headers["x-request-id"] = "req-42"
        return answer

    fake_api.answer = with_request_id

    raw = client.people.with_raw_response.list(limit=5)

    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["content-type"] == "application/json"
    assert raw.parsed.data[0].id
    assert raw.elapsed is None or raw.elapsed >= datetime.timedelta(0)


def test_against_the_mock_request_id_is_its_x_request_id(client: LeelooClient) -> None:
    """It was None: the mock sent no x-request-id (that Leeloo sends one is a guess of the spec)."""
    first = client.tags.with_raw_response.list()
    second = client.tags.with_raw_response.list()
    assert first.request_id and second.request_id and first.request_id != second.request_id
    assert first.request_id == first.headers["x-request-id"]


def page_answer(total: int) -> Callable[[httpx.Request], httpx.Response]:
    """Answers `GET /people` with the people `offset` to `offset + limit` of `total`."""

    def answer(request: httpx.Request) -> httpx.Response:
        example = success_example(spec_operation("list_people"))
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        people = [
            {**example["data"][0], "id": f"{n:024x}"} for n in range(offset, min(total, offset + limit))
        ]
        return httpx.Response(200, json={**example, "data": people})

    return answer


def test_iterate_pages_until_a_short_page(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = page_answer(7)

    ids = [person.id for person in client.people.iterate(limit=3, timeout=5)]

    assert ids == [f"{n:024x}" for n in range(7)]
    assert [request.url.params["offset"] for request in fake_api.requests] == ["0", "3", "6"]


async def test_the_async_client_awaits_the_same_methods(fake_api: FakeAPI, sleeps: RecordedSleep) -> None:
    fake_api.answer = page_answer(4)
    transport = fake_api.transport()
    async with AsyncLeelooClient(token=TOKEN, async_transport=transport, async_sleep=sleeps.asleep) as client:
        ids = [person.id async for person in client.people.aiterate(limit=2)]
        page = await client.people.list(limit=2, offset=2)
        raw = await client.people.with_raw_response.list(limit=2)

    assert ids == [f"{n:024x}" for n in range(4)]
    assert [person.id for person in page.data] == ids[2:]
    assert raw.status_code == 200


def test_with_options_shares_the_pools_and_leaks_nothing(client: LeelooClient, fake_api: FakeAPI) -> None:
    # Before: every with_options() call built its own httpx.Client, never closed.
    pools = set()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        for attempt in range(100):
            copy = client.with_options(max_retries=attempt % 3, timeout=10, headers={"X-N": str(attempt)})
            copy.tags.list()
            pools.add(id(copy.get_httpx_client()))
            del copy
        gc.collect()

    assert pools == {id(client.get_httpx_client())}
    assert fake_api.requests[-1].headers["X-N"] == "99"
    assert client.with_options(timeout=10).timeout.read == 10
    assert client.timeout.read == 60


def test_with_options_takes_only_known_keywords(client: LeelooClient) -> None:
    with pytest.raises(TypeError):
        client.with_options(max_retrys=5)  # type: ignore[call-arg]


def test_the_package_docstring_example_runs(client: LeelooClient, fake_api: FakeAPI) -> None:
    fake_api.answer = lambda request: (
        page_answer(3)(request) if request.url.path.endswith("/people") else fake_api.forward(request)
    )
    examples: dict[str, Any] = {}
    for test in doctest.DocTestFinder().find(leeloo_client, "leeloo_client", globs={}):
        result = doctest.DocTestRunner().run(test, clear_globs=False)
        assert result.failed == 0
        examples.update(test.globs)

    tagged = examples["tag_vip_people"](client, ID)

    assert tagged == 3
    assert [request.method for request in fake_api.requests] == ["GET", "PUT", "PUT", "PUT"]
    assert fake_api.requests[0].url.params.get_list("filter[tags]") == ["vip"]
    assert json.loads(fake_api.requests[1].content) == TagForm(tag_id=ID).to_dict()


def test_a_datetime_where_a_date_is_meant_is_refused_before_sending(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    # A datetime is a date to a type checker; its isoformat() carries a time the API refuses.
    moment = datetime.datetime(2024, 1, 1, 12, 30)
    with pytest.raises(InvalidParameterError, match=r"filter_last_message_from takes a date, not a datetime"):
        client.people.list(filter_last_message_from=moment)
    assert fake_api.requests == []

    client.people.list(filter_last_message_from=moment.date())
    assert fake_api.requests[0].url.params["filter[last_message][from]"] == "2024-01-01"


def test_nested_objects_take_a_model_or_a_plain_dict(client: LeelooClient, fake_api: FakeAPI) -> None:
    client.people.update(
        ID,
        email="ann@example.com",
        custom_fields=[
            {"type": "KEYWORD", "name": "source", "value": "fair"},
            CustomField(type_="NUMBER", name="age", value="41"),
        ],
    )
    client.templates.send_message(account_id=ID, template_id=ID, variables={"first_name": "Ann"})

    update, send = (json.loads(request.content) for request in fake_api.requests)
    assert update["custom_fields"] == [
        {"type": "KEYWORD", "name": "source", "value": "fair"},
        {"type": "NUMBER", "name": "age", "value": "41"},
    ]
    assert send["variables"] == {"first_name": "Ann"}
    for request in fake_api.requests:
        validate_request(request)
