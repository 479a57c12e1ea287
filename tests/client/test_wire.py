"""On the wire: every operation of the spec sends a request the spec accepts.

Each call goes through the fake API (`httpx.MockTransport`) on to leeloo-mock in process; the
captured request is validated against the spec with openapi-core, and the mock's answer (the docs
example) parses into the operation's model.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from leeloo_client import LeelooClient
from leeloo_client.api.calls import create_call
from leeloo_client.api.communication_channels import (
    create_email_accounts,
    get_person_by_account,
    list_communication_channels,
    manual_subscribe,
)
from leeloo_client.api.connections import list_connections
from leeloo_client.api.leadgentools import create_traffic_source
from leeloo_client.api.messages import list_chat_messages, send_message
from leeloo_client.api.orders import create_order, get_order, list_orders, update_order
from leeloo_client.api.people import (
    add_comment_to_person,
    add_sms_connection,
    add_tag_to_person,
    create_person,
    get_person,
    list_people,
    remove_tag_from_person,
    update_person,
)
from leeloo_client.api.tags import list_tags
from leeloo_client.api.templates import (
    list_template_categories,
    list_templates_in_category,
    send_template_message,
)
from leeloo_client.api.tunnels import get_tunnel, get_tunnel_stats, list_tunnel_stats, list_tunnels
from leeloo_client.api.users import get_user, list_users
from leeloo_client.models import (
    AddCommentRequest,
    AddSmsConnectionRequest,
    CreateCallRequest,
    CreateEmailAccountsRequest,
    CreateOrderRequest,
    CreatePersonRequest,
    CreateTrafficSourceRequest,
    CustomField,
    EmailContact,
    ManualSubscribeForm,
    SendMessageRequest,
    SendTemplateRequest,
    SmsContact,
    TagForm,
    TemplateVariables,
    UpdateOrderForm,
    UpdatePersonRequest,
)

from contract_tests._spec import (
    body_media_type,
    client_module,
    spec_operation,
    spec_operations,
    success_example,
    validate_request,
)

from ._fake_api import TOKEN, FakeAPI, operation_id_of

ID = "5b3f543bb2737000133d25b0"
OTHER_ID = "5e42be758d4fff000cafe6ef"
DAY = datetime.date(2015, 4, 2)

# One representative call per operation, keyed by operationId; `fn` names the function to call
# (sync, sync_detailed, asyncio, asyncio_detailed).
CALLS: dict[str, Callable[[LeelooClient, str], Any]] = {
    "list_template_categories": lambda c, fn: getattr(list_template_categories, fn)(client=c),
    "list_templates_in_category": lambda c, fn: getattr(list_templates_in_category, fn)(ID, client=c),
    "send_template_message": lambda c, fn: getattr(send_template_message, fn)(
        client=c,
        body=SendTemplateRequest(
            account_id=ID, template_id=OTHER_ID, variables=TemplateVariables.from_dict({"key1": "value1"})
        ),
    ),
    "list_chat_messages": lambda c, fn: getattr(list_chat_messages, fn)(ID, client=c, limit=3, offset=0),
    "send_message": lambda c, fn: getattr(send_message, fn)(
        client=c, body=SendMessageRequest(account_id=ID, text="Hi")
    ),
    "list_communication_channels": lambda c, fn: getattr(list_communication_channels, fn)(
        client=c, filter_last_message_from=datetime.date(2020, 2, 10), filter_last_message_to=DAY
    ),
    "get_person_by_account": lambda c, fn: getattr(get_person_by_account, fn)(ID, client=c),
    "manual_subscribe": lambda c, fn: getattr(manual_subscribe, fn)(
        ID, client=c, body=ManualSubscribeForm(tunnel_id=ID, tunnel_block_id=OTHER_ID)
    ),
    "create_traffic_source": lambda c, fn: getattr(create_traffic_source, fn)(
        ID, client=c, body=CreateTrafficSourceRequest(name="some ts", description="from the tests")
    ),
    "create_order": lambda c, fn: getattr(create_order, fn)(
        client=c,
        body=CreateOrderRequest(
            payment_credits_id=ID,
            email="email123@gmail.com",
            phone="+380669999777",
            transaction_date="2020-02-04T11:46:48.803Z",
            offer_id=OTHER_ID,
            is_notify_account=False,
            person_id=ID,
        ),
    ),
    "list_orders": lambda c, fn: getattr(list_orders, fn)(client=c, limit=1),
    "get_order": lambda c, fn: getattr(get_order, fn)(ID, client=c),
    "update_order": lambda c, fn: getattr(update_order, fn)(
        ID,
        client=c,
        body=UpdateOrderForm(status="RESOLVED", payment_date="2018-06-27 07:32", currency="RUB", price=100),
    ),
    "list_people": lambda c, fn: getattr(list_people, fn)(
        client=c,
        filter_tags=["vip", "tag2"],
        filter_last_message_from=DAY,
        filter_last_message_to=datetime.date(2015, 4, 3),
        filter_email="feliks@gmail.com",
        filter_phone="+380966565556",
    ),
    "create_person": lambda c, fn: getattr(create_person, fn)(
        client=c,
        body=CreatePersonRequest(
            name="Feliks", email="feliks@gmail.com", phone="+380953066789", leadgentool_id=ID
        ),
    ),
    "get_person": lambda c, fn: getattr(get_person, fn)(ID, client=c, include="contactedUsers,orders"),
    "update_person": lambda c, fn: getattr(update_person, fn)(
        ID,
        client=c,
        body=UpdatePersonRequest(
            phone="+380669991876",
            custom_fields=[CustomField(type_="EMAIL", name="emailcust", value="customemail@gmail.com")],
        ),
    ),
    "add_sms_connection": lambda c, fn: getattr(add_sms_connection, fn)(
        client=c,
        body=AddSmsConnectionRequest(
            data=[SmsContact(phone="+380667772233", name="test123")],
            connection_id=ID,
            leadgentool_id=OTHER_ID,
        ),
    ),
    "add_comment_to_person": lambda c, fn: getattr(add_comment_to_person, fn)(
        ID, client=c, body=AddCommentRequest(comment="some text")
    ),
    "list_tags": lambda c, fn: getattr(list_tags, fn)(client=c),
    "remove_tag_from_person": lambda c, fn: getattr(remove_tag_from_person, fn)(
        ID, client=c, body=TagForm(tag_id=OTHER_ID)
    ),
    "add_tag_to_person": lambda c, fn: getattr(add_tag_to_person, fn)(
        ID, client=c, body=TagForm(tag_id=OTHER_ID)
    ),
    "list_tunnels": lambda c, fn: getattr(list_tunnels, fn)(client=c, offset=20),
    "get_tunnel": lambda c, fn: getattr(get_tunnel, fn)(ID, client=c, include="leadgentools"),
    "list_tunnel_stats": lambda c, fn: getattr(list_tunnel_stats, fn)(client=c),
    "get_tunnel_stats": lambda c, fn: getattr(get_tunnel_stats, fn)(ID, client=c),
    "list_users": lambda c, fn: getattr(list_users, fn)(client=c),
    "get_user": lambda c, fn: getattr(get_user, fn)(ID, client=c),
    "list_connections": lambda c, fn: getattr(list_connections, fn)(client=c),
    "create_call": lambda c, fn: getattr(create_call, fn)(
        client=c,
        body=CreateCallRequest(
            user_id=ID,
            from_="606",
            to="607",
            date=datetime.datetime(2024, 3, 22, 15, 30, 17, tzinfo=datetime.UTC),
            account_id=OTHER_ID,
            record_link="NOT_DEFINED",
            status="SUCCESS",
            duration=100,
            type_="INBOUND",
        ),
    ),
    "create_email_accounts": lambda c, fn: getattr(create_email_accounts, fn)(
        client=c,
        body=CreateEmailAccountsRequest(
            data=[EmailContact(email="revolt@xmpl.net", name="Robin Hood")], connection_id=ID, tags=OTHER_ID
        ),
    ),
}


def _example_call(operation_id: str) -> Callable[[LeelooClient, str], Any]:
    """A call built from the spec's examples (each parameter's ``example``, the body's docs example),
    for an operation the table above does not know yet: a new endpoint is covered without a test edit."""
    from contract_tests._calls import example_kwargs

    operation = spec_operation(operation_id)
    return lambda c, fn: getattr(client_module(operation), fn)(client=c, **example_kwargs(operation))


CURATED = frozenset(CALLS)
CALLS.update(
    {
        op.operation_id: _example_call(op.operation_id)
        for op in spec_operations()
        if op.operation_id not in CALLS
    }
)


def test_every_curated_call_is_an_operation_of_the_spec() -> None:
    """Every operation gets a call (curated above, or built from its examples); a curated one whose
    operation the spec removed or renamed is named here, to be removed or renamed with it."""
    gone = CURATED - {op.operation_id for op in spec_operations()}
    assert not gone, f"CALLS has calls for operations the spec no longer has: {sorted(gone)}"
    assert sorted(CALLS) == sorted(op.operation_id for op in spec_operations())


def shape(document: Any) -> Any:
    """The structure of a JSON document: its keys at every level, with scalars left out."""
    if isinstance(document, dict):
        return {key: shape(value) for key, value in document.items()}
    if isinstance(document, list):
        return [shape(item) for item in document]
    return None


def check_request(operation_id: str, request: httpx.Request) -> None:
    """The request is the operation's and the spec accepts it (openapi-core), with the right encoding."""
    assert operation_id_of(request) == operation_id
    validate_request(request)
    assert request.headers["X-Leeloo-AuthToken"] == TOKEN
    content_type = request.headers.get("content-type", "")
    if request.content:
        assert content_type == body_media_type(spec_operation(operation_id))  # the first one listed
        if content_type == "application/json":
            json.loads(request.content)


@pytest.mark.parametrize("operation_id", sorted(CALLS))
def test_operation_sends_a_request_the_spec_accepts(
    operation_id: str, client: LeelooClient, fake_api: FakeAPI
) -> None:
    result = CALLS[operation_id](client, "sync")

    assert len(fake_api.requests) == 1
    check_request(operation_id, fake_api.requests[0])
    # The docs example came back as the operation's model: every field of it, at every level, was
    # parsed (dates are re-serialised in Python's ISO format, so values are compared by shape).
    assert shape(result.to_dict()) == shape(success_example(spec_operation(operation_id)))
    assert type(result).from_dict(result.to_dict()) == result


@pytest.mark.parametrize("operation_id", sorted(CALLS))
def test_detailed_and_async_variants_send_the_same_request(
    operation_id: str, client: LeelooClient, fake_api: FakeAPI
) -> None:
    import asyncio

    async def call_async() -> tuple[Any, Any]:
        try:
            return await CALLS[operation_id](client, "asyncio"), await CALLS[operation_id](
                client, "asyncio_detailed"
            )
        finally:
            await client.aclose()

    detailed = CALLS[operation_id](client, "sync_detailed")
    parsed, async_detailed = asyncio.run(call_async())

    assert len(fake_api.requests) == 3
    for request in fake_api.requests:
        check_request(operation_id, request)
    assert [r.url for r in fake_api.requests] == [fake_api.requests[0].url] * 3
    assert [r.content for r in fake_api.requests] == [fake_api.requests[0].content] * 3
    assert detailed.status_code == async_detailed.status_code == 200
    assert detailed.parsed == parsed == async_detailed.parsed
    # The mock's default answer is the docs example, as the page shows it, to the letter.
    assert json.loads(detailed.content) == success_example(spec_operation(operation_id))


def test_list_people_filters_use_bracketed_names_and_repeat_tags(
    client: LeelooClient, fake_api: FakeAPI
) -> None:
    CALLS["list_people"](client, "sync")

    query = parse_qsl(fake_api.requests[0].url.query.decode(), keep_blank_values=True)
    assert ("filter[last_message][from]", "2015-04-02") in query
    assert ("filter[last_message][to]", "2015-04-03") in query
    assert [value for name, value in query if name == "filter[tags]"] == ["vip", "tag2"]
    assert ("filter[email]", "feliks@gmail.com") in query
    raw = fake_api.requests[0].url.query.decode()
    assert "filter%5Btags%5D=vip&filter%5Btags%5D=tag2" in raw


def test_channel_filters_use_bracketed_names(client: LeelooClient, fake_api: FakeAPI) -> None:
    CALLS["list_communication_channels"](client, "sync")

    query = dict(parse_qsl(fake_api.requests[0].url.query.decode()))
    assert query["filter[last_message][from]"] == "2020-02-10"
    assert query["filter[last_message][to]"] == "2015-04-02"


@pytest.mark.parametrize(
    ("operation_id", "fields"),
    [
        ("add_tag_to_person", {"tag_id": OTHER_ID}),
        ("remove_tag_from_person", {"tag_id": OTHER_ID}),
        ("manual_subscribe", {"tunnel_id": ID, "tunnel_block_id": OTHER_ID}),
        (
            "update_order",
            {
                "status": "RESOLVED",
                "paymentDate": "2018-06-27 07:32",
                "currency": "RUB",
                "userComments": None,
            },
        ),
    ],
)
def test_endpoints_whose_heading_says_form_data_send_json(
    operation_id: str, fields: dict[str, str | None], client: LeelooClient, fake_api: FakeAPI
) -> None:
    """The page's rule (all requests are JSON) and public clients win over a stray heading."""
    CALLS[operation_id](client, "sync")

    assert fake_api.requests[0].headers["content-type"] == "application/json"
    sent = json.loads(fake_api.requests[0].content)
    for name, value in fields.items():
        if value is None:
            assert name not in sent
        else:
            assert sent[name] == value


def test_json_body_uses_the_specs_field_names(client: LeelooClient, fake_api: FakeAPI) -> None:
    CALLS["create_order"](client, "sync")

    body: dict[str, Any] = json.loads(fake_api.requests[0].content)
    assert body == {
        "paymentCreditsId": ID,
        "email": "email123@gmail.com",
        "phone": "+380669999777",
        "transactionDate": "2020-02-04T11:46:48.803Z",
        "offerId": OTHER_ID,
        "isNotifyAccount": False,
        "personId": ID,
    }


def test_a_request_that_breaks_the_spec_is_caught_by_the_validator() -> None:
    # The validator is the test's referee: it must reject what the spec forbids.
    bad = httpx.Request(
        "GET",
        "https://api.leeloo.ai/api/v2/people?filter%5Blast_message%5D%5Bfrom%5D=not-a-date",
        headers={"X-Leeloo-AuthToken": TOKEN},
    )
    with pytest.raises(Exception, match=r"(?i)param|validat|format|missing"):
        validate_request(bad)


async def test_async_calls_send_the_same_requests(client: LeelooClient, fake_api: FakeAPI) -> None:
    people = await list_people.asyncio(
        client=client, filter_tags=["vip"], filter_last_message_from=DAY, filter_last_message_to=DAY
    )
    await add_tag_to_person.asyncio(ID, client=client, body=TagForm(tag_id=OTHER_ID))

    assert people.data[0].name == success_example(spec_operation("list_people"))["data"][0]["name"]
    assert [operation_id_of(r) for r in fake_api.requests] == ["list_people", "add_tag_to_person"]
    for request in fake_api.requests:
        validate_request(request)
    await client.aclose()
