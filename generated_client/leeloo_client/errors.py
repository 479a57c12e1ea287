"""The exceptions of the client: one tree, rooted at `LeelooError`.

How they surface: `sync()` / `asyncio()` return the parsed 2xx body and raise an
`APIStatusError` subclass for any failure: a non-2xx status, or Leeloo's error envelope
(`{"status": 0, "error": {"code": ..., "fields": {...}}}`) whatever the HTTP status, since the
API is known to report failures inside a 2xx answer. `sync_detailed()` / `asyncio_detailed()`
return the `Response` whatever its status. Both raise `APIConnectionError` / `APITimeoutError`
when no answer came (after the retries), and `ResponseValidationError` when a 2xx body is neither
the operation's model nor an error envelope. Messages name the operation, the status, the error
code and the first fields; never the token.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._http import retry_after_seconds

# The most of an answer's body an error or a raw response shows as `body`, in characters.
MAX_BODY_CHARS = 64 * 1024

# What the generated `from_dict` methods raise on a body that does not fit the model: a missing
# key, a wrong type, a bad date or enum value.
MODEL_PARSE_ERRORS: tuple[type[Exception], ...] = (KeyError, TypeError, ValueError, AttributeError)


class LeelooError(Exception):
    """Base class of every error the client raises.

    Errors pickle and unpickle with their attributes (they cross process pools), except the
    `httpx.Request` of a connection error, whose headers hold the token: it unpickles as None.
    """

    # Attributes never pickled: they may hold the token.
    _NOT_PICKLED: tuple[str, ...] = ("request",)

    def __reduce__(self) -> tuple[Any, ...]:
        state = {name: value for name, value in self.__dict__.items() if name not in self._NOT_PICKLED}
        dropped = tuple(name for name in self._NOT_PICKLED if name in self.__dict__)
        return (_rebuild_error, (type(self), self.args, state, dropped))


def _rebuild_error(
    cls: type[LeelooError], args: tuple[Any, ...], state: dict[str, Any], dropped: tuple[str, ...] = ()
) -> LeelooError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    error.__dict__.update(dict.fromkeys(dropped))
    return error


class ConfigurationError(LeelooError):
    """The client cannot be built as asked (for example `LEELOO_AUTH_TOKEN` is not set)."""


class APIConnectionError(LeelooError):
    """No answer came from the API: the connection failed or broke (after the retries)."""

    def __init__(self, operation: str, error: httpx.TransportError) -> None:
        self.operation = operation
        self.request: httpx.Request | None = _request_of(error)
        super().__init__(f"{operation}: no answer from the API ({type(error).__name__}: {_clip(str(error))})")


class ResponseTooLargeError(LeelooError):
    """The answer is larger than the client's `max_response_size`; it was not read to the end."""

    def __init__(self, operation: str, limit: int) -> None:
        self.operation = operation
        self.limit = limit
        super().__init__(
            f"{operation}: the answer is larger than max_response_size ({limit:,} bytes); "
            "raise the client's max_response_size to accept it"
        )


class InvalidParameterError(LeelooError, ValueError):
    """An argument the client refuses before sending anything (an empty, `.` or `..` path id)."""


class APITimeoutError(APIConnectionError):
    """The API did not answer within the client's timeout (after the retries)."""


class ResponseValidationError(LeelooError):
    """A 2xx answer whose body does not parse into the operation's model."""

    def __init__(
        self,
        operation: str,
        *,
        status_code: int,
        content: bytes,
        headers: Mapping[str, str],
        reason: str,
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.content = content
        self.request_id: str | None = _request_id(headers)
        self.body = bounded_body(content)
        super().__init__(
            f"{operation}: the {status_code} answer does not match the spec ({_clip(reason)})"
            f"{_request_id_suffix(self.request_id)}"
        )


@dataclass(frozen=True)
class EnvelopeError:
    """The `error` of Leeloo's envelope: a reason `code` and each bad field with its reason."""

    code: str
    fields: dict[str, str] = field(default_factory=dict)
    message: str | None = None


@dataclass(frozen=True)
class Problem:
    """An RFC 7807 problem body, as mocks and proxies (Prism, `leeloo-mock`) answer requests that
    no operation describes; Leeloo itself answers with its envelope (`EnvelopeError`)."""

    title: str | None = None
    status: int | None = None
    detail: str | None = None
    type: str | None = None
    validation: tuple[dict[str, Any], ...] = ()


# How many fields an error message names, and how long any quoted text may be.
_MESSAGE_FIELDS = 3
_MESSAGE_TEXT = 200


class APIStatusError(LeelooError):
    """The API reported a failure: a non-2xx status, or `status: 0` in the body of any status.

    Attributes:
        status_code: The HTTP status (200 when Leeloo reported the failure inside a 2xx answer).
        code: The envelope's reason code (`FORMAT_ERROR`, ...), or None when the body had none.
        fields: Each invalid field, by its slash path into the request (`data/0/email`), with its
            reason (`WRONG_EMAIL`, `REQUIRED`, ...); empty when the body named none.
        error: The whole envelope error, or None when the body was not Leeloo's envelope.
        problem: The RFC 7807 body a mock or proxy sent, or None.
        request_id: The `x-request-id` header of the answer, when present.
        content: The raw body.
        body: The body as JSON (or text), cut to `MAX_BODY_CHARS` characters.
    """

    def __init__(
        self,
        operation: str,
        *,
        status_code: int,
        content: bytes,
        headers: Mapping[str, str],
        error: EnvelopeError | None = None,
        problem: Problem | None = None,
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.error = error
        self.problem = problem
        self.request_id: str | None = _request_id(headers)
        self.body = bounded_body(content)
        summary = _summary(operation, status_code, error, problem)
        super().__init__(summary + _request_id_suffix(self.request_id))

    @property
    def code(self) -> str | None:
        """The envelope's reason code, or None."""
        return self.error.code if self.error is not None else None

    @property
    def fields(self) -> dict[str, str]:
        """Each invalid field with its reason; empty when none was named."""
        return dict(self.error.fields) if self.error is not None else {}


class ValidationError(APIStatusError):
    """400, 422 or a `FORMAT_ERROR`: the request was not valid; `fields` names each invalid part."""


class AuthenticationError(APIStatusError):
    """401: the token is missing or not valid."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this."""


class NotFoundError(APIStatusError):
    """404: no resource has the id in the path."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` says how long to wait, when the server said it."""

    @property
    def retry_after(self) -> float | None:
        """The `Retry-After` header in seconds (a number or an HTTP date), when it is usable."""
        return retry_after_seconds(self.headers)


class ServerError(APIStatusError):
    """5xx: the API failed."""


_ERRORS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}


_ERRORS_BY_CODE: dict[str, type[APIStatusError]] = {
    "FORMAT_ERROR": ValidationError,
    "NOT_FOUND": NotFoundError,
}


def status_error(
    operation: str, *, status_code: int, content: bytes, headers: Mapping[str, str]
) -> APIStatusError:
    """The exception for a failed answer: its class follows the status, or for a failure reported in
    a 2xx answer the envelope's code; its body is parsed."""
    document = _json_object(content)
    error = envelope_error(document)
    if 200 <= status_code < 300:
        error_class: type[APIStatusError] = APIStatusError
        if error is not None:
            error_class = _ERRORS_BY_CODE.get(error.code, APIStatusError)
            if "authToken" in error.fields:
                error_class = AuthenticationError
    else:
        found = _ERRORS_BY_STATUS.get(status_code)
        error_class = found if found is not None else ServerError if status_code >= 500 else APIStatusError
    problem = _problem(document) if error is None else None
    return error_class(
        operation, status_code=status_code, content=content, headers=headers, error=error, problem=problem
    )


def reports_failure(content: bytes) -> bool:
    """Whether a body is Leeloo's error envelope (`status` 0), which may come with any HTTP status."""
    return envelope_error(_json_object(content)) is not None


def envelope_error(document: Any) -> EnvelopeError | None:
    """The error of Leeloo's envelope in a parsed body, or None when it is not one."""
    if not isinstance(document, dict):
        return None
    status = document.get("status")
    if status != 0 or isinstance(status, bool):
        return None
    raw = document.get("error")
    raw = raw if isinstance(raw, dict) else {}
    code = raw.get("code")
    fields = raw.get("fields")
    message = raw.get("message")
    return EnvelopeError(
        code=code if isinstance(code, str) else "UNKNOWN",
        fields={str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else {},
        message=message if isinstance(message, str) else None,
    )


def parse_problem(content: bytes) -> Problem | None:
    """The RFC 7807 problem in a body, or None when the body is not one."""
    return _problem(_json_object(content))


def _problem(document: Any) -> Problem | None:
    if not isinstance(document, dict) or not isinstance(document.get("title"), str):
        return None
    status = document.get("status")
    detail = document.get("detail")
    type_uri = document.get("type")
    validation = document.get("validation")
    return Problem(
        title=document["title"],
        status=status if isinstance(status, int) else None,
        detail=detail if isinstance(detail, str) else None,
        type=type_uri if isinstance(type_uri, str) else None,
        validation=tuple(item for item in validation if isinstance(item, dict))
        if isinstance(validation, list)
        else (),
    )


def bounded_body(content: bytes) -> object:
    """An answer's body for a person reading an error: its JSON when it is JSON of at most
    `MAX_BODY_CHARS` bytes, else its text cut to `MAX_BODY_CHARS` characters (ending in `…`)."""
    if len(content) <= MAX_BODY_CHARS:
        try:
            return json.loads(content)
        except (ValueError, RecursionError):
            return content.decode("utf-8", "replace")
    return content[:MAX_BODY_CHARS].decode("utf-8", "replace") + "…"


def _json_object(content: bytes) -> Any:
    """The parsed body when it looks like a JSON object, else None (a text 429, an HTML 502)."""
    if content.lstrip()[:1] != b"{":
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _clip(text: str) -> str:
    return text if len(text) <= _MESSAGE_TEXT else text[: _MESSAGE_TEXT - 1] + "…"


def _summary(operation: str, status_code: int, error: EnvelopeError | None, problem: Problem | None) -> str:
    summary = f"{operation}: HTTP {status_code}"
    if error is not None:
        summary += f" {_clip(error.code)}"
        first = list(error.fields.items())[:_MESSAGE_FIELDS]
        named = [f"{_clip(name)} {_clip(reason)}" for name, reason in first]
        if named:
            more = len(error.fields) - len(named)
            summary += ": " + ", ".join(named) + (f" (and {more} more)" if more > 0 else "")
        elif error.message:
            summary += f": {_clip(error.message)}"
    elif problem is not None:
        summary += f" {_clip(problem.title or '')}"
        if problem.detail:
            summary += f": {_clip(problem.detail)}"
    return summary


def _request_id(headers: Mapping[str, str]) -> str | None:
    """The `x-request-id` header, whatever the case of its name."""
    for name, value in headers.items():
        if name.lower() == "x-request-id":
            return value
    return None


def _request_id_suffix(request_id: str | None) -> str:
    return f" (request id {request_id})" if request_id else ""


def _request_of(error: httpx.TransportError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:
        return None


__all__ = [
    "MAX_BODY_CHARS",
    "MODEL_PARSE_ERRORS",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "EnvelopeError",
    "InvalidParameterError",
    "LeelooError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "ValidationError",
    "bounded_body",
    "envelope_error",
    "parse_problem",
    "reports_failure",
    "status_error",
]
