"""The pages in a real browser (the system's Chromium through Playwright; see conftest.py).

What the issue asks of them, with the expectations drawn from the spec: the reference renders
every operation and marks each guess of the evidence register; its "try it" reaches the mock; the
inspector lists a refused request with the field it named, live, filtered; a path or a body that
carries markup shows as text; nothing is fetched from elsewhere. Each page's screenshot goes to
``reports/`` for a person to look at.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from mock_server.drift.cli import main as drift_main
from mock_server.pages.reference import Reference, render_reference, slug
from mock_server.pages.static import write_reference
from mock_server.spec.document import default_spec_path, load_spec
from mock_server.testing import LeelooMock, in_thread, mock_config
from openapi_document import Operation
from openapi_document.evidence import evidence_register

SPEC = load_spec(default_spec_path())
DOCUMENT = SPEC.document
OPERATIONS = SPEC.operations()
SAMPLE_HAR = Path(__file__).resolve().parents[3] / "examples" / "traffic" / "sample.har"


def _guess(node: Any) -> bool:
    entry = node.get("x-evidence") if isinstance(node, Mapping) else None
    return isinstance(entry, Mapping) and entry.get("status") == "guess"


def _token_headers(operation: Operation) -> dict[str, str]:
    return {name: "demo-token" for name in Reference(DOCUMENT).security_headers(operation)}


def _bounded_query_parameter() -> tuple[Operation, str, int]:
    """A GET without path parameters and a query parameter of it with a ``maximum``."""
    for operation in OPERATIONS:
        if operation.method != "GET" or "{" in operation.path:
            continue
        for parameter in operation.parameters:
            schema = SPEC.deref(parameter.get("schema", {}))
            if parameter.get("in") == "query" and isinstance(schema, Mapping) and "maximum" in schema:
                return operation, str(parameter["name"]), int(schema["maximum"])
    raise AssertionError("the spec has no GET with a bounded query parameter")


def _simple_get() -> Operation:
    for operation in OPERATIONS:
        if operation.method == "GET" and "{" not in operation.path:
            required = [p for p in operation.parameters if p.get("required") and p.get("in") != "header"]
            if not required:
                return operation
    raise AssertionError("the spec has no GET without required parameters")


def _outside_requests(page: Any, allowed_origin: str) -> list[str]:
    """Start noting every request the page makes that does not go to ``allowed_origin``."""
    outside: list[str] = []

    def note(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != allowed_origin:
            outside.append(request.url)

    page.on("request", note)
    return outside


def test_reference_renders_every_operation_and_marks_the_guesses(
    page: Any, served_mock: LeelooMock, screenshots: Path
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    outside = _outside_requests(page, served_mock.url)
    page.goto(served_mock.url + "/__docs")
    rendered = page.locator("details.operation").evaluate_all("nodes => nodes.map(n => n.dataset.operation)")
    assert sorted(rendered) == sorted(op.name for op in OPERATIONS)
    for operation in OPERATIONS:
        badge = page.locator(f"#op-{slug(operation.name)} > summary .badge.guess")
        assert badge.count() == (1 if _guess(operation.definition) else 0), operation.name
    guesses = sum(1 for entry in evidence_register(DOCUMENT) if entry.status == "guess")
    assert f"{guesses} guesses in the evidence register" in page.locator("header.top").inner_text()
    guessed_parameter = next(
        (op, p) for op in OPERATIONS for p in op.parameters if _guess(p) and p.get("in") == "query"
    )
    operation, parameter = guessed_parameter
    card = page.locator(f"#op-{slug(operation.name)}")
    card.locator("summary").click()
    row = card.locator("tr", has=page.locator(f"code:text-is('{parameter['name']}')")).first
    row.wait_for(state="visible")  # the card's body is filled on its toggle event, a task after the click
    assert row.locator("td").first.locator(".badge.guess").count() == 1
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "pages-docs.png"))
    link = card.locator(".opbody a.schema-name").first
    target = page.locator(str(link.get_attribute("href")))
    link.click()  # a schema named in an operation opens in the Schemas section
    target.locator(".opbody table, .opbody p").first.wait_for(state="visible")  # on hashchange, a task later
    assert target.evaluate("card => card.open") is True
    assert link.inner_text() in target.locator("summary").inner_text()
    assert target.locator(".opbody table, .opbody p").count() > 0
    assert errors == []
    assert outside == [], "the reference fetched something from elsewhere"


def test_try_it_sends_the_request_to_the_mock(page: Any, served_mock: LeelooMock) -> None:
    operation = _simple_get()
    expected = min(int(key) for key in operation.responses if key.isdigit() and key.startswith("2"))
    page.goto(served_mock.url + "/__docs")
    card = page.locator(f"#op-{slug(operation.name)}")
    card.locator("summary").click()
    card.locator("form.try button[type=submit]").click()
    assert card.locator(".answer strong").inner_text() == str(expected)
    journaled = served_mock.requests(operation.method, operation.path)
    assert [entry["status"] for entry in journaled] == [expected]


def test_inspector_lists_a_refused_request_with_its_field(
    page: Any, served_mock: LeelooMock, screenshots: Path
) -> None:
    operation, name, maximum = _bounded_query_parameter()
    with served_mock.client() as client:
        client.get(_simple_get().path, headers=_token_headers(_simple_get()))
        refused = client.get(operation.path, params={name: maximum + 1}, headers=_token_headers(operation))
    assert refused.status_code >= 400
    outside = _outside_requests(page, served_mock.url)
    page.goto(served_mock.url + "/__admin/ui")
    row = page.locator("tr.entry.refused")
    row.wait_for()  # the page draws the journal once its own request returns (it failed under load)
    assert row.count() == 1
    assert name in row.locator("td.notes").inner_text()
    assert row.locator("td").nth(5).inner_text() == operation.name
    page.select_option("#status", "refused")
    assert page.locator("tr.entry").count() == 1
    page.select_option("#status", "")
    page.select_option("#operation", operation.name)
    assert page.locator("tr.entry").count() == 1
    page.select_option("#operation", "")
    row.click()
    assert name in page.locator("tr.detail").inner_text()
    page.screenshot(path=str(screenshots / "pages-inspector.png"), full_page=True)
    assert outside == []


def test_inspector_updates_live_newest_first(page: Any, served_mock: LeelooMock) -> None:
    page.goto(served_mock.url + "/__admin/ui")
    page.locator("#empty").wait_for(state="visible")
    operation = _simple_get()
    with served_mock.client() as client:
        client.get(operation.path, headers=_token_headers(operation))
        client.get(operation.path + "?second=1", headers=_token_headers(operation))
    page.locator("tr.entry").nth(1).wait_for()  # drawn by the page's own polling, no reload
    numbers = page.locator("tr.entry").evaluate_all("rows => rows.map(r => Number(r.dataset.number))")
    assert numbers == [2, 1]
    assert "second=1" in page.locator("tr.entry").first.inner_text()


def test_markup_in_a_path_or_a_body_shows_as_text(
    page: Any, served_mock: LeelooMock, screenshots: Path
) -> None:
    marked_path = "/tags/<script>window.__pwned=1</script>"
    host, port = urlsplit(served_mock.url).hostname, urlsplit(served_mock.url).port
    assert host is not None and port is not None
    with socket.create_connection((host, port), timeout=10) as raw:  # httpx would percent-encode the path
        raw.sendall(f"GET {marked_path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        assert raw.recv(64).startswith(b"HTTP/1.1 ")
    marked_body = '{"name": "<img src=x onerror=\\"window.__pwned=2\\"><script>window.__pwned=3</script>"}'
    operation, name, _ = _bounded_query_parameter()
    marked_value = "<script>window.__pwned=4</script>"
    with served_mock.client() as client:
        client.post("/tags", content=marked_body, headers={"content-type": "application/json"})
        refused = client.get(operation.path, params={name: marked_value}, headers=_token_headers(operation))
    assert refused.status_code >= 400
    page.goto(served_mock.url + "/__admin/ui")
    page.locator("tr.entry").nth(2).wait_for()
    assert marked_value in page.locator("tr.entry.refused td.notes").inner_text()  # the refusal quotes it
    for index in range(2):
        page.locator("tr.entry").nth(index).click()  # open both: headers and bodies drawn
    paths = page.locator("tr.entry td.path").all_inner_texts()
    assert marked_path in paths
    bodies = "".join(page.locator("tr.detail pre.body").all_inner_texts())
    assert marked_body in bodies
    assert page.locator("#journal script, #journal img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(screenshots / "pages-inspector-escaped.png"), full_page=True)


def test_the_inspector_answers_this_machine_only(served_mock: LeelooMock) -> None:
    with httpx.Client(base_url=served_mock.url) as client:
        assert client.get("/__admin/ui", headers={"origin": "http://evil.example"}).status_code == 403
        shown = client.get("/__admin/ui")
    assert shown.status_code == 200
    assert "script-src 'sha256-" in shown.headers["content-security-policy"]
    assert "connect-src 'self'" in shown.headers["content-security-policy"]


def test_make_docs_pages_render_offline_from_the_disk(page: Any, tmp_path: Path) -> None:
    index, spec_copy = write_reference(default_spec_path(), tmp_path)
    assert spec_copy.exists()
    outside = _outside_requests(page, "file://")
    page.goto(index.as_uri())
    assert page.locator("details.operation").count() == len(OPERATIONS)
    assert page.locator("#target").input_value() == "http://127.0.0.1:4010"
    assert outside == []
    operation = _simple_get()
    with in_thread(mock_config(cors_origins=("null",))) as mock:  # a page from the disk is origin null
        page.fill("#target", mock.url)
        card = page.locator(f"#op-{slug(operation.name)}")
        card.locator("summary").click()
        card.locator("form.try button[type=submit]").click()
        assert card.locator(".answer strong").inner_text().isdigit()
        assert len(mock.requests(operation.method, operation.path)) == 1


def test_drift_report_as_one_page(page: Any, capsys: pytest.CaptureFixture[str], screenshots: Path) -> None:
    assert drift_main([str(SAMPLE_HAR), "--format", "json"]) == 1
    findings = len(json.loads(capsys.readouterr().out)["findings"])
    assert drift_main([str(SAMPLE_HAR), "--format", "html"]) == 1
    shown = capsys.readouterr().out
    assert shown.startswith("<!DOCTYPE html>")
    assert "<script" not in shown
    outside = _outside_requests(page, "about:")
    page.set_content(shown)
    assert page.locator(".finding").count() == findings > 0
    page.screenshot(path=str(screenshots / "pages-drift.png"), full_page=True)
    assert outside == []


def test_markup_in_the_spec_shows_as_text_in_the_reference(page: Any) -> None:
    from tests.mock_server.pages.test_pages import MARKUP, _hostile_document

    page.set_content(render_reference(_hostile_document()).html)  # no policy header here: escaping alone
    page.check("#expand")
    for card in page.locator("details.schema").all():
        card.locator("summary").click()
    assert page.evaluate("document.scripts.length") == 2  # the page's script and its data block
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert MARKUP in page.locator("details.operation summary").inner_text()
    assert MARKUP in page.locator("details.schema .opbody").first.inner_text()


def test_inspector_notes_the_fault_and_the_replayed_answer(page: Any, tmp_path: Path) -> None:
    from mock_server.har import Body, Entry, Request, Response, har_document
    from mock_server.replay import ReplayConfig

    replayed, delayed = (
        _simple_get(),
        next(op for op in OPERATIONS if op.method == "GET" and op != _simple_get()),
    )
    capture = tmp_path / "capture.har"
    answer = json.dumps({"status": 1, "data": []}).encode()
    entry = Entry(
        Request("GET", f"https://api.leeloo.ai{SPEC.servers_base_paths()[0]}{replayed.path}", (), None),
        Response(200, (("Content-Type", "application/json"),), Body("application/json", answer)),
    )
    capture.write_text(json.dumps(har_document([entry])))
    with in_thread(mock_config(replay=ReplayConfig.read(capture))) as mock:
        with mock.client() as client:
            client.get(replayed.path, headers=_token_headers(replayed))
            client.get(delayed.path.replace("{", "").replace("}", ""), headers={"prefer": "delay=30"})
        page.goto(mock.url + "/__admin/ui")
        page.locator("tr.entry").nth(1).wait_for()
        newest, oldest = page.locator("tr.entry td.notes").all_inner_texts()
    assert "delay 30 ms" in newest
    assert "replayed" in oldest
