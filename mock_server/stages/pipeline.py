"""The request pipeline: route -> security -> validation -> negotiation -> producer -> problem.

Each stage is its own module; this one only chains them and turns each stage's refusal into
the matching RFC 7807 answer. It is synchronous and knows nothing of ASGI, so it is tested
with plain values.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from mock_server._config import MockConfig
from mock_server.spec.compiled import CompiledOperation, CompiledResponse, CompiledSpec
from mock_server.stages import problems
from mock_server.stages.envelope import code_for, envelope
from mock_server.stages.negotiation import (
    Preferences,
    PreferError,
    default_status,
    header_preferences,
    negotiate_media_type,
    prefer_issue,
    query_preferences,
    status_key,
)
from mock_server.stages.problems import PROBLEM_JSON, Issue, Refusal, encode, problem, violations_header
from mock_server.stages.router import MethodNotAllowed, NoRoute, RouteMatch
from mock_server.stages.security import SecurityFailure, check_security
from mock_server.stages.validation import MAX_ISSUES, RejectedRequest, ValidatedRequest
from mock_server.stateful.seam import StatefulBackend, StatefulRequest

JSON = "application/json"
_CORS_ALLOW_HEADERS = "*"
_DYNAMIC_CACHE_SIZE = 4096
_DYNAMIC_POOL_SIZE = 64
_NO_BODY_STATUSES = frozenset({204, 205, 304})


@dataclass(frozen=True)
class MockRequest:
    """A request as the pipeline sees it: header names lower-case."""

    method: str
    path: str
    query_string: str
    headers: Mapping[str, str]
    body: bytes = b""


@dataclass
class MockResponse:
    """What to send back."""

    status: int
    body: bytes = b""
    media_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    operation_id: str | None = None
    source: str | None = None  # "replayed" or "recorded" (mock_server.replay, .recording): journaled


# not frozen: a frozen dataclass costs three times as much to create, and one is made per request
@dataclass(slots=True)
class Negotiated:
    """What the negotiation stage chose: a declared response, its status and its media type
    (None: the response declares no body)."""

    key: str
    status: int
    media_type: str | None


# not frozen: a frozen dataclass costs three times as much to create, and one is made per request
@dataclass(slots=True)
class RequestCheck:
    """What the request stage found: the parsed query, a security failure, and the validation
    (None when a security failure ended the check)."""

    query: Mapping[str, Sequence[str]]
    security: SecurityFailure | None
    validated: ValidatedRequest | RejectedRequest | None

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every refused part: security's, then validation's."""
        found = self.security.issues if self.security is not None else ()
        if isinstance(self.validated, RejectedRequest):
            found = (*found, *self.validated.issues)
        return found


def problem_response(
    status: int,
    detail: str,
    type_uri: str,
    instance: str,
    issues: Sequence[Issue] = (),
    headers: Sequence[tuple[str, str]] = (),
    source: str = "request",
) -> MockResponse:
    """A made-up problem+json answer; its issues are also listed in ``sl-violations``, as Prism does.

    ``source`` is what the issues are about, ``request`` or ``response``: the proxy's 502 for an
    upstream answer that breaks the spec must not blame the client's request.
    """
    body = encode(problem(status, detail, type_uri=type_uri, instance=instance, issues=issues))
    all_headers = list(headers)
    if issues:
        all_headers.append(violations_header([(source, issue) for issue in issues]))
    return MockResponse(status, body, PROBLEM_JSON, all_headers)


class Pipeline:
    """Answers requests for one compiled spec and configuration."""

    def __init__(
        self, compiled: CompiledSpec, config: MockConfig, store: StatefulBackend | None = None
    ) -> None:
        self.compiled = compiled
        self.config = config
        self.store = store
        self._dynamic_cache: OrderedDict[tuple[int, str, str, int], bytes] = OrderedDict()

    def handle(self, request: MockRequest) -> MockResponse:
        """The whole pipeline for one request."""
        method = request.method
        found = self.compiled.router.match(method, request.path)
        head_only = False
        if method == "HEAD" and isinstance(found, MethodNotAllowed) and "GET" in found.allowed:
            found, head_only = self.compiled.router.match("GET", request.path), True
        if isinstance(found, NoRoute):
            return problem_response(
                404, f"No path of the spec matches {request.path}.", problems.NO_PATH_MATCHED, request.path
            )
        if isinstance(found, MethodNotAllowed):
            if method == "OPTIONS" and self.config.access.cors:
                return self.preflight(request, found.allowed)
            allowed = ", ".join(found.allowed)
            return problem_response(
                405,
                f"{found.template} does not allow {method}; it allows {allowed}.",
                problems.NO_METHOD_MATCHED,
                request.path,
                headers=[("Allow", allowed)],
            )
        response = self._answer(found, request)
        response.operation_id = found.target.operation_id
        if response.status in _NO_BODY_STATUSES or 100 <= response.status < 200:
            response.body, response.media_type = b"", None  # whatever the spec or the store said
        if head_only:
            response.headers.append(("Content-Length", str(len(response.body))))
            response.body = b""
        return response

    def preflight(self, request: MockRequest, allowed: Sequence[str]) -> MockResponse:
        """A CORS preflight answer: 204, everything the path allows, any header."""
        asked = request.headers.get("access-control-request-headers")
        return MockResponse(
            204,
            headers=[
                ("Access-Control-Allow-Methods", ", ".join((*allowed, "OPTIONS"))),
                ("Access-Control-Allow-Headers", asked or _CORS_ALLOW_HEADERS),
                ("Access-Control-Max-Age", "600"),
                ("Allow", ", ".join((*allowed, "OPTIONS"))),
            ],
        )

    def check_request(
        self, found: RouteMatch[CompiledOperation], request: MockRequest, *, whole: bool = False
    ) -> RequestCheck:
        """The request stage: security, then parameters and body against the operation.

        A security failure ends the check unless ``whole`` (the proxy wants every violation);
        the request is validated once either way, and what the stage found is what the refusal
        is built from.
        """
        operation = found.target
        query = parse_qs(request.query_string, keep_blank_values=True) if request.query_string else {}
        failure = check_security(operation.security, request.headers, query, self.config.tokens)
        if failure is not None and not whole:
            return RequestCheck(query, failure, None)
        validated = operation.validator.validate(
            found.path_params, query, request.headers, request.headers.get("content-type"), request.body
        )
        return RequestCheck(query, failure, validated)

    def check_refusal(
        self, operation: CompiledOperation, check: RequestCheck, prefer_problem: Issue | None = None
    ) -> Refusal | None:
        """Why the request check refused the request (security first), as data; None when it passed.
        A malformed ``Prefer`` is named beside the request's own invalid parts."""
        failure = check.security
        if failure is not None:
            challenge = ("WWW-Authenticate", ", ".join(failure.challenges))
            detail = "; ".join(issue.message for issue in failure.issues) or "Authentication is required."
            return Refusal(401, detail, problems.UNAUTHORIZED, tuple(failure.issues), (challenge,))
        validated = check.validated
        if isinstance(validated, RejectedRequest):
            type_uri = {
                400: problems.INVALID_JSON,
                415: problems.INVALID_CONTENT_TYPE,
            }.get(validated.status, problems.UNPROCESSABLE_ENTITY)
            # Invalid values keep the UNPROCESSABLE_ENTITY type (the kind of problem) even when the
            # spec has them answered 400: clients match the type, the status follows the spec.
            status = operation.invalid_request_status if validated.status == 422 else validated.status
            issues = (*validated.issues, prefer_problem) if prefer_problem else tuple(validated.issues)
            return Refusal(status, validated.detail, type_uri, issues)
        return None

    def _answer(self, found: RouteMatch[CompiledOperation], request: MockRequest) -> MockResponse:
        operation = found.target
        check = self.check_request(found, request)
        prefer_problem: Issue | None = None
        # Prism's fallbacks: ``?__code=``/``__example=``/``__dynamic=`` when no Prefer header is sent
        from_query = bool(check.query) and "prefer" not in request.headers
        try:
            preferences = (
                query_preferences(check.query) if from_query else header_preferences(request.headers)
            )
        except PreferError as exc:
            preferences, prefer_problem = Preferences(), prefer_issue(exc, from_query)
        refusal = self.check_refusal(operation, check, prefer_problem)
        if refusal is not None:
            return self.answer_refusal(operation, refusal, request.path)
        if prefer_problem is not None:
            return problem_response(
                422,
                f"The {'__ query preference' if from_query else 'Prefer header'} is malformed: "
                f"{prefer_problem.message}",
                problems.UNPROCESSABLE_ENTITY,
                request.path,
                (prefer_problem,),
            )
        assert isinstance(check.validated, ValidatedRequest)
        if self.store is not None and preferences.code is None and preferences.example is None:
            stateful = self._stateful(operation, found, check.query, check.validated, request.path)
            if stateful is not None:
                return stateful
        chosen = self.negotiate(operation, request, preferences)
        if isinstance(chosen, MockResponse):
            return chosen
        return self.produce(operation, chosen, preferences, request.path)

    def _stateful(
        self,
        operation: CompiledOperation,
        found: RouteMatch[CompiledOperation],
        query: Mapping[str, Sequence[str]],
        validated: ValidatedRequest,
        path: str,
    ) -> MockResponse | None:
        assert self.store is not None
        result = self.store.handle(
            StatefulRequest(
                operation_id=operation.operation_id,
                path_params=dict(found.path_params),
                query=query,
                body=validated.body,
            )
        )
        if result is None:
            return None
        status = int(result.status)
        if 200 <= status < 300:
            return MockResponse(status, encode(result.body), JSON)
        if status == 422:
            status = operation.invalid_request_status
        type_uri = problems.NOT_FOUND if status == 404 else problems.UNPROCESSABLE_ENTITY
        refusal = Refusal(status, result.detail, type_uri, tuple(result.issues))
        return self.answer_refusal(operation, refusal, path)

    def answer_refusal(self, operation: CompiledOperation, refusal: Refusal, instance: str) -> MockResponse:
        """The answer to a refused request, in the shape the operation declares for its status: the
        one place a refusal (the check's, the store's, an injected fault's) is shaped.

        The declared response is the one for ``status`` (exact, ``4XX``, then ``default``, as
        Prism looks it up). Where it is Leeloo's error envelope, the envelope names each bad part
        in ``fields`` and is sent with ``--error-status`` when one is set (Leeloo may report a
        failure inside a 2xx answer). Where it declares another body, that body is sent in its
        first media type with an example (else its first; the example, as Prism does) with the
        issues in ``sl-violations``; where it declares none, the answer has no body (Prism's
        too). Only where the spec declares no response for ``status`` is the answer an RFC 7807
        problem.
        """
        status, detail, issues, headers = refusal.status, refusal.detail, refusal.issues, refusal.headers
        declared = operation.declared_response(status)
        if declared is None:
            return problem_response(status, detail, refusal.type_uri, instance, issues, headers)
        violations = [violations_header([("request", issue) for issue in issues])] if issues else []
        if declared.envelope_media is None:
            all_headers = [*declared.headers, *headers, *violations]
            if not declared.media:
                return MockResponse(status, headers=all_headers)
            media = next(
                (media for media in declared.media.values() if media.static.examples),
                next(iter(declared.media.values())),
            )
            return MockResponse(status, media.static.default, media.media_type, all_headers)
        if len(issues) >= MAX_ISSUES:
            detail = f"{detail} (the mock names at most {MAX_ISSUES} problems of one request)"
        body = envelope(code_for(status, issues), issues, detail)
        sent_status = self.config.error_status if self.config.error_status is not None else status
        return MockResponse(sent_status, encode(body), declared.envelope_media, [*headers, *violations])

    def negotiate(
        self, operation: CompiledOperation, request: MockRequest, preferences: Preferences
    ) -> Negotiated | MockResponse:
        """The negotiation stage: which declared response answers (``Prefer: code``, else the lowest
        2xx) and in which media type (``Accept``); a refusal (404 undeclared code or example, 406)
        where none can."""
        keys = operation.response_keys
        if preferences.code is not None:
            key = status_key(preferences.code, keys)
            if key is None:
                return problem_response(
                    404,
                    f"Requested status code {preferences.code} is not defined in the document.",
                    problems.NOT_FOUND,
                    request.path,
                )
            status = preferences.code
        else:
            chosen = default_status(keys)
            if chosen is None:
                return MockResponse(204)
            key, status = chosen
        response = operation.responses[key]
        if not response.media:
            if preferences.example is not None:
                return self._no_example(preferences.example, key, request.path)
            return Negotiated(key, status, None)
        media_type = negotiate_media_type(request.headers.get("accept"), response.media_types)
        if media_type is None:
            if 200 <= status < 300:
                offered = ", ".join(response.media_types)
                return problem_response(
                    406,
                    f"The Accept header matches none of the media types of this answer: {offered}.",
                    problems.NOT_ACCEPTABLE,
                    request.path,
                    (Issue("header", "Accept", f"Acceptable media types: {offered}."),),
                )
            media_type = response.media_types[0]
        return Negotiated(key, status, media_type)

    def produce(
        self, operation: CompiledOperation, chosen: Negotiated, preferences: Preferences, instance: str
    ) -> MockResponse:
        """The producing stage: the negotiated response's headers and body (the named example,
        generated data, or the first example)."""
        response = operation.responses[chosen.key]
        headers = list(response.headers)
        if chosen.status == 401 and operation.security:  # the real challenge, not a generated string
            challenges = ", ".join(dict.fromkeys(c.challenge for creds in operation.security for c in creds))
            headers = [h for h in headers if h[0].lower() != "www-authenticate"]
            headers.append(("WWW-Authenticate", challenges))
        if chosen.media_type is None:
            return MockResponse(chosen.status, headers=headers)
        media = response.media[chosen.media_type]
        dynamic = preferences.dynamic if preferences.dynamic is not None else self.config.dynamic
        if preferences.example is not None:
            body = media.static.examples.get(preferences.example)
            if body is None:
                return self._no_example(preferences.example, chosen.key, instance)
        elif dynamic:
            seed = preferences.seed if preferences.seed is not None else self.config.seed
            body = self._dynamic_body(operation, response, chosen.media_type, seed)
        else:
            body = media.static.default
        return MockResponse(chosen.status, body, chosen.media_type, headers)

    @staticmethod
    def _no_example(name: str, key: str, path: str) -> MockResponse:
        return problem_response(
            404, f"Response {key} declares no example named {name!r}.", problems.NOT_FOUND, path
        )

    def _dynamic_body(
        self, operation: CompiledOperation, response: CompiledResponse, media_type: str, seed: int | None
    ) -> bytes:
        """Generated data, cached per seed (LRU); without a seed, one of a pool of seeds.

        The pool makes unseeded answers vary between requests while each body is generated and
        validated once: after warm-up a dynamic answer costs a dictionary lookup.
        """
        if seed is None:
            seed = random.randrange(_DYNAMIC_POOL_SIZE)
        cache_key = (id(operation), response.key, media_type, seed)
        cached = self._dynamic_cache.get(cache_key)
        if cached is not None:
            self._dynamic_cache.move_to_end(cache_key)
            return cached
        media = response.media[media_type]
        body = media.static.default
        for attempt in range(3):
            value = self.compiled.generator.generate(media.schema, seed + attempt)
            if media.validator.is_valid(value):
                body = encode(value)
                break
        self._dynamic_cache[cache_key] = body
        if len(self._dynamic_cache) > _DYNAMIC_CACHE_SIZE:
            self._dynamic_cache.popitem(last=False)
        return body
