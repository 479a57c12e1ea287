"""The `tags` operations: the resources `Tags` (`client.tags`) and `AsyncTags`, and one module per operation."""

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
from ...models.error_envelope import ErrorEnvelope
from ...models.tag import Tag
from ...models.tag_list_response import TagListResponse
from . import (
    list_tags,
)


class Tags(SyncResource):
    """The `tags` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "TagsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return TagsWithRawResponse(self)

    def list(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TagListResponse:
        """List tags.

        Get a list of tags. The page shows no paging parameters and no `meta` block for this list.
        The page's URL lacks the space after GET and its example a trailing comma; repaired.

        `GET /tags` (operation `list_tags`).

        Args:
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
        return self._call(
            list_tags.ENDPOINT,
            list_tags.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )


class AsyncTags(AsyncResource):
    """The `tags` operations of `AsyncLeelooClient`: the methods of `Tags`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncTagsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncTagsWithRawResponse(self)

    list = awaitable(Tags.list)


class TagsWithRawResponse:
    """The `tags` operations returning a `RawResponse`: `client.tags.with_raw_response`."""

    def __init__(self, resource: Tags) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)


class AsyncTagsWithRawResponse:
    """The `tags` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncTags) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)


__all__ = [
    "AsyncTags",
    "AsyncTagsWithRawResponse",
    "Tags",
    "TagsWithRawResponse",
    "list_tags",
]
