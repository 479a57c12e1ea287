"""Add a call to a communication channel: `POST /calls` (operation `create_call`)."""

from typing import Any

import httpx

from ... import errors
from ..._base_client import BaseClient
from ..._http import json_body
from ..._resource import elapsed_of
from ...models.call_response import CallResponse
from ...models.create_call_request import CreateCallRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response

OPERATION = "create_call"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "calls.create"


def _get_kwargs(
    *,
    body: CreateCallRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/calls",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, response: httpx.Response) -> CallResponse | ErrorEnvelope | str | None:
    if response.status_code == 200:
        try:
            response_200 = CallResponse.from_dict(json_body(response))

            return response_200

        except errors.MODEL_PARSE_ERRORS as error:
            if errors.reports_failure(response.content):
                return None  # Leeloo's error envelope in a 2xx answer: `_unwrap` raises it
            raise errors.ResponseValidationError(
                OPERATION,
                status_code=response.status_code,
                content=response.content,
                headers=response.headers,
                reason=f"{type(error).__name__}: {error}",
            ) from error
    if response.status_code == 400:
        try:
            response_400 = ErrorEnvelope.from_dict(json_body(response))

            return response_400

        except errors.MODEL_PARSE_ERRORS:
            return None
    if response.status_code == 401:
        try:
            response_401 = ErrorEnvelope.from_dict(json_body(response))

            return response_401

        except errors.MODEL_PARSE_ERRORS:
            return None
    if response.status_code == 429:
        try:
            response_429 = response.text
            return response_429

        except errors.MODEL_PARSE_ERRORS:
            return None
    if 500 <= response.status_code <= 599:
        try:
            response_5xx = ErrorEnvelope.from_dict(json_body(response))

            return response_5xx

        except errors.MODEL_PARSE_ERRORS:
            return None
    return None


def _build_response(*, response: httpx.Response) -> Response[CallResponse | ErrorEnvelope | str]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
        elapsed=elapsed_of(response),
    )


def _unwrap(response: Response[CallResponse | ErrorEnvelope | str]) -> CallResponse:
    """The 2xx model of `response`, or the typed error of its failure."""
    parsed_success = isinstance(response.parsed, CallResponse)
    if not response.is_success or (not parsed_success and errors.reports_failure(response.content)):
        raise errors.status_error(
            OPERATION, status_code=response.status_code, content=response.content, headers=response.headers
        )
    if not isinstance(response.parsed, CallResponse):
        raise errors.ResponseValidationError(
            OPERATION,
            status_code=response.status_code,
            content=response.content,
            headers=response.headers,
            reason="the status is not the one the spec declares",
        )
    return response.parsed


def sync_detailed(
    *,
    client: BaseClient,
    body: CreateCallRequest,
) -> Response[CallResponse | ErrorEnvelope | str]:
    """Add a call to a communication channel

    Record a phone call on a communication channel (an "account"): who called whom, when,
    how it ended, how long it took and where its recording is.

    Documented only in the newer print (lines 883-935). Its heading says "form-data, all
    required" while its example is JSON and the page's rule is that bodies are JSON, so the
    body is JSON and the form encoding is accepted as a second media type; all nine fields
    are required, as the heading says. `duration` is accepted as a number of seconds or a
    string of digits (the field list gives `'100'`, the example `100`); `record_link` is a
    URL or `NOT_DEFINED`. The example answer's closing brace is missing; repaired.

    `POST /calls`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        body (CreateCallRequest): A call to record; the newer print says all fields are required.

    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        body=body,
    )
    return _build_response(response=client.send(OPERATION, kwargs, idempotent=IDEMPOTENT))


def sync(
    *,
    client: BaseClient,
    body: CreateCallRequest,
) -> CallResponse:
    """Add a call to a communication channel

    Record a phone call on a communication channel (an "account"): who called whom, when,
    how it ended, how long it took and where its recording is.

    Documented only in the newer print (lines 883-935). Its heading says "form-data, all
    required" while its example is JSON and the page's rule is that bodies are JSON, so the
    body is JSON and the form encoding is accepted as a second media type; all nine fields
    are required, as the heading says. `duration` is accepted as a number of seconds or a
    string of digits (the field list gives `'100'`, the example `100`); `record_link` is a
    URL or `NOT_DEFINED`. The example answer's closing brace is missing; repaired.

    `POST /calls`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        body (CreateCallRequest): A call to record; the newer print says all fields are required.

    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    return _unwrap(
        sync_detailed(
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    *,
    client: BaseClient,
    body: CreateCallRequest,
) -> Response[CallResponse | ErrorEnvelope | str]:
    """Add a call to a communication channel

    Record a phone call on a communication channel (an "account"): who called whom, when,
    how it ended, how long it took and where its recording is.

    Documented only in the newer print (lines 883-935). Its heading says "form-data, all
    required" while its example is JSON and the page's rule is that bodies are JSON, so the
    body is JSON and the form encoding is accepted as a second media type; all nine fields
    are required, as the heading says. `duration` is accepted as a number of seconds or a
    string of digits (the field list gives `'100'`, the example `100`); `record_link` is a
    URL or `NOT_DEFINED`. The example answer's closing brace is missing; repaired.

    `POST /calls`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        body (CreateCallRequest): A call to record; the newer print says all fields are required.

    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        body=body,
    )
    return _build_response(response=await client.asend(OPERATION, kwargs, idempotent=IDEMPOTENT))


async def asyncio(
    *,
    client: BaseClient,
    body: CreateCallRequest,
) -> CallResponse:
    """Add a call to a communication channel

    Record a phone call on a communication channel (an "account"): who called whom, when,
    how it ended, how long it took and where its recording is.

    Documented only in the newer print (lines 883-935). Its heading says "form-data, all
    required" while its example is JSON and the page's rule is that bodies are JSON, so the
    body is JSON and the form encoding is accepted as a second media type; all nine fields
    are required, as the heading says. `duration` is accepted as a number of seconds or a
    string of digits (the field list gives `'100'`, the example `100`); `record_link` is a
    URL or `NOT_DEFINED`. The example answer's closing brace is missing; repaired.

    `POST /calls`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        body (CreateCallRequest): A call to record; the newer print says all fields are required.

    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    return _unwrap(
        await asyncio_detailed(
            client=client,
            body=body,
        )
    )
