"""`api.md`: every resource method of the generated client with its signature and models.

Written by `generate.py` after the generator ran, from the generated resource classes themselves
(`api/<tag>/__init__.py`, read with `ast`, never imported), so the reference cannot drift from the
code: each method's signature as the code spells it, the HTTP method and path of its operation, the
first line of its docstring and the models it takes and returns.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

# Parameters every method has; the reference names them once at the top instead.
_COMMON_PARAMETERS = ("timeout", "extra_headers", "extra_query", "extra_body")
_ENDPOINT_LINE = re.compile(r"`([A-Z]+) (\S+)` \(operation `(\w+)`")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def api_reference(package: Path) -> str:
    """The text of `api.md` for the generated package directory `package`."""
    models = _model_names(package / "models" / "__init__.py")
    lines = [
        "# API reference",
        "",
        f"Generated from the resources of `{package.name}` by `make generate`; do not edit.",
        "",
        "Every method below also takes `timeout=`, `extra_headers=`, `extra_query=` and `extra_body=`,",
        "returns the model of the 2xx answer or raises a `LeelooError`. On `AsyncLeelooClient` the same",
        "methods are awaited (`iterate` is an async iterator there, also named `aiterate`), and",
        "`client.<resource>.with_raw_response.<method>(...)` returns a `RawResponse` (the model as",
        "`parsed`, with status, headers, request id, body and time).",
        "",
        f"Models live in `{package.name}.models`.",
    ]
    for tag, path in sorted(_resource_modules(package)):
        lines.extend(_resource_section(tag, path, models))
    return "\n".join(lines) + "\n"


def _model_names(models_init: Path) -> set[str]:
    tree = ast.parse(models_init.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _resource_modules(package: Path) -> Iterator[tuple[str, Path]]:
    for path in (package / "api").glob("*/__init__.py"):
        yield path.parent.name, path


def _resource_class(tree: ast.Module) -> ast.ClassDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            isinstance(base, ast.Name) and base.id == "SyncResource" for base in node.bases
        ):
            return node
    return None


def _resource_section(tag: str, path: Path, models: set[str]) -> list[str]:
    """The section of one resource: each public method, then the models its methods use."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    resource = _resource_class(tree)
    if resource is None:
        return []
    lines = ["", f"## {resource.name}: `client.{tag}`", ""]
    params = sorted(
        node.name for node in tree.body if isinstance(node, ast.ClassDef) and node.name.endswith("Param")
    )
    used: set[str] = set()
    overloads: dict[str, list[ast.FunctionDef]] = {}
    for method in resource.body:
        if not isinstance(method, ast.FunctionDef) or method.name.startswith("_"):
            continue
        if any(_is_named(decorator, "property") for decorator in method.decorator_list):
            continue
        if any(_is_named(decorator, "overload") for decorator in method.decorator_list):
            overloads.setdefault(method.name, []).append(method)
            continue
        lines.extend(_method_lines(tag, method, overloads.get(method.name, []), models, used))
    if used or params:
        lines.append("")
        lines.append("Models: " + ", ".join(f"`{name}`" for name in sorted(used)) + ".")
    if params:
        lines.append(
            "Plain-dict forms of nested body fields (TypedDicts in "
            f"`{tag}`): " + ", ".join(f"`{name}`" for name in params) + "."
        )
    return lines


def _method_lines(
    tag: str, method: ast.FunctionDef, overloads: list[ast.FunctionDef], models: set[str], used: set[str]
) -> list[str]:
    """One method's entry: its signature, endpoint and summary, and the models it takes (added,
    with those it returns, to ``used``)."""
    # A body with required fields: its keyword overload says which (the other takes `body=`).
    signature, returns = _signature((overloads or [method])[-1])
    doc = ast.get_docstring(method) or ""
    found = _ENDPOINT_LINE.search(doc)
    endpoint = f"`{found.group(1)} {found.group(2)}`" if found else ""
    summary = doc.splitlines()[0] if doc else ""
    taken = sorted(set(_IDENTIFIER.findall(signature)) & models)
    returned = sorted(set(_IDENTIFIER.findall(returns)) & models)
    used.update(taken, returned)
    lines = [f"- `client.{tag}.{method.name}({signature}) -> {returns}`"]
    lines.append(f"  {endpoint}: {summary}" if endpoint else f"  {summary}")
    if overloads:
        body = ast.unparse(overloads[0].args.kwonlyargs[0].annotation or ast.Constant(""))
        lines.append(f"  or the whole body as `body: {body}`")
        taken = sorted({*taken, *(set(_IDENTIFIER.findall(body)) & models)})
        used.update(taken)
    if taken:
        lines.append("  takes " + ", ".join(f"`{name}`" for name in taken))
    return lines


def _is_named(node: ast.expr, name: str) -> bool:
    return (isinstance(node, ast.Name) and node.id == name) or (
        isinstance(node, ast.Attribute) and node.attr == name
    )


def _signature(method: ast.FunctionDef) -> tuple[str, str]:
    """The method's parameters (self and the common ones left out) and its return annotation."""
    arguments = method.args
    positional = [_parameter(argument, None) for argument in arguments.args[1:]]
    keyword = [
        _parameter(argument, default)
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
        if argument.arg not in _COMMON_PARAMETERS
    ]
    parts = [*positional, *(["*", *keyword] if keyword else [])]
    returns = ast.unparse(method.returns) if method.returns is not None else "None"
    return ", ".join(parts), returns.replace("builtins.", "")


def _parameter(argument: ast.arg, default: ast.expr | None) -> str:
    text = argument.arg
    if argument.annotation is not None:
        text += ": " + ast.unparse(argument.annotation).replace("builtins.", "")
    if default is not None:
        text += " = " + ast.unparse(default)
    return text
