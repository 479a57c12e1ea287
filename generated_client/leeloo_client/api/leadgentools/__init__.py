"""The `leadgentools` operations: the resources `Leadgentools` (`client.leadgentools`) and `AsyncLeadgentools`, and one module per operation."""

import builtins
import functools
from collections.abc import Iterator, Mapping
from typing import Any, Required, TypedDict, overload

from ..._base_client import TimeoutTypes
from ..._resource import (
    AsyncResource,
    SyncResource,
    async_iterator,
    async_to_raw_response_wrapper,
    awaitable,
    missing_arguments,
    plain_date,
    to_raw_response_wrapper,
)
from ...models.create_traffic_source_request import CreateTrafficSourceRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.traffic_source_response import TrafficSourceResponse
from . import (
    create_traffic_source,
)


class Leadgentools(SyncResource):
    """The `leadgentools` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "LeadgentoolsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return LeadgentoolsWithRawResponse(self)

    @overload
    def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TrafficSourceResponse: ...

    @overload
    def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        name: str,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TrafficSourceResponse: ...

    def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest | None = None,
        name: str | None = None,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TrafficSourceResponse:
        """Create a traffic source in a lead-gen tool.

        Create a traffic source in a lead-generation tool (LGT).

        `POST /leadgentools/{leadgentool_id}/create-traffic-source` (operation `create_traffic_source`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `CreateTrafficSourceRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            leadgentool_id: Id of the lead-generation tool.
            body: The whole request body, instead of the keyword arguments below.
            name: Required.
            description:
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Returns:
            The model of the 2xx answer (awaited on `AsyncLeelooClient`; `with_raw_response` adds
            status, headers, request id, body and time).

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        if body is None:
            if name is None:
                raise missing_arguments(
                    name=name,
                )
            body = CreateTrafficSourceRequest(
                name=name,
                description=description,
            )
        return self._call(
            create_traffic_source.ENDPOINT,
            create_traffic_source.request(
                leadgentool_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncLeadgentools(AsyncResource):
    """The `leadgentools` operations of `AsyncLeelooClient`: the methods of `Leadgentools`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncLeadgentoolsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncLeadgentoolsWithRawResponse(self)

    create_traffic_source = awaitable(Leadgentools.create_traffic_source)


class LeadgentoolsWithRawResponse:
    """The `leadgentools` operations returning a `RawResponse`: `client.leadgentools.with_raw_response`."""

    def __init__(self, resource: Leadgentools) -> None:
        self._resource = resource
        self.create_traffic_source = to_raw_response_wrapper(resource.create_traffic_source)


class AsyncLeadgentoolsWithRawResponse:
    """The `leadgentools` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncLeadgentools) -> None:
        self._resource = resource
        self.create_traffic_source = async_to_raw_response_wrapper(resource.create_traffic_source)


__all__ = [
    "AsyncLeadgentools",
    "AsyncLeadgentoolsWithRawResponse",
    "Leadgentools",
    "LeadgentoolsWithRawResponse",
    "create_traffic_source",
]
