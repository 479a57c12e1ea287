"""The generated client against the mock's faults (``mock_server.faults``) and replay, on a real
port: it retries a 503 and a 429 as long as ``Retry-After`` says, gives up after
``max_retries``, lets ``timeout=`` cut a slow answer, walks every page with ``iterate()`` although
the connection is reset under it, and a replayed capture gives it the answers it got live.

Seeds make each run fail the same requests; the client's ``sleep`` records the waits it was
told (a real wait only where the test needs the window to pass).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from leeloo_client import APITimeoutError, LeelooClient, ServerError

from contract_tests._settings import BASE_PATH, TOKEN
from contract_tests._tally import TALLY
from contract_tests.test_client_pagination import _create_people
from mock_server.faults.config import FaultsConfig
from mock_server.faults.values import FaultRule, RateLimit, parse_delay, parse_failures
from mock_server.recording.config import RecordingConfig
from mock_server.replay import ReplayConfig
from mock_server.testing import LeelooMock, in_thread, mock_config

PERSON_ID = "5b3f543bb2737000133d25b0"


def _client(mock: LeelooMock, **options: Any) -> LeelooClient:
    return LeelooClient(token=TOKEN, base_url=mock.url + BASE_PATH, **options)


def _faulty(*rules: FaultRule, everywhere: FaultRule | None = None, seed: int = 1, **config: Any) -> Any:
    faults = FaultsConfig(everywhere=everywhere or FaultRule(), rules=rules, seed=seed)
    config.setdefault("stateful", False)
    return in_thread(mock_config(faults=faults, **config))


def _statuses(mock: LeelooMock, path: str) -> list[int]:
    return [entry["status"] for entry in mock.requests("GET", path)]


def test_503_is_retried_with_the_wait_retry_after_gives() -> None:
    rule = FaultRule("list_tags", failures=parse_failures(["0.5:503"]))
    delays: list[float] = []
    with _faulty(rule, seed=3) as mock, _client(mock, max_retries=6, sleep=delays.append) as client:
        answers = [client.tags.list() for _ in range(6)]
        statuses = _statuses(mock, "/tags")
    assert all(answer.status == 1 for answer in answers)
    assert statuses.count(503) == len(delays) > 0, statuses  # each 503 retried once, then 200
    assert statuses.count(200) == 6
    assert set(delays) == {1.0}  # the injected answer's Retry-After (the spec declares the header)
    TALLY.client_calls["faults"] += len(statuses)


def test_429_of_a_rate_limit_is_retried_after_the_window() -> None:
    delays: list[float] = []

    def wait(seconds: float) -> None:
        delays.append(seconds)
        time.sleep(seconds)

    limited = FaultRule(rate_limit=RateLimit(1, 1))
    with _faulty(everywhere=limited) as mock, _client(mock, max_retries=2, sleep=wait) as client:
        client.users.list()
        client.users.list()  # 429 with Retry-After: 1, waited, then answered
        statuses = _statuses(mock, "/users")
    assert statuses == [200, 429, 200]
    assert delays == [1.0]
    TALLY.client_calls["faults"] += len(statuses)


def test_the_client_gives_up_after_max_retries() -> None:
    delays: list[float] = []
    always = FaultRule(failures=parse_failures(["1:503"]))
    with _faulty(everywhere=always) as mock, _client(mock, max_retries=2, sleep=delays.append) as client:
        with pytest.raises(ServerError) as raised:
            client.tags.list()
        assert _statuses(mock, "/tags") == [503, 503, 503]
    assert raised.value.status_code == 503
    assert raised.value.code == "INTERNAL_ERROR"  # Leeloo's envelope, as the spec declares
    assert delays == [1.0, 1.0]
    TALLY.client_calls["faults"] += 3


def test_timeout_cuts_a_slow_answer() -> None:
    slow = FaultRule("list_tags", parse_delay("3000"))
    with _faulty(slow) as mock, _client(mock, max_retries=0) as client:
        started = time.perf_counter()
        with pytest.raises(APITimeoutError):
            client.tags.list(timeout=0.3)
        assert time.perf_counter() - started < 2.0
        assert client.users.list().status == 1  # other operations are not slowed
    TALLY.client_calls["faults"] += 2


@pytest.fixture
def people_mock() -> Iterator[tuple[LeelooMock, set[str]]]:
    """A stateful mock on a port holding three pages of people created through the client (no faults yet)."""
    with _faulty(seed=10, stateful=True) as mock, _client(mock) as client:
        yield mock, _create_people(client)


def test_iterate_survives_a_reset_mid_walk(people_mock: tuple[LeelooMock, set[str]]) -> None:
    mock, created = people_mock
    with httpx.Client(base_url=mock.url) as admin:
        admin.post(
            "/__admin/faults", json={"operation": "list_people", "fail": "0.5:reset"}
        ).raise_for_status()
    delays: list[float] = []
    with _client(mock, max_retries=8, sleep=delays.append) as client:
        walked = [person.id for person in client.people.iterate(limit=20)]
    assert len(walked) == len(set(walked)), "a person was yielded twice"
    assert created <= set(walked)
    resets = [e for e in mock.requests("GET", "/people") if (e["fault"] or {}).get("fault") == "reset"]
    assert resets, "the walk met no reset: the seed no longer resets a page"
    assert mock.requests("GET", "/people")[0]["fault"] is None  # the first page came whole: mid-walk
    assert len(delays) == len(resets)  # each reset page asked again, none skipped
    TALLY.client_calls["faults"] += len(mock.requests("GET", "/people"))


def _answers(mock: LeelooMock) -> list[Any]:
    with _client(mock, max_retries=0) as client:
        return [
            client.tags.list().to_dict(),
            client.users.list(limit=3).to_dict(),
            client.people.get(person_id=PERSON_ID).to_dict(),
        ]


def test_a_replayed_capture_gives_the_client_the_answers_it_got_live(tmp_path: Path) -> None:
    capture = tmp_path / "live.har"
    with in_thread(mock_config(stateful=False, dynamic=True, seed=8)) as leeloo:  # stands in for the API
        recording = RecordingConfig(capture)
        with in_thread(mock_config(stateful=False, proxy=leeloo.url, recording=recording)) as recorder:
            live = _answers(recorder)
    with in_thread(mock_config(stateful=False)) as plain:
        assert _answers(plain) != live  # the spec's examples: the capture is what makes them equal
    assert TOKEN not in capture.read_text()  # redacted as it was recorded
    with in_thread(mock_config(stateful=False, replay=ReplayConfig.read(capture))) as replayed:
        assert _answers(replayed) == live
    TALLY.client_calls["faults"] += 9
