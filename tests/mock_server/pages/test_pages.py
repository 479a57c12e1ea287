"""The pages without a browser: what is served where, escaping, the policy, the journal's source."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

import yaml

from mock_server.har import Body, Entry, Request, Response, har_document
from mock_server.pages import render_inspector, render_reference
from mock_server.pages.reference import _data_block
from mock_server.pages.static import main as docs_main
from mock_server.recording import RecordingConfig
from mock_server.replay import ReplayConfig
from mock_server.spec.document import load_document
from mock_server.testing import app_in_process
from tests.mock_server.conftest import SPEC_PATH, TOKEN_HEADER, ClientFactory

MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def _hostile_document() -> dict[str, Any]:
    """A small document with markup in every kind of text the reference shows."""
    return {
        "openapi": "3.1.0",
        "info": {"title": f"T {MARKUP}", "version": MARKUP, "description": f"**bold** `{MARKUP}`"},
        "tags": [{"name": MARKUP, "description": MARKUP}],
        "paths": {
            f"/things/{MARKUP}": {
                "get": {
                    "operationId": f"op{MARKUP}",
                    "summary": MARKUP,
                    "tags": [MARKUP],
                    "x-evidence": {"status": "guess", "sources": [MARKUP]},
                    "parameters": [
                        {"name": MARKUP, "in": "query", "schema": {"type": "string", "enum": [MARKUP]}}
                    ],
                    "responses": {
                        "200": {
                            "description": MARKUP,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{MARKUP}"},
                                    "example": {"x": MARKUP},
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                MARKUP: {"type": "object", "properties": {MARKUP: {"type": "string", "description": MARKUP}}}
            }
        },
    }


def _inline_script(html: str) -> str:
    found: list[str] = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(found) == 1  # the page's own, and no other
    return found[0]


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_every_value_of_the_document_is_escaped() -> None:
    page = render_reference(_hostile_document())
    script = _inline_script(page.html)
    assert MARKUP not in page.html.replace(f"<script>{script}</script>", "")
    assert html.escape(MARKUP) in page.html
    assert "<strong>bold</strong>" in page.html  # Markdown's strong and code are kept, as markup
    assert '<span class="badge guess"' in page.html


def test_the_policy_lets_only_the_pages_own_style_and_script_run() -> None:
    page = render_reference(json.loads(json.dumps(_hostile_document())))
    script = _inline_script(page.html)
    style = re.findall(r"<style>(.*?)</style>", page.html, flags=re.DOTALL)[0]
    assert f"script-src 'sha256-{_hash(script)}'" in page.policy
    assert f"style-src 'sha256-{_hash(style)}'" in page.policy
    assert "default-src 'none'" in page.policy
    assert not re.search(r"""(src|href)=["']?https?:""", page.html)  # nothing from elsewhere


def test_a_dangling_reference_is_shown_not_raised() -> None:
    document = _hostile_document()
    document["paths"]["/broken"] = {
        "get": {"parameters": [{"$ref": "#/components/parameters/Nope"}], "responses": {}}
    }
    page = render_reference(document)
    assert "Cannot be shown" in page.html
    assert page.html.count('class="operation card"') == 2


def test_docs_are_served_and_not_journaled(make_client: ClientFactory) -> None:
    client = make_client()
    shown = client.get("/__docs")
    assert shown.status_code == 200
    assert shown.headers["content-type"] == "text/html; charset=utf-8"
    assert shown.headers["x-content-type-options"] == "nosniff"
    assert client.get("/__docs/").status_code == 200
    assert client.get("/__docs/openapi.json").json() == load_document(SPEC_PATH)
    assert client.post("/__docs").status_code == 405
    assert client.get("/__docs/nothing").status_code == 404
    assert client.get("/__admin/requests").json()["requests"] == []


def test_the_inspector_is_an_admin_endpoint(make_client: ClientFactory) -> None:
    client = make_client()
    assert client.get("/__admin/ui").status_code == 200
    assert client.get("/__admin/ui", headers={"origin": "https://elsewhere.example"}).status_code == 403
    assert client.delete("/__admin/ui").status_code == 405
    assert client.get("/__admin/requests").json()["requests"] == []


def test_the_inspector_offers_each_operation_of_the_spec() -> None:
    document = load_document(SPEC_PATH)
    html = render_inspector(document).html
    offered = re.findall(r'<option value="([^"]+)">', html)
    operation_ids = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert operation_ids <= set(offered)


def test_the_journal_says_which_answers_were_replayed_and_recorded(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    capture = tmp_path / "capture.har"
    body = json.dumps({"status": 1, "data": []}).encode()
    entry = Entry(
        Request("GET", "https://api.leeloo.ai/api/v2/tags", (), None),
        Response(200, (("Content-Type", "application/json"),), Body("application/json", body)),
    )
    capture.write_text(json.dumps(har_document([entry])))
    client = make_client(replay=ReplayConfig.read(capture), recording=RecordingConfig(tmp_path / "out.har"))
    client.get("/api/v2/tags", headers=TOKEN_HEADER)
    client.get("/api/v2/users", headers=TOKEN_HEADER)
    journal = client.get("/__admin/requests").json()["requests"]
    assert [(e["path"], e["source"]) for e in journal] == [
        ("/api/v2/tags", "replayed"),
        ("/api/v2/users", "recorded"),
    ]


def test_the_plain_mock_journals_no_source(make_client: ClientFactory) -> None:
    client = make_client()
    client.get("/api/v2/tags", headers=TOKEN_HEADER)
    assert client.get("/__admin/requests").json()["requests"][0]["source"] is None


def test_make_docs_writes_the_reference(tmp_path: Path, capsys: Any) -> None:
    assert docs_main(["--spec", str(SPEC_PATH), "--out", str(tmp_path / "site")]) == 0
    html = (tmp_path / "site" / "index.html").read_text()
    assert html.count('class="operation card"') == sum(
        1
        for item in yaml.safe_load(SPEC_PATH.read_text())["paths"].values()
        for key in item
        if key in {"get", "post", "put", "patch", "delete"}
    )
    assert json.loads((tmp_path / "site" / "openapi.json").read_text()) == load_document(SPEC_PATH)
    assert docs_main(["--spec", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "x")]) == 2
    assert "missing.yaml" in capsys.readouterr().err


def test_a_reloaded_spec_is_shown_at_once(make_client: ClientFactory, tmp_path: Path) -> None:
    from mock_server import MockConfig, create_app
    from mock_server.server.assembly import build_pipeline, load_compiled

    app = create_app(MockConfig(spec_path=SPEC_PATH))
    with app_in_process(app) as mock, mock.client(base_url=mock.url) as client:
        assert "Leeloo" in client.get("/__docs").text
        other = tmp_path / "other.yaml"
        document = {
            "openapi": "3.1.0",
            "info": {"title": "Another API", "version": "1"},
            "paths": {
                "/things": {
                    "get": {"operationId": "list_things", "responses": {"204": {"description": "none"}}}
                }
            },
        }
        other.write_text(yaml.safe_dump(document))
        config = MockConfig(spec_path=other)
        app.replace_pipeline(build_pipeline(config, load_compiled(config)))
        assert "Another API" in client.get("/__docs").text


def test_the_cards_data_block_cannot_be_closed_early() -> None:
    fragments = ["</script><script>alert(1)</script>", "<!-- a comment -->", "\u2028 line separator"]
    block = _data_block(fragments)
    assert "</" not in block and "<!--" not in block
    assert json.loads(block) == fragments
