"""Decide, for one request, what goes wrong: the faults stage's pure part.

Precedence, field by field: what the request asks (``Prefer: delay/fault``), then the rule of
its operation (``--faults`` file, ``POST /__admin/faults``), then the rule for every operation
(``--delay``, ``--fail``, ``--rate-limit``, or a posted entry without ``operation``). A rate
limit is counted before anything is drawn: past it the answer is 429 with ``Retry-After``.
Draws come from one ``random.Random(seed)`` in request order, so a seeded mock fails and waits
the same way for the same sequence of requests.

With nothing configured and nothing asked, :meth:`FaultInjector.plan` is two dictionary
lookups: a mock without faults pays next to nothing for them.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs

from mock_server.faults.config import MAX_RULES, FaultsConfig
from mock_server.faults.requested import requested
from mock_server.faults.values import Delay, Failure, Fault, FaultRule, FaultValueError, RateLimit
from mock_server.spec.compiled import CompiledOperation, CompiledSpec
from mock_server.spec.document import SpecError
from mock_server.stages.negotiation import PreferError, prefer_issue
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline, problem_response
from mock_server.stages.problems import UNPROCESSABLE_ENTITY, Issue, Refusal
from mock_server.stages.router import RouteMatch
from openapi_document import Located

MAX_WINDOWS = 10_000  # tokens x operations whose rate-limit window is remembered at once
INJECTED = "about:blank#leeloo-mock-injected"  # the problem type of an injected failure
INJECTED_RETRY_AFTER_S = 1  # Retry-After of an injected status whose response declares the header


@dataclass(frozen=True)
class FaultPlan:
    """What happens to one request: wait ``delay_ms``, then answer ``fault`` (None: the answer the
    pipeline gives). ``retry_after`` is set for a rate limit's 429; ``source`` says why
    (``request``, ``operation``, ``everywhere``, ``rate_limit``), for the journal."""

    delay_ms: float = 0.0
    fault: Fault | None = None
    retry_after: int | None = None
    source: str = "request"

    def as_json(self) -> dict[str, Any]:
        """What the journal notes of it."""
        return {
            "delayMs": round(self.delay_ms, 3),
            "fault": self.fault.text if self.fault is not None else None,
            "source": self.source,
        }


class RateWindows:
    """Fixed windows per key: the first request of a key opens its window of ``seconds``."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}
        self._lock = threading.Lock()

    def admit(self, key: tuple[str, str], limit: RateLimit) -> int | None:
        """None when the request is within the limit, else the seconds until its window ends (>= 1)."""
        now = self.clock()
        with self._lock:
            opened, count = self._windows.get(key, (now, 0))
            if now - opened >= limit.seconds:
                opened, count = now, 0
            if key not in self._windows and len(self._windows) >= MAX_WINDOWS:
                self._forget_ended(now, limit.seconds)
            count += 1
            self._windows[key] = (opened, count)
        if count <= limit.requests:
            return None
        return max(1, math.ceil(opened + limit.seconds - now))

    def _forget_ended(self, now: float, seconds: float) -> None:
        ended = [key for key, (opened, _) in self._windows.items() if now - opened >= seconds]
        for key in ended or list(self._windows)[: len(self._windows) // 2]:
            del self._windows[key]

    def clear(self) -> None:
        with self._lock:
            self._windows.clear()


def operation_keys(operation: CompiledOperation) -> tuple[str, str]:
    """The two names an entry may give an operation: its operationId and ``METHOD /path``."""
    return operation.operation_id, f"{operation.method} {operation.path}"


def resolve_operation(name: str, compiled: CompiledSpec) -> str:
    """The operationId an entry's ``operation`` names; FaultValueError naming it when none."""
    wanted = name.strip()
    method, _, path = wanted.partition(" ")
    normalised = f"{method.upper()} {path.strip()}" if path else wanted
    for operation in compiled.operations:
        if wanted == operation.operation_id or normalised in operation_keys(operation):
            return operation.operation_id
    raise FaultValueError(f"operation {name!r} is neither an operationId nor a 'METHOD /path' of the spec")


def _token(operation: CompiledOperation | None, headers: Mapping[str, str], query_string: str) -> str:
    """The credential a rate limit counts by (the operation's first one sent), else ``""``."""
    if operation is not None:
        for alternative in operation.security:
            for credential in alternative:
                if credential.location == "header" and credential.name in headers:
                    return headers[credential.name]
                if credential.location == "query" and credential.name in query_string:
                    values = parse_qs(query_string).get(credential.name)
                    if values:
                        return values[-1]
    return headers.get("authorization", "")


def _merged(rule: FaultRule, fallback: FaultRule) -> FaultRule:
    return FaultRule(
        rule.operation,
        rule.delay if rule.delay is not None else fallback.delay,
        rule.failures if rule.failures else fallback.failures,
        rule.rate_limit if rule.rate_limit is not None else fallback.rate_limit,
    )


class FaultInjector:
    """The faults of one mock: its start-up configuration plus what ``/__admin/faults`` added."""

    def __init__(
        self,
        config: FaultsConfig | None,
        compiled: CompiledSpec,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config if config is not None else FaultsConfig()
        self.rng = random.Random(self.config.seed)
        self.windows = RateWindows(clock)
        self._lock = threading.Lock()
        self._started_everywhere = self.config.everywhere
        try:
            self._started_rules = {
                resolve_operation(rule.operation or "", compiled): rule for rule in self.config.rules
            }
        except FaultValueError as exc:  # a --faults file naming no operation of this spec
            raise SpecError(Located.at(self.config.source or "--faults", 1, 1, str(exc))) from None
        self._reset_rules()

    def _reset_rules(self) -> None:
        self.everywhere = self._started_everywhere
        self.by_operation: dict[str, FaultRule] = dict(self._started_rules)
        self.active = not self.everywhere.empty or bool(self.by_operation)

    # ---- /__admin/faults ------------------------------------------------------------------------

    def add(self, rule: FaultRule, compiled: CompiledSpec) -> FaultRule:
        """Apply ``rule`` from now on (replacing the rule of its operation, or for every operation)."""
        with self._lock:
            if rule.operation is None:
                self.everywhere = rule
            else:
                operation_id = resolve_operation(rule.operation, compiled)
                if operation_id not in self.by_operation and len(self.by_operation) >= MAX_RULES:
                    raise FaultValueError(f"at most {MAX_RULES} operations can have faults")
                self.by_operation[operation_id] = rule
            self.active = True
        return rule

    def rules(self) -> list[FaultRule]:
        """Every rule in force: the one for every operation first (when there is one)."""
        with self._lock:
            listed = [] if self.everywhere.empty else [self.everywhere]
            return [*listed, *self.by_operation.values()]

    def clear(self) -> None:
        """Back to the start-up configuration (the CLI's and the ``--faults`` file's); windows reset."""
        with self._lock:
            self._reset_rules()
        self.windows.clear()

    # ---- one request ----------------------------------------------------------------------------

    def leaves_alone(self, headers: Mapping[str, str], query_string: str) -> bool:
        """Whether no fault can touch a request with these headers and query: none is in force,
        and the request asks for none (no ``Prefer`` header, no ``__`` query preference)."""
        return not self.active and "prefer" not in headers and "__" not in query_string

    def intercept(
        self, request: MockRequest, pipeline: Pipeline
    ) -> tuple[FaultPlan | None, MockResponse | None]:
        """The plan for ``request`` and, when it fails with a status (or asked for a malformed
        fault), the answer that replaces the pipeline's: the pipeline then never runs."""
        if self.leaves_alone(request.headers, request.query_string):
            return None, None
        planned = self.plan(request, pipeline.compiled)
        if isinstance(planned, MockResponse):
            return None, planned
        if planned is not None and planned.fault is not None and planned.fault.status is not None:
            return planned, failure_response(pipeline, request, planned)
        return planned, None

    def plan(self, request: MockRequest, compiled: CompiledSpec) -> FaultPlan | MockResponse | None:
        """What goes wrong with ``request`` (None: nothing); a 422 for a malformed ``Prefer`` value."""
        try:
            asked, _ = requested(request.headers, request.query_string)
        except PreferError as exc:
            from_query = "prefer" not in request.headers
            issue = Issue("query", "__delay/__fault", str(exc)) if from_query else prefer_issue(exc)
            return problem_response(
                422, f"The fault preference is malformed: {exc}", UNPROCESSABLE_ENTITY, request.path, (issue,)
            )
        if not self.active and asked.delay_ms is None and asked.fault is None:
            return None
        routed = self.by_operation or self.everywhere.rate_limit is not None  # else no need to route
        operation = self.operation_of(request, compiled) if routed else None
        rule, source, scope = self.everywhere, "everywhere", "*"
        own = self.by_operation.get(operation.operation_id) if operation is not None else None
        if own is not None and operation is not None:
            rule, source = _merged(own, self.everywhere), "operation"
            scope = operation.operation_id if own.rate_limit is not None else "*"
        retry_after = None
        if rule.rate_limit is not None:
            token = _token(operation, request.headers, request.query_string)
            retry_after = self.windows.admit((scope, token), rule.rate_limit)
        fault, delay_ms = self._draw(rule.failures, rule.delay)
        if retry_after is not None:
            fault, source = Fault("status", 429), "rate_limit"
        if asked.fault is not None:
            fault, source = asked.fault, "request"
        if asked.delay_ms is not None:
            delay_ms = asked.delay_ms
            source = source if fault is not None and asked.fault is None else "request"
        if fault is None and not delay_ms:
            return None
        return FaultPlan(delay_ms, fault, retry_after if fault == Fault("status", 429) else None, source)

    def _draw(self, failures: tuple[Failure, ...], delay: Delay | None) -> tuple[Fault | None, float]:
        if not failures and delay is None:
            return None, 0.0
        with self._lock:  # one sequence of draws, in request order
            fault = None
            if failures:
                roll, total = self.rng.random(), 0.0
                for failure in failures:
                    total += failure.rate
                    if roll < total:
                        fault = failure.fault
                        break
            return fault, delay.draw(self.rng) if delay is not None else 0.0

    @staticmethod
    def operation_of(request: MockRequest, compiled: CompiledSpec) -> CompiledOperation | None:
        """The operation ``request`` is for, or None (an unknown path or method)."""
        found = compiled.router.match(request.method, request.path)
        if not isinstance(found, RouteMatch) and request.method == "HEAD":
            found = compiled.router.match("GET", request.path)
        return found.target if isinstance(found, RouteMatch) else None


def failure_response(pipeline: Pipeline, request: MockRequest, plan: FaultPlan) -> MockResponse:
    """The answer to an injected status: the body and media type the operation declares for it
    (Leeloo's envelope, with ``--error-status`` when set; the 429 text), else a problem."""
    assert plan.fault is not None and plan.fault.status is not None
    status = plan.fault.status
    why = "a rate limit (--rate-limit)" if plan.retry_after is not None else "a fault asked for"
    detail = f"leeloo-mock answered {status} on purpose: {why}."
    headers = [("Retry-After", str(plan.retry_after))] if plan.retry_after is not None else []
    operation = FaultInjector.operation_of(request, pipeline.compiled)
    if operation is None:
        return problem_response(status, detail, INJECTED, request.path, headers=headers)
    response = pipeline.answer_refusal(
        operation, Refusal(status, detail, INJECTED, (), tuple(headers)), request.path
    )
    kept = [(name, value) for name, value in response.headers if name.lower() != "retry-after"]
    declared = operation.declared_response(status)
    if plan.retry_after is None and declared and any(n.lower() == "retry-after" for n, _ in declared.headers):
        # the spec declares Retry-After here: a short wait, not its example's random number
        kept.append(("Retry-After", str(INJECTED_RETRY_AFTER_S)))
    response = replace(response, headers=[*kept, *headers])
    response.operation_id = operation.operation_id
    return response
