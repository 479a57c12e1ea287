"""Send a message: `POST /messages/send-message` (operation `send_message`)."""

from typing import Any

import httpx

from ... import errors
from ..._base_client import BaseClient
from ..._http import json_body
from ..._resource import elapsed_of
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.send_message_request import SendMessageRequest
from ...types import Response

OPERATION = "send_message"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "messages.send"


def _get_kwargs(
    *,
    body: SendMessageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/messages/send-message",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, response: httpx.Response) -> EmptyResponse | ErrorEnvelope | str | None:
    if response.status_code == 200:
        try:
            response_200 = EmptyResponse.from_dict(json_body(response))

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


def _build_response(*, response: httpx.Response) -> Response[EmptyResponse | ErrorEnvelope | str]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
        elapsed=elapsed_of(response),
    )


def _unwrap(response: Response[EmptyResponse | ErrorEnvelope | str]) -> EmptyResponse:
    """The 2xx model of `response`, or the typed error of its failure."""
    parsed_success = isinstance(response.parsed, EmptyResponse)
    if not response.is_success or (not parsed_success and errors.reports_failure(response.content)):
        raise errors.status_error(
            OPERATION, status_code=response.status_code, content=response.content, headers=response.headers
        )
    if not isinstance(response.parsed, EmptyResponse):
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
    body: SendMessageRequest,
) -> Response[EmptyResponse | ErrorEnvelope | str]:
    """Send a message

    Send a text message to a person through one of their communication channels.

    `POST /messages/send-message`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        body (SendMessageRequest):

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
    body: SendMessageRequest,
) -> EmptyResponse:
    """Send a message

    Send a text message to a person through one of their communication channels.

    `POST /messages/send-message`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        body (SendMessageRequest):

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
    body: SendMessageRequest,
) -> Response[EmptyResponse | ErrorEnvelope | str]:
    """Send a message

    Send a text message to a person through one of their communication channels.

    `POST /messages/send-message`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        body (SendMessageRequest):

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
    body: SendMessageRequest,
) -> EmptyResponse:
    """Send a message

    Send a text message to a person through one of their communication channels.

    `POST /messages/send-message`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        body (SendMessageRequest):

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
