"""``--workers N`` end to end: real processes on one port, with each shared store.

The issue's "done when": 40 concurrent creates through ``--workers 2`` on SQLite and on Redis
give 40 people that every worker reads back; a second mock on the same Redis reads them; they
survive a restart; ``POST /__admin/reset`` puts the store back to its seed for all. And what
behaves the same whatever N is: the journal, its reset, hot reload, a clean stop.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from mock_server._serving import accepts_connections
from mock_server.har import Body, Entry, Request, Response, har_document
from mock_server.testing import LeelooMock, in_child_process
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER
from tests.mock_server.stores.test_options import run_mock

SEED_PEOPLE = 3
CREATES = 40
READ_ROUNDS = 10  # rounds of concurrent reads on new connections until both workers answered
WAIT_S = 20.0
# the supervisor checks the changed spec, then each worker loads it (in a child) and compiles it:
# on a loaded 2-core machine that may take many seconds; the wait ends when both have
RELOAD_WAIT_S = 60.0


def person(index: int) -> dict[str, str]:
    return {
        "name": f"Worker {index}",
        "email": f"worker{index}@example.com",
        "phone": f"+3809500{index:05d}",
        "leadgentool_id": "609290d3e060416cdea6823e",
    }


@contextlib.contextmanager
def mock(*options: str, spec: Path = SPEC_PATH) -> Iterator[LeelooMock]:
    with in_child_process(*options, "--log-level", "warning", spec=spec) as running:
        yield running


def create_concurrently(running: LeelooMock, count: int) -> list[str]:
    def create(index: int) -> str:
        with httpx.Client(base_url=running.api_url, headers=TOKEN_HEADER, timeout=WAIT_S) as client:
            response = client.post("/people", json=person(index))
        assert response.status_code == 200, response.text
        return str(response.json()["data"]["person_id"])

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(create, range(count)))


def listed(running: LeelooMock) -> tuple[int, set[str]]:
    """The people's total count and the ids on the first two pages, on a connection of its own."""
    ids: set[str] = set()
    with httpx.Client(base_url=running.api_url, headers=TOKEN_HEADER, timeout=WAIT_S) as client:
        for offset in (0, 100):
            answer = client.get("/people", params={"limit": 100, "offset": offset}).json()
            ids |= {item["id"] for item in answer["data"]}
    return int(answer["meta"]["totalCount"]), ids


def every_worker_reads(running: LeelooMock, workers: int, people: int, created: set[str]) -> None:
    """Reads on many new connections all see ``people`` (and ``created``), until the journal shows
    that each of the ``workers`` answered some of them."""
    running.clear_journal()
    for _ in range(READ_ROUNDS):
        with ThreadPoolExecutor(max_workers=16) as pool:
            for total, ids in pool.map(lambda _: listed(running), range(16)):
                assert total == people and created <= ids
        answered = {entry["worker"] for entry in running.requests("GET", "/people")}
        if answered == set(range(workers)):
            return
    pytest.fail(f"only workers {sorted(answered)} of {workers} answered {READ_ROUNDS * 16} reads")


def run_scenario(store: str, second_mock: bool) -> None:
    options = ("--stateful", "--store", store)
    with mock(*options, "--workers", "2") as running:
        created = set(create_concurrently(running, CREATES))
        assert len(created) == CREATES
        every_worker_reads(running, 2, SEED_PEOPLE + CREATES, created)
        if second_mock:  # another host's mock on the same Redis
            with mock(*options) as another:
                total, ids = listed(another)
                assert total == SEED_PEOPLE + CREATES and created <= ids
    with mock(*options, "--workers", "2") as restarted:
        every_worker_reads(restarted, 2, SEED_PEOPLE + CREATES, created)
        with contextlib.ExitStack() as stack:
            other: LeelooMock | None = stack.enter_context(mock(*options)) if second_mock else None
            restarted.reset()
            every_worker_reads(restarted, 2, SEED_PEOPLE, set())
            if other is not None:
                assert listed(other)[0] == SEED_PEOPLE


def test_sqlite_workers_share_creates_keep_them_across_a_restart_and_reset_them(tmp_path: Path) -> None:
    run_scenario(f"sqlite:///{tmp_path / 'team.db'}", second_mock=False)


def test_redis_workers_and_a_second_mock_share_creates_keep_them_and_reset_them(redis_url: str) -> None:
    run_scenario(redis_url, second_mock=True)


def test_stateless_workers_share_one_journal(tmp_path: Path) -> None:
    with mock("--workers", "2", "--journal-size", "50") as running:
        running.clear_journal()
        sent = 0
        with ThreadPoolExecutor(max_workers=16) as pool:
            while sent < READ_ROUNDS * 16:
                statuses = list(pool.map(lambda _: _get_tags(running), range(16)))
                assert statuses == [200] * 16
                sent += 16
                journal = running.journal()
                if {entry["worker"] for entry in journal["requests"]} == {0, 1}:
                    break
        assert journal["meta"]["total"] == sent and journal["meta"]["workersAnswered"] == 2
        assert journal["meta"]["kept"] == min(50, sent)  # one journal's capacity, as with one worker
        numbers = [entry["number"] for entry in journal["requests"]]
        assert numbers == list(range(sent - len(numbers) + 1, sent + 1))
        times = [entry["loggedAt"] for entry in journal["requests"]]
        assert times == sorted(times)
        running.clear_journal()
        assert running.journal()["meta"]["total"] == 0  # cleared on every worker


def _get_tags(running: LeelooMock) -> int:
    with httpx.Client(base_url=running.api_url, headers=TOKEN_HEADER, timeout=WAIT_S) as client:
        return client.get("/tags").status_code


def _edit_and_wait_until_every_worker_reloaded(running: LeelooMock, spec: Path) -> None:
    """Rename ``/tags`` to ``/labels`` in ``spec``; return once both workers answer from the new spec."""
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("\n  /tags:\n", "\n  /labels:\n"), encoding="utf-8"
    )
    deadline = time.monotonic() + RELOAD_WAIT_S
    while time.monotonic() < deadline:
        running.clear_journal()
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(lambda _: _get_tags(running), range(16)))
        answered = {entry["worker"] for entry in running.requests("GET", "/tags")}
        if set(statuses) == {404} and answered == {0, 1}:
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"the workers still answer GET /tags: {statuses} from workers {answered}")
    with httpx.Client(base_url=running.api_url, headers=TOKEN_HEADER) as client:
        assert client.get("/labels").status_code == 200


def test_every_worker_reloads_the_changed_spec(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    shutil.copy(SPEC_PATH, spec)
    with mock("--workers", "2", "--watch-interval", "0.1", spec=spec) as running:
        assert _get_tags(running) == 200
        _edit_and_wait_until_every_worker_reloaded(running, spec)
        deadline = time.monotonic() + WAIT_S  # each says so right after it swapped
        while running.log().count(": reloaded ") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert {f"worker {index}: reloaded {spec}" in running.log() for index in (0, 1)} == {True}


def test_a_worker_that_starts_after_the_edit_reloads_too(tmp_path: Path) -> None:
    """Issue 25's cause. Each worker used to watch the file itself, taking what the file looked like
    when its watcher started as the version it served; on a loaded machine a worker could start
    after the edit, serve the spec the supervisor had read before it, and never reload. Here worker
    1 starts 4 s late and the spec is edited while only worker 0 serves: before the fix worker 1
    answered from the old spec for as long as one waited."""
    spec = tmp_path / "openapi.yaml"
    shutil.copy(SPEC_PATH, spec)
    late = (sys.executable, str(Path(__file__).with_name("late_worker.py")))
    with in_child_process(
        "--workers", "2", "--watch-interval", "0.1", "--log-level", "warning", spec=spec, command=late
    ) as running:
        assert _get_tags(running) == 200  # worker 0 answers; worker 1 is still asleep
        _edit_and_wait_until_every_worker_reloaded(running, spec)


def test_a_broken_edit_is_reported_once_and_every_worker_keeps_serving(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    shutil.copy(SPEC_PATH, spec)
    with mock("--workers", "2", "--watch-interval", "0.1", spec=spec) as running:
        assert _get_tags(running) == 200
        spec.write_text(spec.read_text(encoding="utf-8") + "\n  broken: [\n", encoding="utf-8")
        deadline = time.monotonic() + RELOAD_WAIT_S
        while "cannot be mocked" not in running.log() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # time enough for a worker that reloaded anyway to say so
        log = running.log()
        assert log.count("changed but cannot be mocked; still serving the previous version") == 1, log
        assert f"{spec}:" in log and "reloaded" not in log  # file:line: reason, from the one check
        running.clear_journal()
        with ThreadPoolExecutor(max_workers=16) as pool:
            assert set(pool.map(lambda _: _get_tags(running), range(32))) == {200}


def test_sigterm_to_the_supervisor_stops_every_worker() -> None:
    with mock("--workers", "2") as running:
        assert running.process is not None
        assert running.journal()["meta"]["workers"] == 2  # the workers serve: the supervisor is set up
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(timeout=WAIT_S) == 0
        assert not accepts_connections(running.url)


def test_workers_stop_when_their_supervisor_is_killed() -> None:
    with mock("--workers", "2") as running:
        assert running.process is not None
        assert running.journal()["meta"]["workers"] == 2
        running.process.kill()  # SIGKILL: no chance to stop the workers itself
        deadline = time.monotonic() + WAIT_S
        while accepts_connections(running.url) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not accepts_connections(running.url)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--stateful", "--workers", "2"), "needs a store the workers share"),
        (("--stateful", "--store", "memory", "--workers", "2"), "needs a store the workers share"),
        (("--workers", "0"), "must be from 1 to 64"),
        (("--workers", "two"), "is not a number of workers"),
    ],
)
def test_workers_that_cannot_work_are_a_usage_error(arguments: tuple[str, ...], message: str) -> None:
    done = run_mock(*arguments)
    assert done.returncode == 2
    assert "usage: leeloo-mock" in done.stderr and message in done.stderr


def _statuses_by_worker(running: LeelooMock) -> dict[int, set[int]]:
    """GET /tags on new connections until both workers answered: the statuses each one gave."""
    for _ in range(READ_ROUNDS):
        running.clear_journal()
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(lambda _: _get_tags(running), range(16)))
        by_worker: dict[int, set[int]] = {}
        for entry in running.requests("GET", "/tags"):
            by_worker.setdefault(entry["worker"], set()).add(entry["status"])
        if set(by_worker) == {0, 1}:
            return by_worker
    pytest.fail(f"one worker answered every GET /tags: {by_worker}")


def test_faults_posted_to_one_worker_hold_on_every_worker_and_go_from_every_worker() -> None:
    with mock("--workers", "2") as running, httpx.Client(base_url=running.url) as admin:
        assert (
            admin.post("/__admin/faults", json={"operation": "GET /tags", "fail": "1:503"}).status_code == 201
        )
        assert _statuses_by_worker(running) == {0: {503}, 1: {503}}
        listed = [admin.get("/__admin/faults").json()["faults"] for _ in range(8)]  # either worker answers
        assert all(faults and faults[0]["fail"] == ["1:503"] for faults in listed)
        assert admin.delete("/__admin/faults").status_code == 200
        assert _statuses_by_worker(running) == {0: {200}, 1: {200}}


def _tag_named(name: str) -> Entry:
    body = json.dumps({"status": 1, "data": [{"id": "595f5d522a934035decc093d", "name": name}]}).encode()
    return Entry(
        Request("GET", "https://api.leeloo.ai/api/v2/tags", (), None),
        Response(200, (("Content-Type", "application/json"),), Body("application/json", body)),
    )


def test_a_reset_starts_a_replayed_capture_again_on_every_worker(tmp_path: Path) -> None:
    capture = tmp_path / "tags.har"
    capture.write_text(
        json.dumps(har_document([_tag_named("first"), _tag_named("second")])), encoding="utf-8"
    )
    with (
        mock("--workers", "2", "--replay", str(capture)) as running,
        httpx.Client(base_url=running.url) as admin,
    ):
        _statuses_by_worker(running)  # both workers answered: each is past its first answer
        assert admin.post("/__admin/reset").status_code == 200  # the journal is emptied too
        names: list[str] = []
        for _ in range(READ_ROUNDS * 16):
            with httpx.Client(base_url=running.api_url, headers=TOKEN_HEADER, timeout=WAIT_S) as client:
                names.append(client.get("/tags").json()["data"][0]["name"])
            workers = [entry["worker"] for entry in running.requests("GET", "/tags")]
            if set(workers) == {0, 1}:
                break
        first_of_each = {worker: names[workers.index(worker)] for worker in (0, 1)}
        assert first_of_each == {0: "first", 1: "first"}, (names, workers)
