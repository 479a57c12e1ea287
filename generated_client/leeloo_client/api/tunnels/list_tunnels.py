"""List tunnels: `GET /tunnels` (operation `list_tunnels`)."""

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import errors
from ..._base_client import BaseClient
from ..._http import json_body
from ..._pagination import awalk_pages, walk_pages
from ..._resource import elapsed_of
from ...models.error_envelope import ErrorEnvelope
from ...models.tunnel import Tunnel
from ...models.tunnel_list_response import TunnelListResponse
from ...types import UNSET, Response, Unset

OPERATION = "list_tunnels"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "tunnels.list"


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tunnels",
        "params": params,
    }

    return _kwargs


def _parse_response(*, response: httpx.Response) -> ErrorEnvelope | TunnelListResponse | str | None:
    if response.status_code == 200:
        try:
            response_200 = TunnelListResponse.from_dict(json_body(response))

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


def _build_response(*, response: httpx.Response) -> Response[ErrorEnvelope | TunnelListResponse | str]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
        elapsed=elapsed_of(response),
    )


def _unwrap(response: Response[ErrorEnvelope | TunnelListResponse | str]) -> TunnelListResponse:
    """The 2xx model of `response`, or the typed error of its failure."""
    parsed_success = isinstance(response.parsed, TunnelListResponse)
    if not response.is_success or (not parsed_success and errors.reports_failure(response.content)):
        raise errors.status_error(
            OPERATION, status_code=response.status_code, content=response.content, headers=response.headers
        )
    if not isinstance(response.parsed, TunnelListResponse):
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorEnvelope | TunnelListResponse | str]:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
    )
    return _build_response(response=client.send(OPERATION, kwargs, idempotent=IDEMPOTENT))


def sync(
    *,
    client: BaseClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> TunnelListResponse:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

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
            limit=limit,
            offset=offset,
        )
    )


async def asyncio_detailed(
    *,
    client: BaseClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorEnvelope | TunnelListResponse | str]:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Returns the answer whatever its status; `parsed` holds the model of a 2xx answer and the
    `Problem` of a declared error answer.

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

    Raises:
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
    )
    return _build_response(response=await client.asend(OPERATION, kwargs, idempotent=IDEMPOTENT))


async def asyncio(
    *,
    client: BaseClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> TunnelListResponse:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Returns the model of the 2xx answer; a failure (a non-2xx status, or Leeloo's `status: 0`
    envelope in any answer) raises an `errors.APIStatusError`.

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

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
            limit=limit,
            offset=offset,
        )
    )


def iterate(
    *,
    client: BaseClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Iterator[Tunnel]:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Walks every page, `limit` items at a time from `offset` on, and yields each item; it stops at
    an empty page or one shorter than `limit`, and never asks for a page twice. It does not trust
    `meta.filteredCount`, which Leeloo sets to the size of the page, not the number of matches.
    A `limit` below 1 or a negative `offset` raises `InvalidParameterError` before anything is
    sent; a page that repeats the one before raises `PaginationError` (the API ignores `offset`).

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    def fetch(page_offset: int) -> list[Tunnel]:
        return sync(
            client=client,
            limit=limit,
            offset=page_offset,
        ).data

    return walk_pages(OPERATION, fetch, limit=limit, offset=offset, default_limit=20)


def aiterate(
    *,
    client: BaseClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> AsyncIterator[Tunnel]:
    """List tunnels

    Get a list of tunnels. The page's example has a trailing comma and timestamps without
    seconds (`2015-04-02T14:20Z`); the example here is repaired to RFC 3339.

    `GET /tunnels`.
    Walks every page, `limit` items at a time from `offset` on, and yields each item; it stops at
    an empty page or one shorter than `limit`, and never asks for a page twice. It does not trust
    `meta.filteredCount`, which Leeloo sets to the size of the page, not the number of matches.
    A `limit` below 1 or a negative `offset` raises `InvalidParameterError` before anything is
    sent; a page that repeats the one before raises `PaginationError` (the API ignores `offset`).

    Args:
        limit (int | Unset): How many results to return. The page warns against large pages but
            gives no default or cap; the default 20 is the one its examples use and the maximum 100 is
            a **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
        offset (int | Unset): How many results to skip (default 0). Default: 0.

    Raises:
        errors.APIStatusError: A failure; its subclass follows the status (AuthenticationError,
            NotFoundError, ValidationError, RateLimitError, ServerError) or, inside a 2xx answer,
            the envelope's code; `code` and `fields` carry Leeloo's reasons.
        errors.APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
        errors.ResponseValidationError: A 2xx answer whose body does not match the spec.
    """

    async def fetch(page_offset: int) -> list[Tunnel]:
        page = await asyncio(
            client=client,
            limit=limit,
            offset=page_offset,
        )
        return page.data

    return awalk_pages(OPERATION, fetch, limit=limit, offset=offset, default_limit=20)
