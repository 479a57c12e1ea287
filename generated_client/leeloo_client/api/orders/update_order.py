"""Update a manual order: `POST /orders/{order_id}` (operation `update_order`)."""

from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import LeelooClient
from ...models.order_ref_response import OrderRefResponse
from ...models.problem import Problem
from ...models.update_order_form import UpdateOrderForm
from ...types import Response

OPERATION = "update_order"


def _get_kwargs(
    order_id: str,
    *,
    body: UpdateOrderForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{order_id}".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["data"] = body.to_dict()

    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, response: httpx.Response) -> OrderRefResponse | Problem | None:
    if response.status_code == 200:
        try:
            response_200 = OrderRefResponse.from_dict(response.json())

            return response_200

        except errors.MODEL_PARSE_ERRORS as error:
            raise errors.ResponseValidationError(
                OPERATION,
                status_code=response.status_code,
                content=response.content,
                headers=response.headers,
                reason=f"{type(error).__name__}: {error}",
            ) from error
    if response.status_code == 401:
        try:
            response_401 = Problem.from_dict(response.json())

            return response_401

        except errors.MODEL_PARSE_ERRORS:
            return None
    if response.status_code == 404:
        try:
            response_404 = Problem.from_dict(response.json())

            return response_404

        except errors.MODEL_PARSE_ERRORS:
            return None
    if response.status_code == 422:
        try:
            response_422 = Problem.from_dict(response.json())

            return response_422

        except errors.MODEL_PARSE_ERRORS:
            return None
    if response.status_code == 429:
        try:
            response_429 = Problem.from_dict(response.json())

            return response_429

        except errors.MODEL_PARSE_ERRORS:
            return None
    if 500 <= response.status_code <= 599:
        try:
            response_5xx = Problem.from_dict(response.json())

            return response_5xx

        except errors.MODEL_PARSE_ERRORS:
            return None
    return None


def _build_response(*, response: httpx.Response) -> Response[OrderRefResponse | Problem]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
    )


def _unwrap(response: Response[OrderRefResponse | Problem]) -> OrderRefResponse:
    """The 2xx model of `response`, or the typed error of its status."""
    if not response.is_success:
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
    client: LeelooClient,
    body: UpdateOrderForm,
) -> Response[OrderRefResponse | Problem]:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)"; the spec takes
    `application/x-www-form-urlencoded`. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        order_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
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
    return _build_response(response=client.send(OPERATION, kwargs))


def sync(
    order_id: str,
    *,
    client: LeelooClient,
    body: UpdateOrderForm,
) -> OrderRefResponse:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)"; the spec takes
    `application/x-www-form-urlencoded`. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the model of the 2xx answer; any other status raises an `errors.APIStatusError`.

    Args:
        order_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.

    Raises:
        errors.APIStatusError: A non-2xx answer; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError).
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
    client: LeelooClient,
    body: UpdateOrderForm,
) -> Response[OrderRefResponse | Problem]:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)"; the spec takes
    `application/x-www-form-urlencoded`. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        order_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
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
    return _build_response(response=await client.asend(OPERATION, kwargs))


async def asyncio(
    order_id: str,
    *,
    client: LeelooClient,
    body: UpdateOrderForm,
) -> OrderRefResponse:
    """Update a manual order

    Update information in a MANUAL order. The order cannot be one with partial payments.

    The page says "Request Body(form-data)"; the spec takes
    `application/x-www-form-urlencoded`. The page lists the fields with examples but marks
    none as required, so none is.

    `POST /orders/{order_id}`.
    Returns the model of the 2xx answer; any other status raises an `errors.APIStatusError`.

    Args:
        order_id (str): A 24-hex-digit object id, as every id on the page is. Example:
            5b3f543bb2737000133d25b0.
        body (UpdateOrderForm): The fields to change. The page marks none as required, but at
            least one must be sent:
            an empty form is an empty body, which no server can tell from a missing one.

    Raises:
        errors.APIStatusError: A non-2xx answer; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError).
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
