"""What the generated client costs over a bare httpx call, and what model parsing costs.

The generated ``leeloo_client`` wraps httpx: the same request through it adds building the
request from typed arguments and parsing the answer into attrs models. Both calls go to the same
running mock over loopback, sequentially on one kept-alive connection, so the difference is the
client's own work. Parsing is timed separately on a 1,000-person list (``from_dict``) against
plain ``json.loads`` of the same body.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import httpx

from bench._throughput import AUTH, BENCH_TOKEN, MOCK_BASE, start_mock
from mock_server._serving import ServerStartError

PERSON = {
    "id": "5e1c7ce2b4066a01900cdba0",
    "name": "Feliks",
    "email": "feliks@gmail.com",
    "phone": "+380966565556",
    "tags": ["Mentor", "Professional"],
    "accounts": [
        {
            "account_id": "5e1c7ce2b4066a01900cdba1",
            "connection_id": "5e1c7afcb4066a01900cdb8c",
            "connection_status": "OK",
            "from": "TELEGRAM",
        }
    ],
    "lastMessageTime": "2020-01-13T14:21:36.462Z",
}


@dataclass
class ClientOverhead:
    calls: int
    httpx_us_per_call: float
    client_us_per_call: float
    overhead_us_per_call: float
    items: int
    json_loads_ms: float
    from_dict_ms: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _per_call_us(calls: dict[str, Callable[[], object]], total: int, rounds: int = 5) -> dict[str, float]:
    """Microseconds per call of each function: the best of ``rounds`` alternating rounds.

    Alternating the two in short rounds and keeping each one's best round makes the comparison
    fair on a shared machine: a burst of someone else's work hits one round, not one side.
    """
    for call in calls.values():
        for _ in range(min(50, total)):  # warm the connection and the code paths
            call()
    per_round = max(1, total // rounds)
    best = dict.fromkeys(calls, float("inf"))
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            for _ in range(per_round):
                call()
            best[name] = min(best[name], (time.perf_counter() - started) / per_round)
    return {name: round(seconds * 1e6, 1) for name, seconds in best.items()}


def _best_ms(work: Callable[[], object], repeats: int = 9) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 3)


def person_list_body(items: int) -> dict[str, Any]:
    """A GET /people answer with ``items`` people (distinct ids), as the spec's schema has it."""
    people = [{**PERSON, "id": f"{index:024x}"} for index in range(items)]
    return {
        "status": 1,
        "data": people,
        "meta": {"totalCount": items, "filteredCount": items, "limit": items, "offset": 0},
    }


def measure_client_overhead(calls: int, log: Callable[[str], None]) -> ClientOverhead | None:
    try:  # imported by name: the bench runs (and type-checks) before the client is installed
        client_package = importlib.import_module("leeloo_client")
        list_tags = importlib.import_module("leeloo_client.api.tags.list_tags")
        person_list_response = importlib.import_module("leeloo_client.models").PersonListResponse
    except ImportError as exc:
        log(f"client overhead: skipped, leeloo_client is not importable ({exc})")
        return None
    try:
        with start_mock() as mock:
            base = mock.url + MOCK_BASE
            client = client_package.LeelooClient(base_url=base, token=BENCH_TOKEN, max_retries=0)
            with httpx.Client(base_url=base, headers=dict([AUTH])) as bare, client:
                timings = _per_call_us(
                    {
                        "httpx": lambda: bare.get("/tags").json(),
                        "client": lambda: list_tags.sync(client=client),
                    },
                    calls,
                )
                httpx_us, client_us = timings["httpx"], timings["client"]
    except ServerStartError as exc:
        log(f"client overhead: skipped, {exc}")
        return None
    items = 1000
    text = json.dumps(person_list_body(items))
    loaded = json.loads(text)
    return ClientOverhead(
        calls=calls,
        httpx_us_per_call=httpx_us,
        client_us_per_call=client_us,
        overhead_us_per_call=round(client_us - httpx_us, 1),
        items=items,
        json_loads_ms=_best_ms(lambda: json.loads(text)),
        from_dict_ms=_best_ms(lambda: person_list_response.from_dict(loaded)),
    )
