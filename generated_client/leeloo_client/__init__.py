"""Typed client for the Leeloo.ai REST API v2, generated from `spec/openapi.yaml`; do not edit.

One resource per group of operations, one method per operation; bodies are keyword arguments:

>>> import leeloo_client
>>> def tag_vip_people(client: leeloo_client.LeelooClient, tag_id: str) -> int:
...     tagged = 0
...     for person in client.people.iterate(filter_tags=["vip"], timeout=10):
...         client.people.add_tag(person.id, tag_id=tag_id)
...         tagged += 1
...     return tagged

`LeelooClient.from_env()` reads `LEELOO_AUTH_TOKEN` (and the optional `LEELOO_BASE_URL`);
`AsyncLeelooClient` is its async twin (`await client.people.list()`). Every method takes
`timeout=`, `extra_headers=`, `extra_query=` and `extra_body=`, returns the 2xx model or raises
a `LeelooError`; `client.people.with_raw_response.list()` adds status, headers, request id, body
and time. The
module-per-operation layer (`leeloo_client.api.people.list_people.sync(client=client)`)
shares the resources' one call path.
"""

from ._resource import RawResponse
from .client import (
    AsyncLeelooClient,
    AuthenticatedClient,
    BaseClient,
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
    InvalidParameterError,
    LeelooError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    ValidationError,
)
from .types import Response

__version__ = "3.0.2"

__all__ = (
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLeelooClient",
    "AuthenticatedClient",
    "AuthenticationError",
    "BaseClient",
    "ConfigurationError",
    "ConflictError",
    "InvalidParameterError",
    "LeelooClient",
    "LeelooError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "Response",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "ValidationError",
)
