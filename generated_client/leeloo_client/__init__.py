"""Typed client for the Leeloo.ai REST API v2, generated from `spec/openapi.yaml`; do not edit.

Start with `LeelooClient.from_env()` (reads `LEELOO_AUTH_TOKEN`, optional `LEELOO_BASE_URL`), then
call the operation modules of `leeloo_client.api`, e.g. `api.tags.list_tags.sync(client=client)`.
"""

from .client import (
    AuthenticatedClient,
    LeelooClient,
    RetryPolicy,
)
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    LeelooError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ValidationError,
)
from .types import UNSET, Response, Unset

__version__ = "3.0.0"

__all__ = (
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "LeelooClient",
    "LeelooError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "Response",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "Unset",
    "ValidationError",
)
