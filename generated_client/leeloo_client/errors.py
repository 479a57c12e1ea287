"""The exceptions of the client: one tree, rooted at `LeelooError`.

How they surface: `sync()` / `asyncio()` return the parsed 2xx body and raise an
`APIStatusError` subclass for any other status; `sync_detailed()` / `asyncio_detailed()` return
the `Response` whatever its status (with the `Problem` body parsed when the server sent one).
Both raise `APIConnectionError` / `APITimeoutError` when no answer came (after the retries), and
`ResponseValidationError` when a 2xx body does not parse into the operation's model. Messages
name the operation, the status and the server's problem; never the token.
"""

import json
from collections.abc import Mapping
from typing import Any

import httpx

from .models.problem import Problem

# What the generated `from_dict` methods raise on a body that does not fit the model: a missing
# key, a wrong type, a bad date or enum value.
MODEL_PARSE_ERRORS: tuple[type[Exception], ...] = (KeyError, TypeError, ValueError, AttributeError)


class LeelooError(Exception):
    """Base class of every error the client raises."""


class ConfigurationError(LeelooError):
    """The client cannot be built as asked (for example `LEELOO_AUTH_TOKEN` is not set)."""


class APIConnectionError(LeelooError):
    """No answer came from the API: the connection failed or broke (after the retries)."""

    def __init__(self, operation: str, error: httpx.TransportError) -> None:
        self.operation = operation
        self.request: httpx.Request | None = _request_of(error)
        super().__init__(f"{operation}: no answer from the API ({type(error).__name__}: {error})")


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
        super().__init__(
            f"{operation}: the {status_code} answer does not match the spec ({reason})"
            f"{_request_id_suffix(self.request_id)}"
        )


class APIStatusError(LeelooError):
    """The API answered with a non-2xx status.

    Attributes:
        status_code: The HTTP status.
        problem: The RFC 7807 body (`Problem`), or None when the body was not one.
        request_id: The `x-request-id` header of the answer, when present.
        content: The raw body.
    """

    def __init__(
        self,
        operation: str,
        *,
        status_code: int,
        content: bytes,
        headers: Mapping[str, str],
        problem: Problem | None,
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.problem = problem
        self.request_id: str | None = _request_id(headers)
        summary = f"{operation}: HTTP {status_code}"
        if problem is not None:
            summary += f" {problem.title}"
            if isinstance(problem.detail, str):
                summary += f": {problem.detail}"
        super().__init__(summary + _request_id_suffix(self.request_id))


class ValidationError(APIStatusError):
    """400 or 422: the request was not valid; `problem.validation` names each invalid part."""


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
        """The `Retry-After` header in seconds, when it is a number."""
        value = self.headers.get("retry-after")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


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


def status_error(
    operation: str, *, status_code: int, content: bytes, headers: Mapping[str, str]
) -> APIStatusError:
    """The exception for a non-2xx answer: its class follows the status, its body is parsed."""
    error_class = _ERRORS_BY_STATUS.get(status_code)
    if error_class is None:
        error_class = ServerError if status_code >= 500 else APIStatusError
    return error_class(
        operation, status_code=status_code, content=content, headers=headers, problem=parse_problem(content)
    )


def parse_problem(content: bytes) -> Problem | None:
    """The RFC 7807 problem in a body, or None when the body is not one."""
    try:
        document: Any = json.loads(content)
        return Problem.from_dict(document) if isinstance(document, dict) else None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


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
    "MODEL_PARSE_ERRORS",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "LeelooError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "ValidationError",
    "parse_problem",
    "status_error",
]
