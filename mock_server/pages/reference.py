"""``/__docs``: the spec the mock serves as a readable API reference, rendered on the server.

Operations by tag (the document's tag order, then the rest, then the untagged), each with its
parameters, request body and responses, their examples, the ``x-evidence`` of every decision
(a guess is marked as one), and a form that sends the request to the mock itself. Schemas are
rendered once each, in their own section, and an operation links to them by name: the page
grows with the document, not with how often a schema is used, so GitHub's 5.7 MB description
renders in about a second (``make bench --sections pages``).

Every value of the document reaches the page through :func:`esc`; each example is cut at
``MAX_EXAMPLE_CHARS`` and each inline schema at ``MAX_SCHEMA_DEPTH`` levels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mock_server.pages._markup import Page, asset, esc, not_a_read, page
from mock_server.stages.pipeline import MockRequest, MockResponse, problem_response
from openapi_document import Operation, UnresolvableRef, operation_list, resolve
from openapi_document.evidence import evidence_register

DOCS_PATH = "/__docs"
EVIDENCE_KEY = "x-evidence"
MAX_EXAMPLE_CHARS = 8192
MAX_SCHEMA_DEPTH = 3
MAX_ENUM_SHOWN = 30
UNTAGGED = "Other operations"
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SCHEMA_PREFIXES = ("#/components/schemas/", "#/definitions/")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")


def slug(text: str) -> str:
    """An id fragment made of ``text`` (letters, digits, ``-_.``; the rest as ``-``)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", text) or "-"


def prose(text: Any) -> str:
    """A description as paragraphs: escaped, with Markdown's ``code`` and **strong** kept."""
    if not isinstance(text, str) or not text.strip():
        return ""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        shown = _STRONG.sub(r"<strong>\1</strong>", _CODE.sub(r"<code>\1</code>", esc(block)))
        paragraphs.append(f"<p>{shown}</p>")
    return f'<div class="desc">{"".join(paragraphs)}</div>'


def _evidence_of(node: Any) -> Mapping[str, Any] | None:
    entry = node.get(EVIDENCE_KEY) if isinstance(node, Mapping) else None
    return entry if isinstance(entry, Mapping) else None


def evidence_badge(node: Any) -> str:
    """``guess`` or ``verified`` as a small badge, or nothing without an ``x-evidence`` entry."""
    entry = _evidence_of(node)
    if entry is None:
        return ""
    status = "guess" if entry.get("status") == "guess" else "verified"
    return f' <span class="badge {status}" title="x-evidence: {status}">{status}</span>'


def evidence_block(node: Any) -> str:
    """The ``x-evidence`` entry of ``node`` in full: its status and its sources."""
    entry = _evidence_of(node)
    if entry is None:
        return ""
    status = "guess" if entry.get("status") == "guess" else "verified"
    label = "Guess: nothing public shows this yet" if status == "guess" else "Verified"
    sources = entry.get("sources")
    listed = "".join(f"<li>{esc(source)}</li>" for source in sources) if isinstance(sources, list) else ""
    return (
        f'<div class="evidence {status}"><span class="badge {status}">{status}</span> {label}'
        f"{f'<ul>{listed}</ul>' if listed else ''}</div>"
    )


def example_text(value: Any) -> str:
    """An example as indented JSON (text as it is), cut at ``MAX_EXAMPLE_CHARS``."""
    text = value if isinstance(value, str) else json.dumps(value, indent=2, ensure_ascii=False, default=str)
    if len(text) > MAX_EXAMPLE_CHARS:
        text = text[:MAX_EXAMPLE_CHARS] + f"\n… (cut at {MAX_EXAMPLE_CHARS} characters)"
    return text


class Reference:
    """Renders one document; ``resolve`` failures (a dangling ``$ref``) show as text, never raise."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.fragments: list[str] = []  # the cards' bodies, drawn when a card is opened

    def card(self, classes: str, anchor: str, summary: str, body: str, data: str = "") -> str:
        """A closed ``<details>`` card whose body waits in :attr:`fragments` until it is opened."""
        self.fragments.append(body)
        return (
            f'<details class="{classes} card" id="{esc(anchor)}" '
            f'data-fragment="{len(self.fragments) - 1}"{data}>'
            f'<summary>{summary}</summary><div class="opbody"></div></details>'
        )

    def resolved(self, node: Any) -> Any:
        try:
            return resolve(self.document, node)
        except (UnresolvableRef, RecursionError):
            return {}

    # -- schemas ------------------------------------------------------------------------------
    def schema_link(self, reference: str) -> str | None:
        for prefix in _SCHEMA_PREFIXES:
            if reference.startswith(prefix):
                name = reference[len(prefix) :].replace("~1", "/").replace("~0", "~")
                return f'<a class="schema-name" href="#schema-{esc(slug(name))}">{esc(name)}</a>'
        return None

    def type_of(self, schema: Any, depth: int = 0) -> str:
        """A short, linked description of a schema's type: ``array of Person``, ``string (date)``."""
        if not isinstance(schema, Mapping):
            return "any" if schema is True or schema == {} else esc(type(schema).__name__)
        reference = schema.get("$ref")
        if isinstance(reference, str):
            return self.schema_link(reference) or esc(reference)
        if depth > MAX_SCHEMA_DEPTH:
            return "…"
        for combiner, word in (("oneOf", "one of"), ("anyOf", "any of"), ("allOf", "all of")):
            parts = schema.get(combiner)
            if isinstance(parts, list) and parts:
                return f"{word} ({', '.join(self.type_of(part, depth + 1) for part in parts[:12])})"
        kind = schema.get("type")
        kind_text = " | ".join(str(k) for k in kind) if isinstance(kind, list) else str(kind or "")
        if kind == "array" or "items" in schema:
            return f"array of {self.type_of(schema.get('items', {}), depth + 1)}"
        if not kind_text:
            kind_text = "object" if "properties" in schema else "any"
        extras = []
        if schema.get("format"):
            extras.append(esc(schema["format"]))
        for key, sign in (
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("minLength", "length ≥"),
            ("maxLength", "length ≤"),
        ):
            if key in schema:
                extras.append(f"{sign} {esc(schema[key])}")
        if schema.get("nullable"):
            extras.append("nullable")
        text = esc(kind_text) + (f" ({', '.join(extras)})" if extras else "")
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            shown = ", ".join(
                f"<code>{esc(json.dumps(v, ensure_ascii=False))}</code>" for v in enum[:MAX_ENUM_SHOWN]
            )
            more = f" and {len(enum) - MAX_ENUM_SHOWN} more" if len(enum) > MAX_ENUM_SHOWN else ""
            text += f": one of {shown}{more}"
        return text

    def schema_table(self, schema: Any, depth: int = 0) -> str:
        """An object's properties as a table (inline objects nested, ``$ref``s linked)."""
        if not isinstance(schema, Mapping):
            return f"<p>{self.type_of(schema)}</p>"
        reference = schema.get("$ref")
        if isinstance(reference, str):
            return f"<p>{self.type_of(schema)}</p>"
        parts = [evidence_block(schema)] if depth else []
        for combiner in ("allOf", "oneOf", "anyOf"):
            listed = schema.get(combiner)
            if isinstance(listed, list) and listed and depth <= MAX_SCHEMA_DEPTH:
                parts.append(f"<p>{self.type_of(schema)}</p>")
                parts.extend(
                    self.schema_table(part, depth + 1)
                    for part in listed
                    if isinstance(part, Mapping) and "$ref" not in part
                )
                return "".join(parts)
        properties = schema.get("properties")
        if not isinstance(properties, Mapping) or not properties:
            items = schema.get("items")
            parts.append(f"<p>{self.type_of(schema)}</p>")
            if isinstance(items, Mapping) and "$ref" not in items and depth <= MAX_SCHEMA_DEPTH:
                parts.append(self.schema_table(items, depth + 1) if "properties" in items else "")
            return "".join(parts)
        required = set(schema.get("required") or ()) if isinstance(schema.get("required"), list) else set()
        rows = []
        for name, prop in properties.items():
            nested = ""
            if isinstance(prop, Mapping) and "$ref" not in prop and depth < MAX_SCHEMA_DEPTH:
                inner = prop.get("items") if prop.get("type") == "array" else prop
                if isinstance(inner, Mapping) and isinstance(inner.get("properties"), Mapping):
                    nested = self.schema_table(inner, depth + 1)
            description = prop.get("description") if isinstance(prop, Mapping) else None
            rows.append(
                f"<tr><td><code>{esc(name)}</code>"
                f"{' <span class=required>required</span>' if name in required else ''}"
                f"{evidence_badge(prop)}</td><td>{self.type_of(prop)}</td>"
                f"<td>{prose(description)}{nested}</td></tr>"
            )
        return (
            "".join(parts)
            + "<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead>"
            + f"<tbody>{''.join(rows)}</tbody></table>"
        )

    # -- operations ---------------------------------------------------------------------------
    def examples_html(self, media: Mapping[str, Any]) -> str:
        shown = []
        if "example" in media:
            shown.append(("example", media["example"]))
        examples = media.get("examples")
        if isinstance(examples, Mapping):
            for name, example in list(examples.items())[:5]:
                example = self.resolved(example)
                if isinstance(example, Mapping) and "value" in example:
                    shown.append((str(name), example["value"]))
        if not shown:
            schema = self.resolved(media.get("schema"))
            if isinstance(schema, Mapping) and "example" in schema:
                shown.append(("schema example", schema["example"]))
        return "".join(
            f'<h4 class="muted">{esc(name)}</h4><pre class="example">{esc(example_text(value))}</pre>'
            for name, value in shown
        )

    def first_example(self, media: Mapping[str, Any]) -> Any:
        if "example" in media:
            return media["example"]
        examples = media.get("examples")
        if isinstance(examples, Mapping):
            for example in examples.values():
                example = self.resolved(example)
                if isinstance(example, Mapping) and "value" in example:
                    return example["value"]
        schema = self.resolved(media.get("schema"))
        return schema.get("example") if isinstance(schema, Mapping) else None

    def parameters_html(self, parameters: Iterable[Mapping[str, Any]]) -> str:
        rows = []
        for parameter in parameters:
            schema = parameter.get("schema", parameter)  # Swagger 2.0 puts the type on the parameter
            rows.append(
                f"<tr><td><code>{esc(parameter.get('name', ''))}</code>"
                f"{' <span class=required>required</span>' if parameter.get('required') else ''}"
                f"{evidence_badge(parameter)}</td><td>{esc(parameter.get('in', ''))}</td>"
                f"<td>{self.type_of(schema)}</td><td>{prose(parameter.get('description'))}"
                f"{evidence_block(parameter) if _evidence_of(parameter) else ''}</td></tr>"
            )
        if not rows:
            return ""
        return (
            "<h3>Parameters</h3><table><thead><tr><th>Name</th><th>In</th><th>Type</th>"
            f"<th>Description</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def body_html(self, body: Mapping[str, Any] | None) -> str:
        if not body:
            return ""
        parts = [
            f"<h3>Request body{' <span class=required>required</span>' if body.get('required') else ''}"
            f"{evidence_badge(body)}</h3>",
            prose(body.get("description")),
            evidence_block(body),
        ]
        content = body.get("content")
        for media_type, media in content.items() if isinstance(content, Mapping) else ():
            if not isinstance(media, Mapping):
                continue
            parts.append(f"<h4><code>{esc(media_type)}</code></h4>")
            parts.append(self.schema_table(media.get("schema", {})))
            parts.append(self.examples_html(media))
        return "".join(parts)

    def responses_html(self, responses: Mapping[str, Mapping[str, Any]]) -> str:
        parts = ["<h3>Responses</h3>"]
        for status, response in responses.items():
            status_class = f"status-{status[0]}" if status[:1].isdigit() else ""
            parts.append(
                f'<div class="response"><h4><span class="{status_class}">{esc(status)}</span>'
                f"{evidence_badge(response)}</h4>{prose(response.get('description'))}{evidence_block(response)}"
            )
            headers = response.get("headers")
            if isinstance(headers, Mapping) and headers:
                rows = []
                for name, header in headers.items():
                    header = self.resolved(header)
                    header = header if isinstance(header, Mapping) else {}
                    rows.append(
                        f"<tr><td><code>{esc(name)}</code>{evidence_badge(header)}</td>"
                        f"<td>{self.type_of(header.get('schema', header))}</td>"
                        f"<td>{prose(header.get('description'))}</td></tr>"
                    )
                parts.append(
                    "<table><thead><tr><th>Header</th><th>Type</th><th>Description</th></tr></thead>"
                    f"<tbody>{''.join(rows)}</tbody></table>"
                )
            content = response.get("content")
            for media_type, media in content.items() if isinstance(content, Mapping) else ():
                if isinstance(media, Mapping):
                    parts.append(f"<h4><code>{esc(media_type)}</code></h4>")
                    parts.append(self.schema_table(media.get("schema", {})))
                    parts.append(self.examples_html(media))
            if "schema" in response:  # Swagger 2.0
                parts.append(self.schema_table(response["schema"]))
            parts.append("</div>")
        return "".join(parts)

    def security_headers(self, operation: Operation) -> list[str]:
        """The header names of the apiKey schemes the operation's security names."""
        components = self.document.get("components")
        schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
        if not isinstance(schemes, Mapping):
            schemes = self.document.get("securityDefinitions")
        names: list[str] = []
        for requirement in operation.security:
            for scheme_name in requirement if isinstance(requirement, Mapping) else ():
                scheme = self.resolved(schemes.get(scheme_name)) if isinstance(schemes, Mapping) else None
                if (
                    isinstance(scheme, Mapping)
                    and scheme.get("type") == "apiKey"
                    and scheme.get("in") == "header"
                ):
                    name = str(scheme.get("name", ""))
                    if name and name not in names:
                        names.append(name)
        return names

    def parameter_field(self, parameter: Mapping[str, Any]) -> str | None:
        """The labelled input of a path, query or header parameter, prefilled from its example or
        default (an optional query parameter's only as a hint); None for a cookie parameter."""
        place = str(parameter.get("in", ""))
        if place not in ("path", "query", "header"):
            return None
        schema = self.resolved(parameter.get("schema", parameter))
        value = parameter.get("example")
        if value is None and isinstance(schema, Mapping):
            value = schema.get("example", schema.get("default"))
        prefill = "" if value is None else str(value) if not isinstance(value, bool) else str(value).lower()
        if place == "query" and not parameter.get("required"):
            attributes = f'placeholder="{esc(prefill)}"'
        else:
            attributes = f'value="{esc(prefill)}"' + (" required" if place == "path" else "")
        return (
            f"<label>{esc(parameter.get('name', ''))} <span class=muted>({esc(place)})</span></label>"
            f'<input data-in="{esc(place)}" data-name="{esc(parameter.get("name", ""))}" {attributes}>'
        )

    def body_field(self, operation: Operation, body: Mapping[str, Any] | None) -> str | None:
        """The request body's text area, prefilled with the first media type's example."""
        content = body.get("content") if body else None
        if isinstance(content, Mapping) and content:
            media_type, media = next(iter(content.items()))
            example = self.first_example(media) if isinstance(media, Mapping) else None
            text = "" if example is None else example_text(example)
            return (
                f"<label>body <span class=muted>({esc(media_type)})</span></label>"
                f'<textarea data-in="body" data-type="{esc(media_type)}">{esc(text)}</textarea>'
            )
        if operation.method in _METHODS_WITH_BODY and body is not None:
            return '<label>body</label><textarea data-in="body" data-type="application/json"></textarea>'
        return None

    def try_form(
        self, operation: Operation, parameters: list[Mapping[str, Any]], body: Mapping[str, Any] | None
    ) -> str:
        """The form that sends the operation to the mock from the page."""
        fields = [field for field in map(self.parameter_field, parameters) if field is not None]
        for header in self.security_headers(operation):
            fields.append(
                f"<label>{esc(header)} <span class=muted>(header, not kept)</span></label>"
                f'<input type="password" autocomplete="off" data-in="header" data-name="{esc(header)}" '
                'data-secret="1" value="demo-token">'
            )
        body_field = self.body_field(operation, body)
        if body_field is not None:
            fields.append(body_field)
        return (
            f'<form class="try" data-method="{esc(operation.method)}" data-path="{esc(operation.path)}">'
            f'<h3>Try it against the mock</h3><div class="fields">{"".join(fields)}</div>'
            '<p><button type="submit">Send</button> <span class="muted sent"></span></p>'
            '<div class="answer"></div></form>'
        )

    def operation_html(self, operation: Operation) -> str:
        definition = operation.definition
        try:
            parameters = [p for p in operation.parameters if isinstance(p, Mapping)]
            body = operation.request_body
            responses = operation.responses
        except (UnresolvableRef, RecursionError) as exc:
            return self.card(
                "operation",
                f"op-{slug(operation.name)}",
                f'<span class="path">{esc(operation.label)}</span>',
                f'<p class="violation">Cannot be shown: {esc(exc)}</p>',
                f' data-operation="{esc(operation.name)}"',
            )
        method = operation.method.lower()
        deprecated = " <span class=badge>deprecated</span>" if definition.get("deprecated") else ""
        return self.card(
            "operation",
            f"op-{slug(operation.name)}",
            f'<span class="method {esc(method)}">{esc(operation.method)}</span>'
            f'<span class="path">{esc(operation.path)}</span>'
            f'<span class="summary">{esc(operation.summary)}</span>{deprecated}{evidence_badge(definition)}'
            f'<span class="opid">{esc(operation.operation_id)}</span>',
            f"{prose(definition.get('description'))}{evidence_block(definition)}"
            f"{self.parameters_html(parameters)}{self.body_html(body)}{self.responses_html(responses)}"
            f"{self.try_form(operation, parameters, body)}",
            f' data-operation="{esc(operation.name)}"',
        )

    # -- the page -----------------------------------------------------------------------------
    def schemas_html(self) -> str:
        components = self.document.get("components")
        schemas = components.get("schemas") if isinstance(components, Mapping) else None
        if not isinstance(schemas, Mapping):
            schemas = self.document.get("definitions")
        if not isinstance(schemas, Mapping) or not schemas:
            return ""
        cards = [
            self.card(
                "schema",
                f"schema-{slug(str(name))}",
                f'<span class="schema-name">{esc(name)}</span>{evidence_badge(schema)}',
                f"{prose(schema.get('description') if isinstance(schema, Mapping) else None)}"
                f"{evidence_block(schema)}{self.schema_table(schema)}",
            )
            for name, schema in schemas.items()
        ]
        return f'<section class="schemas"><h2 class="tag" id="schemas">Schemas</h2>{"".join(cards)}</section>'

    def grouped(self, operations: list[Operation]) -> list[tuple[str, list[Operation]]]:
        declared = [str(t.get("name")) for t in self.document.get("tags") or () if isinstance(t, Mapping)]
        groups: dict[str, list[Operation]] = {name: [] for name in declared}
        for operation in operations:
            groups.setdefault(operation.tag or UNTAGGED, []).append(operation)
        if UNTAGGED in groups:
            groups[UNTAGGED] = groups.pop(UNTAGGED)
        return [(name, listed) for name, listed in groups.items() if listed]

    def render(self) -> Page:
        try:
            operations = operation_list(self.document, follow_path_item_refs=True)
        except (UnresolvableRef, RecursionError, KeyError, TypeError, AttributeError):
            operations = []
        info = self.document.get("info") if isinstance(self.document.get("info"), Mapping) else {}
        assert isinstance(info, Mapping)
        title = str(info.get("title") or "API reference")
        tag_descriptions = {
            str(t.get("name")): t for t in self.document.get("tags") or () if isinstance(t, Mapping)
        }
        toc, sections = [], []
        register = evidence_register(self.document)
        guesses = sum(1 for entry in register if entry.status == "guess")
        registered = f" · {guesses} guesses in the evidence register" if register else ""
        for tag, listed in self.grouped(operations):
            anchor = f"tag-{slug(tag)}"
            links = "".join(
                f'<li><a href="#op-{esc(slug(op.name))}"><span class="mono">{esc(op.method)}</span> '
                f"{esc(op.path)}</a></li>"
                for op in listed
            )
            toc.append(f'<div class="tagname"><a href="#{esc(anchor)}">{esc(tag)}</a></div><ul>{links}</ul>')
            tag_node = tag_descriptions.get(tag, {})
            sections.append(
                f'<section class="tag-section"><h2 class="tag" id="{esc(anchor)}">{esc(tag)}</h2>'
                f"{prose(tag_node.get('description'))}"
                f"{''.join(self.operation_html(op) for op in listed)}</section>"
            )
        schemas = self.schemas_html()
        if schemas:
            toc.append('<div class="tagname"><a href="#schemas">Schemas</a></div>')
        body = (
            f'<header class="top"><h1>{esc(title)}</h1>'
            f'<span class="meta">version {esc(info.get("version", ""))}'
            f" · {len(operations)} operations{registered}</span>"
            '<label>Send to <input id="target" size="28"></label>'
            '<label><input type="checkbox" id="expand"> open all</label></header>'
            f'<main><div class="layout"><nav class="toc">{"".join(toc)}</nav><div class="content">'
            f"{prose(info.get('description'))}{evidence_block(info)}{''.join(sections)}{schemas}"
            '</div></div></main><script type="application/json" id="fragments">'
            f"{_data_block(self.fragments)}</script>"
        )
        return page(f"{title}: API reference", body, asset("reference.js"))


def _data_block(value: Any) -> str:
    """``value`` as JSON that cannot end the ``<script>`` data block it sits in early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def render_reference(document: Mapping[str, Any]) -> Page:
    """The reference page of ``document`` (an OpenAPI 3.x or Swagger 2.0 document as a mapping)."""
    return Reference(document).render()


class ReferenceEndpoint:
    """Answers ``GET /__docs`` (the page) and ``GET /__docs/openapi.json`` (the document) for the
    spec the mock serves now (``document`` is asked on each request: a reload shows at once).

    The page is rendered on the first request after each reload and kept.
    """

    def __init__(self, document: Callable[[], Mapping[str, Any]]) -> None:
        self.document = document
        self._cached: tuple[Mapping[str, Any], Page, bytes | None] | None = None

    def _current(self) -> tuple[Mapping[str, Any], Page, bytes | None]:
        document = self.document()
        cached = self._cached
        if cached is None or cached[0] is not document:
            cached = self._cached = (document, render_reference(document), None)
        return cached

    def __call__(self, request: MockRequest) -> MockResponse:
        path = request.path
        refused = not_a_read(request)
        if refused is not None:
            return refused
        bare = path.split("?", 1)[0].rstrip("/")
        document, rendered, encoded = self._current()
        if bare == DOCS_PATH:
            return rendered.response(cache=True)
        if bare == f"{DOCS_PATH}/openapi.json":
            if encoded is None:
                encoded = json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")
                self._cached = (document, rendered, encoded)
            return MockResponse(200, encoded, "application/json", [("x-content-type-options", "nosniff")])
        return problem_response(
            404, f"{bare} is not a page: {DOCS_PATH} and {DOCS_PATH}/openapi.json are.", "about:blank", path
        )


def is_docs_path(path: str) -> bool:
    """Whether ``path`` (without its query) is the reference's."""
    return path == DOCS_PATH or path.startswith(DOCS_PATH + "/")
