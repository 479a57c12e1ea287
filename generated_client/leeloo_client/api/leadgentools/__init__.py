"""The `leadgentools` operations: the resources `Leadgentools` (`client.leadgentools`) and `AsyncLeadgentools`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.create_traffic_source_request import CreateTrafficSourceRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.traffic_source_response import TrafficSourceResponse
from ...types import UNSET, Unset
from . import (
    create_traffic_source,
)


class Leadgentools(SyncResource):
    """The `leadgentools` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "LeadgentoolsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return LeadgentoolsWithRawResponse(self._client)

    @overload
    def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return create_traffic_source.sync(
            leadgentool_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class LeadgentoolsWithRawResponse(SyncResource):
    """The `leadgentools` operations returning a `RawResponse`: `client.leadgentools.with_raw_response`."""

    @overload
    def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TrafficSourceResponse]: ...

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
    ) -> RawResponse[TrafficSourceResponse]: ...

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
    ) -> RawResponse[TrafficSourceResponse]:
        """Create a traffic source in a lead-gen tool, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = create_traffic_source.sync_detailed(
            leadgentool_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, create_traffic_source._unwrap(detailed))


class AsyncLeadgentools(AsyncResource):
    """The `leadgentools` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncLeadgentoolsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncLeadgentoolsWithRawResponse(self._client)

    @overload
    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TrafficSourceResponse: ...

    @overload
    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        name: str,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TrafficSourceResponse: ...

    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest | None = None,
        name: str | None = None,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return await create_traffic_source.asyncio(
            leadgentool_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class AsyncLeadgentoolsWithRawResponse(AsyncResource):
    """The `leadgentools` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    @overload
    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TrafficSourceResponse]: ...

    @overload
    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        name: str,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TrafficSourceResponse]: ...

    async def create_traffic_source(
        self,
        leadgentool_id: str,
        *,
        body: CreateTrafficSourceRequest | None = None,
        name: str | None = None,
        description: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TrafficSourceResponse]:
        """Create a traffic source in a lead-gen tool, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = await create_traffic_source.asyncio_detailed(
            leadgentool_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, create_traffic_source._unwrap(detailed))


__all__ = [
    "AsyncLeadgentools",
    "AsyncLeadgentoolsWithRawResponse",
    "Leadgentools",
    "LeadgentoolsWithRawResponse",
    "create_traffic_source",
]
