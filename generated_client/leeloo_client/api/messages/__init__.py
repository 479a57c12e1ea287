"""The `messages` operations: the resources `Messages` (`client.messages`) and `AsyncMessages`, and one module per operation."""

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
from ...models.chat_message import ChatMessage
from ...models.chat_message_list_response import ChatMessageListResponse
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.send_message_request import SendMessageRequest
from . import (
    list_chat_messages,
    send_message,
)


class Messages(SyncResource):
    """The `messages` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "MessagesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return MessagesWithRawResponse(self)

    def list_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> ChatMessageListResponse:
        """List the messages of a chat.

        Get a list of messages from a chat via a communication channel.

        The page's URL names the path parameter `{person_id}` but describes it as the
        "communication channel id"; the spec calls it `account_id`, like every other
        communication-channel path. The name is not sent on the wire, so the choice is safe.

        `GET /communication-channels/{account_id}/chat-messages` (operation `list_chat_messages`).

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
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
            list_chat_messages.ENDPOINT,
            list_chat_messages.request(
                account_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                limit=limit,
                offset=offset,
            ),
        )

    def iterate_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Iterator[ChatMessage]:
        """List the messages of a chat: every item of every page.

        Get a list of messages from a chat via a communication channel.

        The page's URL names the path parameter `{person_id}` but describes it as the
        "communication channel id"; the spec calls it `account_id`, like every other
        communication-channel path. The name is not sent on the wire, so the choice is safe.

        `GET /communication-channels/{account_id}/chat-messages` (operation `list_chat_messages`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Yields:
            Each `ChatMessage` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        build = functools.partial(
            list_chat_messages.request,
            account_id,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
        )
        return self._iterate(list_chat_messages.ENDPOINT, build, offset, limit)

    @overload
    def send(
        self,
        *,
        body: SendMessageRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    def send(
        self,
        *,
        account_id: str,
        text: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    def send(
        self,
        *,
        body: SendMessageRequest | None = None,
        account_id: str | None = None,
        text: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Send a message.

        Send a text message to a person through one of their communication channels.

        `POST /messages/send-message` (operation `send_message`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `SendMessageRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            account_id: Required. A 24-hex-digit object id, as every id on the page is.
            text: Required.
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
            if account_id is None or text is None:
                raise missing_arguments(
                    account_id=account_id,
                    text=text,
                )
            body = SendMessageRequest(
                account_id=account_id,
                text=text,
            )
        return self._call(
            send_message.ENDPOINT,
            send_message.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncMessages(AsyncResource):
    """The `messages` operations of `AsyncLeelooClient`: the methods of `Messages`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncMessagesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncMessagesWithRawResponse(self)

    list_chat = awaitable(Messages.list_chat)
    iterate_chat = async_iterator(Messages.iterate_chat)
    aiterate_chat = iterate_chat
    send = awaitable(Messages.send)


class MessagesWithRawResponse:
    """The `messages` operations returning a `RawResponse`: `client.messages.with_raw_response`."""

    def __init__(self, resource: Messages) -> None:
        self._resource = resource
        self.list_chat = to_raw_response_wrapper(resource.list_chat)
        self.send = to_raw_response_wrapper(resource.send)


class AsyncMessagesWithRawResponse:
    """The `messages` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncMessages) -> None:
        self._resource = resource
        self.list_chat = async_to_raw_response_wrapper(resource.list_chat)
        self.send = async_to_raw_response_wrapper(resource.send)


__all__ = [
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "Messages",
    "MessagesWithRawResponse",
    "list_chat_messages",
    "send_message",
]
