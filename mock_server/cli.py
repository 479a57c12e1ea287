"""``leeloo-mock``: serve a Prism-style mock of an OpenAPI document.

Checks the spec first (file:line:column: reason, exit 1), prints the URL and the table of
operations, logs one line per request, and stops cleanly on Ctrl-C or SIGTERM (exit 0).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mock_server._config import DEFAULT_WATCH_INTERVAL, MockConfig
from mock_server.faults import options as faults_options
from mock_server.proxy import options as proxy_options
from mock_server.proxy.config import (
    DEFAULT_MAX_UPSTREAM_SIZE,
    DEFAULT_UPSTREAM_CONCURRENCY,
    DEFAULT_UPSTREAM_TIMEOUT,
)
from mock_server.recording import options as recording_options
from mock_server.replay import options as replay_options
from mock_server.server import options as server_options
from mock_server.server.app import AccessLog, MockApp
from mock_server.server.config import (
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_JOURNAL_SIZE,
    DEFAULT_MAX_BODY_SIZE,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_HEADER_SIZE,
    DEFAULT_MAX_URL_SIZE,
    MAX_JOURNAL_SIZE,
)
from mock_server.spec import options as spec_options
from mock_server.spec.check import passes_spec_check
from mock_server.spec.compiled import CompiledOperation
from mock_server.spec.document import SPEC_ENV_VAR, SpecError, default_spec_path
from mock_server.stateful import options as stateful_options
from mock_server.stateful.config import DEFAULT_MAX_RECORDS, DEFAULT_MAX_STORE_BYTES
from mock_server.stores import StoreError
from mock_server.stores import options as store_options
from mock_server.workers import options as worker_options

TOKENS_ENV_VAR = "LEELOO_MOCK_TOKENS"
FILE_LIMIT_RESERVE = 64  # descriptors the process needs besides its connections
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None


def _port(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (0-65535)")
    return value


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return value


def seconds_up_to(maximum: float) -> Callable[[str], float]:
    """An argparse type: a number of seconds more than 0 and at most ``maximum`` (``nan`` is not)."""

    def seconds(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if not 0 < value <= maximum:
            raise argparse.ArgumentTypeError(f"{text} must be more than 0 and at most {maximum:g} seconds")
        return value

    return seconds


_seconds = seconds_up_to(3600)


def _upstream(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    return text.rstrip("/")


def _journal_size(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= MAX_JOURNAL_SIZE:
        raise argparse.ArgumentTypeError(f"{text} must be from 0 to {MAX_JOURNAL_SIZE}")
    return value


def _error_status(text: str) -> int:
    value = _integer(text)
    if not 200 <= value <= 599:
        raise argparse.ArgumentTypeError(f"{text} is not an HTTP status of an answer (200-599)")
    return value


def _shown(url: str) -> str:
    """The upstream URL as printed: a password or a secret query value as ``REDACTED``."""
    from mock_server.har.redaction import redact_url

    return redact_url(url)


def _token(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("a token cannot be empty")
    return text.strip()


PRISM_COMMANDS = ("mock", "proxy")
SPEC_FILE_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json")  # looked for in a folder named as SPEC
SPEC_HELP = "the OpenAPI document (default: $LEELOO_MOCK_SPEC, else Leeloo's, shipped with the mock)"
# one grammar for the three forms, shown first by --help and by every usage error
USAGE = """leeloo-mock [SPEC] [OPTIONS]
       leeloo-mock mock [SPEC] [OPTIONS]                 (Prism's form: the same as the first)
       leeloo-mock proxy SPEC UPSTREAM [OPTIONS]         (Prism's form: leeloo-mock SPEC --proxy UPSTREAM)

Every form takes every option, Prism's short ones too: -p PORT (--port), -h HOST (--host),
-d (--dynamic). -h is the host, as in Prism: help is --help."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line, one grammar for the three forms; argparse answers bad arguments with the
    usage and exit status 2.

    ``command`` is ``None`` (``leeloo-mock SPEC -p 4010``) or one of Prism's forms, ``mock``
    (``leeloo-mock mock SPEC -p 4010 -h HOST -d``, the same) or ``proxy`` (``leeloo-mock proxy
    SPEC UPSTREAM``, which adds the upstream argument). Every form has Prism's short options; ``-h``
    is the host in each, as in Prism, so help is ``--help``.
    """
    parser = argparse.ArgumentParser(
        prog=f"leeloo-mock {command}" if command in PRISM_COMMANDS else "leeloo-mock",
        usage=USAGE,
        description="Serve a Prism-style mock of an OpenAPI 3.1 document (3.0 and Swagger 2.0 are read too).",
        add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--help", action="help", help="show this help message and exit")
    parser.add_argument("spec", nargs="?", type=Path, help=SPEC_HELP)
    if command == "proxy":
        parser.add_argument("upstream", type=_upstream, help="the API to forward to and validate")
    parser.add_argument("-h", "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "-p",
        "--port",
        type=_port,
        default=4010,
        help="port to bind, 0 for any free one (default 4010)",
    )
    parser.add_argument(
        "-d", "--dynamic", action="store_true", help="answer with generated data instead of examples"
    )
    parser.add_argument(
        "--seed", type=int, help="seed of the generated data, delays and failures (repeatable answers)"
    )
    parser.add_argument("--stateful", action="store_true", help="remember created and updated resources")
    parser.add_argument(
        "--token",
        dest="tokens",
        metavar="TOKEN",
        action="append",
        type=_token,
        help=f"the only token accepted (repeatable; also ${TOKENS_ENV_VAR}, comma-separated)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="with --proxy (or the proxy form): refuse violating requests with their problem, turn "
        "violating answers into a 502 (the mock itself always refuses violating requests)",
    )
    parser.add_argument(
        "--no-cors", dest="cors", action="store_false", help="no CORS headers, no preflight answers"
    )
    parser.add_argument(
        "--max-connections",
        type=_positive,
        default=DEFAULT_MAX_CONNECTIONS,
        metavar="N",
        help=f"open connections served at once; past it 503 at once (default {DEFAULT_MAX_CONNECTIONS})",
    )
    parser.add_argument(
        "--idle-timeout",
        type=_seconds,
        default=DEFAULT_IDLE_TIMEOUT,
        metavar="S",
        help=f"close a connection idle between requests after S seconds (default {DEFAULT_IDLE_TIMEOUT:g})",
    )
    parser.add_argument(
        "--header-timeout",
        type=_seconds,
        default=DEFAULT_HEADER_TIMEOUT,
        metavar="S",
        help=f"a request head must arrive within S seconds, else 408 (default {DEFAULT_HEADER_TIMEOUT:g})",
    )
    parser.add_argument(
        "--body-timeout",
        type=_seconds,
        default=DEFAULT_BODY_TIMEOUT,
        metavar="S",
        help=f"a request body must arrive within S seconds, else 408 (default {DEFAULT_BODY_TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-url-size",
        type=_positive,
        default=DEFAULT_MAX_URL_SIZE,
        metavar="BYTES",
        help="longer request targets get 414 (default 16 KiB)",
    )
    parser.add_argument(
        "--max-header-size",
        type=_positive,
        default=DEFAULT_MAX_HEADER_SIZE,
        metavar="BYTES",
        help="larger header blocks get 431 (default 64 KiB)",
    )
    parser.add_argument(
        "--cors-origin",
        dest="cors_origins",
        metavar="ORIGIN",
        action="append",
        help="a browser origin allowed to call the mock (repeatable; SCHEME://HOST:* for any port, "
        "* for any origin, without credentials); others get 403 (default: loopback origins)",
    )
    parser.add_argument(
        "--allowed-host",
        dest="allowed_hosts",
        metavar="NAME",
        action="append",
        help="a Host header to answer besides localhost, 127.0.0.1, [::1] and --host "
        "(repeatable; NAME or NAME:PORT, * for any); others get 421",
    )
    parser.add_argument(
        "--proxy", type=_upstream, metavar="UPSTREAM_URL", help="forward to this API and validate"
    )
    parser.add_argument("--log-level", choices=LOG_LEVELS, default="info", help="info logs every request")
    parser.add_argument(
        "--max-body-size",
        type=_positive,
        default=DEFAULT_MAX_BODY_SIZE,
        metavar="BYTES",
        help="larger bodies get 413",
    )
    parser.add_argument(
        "--allow-refs-under",
        type=Path,
        metavar="DIR",
        help="let a $ref name files under DIR (default: only references inside the document)",
    )
    parser.add_argument(
        "--max-records",
        type=_positive,
        default=DEFAULT_MAX_RECORDS,
        metavar="N",
        help="--stateful store capacity",
    )
    parser.add_argument(
        "--error-status",
        type=_error_status,
        metavar="STATUS",
        help="send Leeloo's error envelopes with this HTTP status, e.g. 200 (the API may report a "
        "failure inside a 2xx answer); default: the status the spec declares",
    )
    parser.add_argument(
        "--max-upstream-size",
        type=_positive,
        default=DEFAULT_MAX_UPSTREAM_SIZE,
        metavar="BYTES",
        help="with --proxy: larger upstream answers (as sent or decoded) get 502 (default 16 MiB)",
    )
    parser.add_argument(
        "--upstream-timeout",
        type=_seconds,
        default=DEFAULT_UPSTREAM_TIMEOUT,
        metavar="SECONDS",
        help="with --proxy: deadline of a whole upstream exchange, then 504 (default 30)",
    )
    parser.add_argument(
        "--max-upstream-concurrency",
        type=_positive,
        default=DEFAULT_UPSTREAM_CONCURRENCY,
        metavar="N",
        help="with --proxy: requests waiting on the upstream at once; more get 503 (default 64)",
    )
    parser.add_argument(
        "--max-store-bytes",
        type=_positive,
        default=DEFAULT_MAX_STORE_BYTES,
        metavar="BYTES",
        help="--stateful store capacity in bytes of records as JSON; past it 507 (default 64 MiB)",
    )
    parser.add_argument(
        "--journal-size",
        type=_journal_size,
        default=DEFAULT_JOURNAL_SIZE,
        metavar="N",
        help=f"requests kept for GET /__admin/requests, 0 for none (default {DEFAULT_JOURNAL_SIZE})",
    )
    parser.add_argument(
        "--no-watch",
        dest="watch",
        action="store_false",
        help="do not reload the spec (and its mock-resources.yaml) when the file changes",
    )
    parser.add_argument(
        "--watch-interval",
        type=_seconds,
        default=DEFAULT_WATCH_INTERVAL,
        metavar="S",
        help=f"how often the spec's file is looked at for changes (default {DEFAULT_WATCH_INTERVAL:g})",
    )
    faults_options.add_arguments(parser)
    recording_options.add_arguments(parser)
    replay_options.add_arguments(parser)
    store_options.add_arguments(parser)
    worker_options.add_arguments(parser)
    spec_options.add_arguments(parser)
    return parser


def _tokens(cli_tokens: Sequence[str] | None) -> frozenset[str] | None:
    found = list(cli_tokens or [])
    found += [t.strip() for t in os.environ.get(TOKENS_ENV_VAR, "").split(",") if t.strip()]
    return frozenset(found) if found else None


def operation_table(operations: Sequence[CompiledOperation]) -> str:
    """What the mock serves, one operation a line: method, path, operationId, summary."""
    rows = [("METHOD", "PATH", "OPERATION", "SUMMARY")]
    rows += [(op.method, op.path, op.operation_id, op.summary) for op in operations]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(
            (*(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3])
        ).rstrip()
        for row in rows
    )


def _warn_if_near_the_file_limit(max_connections: int) -> None:
    """Past ``ulimit -n`` connections are reset by the kernel instead of getting the 503."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and max_connections > soft - FILE_LIMIT_RESERVE:
        print(
            f"leeloo-mock: warning: --max-connections {max_connections} is close to the open-file "
            f"limit (ulimit -n {soft}); past it clients are reset instead of answered 503: "
            f"lower --max-connections below {max(1, soft - FILE_LIMIT_RESERVE)} or raise the limit",
            file=sys.stderr,
        )


def _spec_file(parser: argparse.ArgumentParser, named: Path) -> Path:
    """The spec a SPEC argument means: the file, or a folder's openapi.yaml (``leeloo-mock mock spec``)."""
    if not named.is_dir():
        return named
    for name in SPEC_FILE_NAMES:
        if (named / name).is_file():
            return named / name
    parser.error(f"{named} is a folder without {' or '.join(SPEC_FILE_NAMES)}: name the spec file")


def config_from_args(
    parser: argparse.ArgumentParser, args: argparse.Namespace, spec_path: Path
) -> MockConfig:
    """The mock's settings from the parsed command line: the options that differ in form from
    their field, and each room's own group through the room's ``from_args``, by name; every
    other option whose ``dest`` is a field of :class:`MockConfig` as it is."""
    derived: dict[str, Any] = {
        "tokens": _tokens(args.tokens),
        "log_requests": args.log_level in ("debug", "info"),
        "limits": server_options.limits_from_args(args),
        "access": server_options.access_from_args(args),
        "proxy": proxy_options.from_args(args),
        "store_limits": stateful_options.from_args(args),
        "faults": faults_options.from_args(parser, args),
        "recording": recording_options.from_args(parser, args),
        "replay": replay_options.from_args(parser, args),
        "store": store_options.from_args(parser, args),
        "spec_bounds": spec_options.from_args(parser, args),
    }
    as_named = {
        field.name: getattr(args, field.name)
        for field in fields(MockConfig)
        if field.name not in derived and field.name != "spec_path" and hasattr(args, field.name)
    }
    return MockConfig(spec_path=spec_path, **as_named, **derived)


# keywords of MockConfig.from_options whose option has another dest
_OPTION_DESTS = {
    "upstream_concurrency": "max_upstream_concurrency",
    "recording": "record",
    "spec_bounds": "max_spec_size",
}


def command_line_options(options: Mapping[str, Any]) -> list[str]:
    """The options of ``leeloo-mock`` that configure what ``MockConfig.from_options(SPEC,
    **options)`` does, found in the parser's own grammar: a flag for True (``--no-...`` for False
    where the option turns a default off), one option per item of a repeatable one, and a
    cassette's recording or replay as its file. TypeError names a keyword the command line lacks."""
    actions = {action.dest: action for action in build_parser("proxy")._actions if action.option_strings}
    argv: list[str] = []
    for keyword, value in options.items():
        action = actions.get(_OPTION_DESTS.get(keyword, keyword))
        if action is None:
            raise TypeError(f"{keyword}= has no command-line option of leeloo-mock")
        flag = action.option_strings[-1]
        value = getattr(value, "path", value)  # a cassette's recording or replay: its file
        value = getattr(value, "max_bytes", value)  # spec_bounds: the size in bytes
        if isinstance(action, argparse._StoreConstAction):  # store_true and store_false
            argv += [flag] if value == action.const else []
        elif isinstance(action, argparse._AppendAction) and not isinstance(value, str):
            for item in value:
                argv += [flag, str(item)]
        elif value is not None:
            argv += [flag, str(value)]
    return argv


def _parsed(argv: Sequence[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments and arguments[0] in PRISM_COMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(arguments[1:] if command else arguments)
    if command == "proxy":
        if args.proxy is not None and args.proxy != args.upstream:
            parser.error(f"the upstream is named twice: {args.upstream} and --proxy {args.proxy}")
        args.proxy = args.upstream
    if args.errors and args.proxy is None:
        parser.error(
            "--errors works with --proxy (or leeloo-mock proxy SPEC UPSTREAM): without a proxy the mock "
            "already refuses every request that violates the spec"
        )
    return parser, args


def _announce(config: MockConfig, operations: Sequence[CompiledOperation], url: str, started: float) -> None:
    mode = (
        "proxy to " + _shown(config.proxy.upstream)
        if config.proxy
        else ("dynamic" if config.dynamic else "static examples")
    )
    store = config.store
    stateful = (", stateful" + (f", store {store.description}" if store else "")) if config.stateful else ""
    print(f"leeloo-mock: {config.spec_path} ({len(operations)} operations, {mode}{stateful})")
    print(operation_table(operations))
    print(f"leeloo-mock: listening on {url} (ready in {time.perf_counter() - started:.2f}s)", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the mock until interrupted; 1 on a bad spec, 2 on bad arguments."""
    started = time.perf_counter()
    parser, args = _parsed(argv)
    spec_path: Path = _spec_file(parser, args.spec) if args.spec is not None else default_spec_path()
    if args.spec is None and not spec_path.is_file():
        parser.error(f"no spec at {spec_path}: name one (leeloo-mock SPEC) or set {SPEC_ENV_VAR}")
    config = config_from_args(parser, args, spec_path)
    workers = worker_options.from_args(parser, args, args.store)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")

    # the cyclic collector is held while start-up builds millions of objects (a document is a
    # tree, freed without it): its full collections were a sixth of the check on a 6 MB spec.
    # What start-up built is then frozen out of its reach without a collection first (one found
    # nothing to free on loket.nl's, GitHub's and Kubernetes' documents, in 0.06-0.14 s); the
    # app's lifespan collects what serving's own start-up made and freezes that too
    gc.disable()
    try:
        if not passes_spec_check(spec_path, config.allow_refs_under, config.spec_bounds):
            return 1
        from mock_server.server.assembly import create_app, load_compiled
        from mock_server.server.serving import bind, serve

        def new_app() -> MockApp:
            return create_app(config, compiled, AccessLog(sys.stderr, enabled=config.log_requests))

        try:
            compiled = load_compiled(config)
            app = new_app()
        except SpecError as exc:
            print(exc, file=sys.stderr)  # file:line:column: reason, one problem a line
            return 1
        except StoreError as exc:
            print(f"leeloo-mock: the store cannot be used: {exc}", file=sys.stderr)
            return 1
        gc.freeze()  # served from now on: kept as long as the server runs
    finally:
        gc.enable()

    _warn_if_near_the_file_limit(config.limits.max_connections)
    try:
        listening = bind(args.host, args.port)
    except OSError as exc:
        print(f"leeloo-mock: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    _announce(config, compiled.operations, listening.url, started)
    serve(
        app,
        config,
        listening,
        log_level=args.log_level,
        workers=workers,
        new_app=new_app,
        watch_interval=args.watch_interval if args.watch else None,
    )
    print("leeloo-mock: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
