"""``/__admin/faults``: the faults in force, changed while the mock runs (WireMock's admin API).

- ``GET``: ``{"faults": [entry, ...]}``, each ``{operation, delay, fail, rate_limit}`` as posted
  (``operation`` null: every operation).
- ``POST``: one entry as JSON, in force from the next request on; it replaces the entry of the
  same operation. A bad entry is a 400 naming what is wrong.
- ``DELETE``: back to the start-up faults (the command line's and the ``--faults`` file's), the
  rate-limit windows reset.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mock_server.faults.injector import FaultInjector
from mock_server.faults.values import FaultValueError, rule_from_mapping
from mock_server.spec.compiled import CompiledSpec
from mock_server.stages.pipeline import MockRequest, MockResponse, problem_response
from mock_server.stages.problems import Issue, encode

FAULTS_PATH = "/__admin/faults"
JSON = "application/json"


class FaultsEndpoint:
    """Answers ``/__admin/faults`` for one injector (the spec it checks operations against may be
    reloaded: ``compiled`` is asked for it on each request)."""

    def __init__(self, injector: FaultInjector, compiled: Callable[[], CompiledSpec]) -> None:
        self.injector = injector
        self.compiled = compiled

    def __call__(self, request: MockRequest) -> MockResponse:
        if request.method == "GET":
            return self._listed(200)
        if request.method == "DELETE":
            self.injector.clear()
            return self._listed(200)
        if request.method != "POST":
            return problem_response(
                405,
                f"{FAULTS_PATH} allows GET, POST, DELETE.",
                "about:blank",
                request.path,
                headers=[("Allow", "GET, POST, DELETE")],
            )
        try:
            entry = json.loads(request.body or b"null")
            self.injector.add(rule_from_mapping(entry), self.compiled())
        except (ValueError, RecursionError) as exc:  # FaultValueError and malformed JSON alike
            reason = str(exc) if isinstance(exc, FaultValueError) else f"the body is not JSON ({exc})"
            return problem_response(
                400,
                f"The fault entry is refused: {reason}.",
                "about:blank",
                request.path,
                (Issue("body", "", reason),),
            )
        return self._listed(201)

    def _listed(self, status: int) -> MockResponse:
        body = {"faults": [rule.as_json() for rule in self.injector.rules()]}
        return MockResponse(status, encode(body), JSON)
