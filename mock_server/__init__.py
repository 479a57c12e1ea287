"""leeloo-mock: a Prism-style mock server derived from an OpenAPI 3.1 document alone.

The request pipeline mirrors Prism's ``packages/http``: route -> security -> validation ->
negotiation -> producer (static example, generated data, stateful store or proxy) -> problem.
"""

from mock_server._config import MockConfig
from mock_server.producers.dynamic import DataGenerator
from mock_server.proxy.config import ProxyConfig
from mock_server.server.app import AccessLog, MockApp
from mock_server.server.assembly import create_app, load_compiled
from mock_server.server.config import DEFAULT_MAX_BODY_SIZE, AccessRules, ServerLimits
from mock_server.spec.compiled import CompiledOperation, CompiledSpec, compile_spec
from mock_server.spec.document import Spec, SpecError, default_spec_path, load_document, load_spec
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline
from mock_server.stages.problems import Issue
from mock_server.stateful.config import DEFAULT_MAX_RECORDS, StoreLimits

__all__ = [
    "DEFAULT_MAX_BODY_SIZE",
    "DEFAULT_MAX_RECORDS",
    "AccessLog",
    "AccessRules",
    "CompiledOperation",
    "CompiledSpec",
    "DataGenerator",
    "Issue",
    "MockApp",
    "MockConfig",
    "MockRequest",
    "MockResponse",
    "Pipeline",
    "ProxyConfig",
    "ServerLimits",
    "Spec",
    "SpecError",
    "StoreLimits",
    "compile_spec",
    "create_app",
    "default_spec_path",
    "load_compiled",
    "load_document",
    "load_spec",
]
