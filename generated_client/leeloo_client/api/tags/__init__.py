"""The `tags` operations: the resources `Tags` (`client.tags`) and `AsyncTags`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.error_envelope import ErrorEnvelope
from ...models.tag import Tag
from ...models.tag_list_response import TagListResponse
from ...types import UNSET
from . import (
    list_tags,
)


class Tags(SyncResource):
    """The `tags` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "TagsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return TagsWithRawResponse(self._client)

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TagListResponse:
        """List tags.

        Get a list of tags. The page shows no paging parameters and no `meta` block for this list.
        The page's URL lacks the space after GET and its example a trailing comma; repaired.

        `GET /tags` (operation `list_tags`).

        Args:
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
        return list_tags.sync(
            client=self._with(timeout, extra_headers, extra_query),
        )


class TagsWithRawResponse(SyncResource):
    """The `tags` operations returning a `RawResponse`: `client.tags.with_raw_response`."""

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TagListResponse]:
        """List tags, with the answer's status, headers, request id and time.

        Get a list of tags. The page shows no paging parameters and no `meta` block for this list.
        The page's URL lacks the space after GET and its example a trailing comma; repaired.

        `GET /tags` (operation `list_tags`).

        Args:
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
        detailed = list_tags.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_tags._unwrap(detailed))


class AsyncTags(AsyncResource):
    """The `tags` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncTagsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncTagsWithRawResponse(self._client)

    async def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TagListResponse:
        """List tags.

        Get a list of tags. The page shows no paging parameters and no `meta` block for this list.
        The page's URL lacks the space after GET and its example a trailing comma; repaired.

        `GET /tags` (operation `list_tags`).

        Args:
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
        return await list_tags.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
        )


class AsyncTagsWithRawResponse(AsyncResource):
    """The `tags` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TagListResponse]:
        """List tags, with the answer's status, headers, request id and time.

        Get a list of tags. The page shows no paging parameters and no `meta` block for this list.
        The page's URL lacks the space after GET and its example a trailing comma; repaired.

        `GET /tags` (operation `list_tags`).

        Args:
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
        detailed = await list_tags.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_tags._unwrap(detailed))


__all__ = [
    "AsyncTags",
    "AsyncTagsWithRawResponse",
    "Tags",
    "TagsWithRawResponse",
    "list_tags",
]
