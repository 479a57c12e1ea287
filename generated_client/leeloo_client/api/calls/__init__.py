"""The `calls` operations: the resources `Calls` (`client.calls`) and `AsyncCalls`, and one module per operation."""

import builtins
import datetime
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
from ...models.call_direction import CallDirection, check_call_direction
from ...models.call_response import CallResponse
from ...models.call_status import CallStatus, check_call_status
from ...models.create_call_request import CreateCallRequest
from ...models.error_envelope import ErrorEnvelope
from . import (
    create_call,
)


class Calls(SyncResource):
    """The `calls` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "CallsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return CallsWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        body: CreateCallRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CallResponse: ...

    @overload
    def create(
        self,
        *,
        user_id: str,
        from_: str,
        to: str,
        date: datetime.datetime,
        account_id: str,
        record_link: str,
        status: CallStatus,
        duration: int | str,
        type_: CallDirection,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CallResponse: ...

    def create(
        self,
        *,
        body: CreateCallRequest | None = None,
        user_id: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        date: datetime.datetime | None = None,
        account_id: str | None = None,
        record_link: str | None = None,
        status: CallStatus | None = None,
        duration: int | str | None = None,
        type_: CallDirection | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CallResponse:
        """Add a call to a communication channel.

        Record a phone call on a communication channel (an "account"): who called whom, when,
        how it ended, how long it took and where its recording is.

        Documented only in the newer print (lines 883-935). Its heading says "form-data, all
        required" while its example is JSON and the page's rule is that bodies are JSON, so the
        body is JSON and the form encoding is accepted as a second media type; all nine fields
        are required, as the heading says. `duration` is accepted as a number of seconds or a
        string of digits (the field list gives `'100'`, the example `100`); `record_link` is a
        URL or `NOT_DEFINED`. The example answer's closing brace is missing; repaired.

        `POST /calls` (operation `create_call`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `CreateCallRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            user_id: Required. A 24-hex-digit object id, as every id on the page is.
            from_: Required. The calling number or extension.
            to: Required. The called number or extension.
            date: Required. When the call took place (UTC).
            account_id: Required. A 24-hex-digit object id, as every id on the page is.
            record_link: Required. URL of the call's recording, or `NOT_DEFINED` when there is none.
            status: Required. How the call ended; the newer print lists these four.
            duration: Required. Length of the call in seconds, as a number or a string of digits.
            type_: Required. Whether the person called in or was called.
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
            if (
                user_id is None
                or from_ is None
                or to is None
                or date is None
                or account_id is None
                or record_link is None
                or status is None
                or duration is None
                or type_ is None
            ):
                raise missing_arguments(
                    user_id=user_id,
                    from_=from_,
                    to=to,
                    date=date,
                    account_id=account_id,
                    record_link=record_link,
                    status=status,
                    duration=duration,
                    type_=type_,
                )
            body = CreateCallRequest(
                user_id=user_id,
                from_=from_,
                to=to,
                date=date,
                account_id=account_id,
                record_link=record_link,
                status=status,
                duration=duration,
                type_=type_,
            )
        return self._call(
            create_call.ENDPOINT,
            create_call.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncCalls(AsyncResource):
    """The `calls` operations of `AsyncLeelooClient`: the methods of `Calls`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncCallsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncCallsWithRawResponse(self)

    create = awaitable(Calls.create)


class CallsWithRawResponse:
    """The `calls` operations returning a `RawResponse`: `client.calls.with_raw_response`."""

    def __init__(self, resource: Calls) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)


class AsyncCallsWithRawResponse:
    """The `calls` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncCalls) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)


__all__ = [
    "AsyncCalls",
    "AsyncCallsWithRawResponse",
    "Calls",
    "CallsWithRawResponse",
    "create_call",
]
