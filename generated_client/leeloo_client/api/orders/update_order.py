"""Update a manual order: `POST /orders/{order_id}` (operation `update_order`)."""

from typing import Any

import httpx

from ... import errors
from ..._base_client import BaseClient
from ..._http import json_body
from ..._resource import elapsed_of, path_segment
from ...models.error_envelope import ErrorEnvelope
from ...models.order_ref_response import OrderRefResponse
from ...models.update_order_form import UpdateOrderForm
from ...types import Response

OPERATION = "update_order"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "orders.update"


def _get_kwargs(
    order_id: str,
    *,
    body: UpdateOrderForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{order_id}".format(
            order_id=path_segment(order_id, "order_id"),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, response: httpx.Response) -> ErrorEnvelope | OrderRefResponse | str | None:
    if response.status_code == 200:
        try:
            response_200 = OrderRefResponse.from_dict(json_body(response))

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
    if response.status_code == 404:
        try:
            response_404 = ErrorEnvelope.from_dict(json_body(response))

            return response_404

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


def _build_response(*, response: httpx.Response) -> Response[ErrorEnvelope | OrderRefResponse | str]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
        elapsed=elapsed_of(response),
    )


def _unwrap(response: Response[ErrorEnvelope | OrderRefResponse | str]) -> OrderRefResponse:
    """The 2xx model of `response`, or the typed error of its failure."""
    parsed_success = isinstance(response.parsed, OrderRefResponse)
    if not response.is_success or (not parsed_success and errors.reports_failure(response.content)):
        raise errors.status_error(
            OPERATION, status_code=response.status_code, content=response.content, headers=response.headers
        )
    if not isinstance(response.parsed, OrderRefResponse):
        raise errors.ResponseValidationError(
            OPERATION,
            status_code=response.status_code,
            content=response.content,
            headers=response.headers,
            reason="the status is not the one the spec declares",
        )
    return response.parsed


def sync_detailed(
    order_id: str,
    *,
    client: BaseClient,
    body: UpdateOrderForm,
) -> Response[ErrorEnvelope | OrderRefResponse | str]:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)", against its own rule that requests are JSON;
    public v2 clients send this update as JSON, so JSON is the body and the form encoding is
    accepted as a second media type. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        order_id (str): Id of the order.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.


    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )
    return _build_response(response=client.send(OPERATION, kwargs, idempotent=IDEMPOTENT))


def sync(
    order_id: str,
    *,
    client: BaseClient,
    body: UpdateOrderForm,
) -> OrderRefResponse:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)", against its own rule that requests are JSON;
    public v2 clients send this update as JSON, so JSON is the body and the form encoding is
    accepted as a second media type. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        order_id (str): Id of the order.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.


    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    return _unwrap(
        sync_detailed(
            order_id=order_id,
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    order_id: str,
    *,
    client: BaseClient,
    body: UpdateOrderForm,
) -> Response[ErrorEnvelope | OrderRefResponse | str]:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)", against its own rule that requests are JSON;
    public v2 clients send this update as JSON, so JSON is the body and the form encoding is
    accepted as a second media type. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        order_id (str): Id of the order.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.


    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )
    return _build_response(response=await client.asend(OPERATION, kwargs, idempotent=IDEMPOTENT))


async def asyncio(
    order_id: str,
    *,
    client: BaseClient,
    body: UpdateOrderForm,
) -> OrderRefResponse:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)", against its own rule that requests are JSON;
    public v2 clients send this update as JSON, so JSON is the body and the form encoding is
    accepted as a second media type. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        order_id (str): Id of the order.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.


    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    return _unwrap(
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
        )
    )
