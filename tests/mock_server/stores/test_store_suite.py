"""One suite, three stores: memory, SQLite and Redis must answer alike.

Every test runs on each store (``kind``). ``engines(n)`` are n engines on one store, as n
workers have (memory: one engine, as there is one process); what one engine writes, every other
reads. Where the stores differ on purpose (memory is gone after a restart), the test says so.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from referencing import Registry, Resource

from mock_server import MockConfig, MockRequest, create_app
from mock_server.server.reload import reload_app
from mock_server.stateful.seam import StatefulRequest
from mock_server.stateful.store import MAX_ATTEMPTS, StatefulResult, StatefulStore
from mock_server.stores.config import StoreConfig
from mock_server.stores.redis import RedisBackend, connect
from mock_server.stores.seam import StoreBackend, StoreError
from mock_server.stores.sqlite import SqliteBackend
from tests.mock_server.conftest import SPEC_PATH
from tests.mock_server.stateful.test_stateful import (
    SEED_PERSON_ID,
    SEED_TAG_ID,
    SPEC_URI,
    assert_valid,
    order_body,
    person_body,
)
from tests.mock_server.stores.conftest import MAPPING, SPEC, Engines, OpenBackend, engines_on
from tests.mock_server.stores.redis_server import refusing_port

REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.opaque(SPEC))
SEED_PEOPLE = 3


def call(
    engine: StatefulStore, operation_id: str, path: dict[str, str] | None = None, **extra: Any
) -> StatefulResult:
    result = engine.handle(
        StatefulRequest(operation_id, path or {}, extra.get("query", {}), extra.get("body"))
    )
    assert result is not None
    assert_valid(SPEC, REGISTRY, operation_id, result)
    return result


def create(engine: StatefulStore, name: str) -> StatefulResult:
    return call(engine, "create_person", body=person_body(name))


def people(engine: StatefulStore) -> list[str]:
    """The ids of every person, in the order the store lists them."""
    found: list[str] = []
    while True:
        query = {"limit": ["100"], "offset": [str(len(found))]}
        page = [person["id"] for person in call(engine, "list_people", query=query).body["data"]]
        found += page
        if len(page) < 100:
            return found


def test_a_new_store_holds_the_seed_of_the_docs_examples(engines: Engines) -> None:
    (engine,) = engines(1)
    assert len(people(engine)) == SEED_PEOPLE
    assert call(engine, "get_person", {"person_id": SEED_PERSON_ID}).body["data"]["name"] == "Feliks"


def test_what_one_engine_writes_every_engine_reads_in_the_same_order(engines: Engines) -> None:
    first, second = engines(2)
    person = create(first, "Ann").body["data"]
    assert (
        call(
            second, "add_tag_to_person", {"person_id": person["person_id"]}, body={"tag_id": SEED_TAG_ID}
        ).status
        == 200
    )
    assert (
        call(first, "update_person", {"person_id": person["person_id"]}, body={"phone": "+2"}).status == 200
    )
    read = call(second, "get_person", {"person_id": person["person_id"]}).body["data"]
    assert read["tags"] == ["Tag #1"] and read["phone"] == "+2"
    create(second, "Bob")
    assert people(first) == people(second)
    assert len(people(first)) == SEED_PEOPLE + 2


def test_concurrent_creates_on_two_engines_lose_nothing_and_double_nothing(
    engines: Engines, kind: str
) -> None:
    pair = engines(2)
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda i: create(pair[i % 2], f"P{i}"), range(40)))
        orders = list(
            pool.map(
                lambda r: call(pair[0], "create_order", body=order_body(r.body["data"]["person_id"])),
                results[:10],
            )
        )
    assert {result.status for result in results + orders} == {200}
    created = [result.body["data"]["person_id"] for result in results]
    assert len(set(created)) == 40
    for engine in pair:
        listed = people(engine)
        assert len(listed) == SEED_PEOPLE + 40 and set(created) <= set(listed)
        assert engine.count("channels") == 2 + 40
    (late,) = engines(1)  # a worker started afterwards reads the same (memory: a process of its own)
    assert people(late) == (people(pair[0]) if kind != "memory" else people(pair[0])[:SEED_PEOPLE])


def test_records_survive_a_restart_on_sqlite_and_redis_not_in_memory(engines: Engines, kind: str) -> None:
    (engine,) = engines(1)
    person_id = create(engine, "Ann").body["data"]["person_id"]
    engine.close()
    (restarted,) = engines(1)
    status = call(restarted, "get_person", {"person_id": person_id}).status
    assert status == (404 if kind == "memory" else 200)
    assert len(people(restarted)) == SEED_PEOPLE + (0 if kind == "memory" else 1)
    bob = create(restarted, "Bob").body["data"]["person_id"]
    assert (bob == person_id) is (kind == "memory")  # a kept store never hands out an id twice


def test_reset_puts_every_engine_back_to_the_seed(engines: Engines) -> None:
    first, second = engines(2)
    person_id = create(first, "Ann").body["data"]["person_id"]
    call(second, "update_person", {"person_id": SEED_PERSON_ID}, body={"phone": "+9"})
    seeded = first.reset()
    assert seeded == sum(second.count(name) for name in MAPPING.collections)
    for engine in (first, second):
        assert call(engine, "get_person", {"person_id": person_id}).status == 404
        assert call(engine, "get_person", {"person_id": SEED_PERSON_ID}).body["data"]["phone"] != "+9"
        assert len(people(engine)) == SEED_PEOPLE


def test_max_records_holds_across_engines(engines: Engines) -> None:
    first, second = engines(2, max_records=SEED_PEOPLE + 3)
    statuses = [create((first, second)[i % 2], f"C{i}").status for i in range(8)]
    assert statuses == [200, 200, 200, 507, 507, 507, 507, 507]
    assert first.count("people") == second.count("people") == SEED_PEOPLE + 3


def test_max_store_bytes_holds_across_engines(engines: Engines) -> None:
    (probe,) = engines(1)
    seeded = probe.store_bytes
    probe.close()
    first, second = engines(2, max_store_bytes=seeded + 2_000)
    statuses = [create((first, second)[i % 2], f"B{i}").status for i in range(12)]
    assert 200 in statuses and statuses[-1] == 507
    assert statuses == sorted(statuses)  # once full, every create is refused
    assert first.store_bytes == second.store_bytes <= seeded + 2_000


def test_two_namespaces_on_one_store_do_not_mix(open_backend: OpenBackend, kind: str) -> None:
    (one,) = engines_on(open_backend, kind, "spec-one")(1)
    (other,) = engines_on(open_backend, kind, "spec-two")(1)
    create(one, "Ann")
    assert len(people(one)) == SEED_PEOPLE + 1
    assert len(people(other)) == SEED_PEOPLE


def test_a_commit_beaten_by_another_engine_is_run_again_on_its_records(
    engines: Engines, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = engines(2)
    if kind == "memory":  # one engine, one process: a commit is never beaten
        assert first is second
        return
    backend: StoreBackend = first.backend
    real_commit = backend.commit
    beaten: list[str] = []

    def commit_after_the_other(version: int, counter: int, records: Sequence[Any]) -> int | None:
        if not beaten:
            beaten.append(create(second, "Bob").body["data"]["person_id"])  # commits first
        return real_commit(version, counter, records)

    monkeypatch.setattr(backend, "commit", commit_after_the_other)
    ann = create(first, "Ann").body["data"]["person_id"]
    assert ann != beaten[0]
    listed = people(second)
    assert listed.count(ann) == 1 and listed.count(beaten[0]) == 1 and len(listed) == SEED_PEOPLE + 2


SHARED_KINDS = ("sqlite", "redis")  # the stores other processes share: a commit of theirs can fail


@pytest.mark.parametrize("kind", ["memory"])
def test_memory_commits_nowhere_so_no_commit_of_it_can_fail(engines: Engines) -> None:
    (engine,) = engines(1)
    assert not engine.backend.shared
    assert engine.backend.commit(-1, 0, []) is not None  # whatever version it is told


@pytest.mark.parametrize("kind", SHARED_KINDS)
def test_a_store_beaten_every_time_answers_503_and_keeps_nothing(
    engines: Engines, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (engine,) = engines(1)
    monkeypatch.setattr(engine.backend, "commit", lambda version, counter, records: None)
    result = create(engine, "Ann")
    assert result.status == 503 and str(MAX_ATTEMPTS) in result.detail
    assert len(people(engine)) == SEED_PEOPLE


@pytest.mark.parametrize("kind", SHARED_KINDS)
def test_a_store_lost_while_serving_answers_503_then_serves_again(
    engines: Engines, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (engine,) = engines(1)
    with monkeypatch.context() as lost, contextlib.ExitStack() as lost_port:
        if kind == "sqlite":  # no tables there: every statement fails
            lost.setattr(engine.backend, "_db", sqlite3.connect(":memory:"))
        else:  # nobody listens there
            port = lost_port.enter_context(refusing_port())
            lost.setattr(engine.backend, "_client", connect(f"redis://127.0.0.1:{port}/0"))
        result = create(engine, "Ann")
        assert result.status == 503 and "store cannot be used" in result.detail
        assert "Traceback" not in result.detail
    assert create(engine, "Ann").status == 200  # read again whole, then served
    assert len(people(engine)) == SEED_PEOPLE + 1


def test_a_store_that_cannot_be_reached_at_start_names_it(tmp_path: Path) -> None:
    with (
        refusing_port() as port,
        pytest.raises(StoreError, match=rf"redis://127.0.0.1:{port}/0: ConnectionError"),
    ):
        StatefulStore(
            SPEC, MAPPING, max_records=10, backend=RedisBackend(f"redis://127.0.0.1:{port}/0", "ns")
        )
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.txt: not a store the mock can use"):
        SqliteBackend(not_a_database, "ns")


def test_a_reset_the_store_refuses_is_a_503_problem_not_a_500(tmp_path: Path) -> None:
    app = create_app(
        MockConfig(SPEC_PATH, stateful=True, store=StoreConfig(f"sqlite:///{tmp_path / 'a.db'}"))
    )
    store: Any = app.pipeline.store
    store.backend._db.close()  # the file is still there; the connection is gone
    answer = app.admin.handle(MockRequest("POST", "/__admin/reset", "", {}))
    assert answer.status == 503 and b"The store was not reset" in answer.body


def test_a_reloaded_spec_keeps_the_records_on_every_store(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    urls = {"memory": "memory", "sqlite": f"sqlite:///{tmp_path / 'reload.db'}"}
    url = urls.get(kind) or str(request.getfixturevalue("redis_url"))
    config = MockConfig(SPEC_PATH, stateful=True, store=StoreConfig(url))
    app = create_app(config)
    headers = {"x-leeloo-authtoken": "t", "content-type": "application/json"}
    created = app.pipeline.handle(
        MockRequest("POST", "/api/v2/people", "", headers, json.dumps(person_body("Ann")).encode())
    )
    assert created.status == 200
    person_id = json.loads(created.body)["data"]["person_id"]
    before = app.pipeline.store
    said = io.StringIO()
    assert reload_app(app, config, out=said)
    assert (
        app.pipeline.store is not before
        and "records kept in" in said.getvalue()
        and "people" in said.getvalue()
    )
    found = app.pipeline.handle(MockRequest("GET", f"/api/v2/people/{person_id}", "", headers))
    assert found.status == 200
    store = app.pipeline.store
    assert isinstance(store, StatefulStore)
    assert app.reset() == sum(store.count(name) for name in MAPPING.collections)
    assert app.pipeline.handle(MockRequest("GET", f"/api/v2/people/{person_id}", "", headers)).status == 404
