"""Any spec Prism serves: 3.0 and Swagger 2.0 upgraded, recursion, encoded pointers, flaws warned.

The documents are the small fixtures in ``specs/``, each written for one point of issue 15.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from mock_server import load_document, load_spec
from mock_server.cli import main
from openapi_document._upgrade import UnsupportedVersion, upgrade
from openapi_document._yaml_positions import load_yaml_with_positions
from openapi_document.spec_check import check_for_mock, check_spec
from tests.mock_server.conftest import ClientFactory

SPECS = Path(__file__).parent / "specs"


@pytest.fixture(autouse=True)
def _own_check_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEELOO_MOCK_CACHE_DIR", str(tmp_path / "check-cache"))


def _document(name: str) -> dict[str, object]:
    data = load_yaml_with_positions(SPECS / name, positions=False).data
    assert isinstance(data, dict)
    return data


# ---- 1. input: 3.0 and 2.0 upgraded ------------------------------------------------------------


def test_openapi_30_nullable_and_boolean_bounds_become_31() -> None:
    upgraded = upgrade(_document("v30_nullable.yaml"))
    document = upgraded.document
    assert document["openapi"] == "3.1.0" and upgraded.source_version == "3.0.3"
    pet = document["components"]["schemas"]["Pet"]
    assert pet["properties"]["owner"] == {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]}
    assert pet["properties"]["tag"] == {"type": ["string", "null"], "enum": ["a", "b", None]}
    assert pet["properties"]["weight"] == {"type": "number", "exclusiveMaximum": 100}
    pet_id = document["paths"]["/pets/{petId}"]["get"]["parameters"][0]["schema"]
    assert pet_id == {"type": "integer", "exclusiveMinimum": 0}
    assert upgraded.warning() is None  # nothing lost


def test_openapi_31_is_served_as_it_is() -> None:
    document = _document("recursive_node.yaml")
    assert upgrade(document).document is document


def test_swagger_20_moves_definitions_parameters_forms_and_security() -> None:
    upgraded = upgrade(_document("v20_form.yaml"))
    document = upgraded.document
    assert document["servers"] == [{"url": "https://api.example.com/v1"}]
    assert set(document["components"]) == {"schemas", "parameters", "securitySchemes"}
    assert document["components"]["parameters"]["limit"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 50,
        "default": 10,
    }
    listing = document["paths"]["/pets"]["get"]
    assert listing["parameters"][0] == {"$ref": "#/components/parameters/limit"}
    assert listing["parameters"][1]["style"] == "form" and listing["parameters"][1]["explode"] is False
    answer = listing["responses"]["200"]["content"]["application/json"]
    assert answer["schema"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert answer["example"] == [{"id": 1, "name": "Rex"}]
    form = document["paths"]["/pets"]["post"]["requestBody"]
    schema = form["content"]["application/x-www-form-urlencoded"]["schema"]
    assert schema["required"] == ["name"] and set(schema["properties"]) == {"name", "age"}
    upload = document["paths"]["/pets/{petId}/photo"]["post"]["requestBody"]["content"]
    assert upload["multipart/form-data"]["schema"]["properties"]["file"] == {
        "type": "string",
        "format": "binary",
    }
    put = document["paths"]["/pets/{petId}"]["put"]
    assert put["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    assert put["responses"]["200"]["headers"]["X-Rate"]["schema"] == {"type": "integer"}
    assert document["components"]["schemas"]["Pet"]["properties"]["nick"] == {"type": ["string", "null"]}
    assert document["components"]["securitySchemes"]["key"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-Key",
    }
    # the tsv collection has no 3.1 equivalent: one warning line says so
    assert upgraded.warning() == "upgraded from 2.0 to 3.1.0 in memory; dropped: collectionFormat tsv (1x)"


def test_the_upgraded_documents_pass_the_check() -> None:
    for name in ("v30_nullable.yaml", "v20_form.yaml"):
        checked = check_for_mock(SPECS / name)
        assert checked.problems == [], name
    [lost] = check_for_mock(SPECS / "v20_form.yaml").warnings
    assert lost.line == 1 and "collectionFormat tsv" in lost.reason


def test_a_version_it_cannot_serve_is_refused_in_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    [problem] = check_for_mock(SPECS / "unsupported_version.yaml").problems
    assert problem.line == 1 and "OpenAPI 4.0.0 cannot be served" in problem.reason
    assert main([str(SPECS / "unsupported_version.yaml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith(f"{SPECS / 'unsupported_version.yaml'}:1:1: OpenAPI 4.0.0 cannot be served")
    assert len(err) == 2  # the reason and the closing "cannot be mocked" line
    with pytest.raises(UnsupportedVersion):
        upgrade({"swagger": "1.2"})


def test_the_project_spec_is_still_checked_strictly() -> None:
    flawed = check_spec(SPECS / "flaws.yaml")
    assert any("default" in problem.reason for problem in flawed)  # make spec-check refuses it


def test_a_30_answer_with_null_fields_is_served_and_validated(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "v30_nullable.yaml")
    answer = client.get("/pets/1")
    assert answer.status_code == 200 and answer.json()["owner"] is None
    assert client.put("/pets/1", json={"id": 1, "name": "Rex", "owner": None, "tag": None}).status_code == 200
    assert client.put("/pets/1", json={"id": 1, "name": "Rex", "tag": "c"}).status_code == 422
    assert client.get("/pets/0").status_code == 422  # exclusiveMinimum 0 keeps its meaning


def test_a_20_document_is_served_under_its_base_path(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "v20_form.yaml")
    key = {"X-Key": "k"}
    assert client.get("/v1/pets", headers=key).json() == [{"id": 1, "name": "Rex"}]
    assert client.get("/v1/pets").status_code == 401
    assert client.get("/v1/pets?limit=0", headers=key).status_code == 422
    created = client.post("/v1/pets", data={"name": "Rex", "age": "3"}, headers=key)
    assert created.status_code == 201
    assert client.post("/v1/pets", data={"age": "3"}, headers=key).status_code == 422


# ---- 2. robust start-up -----------------------------------------------------------------------


def test_a_recursive_schema_is_served_with_bounded_generated_data(make_client: ClientFactory) -> None:
    assert check_for_mock(SPECS / "recursive_node.yaml").problems == []
    client = make_client(spec_path=SPECS / "recursive_node.yaml", dynamic=True, seed=3)
    tree = client.get("/tree").json()

    def depth(node: dict[str, object]) -> int:
        children = node.get("children") or []
        assert isinstance(children, list)
        return 1 + max((depth(child) for child in children), default=0)

    assert "name" in tree and depth(tree) <= 10
    deep = {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
    assert client.post("/tree", json=deep).status_code == 201
    assert client.post("/tree", json={"name": "a", "children": [{"children": []}]}).status_code == 422


def test_a_percent_encoded_pointer_resolves(make_client: ClientFactory) -> None:
    assert check_for_mock(SPECS / "percent_pointer.yaml").problems == []
    client = make_client(spec_path=SPECS / "percent_pointer.yaml")
    assert client.get("/items/x/copy").json() == {"id": "abc"}


def test_flaws_the_mock_never_needs_are_one_warning_line_each(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    checked = check_for_mock(SPECS / "flaws.yaml")
    assert checked.problems == []
    lines = sorted(warning.line for warning in checked.warnings)
    assert lines == [10, 30]  # the bad default in use, the bad default of the unused schema
    with caplog.at_level(logging.WARNING, logger="leeloo_mock"):
        load_document(SPECS / "flaws.yaml")
    [pattern] = [record.getMessage() for record in caplog.records if "pattern" in record.getMessage()]
    assert pattern.startswith(f"{SPECS / 'flaws.yaml'}:25: pattern") and "served without it" in pattern
    client = make_client(spec_path=SPECS / "flaws.yaml")
    assert client.get("/things").json() == [{"code": "ab-1"}]


def test_the_mock_starts_on_flaws_and_prints_each_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    monkeypatch.setattr(socket.socket, "bind", _refuse_bind)
    assert main([str(SPECS / "flaws.yaml"), "--port", "1"]) == 1  # stopped at the bind: the spec passed
    err = capsys.readouterr().err
    assert f"{SPECS / 'flaws.yaml'}:10:" in err and "warning:" in err
    assert "cannot listen" in err and "Traceback" not in err


def _refuse_bind(self: object, address: object) -> None:
    raise OSError(98, "refused by the test")


def test_a_start_up_failure_is_file_line_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "dangling.yaml"
    spec.write_text(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n"
        "        '200': {$ref: '#/components/responses/Nope'}\n"
    )
    assert main([str(spec)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{spec}:7:") and "Traceback" not in err


# ---- 3. answers follow the document ------------------------------------------------------------


def test_a_declared_error_answer_keeps_its_media_type_and_example(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "declared_errors.yaml")
    missing = client.delete("/orders/1", headers={"Prefer": "code=404"})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/vnd.orders.error+json")
    assert missing.json() == {"reason": "order not found"}
    invalid = client.delete("/orders/abc")
    assert invalid.status_code == 422 and invalid.json() == {"message": "the order id must be a number"}
    assert invalid.headers["content-type"].startswith("application/json")
    [violation] = json.loads(invalid.headers["sl-violations"])
    assert violation["location"][:3] == ["request", "path", "orderId"]


def test_a_204_that_declares_content_sends_no_body(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "declared_errors.yaml")
    deleted = client.delete("/orders/1")
    assert deleted.status_code == 204 and deleted.content == b""
    assert "content-type" not in deleted.headers


def test_undeclared_errors_stay_problems(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "v30_nullable.yaml")
    refused = client.put("/pets/1", content=b"{", headers={"Content-Type": "application/json"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"


def test_a_start_spared_the_check_prints_its_warnings_again(capsys: pytest.CaptureFixture[str]) -> None:
    from mock_server.spec.check import passes_spec_check

    spec = SPECS / "flaws.yaml"
    assert passes_spec_check(spec)  # checked, and remembered with its warnings
    first = capsys.readouterr().err
    assert passes_spec_check(spec)  # spared the check by the cache
    assert capsys.readouterr().err == first and f"{spec}:10:" in first


def test_a_json_spec_is_read_by_the_json_module_within_the_same_bounds(tmp_path: Path) -> None:
    from openapi_document._yaml_positions import YamlSyntaxError

    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_document("v30_nullable.yaml")))
    fast = load_yaml_with_positions(spec, positions=False)
    assert fast.data == load_yaml_with_positions(spec).data and fast.positions == {}
    deep = tmp_path / "deep.json"
    deep.write_text('{"a": ' * 100 + "1" + "}" * 100)
    with pytest.raises(YamlSyntaxError, match=r"too deep|nesting"):
        load_yaml_with_positions(deep, positions=False)  # refused as the YAML path refuses it


def test_a_swagger_20_problem_is_placed_at_the_original_line(tmp_path: Path) -> None:
    spec = tmp_path / "swagger.yaml"
    spec.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          schema: {$ref: '#/definitions/Missing'}\n"
        "definitions: {}\n"
    )
    [problem] = check_for_mock(spec).problems
    assert problem.line == 9 and "cannot resolve" in problem.reason


def test_declared_framing_headers_are_left_to_the_server(make_client: ClientFactory) -> None:
    client = make_client(spec_path=SPECS / "declared_errors.yaml")
    answer = client.get("/orders")
    assert answer.json() == [1, 2] and answer.headers["x-total"] == "2"
    assert answer.headers["content-length"] == str(len(answer.content))
    assert "transfer-encoding" not in answer.headers


def test_loading_an_unsupported_version_names_file_line_and_column() -> None:
    from mock_server import SpecError

    with pytest.raises(SpecError, match=r"unsupported_version\.yaml:1:1: OpenAPI 4\.0\.0 cannot be served"):
        load_document(SPECS / "unsupported_version.yaml")


def test_an_example_that_does_not_fit_is_warned_at_its_operations_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mock_server import compile_spec

    spec = tmp_path / "example.yaml"
    spec.write_text(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {type: integer}\n              example: many\n"
    )
    with caplog.at_level(logging.WARNING, logger="leeloo_mock"):
        compile_spec(load_spec(spec))
    [warning] = [record.getMessage() for record in caplog.records]
    assert warning.startswith(f"{spec}:5: GET /x 200 application/json: example 'default' does not validate")


def test_a_parameter_style_it_cannot_read_is_refused_at_its_operations_line(tmp_path: Path) -> None:
    from mock_server import SpecError, compile_spec

    spec = tmp_path / "matrix.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x/{p}:\n    get:\n      parameters:\n"
        "        - {name: p, in: path, required: true, style: matrix, schema: {type: object}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    with pytest.raises(SpecError, match=rf"^{spec}:5:5: GET /x/{{p}}: parameter 'p' \(path\): style matrix"):
        compile_spec(load_spec(spec))


def test_a_dangling_reference_of_an_operation_is_refused_at_its_line(tmp_path: Path) -> None:
    from mock_server import SpecError, compile_spec

    spec = tmp_path / "dangling.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n"
        "      responses: {'200': {$ref: '#/components/responses/Nope'}}\n"
    )
    refused = rf"^{spec}:5:5: GET /x: \$ref '#/components/responses/Nope' points nowhere"
    with pytest.raises(SpecError, match=refused):
        compile_spec(load_spec(spec))


def test_a_form_number_is_read_as_one_where_the_string_reading_fails(make_client: ClientFactory) -> None:
    client = make_client()  # the project's spec: POST /calls duration is an integer or a digit string
    form = {
        "status": "TALKING",
        "account_id": "5b3f543bb2737000133d25b0",
        "from": "a",
        "to": "b",
        "type": "OUTBOUND",
        "date": "2026-01-01T00:00:00.000Z",
        "record_link": "x",
        "user_id": "5b3f543bb2737000133d25b0",
    }
    headers = {"X-Leeloo-AuthToken": "t"}
    statuses = [
        client.post("/api/v2/calls", data={**form, "duration": duration}, headers=headers).status_code
        for duration in ("30", "30.0", "3x")
    ]
    assert statuses == [200, 200, 400]


def test_a_one_line_json_spec_is_not_read_again_for_a_warning_line(tmp_path: Path) -> None:
    from mock_server.spec.document import SpecSource

    spec = tmp_path / "min.json"
    spec.write_text(json.dumps(_document("v30_nullable.yaml")) + "\n")
    source = SpecSource(spec)
    assert source.line(("paths", "/pets/{petId}", "get")) == f"{spec}:1"
    assert source._positions is None  # no second parse
    assert source.place(("paths", "/pets/{petId}", "get")).startswith(f"{spec}:1:")


# ---- 4. real specs, the rest of the way (issue 25) ----------------------------------------------


def test_a_swagger_20_ref_inside_a_definition_is_rewritten(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    # Kubernetes' document: 1,263 "cannot resolve '#/definitions/...'" and refused
    spec = tmp_path / "k8s.yaml"
    spec.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      schemes: [https]\n"
        "      responses:\n"
        "        '200': {description: ok, schema: {$ref: '#/definitions/A'}}\n"
        "        default: {$ref: '#/responses/Oops'}\n"
        "responses:\n  Oops: {description: oops, schema: {$ref: '#/definitions/B'}}\n"
        "definitions:\n  A:\n    type: object\n    required: [b]\n"
        "    properties:\n      b: {$ref: '#/definitions/B'}\n"
        "      many: {type: array, items: {$ref: '#/definitions/B'}}\n"
        "  B: {type: object, properties: {name: {type: string}}, example: {name: x}}\n"
    )
    document = upgrade(_document_at(spec)).document
    schemas = document["components"]["schemas"]
    assert schemas["A"]["properties"]["b"] == {"$ref": "#/components/schemas/B"}
    assert schemas["A"]["properties"]["many"]["items"] == {"$ref": "#/components/schemas/B"}
    oops = document["components"]["responses"]["Oops"]["content"]["application/json"]["schema"]
    assert oops == {"$ref": "#/components/schemas/B"}
    assert check_for_mock(spec).problems == []
    answer = make_client(spec_path=spec).get("/a")
    assert answer.status_code == 200 and "b" in answer.json()


def _document_at(path: Path) -> dict[str, object]:
    data = load_yaml_with_positions(path, positions=False).data
    assert isinstance(data, dict)
    return data


def test_a_refusal_answers_the_error_the_document_declares(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    # DigitalOcean declares `default` (181 operations), Twilio a bare 400 (91): Prism answers
    # those; the mock answered its own problem+json
    spec = tmp_path / "errors.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
        "components:\n  securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}\n"
        "  responses:\n    error:\n      description: any error\n"
        "      content:\n        application/json:\n"
        "          schema: {type: object, properties: {id: {type: string}, message: {type: string}}}\n"
        "          example: {id: bad_request, message: what went wrong}\n"
        "paths:\n"
        "  /droplets:\n    get:\n      security: [{key: []}]\n"
        "      parameters: [{name: per_page, in: query, schema: {type: integer, maximum: 200}}]\n"
        "      responses:\n        '200': {description: ok, content: {application/json: {example: [1]}}}\n"
        "        default: {$ref: '#/components/responses/error'}\n"
        "  /calls:\n    get:\n      parameters: [{name: Page, in: query, schema: {type: integer}}]\n"
        "      responses:\n        '200': {description: ok}\n"
        "        '400': {description: failed validation}\n"
        "  /ranged:\n    get:\n      parameters: [{name: n, in: query, schema: {type: integer}}]\n"
        "      responses:\n        '200': {description: ok}\n"
        "        4XX:\n          description: client error\n"
        "          content: {application/json: {example: {error: client}}}\n"
    )
    client = make_client(spec_path=spec)
    key = {"X-Key": "k"}
    invalid = client.get("/droplets?per_page=500", headers=key)
    assert invalid.status_code == 422 and invalid.json() == {
        "id": "bad_request",
        "message": "what went wrong",
    }
    assert invalid.headers["content-type"].startswith("application/json")
    assert json.loads(invalid.headers["sl-violations"])[0]["location"][:3] == ["request", "query", "per_page"]
    unauthorized = client.get("/droplets")
    assert unauthorized.status_code == 401 and unauthorized.json()["id"] == "bad_request"
    bare = client.get("/calls?Page=x")
    assert bare.status_code == 400 and bare.content == b"" and "content-type" not in bare.headers
    assert "sl-violations" in bare.headers
    ranged = client.get("/ranged?n=x")
    assert ranged.status_code == 422 and ranged.json() == {"error": "client"}


def test_flaws_prism_serves_are_repaired_with_a_warning_at_their_line(make_client: ClientFactory) -> None:
    # a Swagger-2 style `type` on a 3.0 parameter, a `type` that is an object: refused before
    spec = SPECS / "v30_swagger_style_flaws.yaml"
    checked = check_for_mock(spec)
    assert checked.problems == []
    assert [(w.line, w.reason.split(": ", 1)[1]) for w in checked.warnings] == [
        (7, "type written Swagger 2.0 style: read as its schema"),
        (21, "a type that names no type (dict): served without it"),
    ]
    client = make_client(spec_path=spec)
    assert client.get("/things?limit=3").json() == {"kind": "a"}
    assert client.get("/things?limit=x").status_code == 422  # the parameter's type is kept


def test_a_refused_spec_says_why_on_its_first_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "refused.yaml"
    flaws = (SPECS / "flaws.yaml").read_text()  # two warnings, and now a problem
    spec.write_text(flaws.replace("          in: query", "          in: nowhere", 1))
    assert main([str(spec)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{spec}:9:") and "nowhere" in err[0]
    assert not any("warning" in line for line in err)
