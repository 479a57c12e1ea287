"""Assemble a ready ASGI app from a configuration: load, compile, wire the producers."""

from __future__ import annotations

from typing import Any

from mock_server._config import MockConfig
from mock_server.faults.injector import FaultInjector
from mock_server.server.admin import RequestJournal
from mock_server.server.app import AccessLog, Handler, MockApp
from mock_server.spec.compiled import CompiledSpec, compile_spec
from mock_server.spec.document import load_spec
from mock_server.stages.pipeline import Pipeline


def load_compiled(config: MockConfig) -> CompiledSpec:
    """Read and compile the spec the configuration names (no semantic check: see spec_check)."""
    return compile_spec(load_spec(config.spec_path, config.allow_refs_under, config.spec_bounds))


def build_pipeline(config: MockConfig, compiled: CompiledSpec) -> Pipeline:
    """The pipeline of a compiled spec, with a fresh ``--stateful`` store when configured."""
    store: Any = None
    if config.stateful:
        from mock_server.stateful.mapping import RESOURCES_FILE_NAME
        from mock_server.stateful.store import StatefulStore  # the seam; only loaded in stateful mode

        store = StatefulStore.from_spec(
            compiled.spec.document,
            max_records=config.store_limits.max_records,
            max_store_bytes=config.store_limits.max_store_bytes,
            resources_path=config.spec_path.parent / RESOURCES_FILE_NAME,
            backend=config.store.open(compiled.spec.document) if config.store is not None else None,
        )
    return Pipeline(compiled, config, store)


def create_app(
    config: MockConfig, compiled: CompiledSpec | None = None, access_log: AccessLog | None = None
) -> MockApp:
    """The mock as an ASGI app; ``compiled`` saves compiling the same spec twice in tests."""
    compiled = compiled if compiled is not None else load_compiled(config)
    pipeline = build_pipeline(config, compiled)
    handler: Handler | None = None
    on_shutdown = []
    if config.proxy is not None:
        from mock_server.proxy.forwarder import ProxyHandler

        proxy = ProxyHandler(
            pipeline,
            config.proxy.upstream,
            errors=config.proxy.errors,
            timeout=config.proxy.upstream_timeout,
            max_size=config.proxy.max_upstream_size,
            max_in_flight=config.proxy.upstream_concurrency,
        )
        handler, on_shutdown = proxy, [proxy.aclose]
    if config.recording is not None:
        from mock_server.recording import Recorder, open_writer

        upstream = config.proxy.upstream if config.proxy is not None else None
        recorder = Recorder(pipeline, open_writer(config.recording), handler, upstream)
        handler, on_shutdown = recorder, [*on_shutdown, recorder.aclose]
    if config.replay is not None:  # outermost: a recorded answer is neither forwarded nor recorded again
        from mock_server.replay import Replayer, load_recordings

        recordings = load_recordings(config.replay.entries, compiled, str(config.replay.path))
        handler = Replayer(pipeline, recordings, handler)
    return MockApp(
        pipeline,
        cors=config.access.cors,
        max_body_size=config.limits.max_body_size,
        access_log=access_log,
        handler=handler,
        on_shutdown=on_shutdown,
        cors_origins=config.access.cors_origins,
        allowed_hosts=config.access.allowed_hosts,
        journal=RequestJournal(config.limits.journal_size),
        faults=FaultInjector(config.faults, compiled),
    )
