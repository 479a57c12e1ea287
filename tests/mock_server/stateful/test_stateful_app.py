"""The stateful store seen through the mock's HTTP app (``leeloo-mock --stateful``): the seam works."""

from __future__ import annotations

from tests.mock_server.conftest import TOKEN_HEADER, ClientFactory
from tests.refusals import INVALID

ALL_DATES = {"filter[last_message][from]": "2000-01-01", "filter[last_message][to]": "2999-12-31"}
SEED_TAG_ID = "595f5d522a934035decc093d"
NEW_PERSON = {
    "name": "Ann",
    "email": "ann@example.com",
    "phone": "+380000000001",
    "leadgentool_id": "609290d3e060416cdea6823e",
}


def test_a_person_created_over_http_is_read_back_tagged_and_listed(make_client: ClientFactory) -> None:
    client = make_client(stateful=True)
    created = client.post("/people", json=NEW_PERSON, headers=TOKEN_HEADER)
    assert created.status_code == 200
    person_id = created.json()["data"]["person_id"]

    tagged = client.put(f"/people/{person_id}/add-tag", data={"tag_id": SEED_TAG_ID}, headers=TOKEN_HEADER)
    assert tagged.status_code == 200

    got = client.get(f"/people/{person_id}", headers=TOKEN_HEADER)
    assert got.status_code == 200 and got.json()["data"]["tags"] == ["Tag #1"]

    listed = client.get("/people", params={**ALL_DATES, "filter[tags]": "Tag #1"}, headers=TOKEN_HEADER)
    assert [p["id"] for p in listed.json()["data"]] == [person_id]


def test_form_values_reach_the_store_coerced(make_client: ClientFactory) -> None:
    client = make_client(stateful=True)
    order_id = "5e399d72a2d0e2000dd584c1"
    updated = client.post(
        f"/orders/{order_id}", data={"price": "12.5", "status": "REJECTED"}, headers=TOKEN_HEADER
    )
    assert updated.status_code == 200
    order = client.get(f"/orders/{order_id}", headers=TOKEN_HEADER).json()["data"]
    assert (order["price"], order["status"]) == (12.5, "REJECTED")


def test_store_refusals_take_the_shape_the_spec_declares(make_client: ClientFactory) -> None:
    """An unknown id is the declared 404 (Leeloo's envelope naming the path parameter); a full
    store is a 507 in the shape of the declared 5XX (the envelope too), its message saying why."""
    client = make_client(stateful=True, max_records=3)  # the 3 seeded people fill it
    missing = client.get("/people/0123456789abcdef01234567", headers=TOKEN_HEADER)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/json"
    assert missing.json()["status"] == 0
    assert missing.json()["error"]["code"] == "NOT_FOUND"
    assert missing.json()["error"]["fields"] == {"person_id": "NOT_FOUND"}
    full = client.post("/people", json=NEW_PERSON, headers=TOKEN_HEADER)
    assert full.status_code == 507 and full.json()["status"] == 0
    assert "at most 3 records" in full.json()["error"]["message"]


def test_an_unknown_id_in_the_body_is_a_format_error_naming_the_field(make_client: ClientFactory) -> None:
    client = make_client(stateful=True)
    answer = client.post(
        "/messages/send-message",
        json={"account_id": "0123456789abcdef01234567", "text": "hi"},
        headers=TOKEN_HEADER,
    )
    assert answer.status_code == INVALID
    assert answer.json()["error"] == {
        "code": "FORMAT_ERROR",
        "fields": {"account_id": "NOT_FOUND"},
        "message": answer.json()["error"]["message"],
    }


def test_error_status_200_sends_the_store_refusal_with_200(make_client: ClientFactory) -> None:
    client = make_client(stateful=True, error_status=200)
    missing = client.get("/people/0123456789abcdef01234567", headers=TOKEN_HEADER)
    assert missing.status_code == 200 and missing.json()["status"] == 0


def test_without_stateful_the_mock_forgets(make_client: ClientFactory) -> None:
    client = make_client()
    created = client.post("/people", json=NEW_PERSON, headers=TOKEN_HEADER).json()["data"]
    got = client.get(f"/people/{created['person_id']}", headers=TOKEN_HEADER)
    assert got.status_code == 200 and got.json()["data"]["name"] != "Ann"  # the spec's example person
