"""Make ``examples/traffic/sample.har``: the mock's own answers, recorded, with departures injected.

    .venv/bin/python examples/traffic/make_sample.py [OUT.har]

1. Every operation of the spec is called once on the mock (in process, ``--record``): its
   parameters and body are the spec's examples, so the answers are the spec's own; an unknown
   person is asked for on the ``--stateful`` mock, which answers the declared 404 envelope.
2. Then one exchange per kind of drift is added, as Leeloo might answer (what the README's worked
   example finds and proposes): an endpoint the spec lacks, an undeclared query parameter and
   request field, a ``limit`` above the maximum answered with success, an undeclared status and
   media type, a channel source the enum does not list, an order status outside the verified
   enum, an undeclared response field and the failure envelope inside a 200.

Times are fixed (one second apart from 2026-12-01) so that the file is the same on every run.
The departures' names and values are chosen fresh against the spec (``choose_departures``): once
the sample's patch is applied, a new run departs from the patched spec the same ways.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from mock_server import MockConfig
from mock_server.har import Body, Entry, HarWriter, Response, iso_time, read_entries
from mock_server.recording import RecordingConfig
from mock_server.server.assembly import create_app
from mock_server.spec.document import default_spec_path
from mock_server.testing import app_in_process
from openapi_document import operation_list, resolve

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "sample.har"
TOKEN = "sample-token-never-recorded"
START = 1_796_083_200.0  # 2026-12-01T00:00:00Z
BASE = "/api/v2"


def _example(document: Mapping[str, Any], parameter: Mapping[str, Any]) -> Any:
    if "example" in parameter:
        return parameter["example"]
    schema = resolve(document, parameter.get("schema") or {})
    return schema.get("example", schema.get("default"))


def example_requests(spec_path: Path) -> Iterator[tuple[str, str, dict[str, Any], Any]]:
    """(method, path, query, JSON body or None) for every operation, from the spec's examples."""
    from mock_server.spec.document import load_document

    document = load_document(spec_path)
    for operation in operation_list(document):
        path, query = operation.path, {}
        for parameter in operation.parameters:
            value = _example(document, parameter)
            if parameter.get("in") == "path":
                path = path.replace("{" + str(parameter["name"]) + "}", str(value))
            elif parameter.get("in") == "query" and value is not None:
                query[str(parameter["name"])] = value
        body = None
        if operation.request_body is not None:
            content = operation.request_body.get("content") or {}
            media: Mapping[str, Any] = content.get("application/json") or next(iter(content.values()), {})
            examples = media.get("examples") or {}
            first = next(iter(examples.values()), None) if examples else None
            body = resolve(document, first).get("value") if first else media.get("example")
        yield operation.method, BASE + path, query, body


def record_mock_answers(out: Path, spec_path: Path | None = None, *, stateful: bool = False) -> None:
    """Call every operation on the mock with the spec's examples, recording to ``out``."""
    spec_path = spec_path or default_spec_path()
    config = MockConfig(spec_path=spec_path, stateful=stateful, seed=1, recording=RecordingConfig(out))
    with app_in_process(create_app(config)) as mock, mock.client(base_url=mock.url) as client:
        for method, path, query, body in example_requests(spec_path):
            client.request(
                method,
                path,
                params={k: v if isinstance(v, list) else str(v) for k, v in query.items()},
                json=body,
                headers={"X-Leeloo-AuthToken": TOKEN},
            )


def _json(status: int, document: Any, media_type: str = "application/json") -> Response:
    data = json.dumps(document).encode() if not isinstance(document, str) else document.encode()
    return Response(status, (("content-type", media_type),), Body(media_type, data))


def _with(entries: list[Entry], method: str, path: str) -> Entry:
    return next(e for e in entries if e.request.method == method and e.request.path == BASE + path)


def _starting(entries: list[Entry], path: str) -> Entry:
    return next(e for e in entries if e.request.method == "GET" and e.request.path.startswith(BASE + path))


def _asking(entry: Entry, path: str | None = None, query: dict[str, str] | None = None) -> Entry:
    """``entry`` sent to another path of the same origin, or with another query."""
    origin, _, rest = entry.request.url.partition(BASE)
    target = origin + BASE + (path if path is not None else rest.split("?", 1)[0])
    url = target + ("?" + urlencode(query) if query else "")
    return replace(entry, request=replace(entry.request, url=url))


def _sending(entry: Entry, document: Any) -> Entry:
    body = Body("application/json", json.dumps(document).encode())
    return replace(entry, request=replace(entry.request, body=body))


def _body(entry: Entry) -> Any:
    assert entry.response.body is not None
    return json.loads(entry.response.body.data)


def _fresh(wanted: str, taken: Any) -> str:
    """``wanted``, or ``wanted_2``, ``wanted_3``... : the first name not in ``taken``."""
    name, number = wanted, 1
    while name in (taken or ()):
        number += 1
        name = f"{wanted}_{number}"
    return name


@dataclass(frozen=True)
class Departures:
    """What the departures use, chosen so that the spec does not declare it: run again after the
    sample's patch is applied, the same kinds of departure are made with new values."""

    query_parameter: str
    request_field: str
    limit: int
    status: int
    media_type: str
    channel_source: str
    order_status: str
    response_field: str


def choose_departures(spec_path: Path | None = None) -> Departures:
    """The departures' names and values, fresh against the spec at ``spec_path``."""
    from mock_server.spec.document import load_document

    document = load_document(spec_path or default_spec_path())
    schemas = document["components"]["schemas"]
    tags = document["paths"]["/tags"]["get"]
    connections = document["paths"]["/connections"]["get"]["responses"]["200"]["content"]
    create_person = document["paths"]["/people"]["post"]["responses"]
    limit = document["components"]["parameters"]["Limit"]["schema"]["maximum"]
    return Departures(
        query_parameter=_fresh("include_archived", [p.get("name") for p in tags.get("parameters", [])]),
        request_field=_fresh("color", schemas["CreatePersonRequest"]["properties"]),
        limit=int(limit) + 50,
        status=next(code for code in range(202, 300) if str(code) not in create_person),
        media_type=next(m for m in ("text/html", "text/csv", "text/xml") if m not in connections),
        channel_source=_fresh("WHATSAPP", schemas["ChannelSource"]["enum"]),
        order_status=_fresh("ON_HOLD", schemas["OrderStatus"]["enum"]),
        response_field=_fresh("avatar_url", schemas["Person"]["properties"]),
    )


def departures(entries: list[Entry], chosen: Departures | None = None) -> list[Entry]:
    """One exchange per kind of drift, each made from a recorded one."""
    chosen = chosen or choose_departures()
    tags = _with(entries, "GET", "/tags")
    people = _with(entries, "GET", "/people")
    new_person = _with(entries, "POST", "/people")
    channels = _with(entries, "GET", "/communication-channels")
    connections = _with(entries, "GET", "/connections")
    person, order = _starting(entries, "/people/"), _starting(entries, "/orders/")
    assert new_person.request.body is not None
    sent = json.loads(new_person.request.body.data) | {chosen.request_field: "#ff0000"}
    person_doc = _body(person)
    person_doc["data"][chosen.response_field] = "https://cdn.example/avatar.png"
    return [
        # an endpoint the spec lacks
        replace(_asking(tags, "/webhooks"), response=_json(200, {"status": 1, "data": []})),
        # a query parameter the spec does not declare, accepted
        _asking(tags, query={chosen.query_parameter: "true"}),
        # a request field the spec does not declare, accepted
        _sending(new_person, sent),
        # limit above the spec's maximum (a guess), answered with success
        _asking(people, query={"limit": str(chosen.limit)}),
        # a status the operation does not declare
        replace(new_person, response=_json(chosen.status, {"status": 1, "data": {"queued": True}})),
        # a media type the response does not declare
        replace(connections, response=_json(200, "<html>maintenance</html>", chosen.media_type)),
        # a value outside a guessed enum (ChannelSource) and outside a verified one (OrderStatus)
        replace(
            channels, response=_json(200, _replace_value(_body(channels), "from", chosen.channel_source))
        ),
        replace(order, response=_json(200, _replace_value(_body(order), "status", chosen.order_status))),
        # a response field the spec does not declare
        replace(person, response=_json(200, person_doc)),
        # Leeloo's failure envelope inside a 200
        replace(people, response=_json(200, {"status": 0, "error": {"code": "ACCESS_DENIED"}})),
    ]


def _replace_value(document: Any, key: str, value: Any) -> Any:
    """``document`` with the first ``key`` below ``data`` set to ``value``."""
    stack = [document.get("data")]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if key in node and node[key] != 1 and node[key] != 0:
                node[key] = value
                return document
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise LookupError(key)


def make_sample(out: Path = SAMPLE) -> int:
    """Write the sample capture to ``out`` (against the default spec); the number of exchanges."""
    with tempfile.TemporaryDirectory() as scratch:
        static, stateful = Path(scratch) / "static.har", Path(scratch) / "stateful.har"
        record_mock_answers(static)
        record_mock_answers(stateful, stateful=True)
        entries = list(read_entries(static))
        unknown = [e for e in read_entries(stateful) if e.response.status == 404][:1]
    all_entries = entries + unknown + departures(entries)
    with HarWriter(out) as writer:
        for index, entry in enumerate(all_entries):
            writer.write(replace(entry, started=iso_time(START + index), time_ms=1.0))
    return len(all_entries)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    print(f"{target}: {make_sample(target)} exchanges")
