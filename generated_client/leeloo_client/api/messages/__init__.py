"""The `messages` operations: the resources `Messages` (`client.messages`) and `AsyncMessages`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.chat_message import ChatMessage
from ...models.chat_message_list_response import ChatMessageListResponse
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.send_message_request import SendMessageRequest
from ...types import UNSET, Unset
from . import (
    list_chat_messages,
    send_message,
)


class Messages(SyncResource):
    """The `messages` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "MessagesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return MessagesWithRawResponse(self._client)

    def list_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_chat_messages.sync(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
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

        Yields:
            Each `ChatMessage` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_chat_messages.iterate(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    @overload
    def send(
        self,
        *,
        body: SendMessageRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return send_message.sync(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class MessagesWithRawResponse(SyncResource):
    """The `messages` operations returning a `RawResponse`: `client.messages.with_raw_response`."""

    def list_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[ChatMessageListResponse]:
        """List the messages of a chat, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = list_chat_messages.sync_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_chat_messages._unwrap(detailed))

    @overload
    def send(
        self,
        *,
        body: SendMessageRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    @overload
    def send(
        self,
        *,
        account_id: str,
        text: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    def send(
        self,
        *,
        body: SendMessageRequest | None = None,
        account_id: str | None = None,
        text: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]:
        """Send a message, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = send_message.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, send_message._unwrap(detailed))


class AsyncMessages(AsyncResource):
    """The `messages` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncMessagesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncMessagesWithRawResponse(self._client)

    async def list_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await list_chat_messages.asyncio(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
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
    ) -> AsyncIterator[ChatMessage]:
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

        Yields:
            Each `ChatMessage` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return list_chat_messages.aiterate(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )

    aiterate_chat = iterate_chat

    @overload
    async def send(
        self,
        *,
        body: SendMessageRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    async def send(
        self,
        *,
        account_id: str,
        text: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    async def send(
        self,
        *,
        body: SendMessageRequest | None = None,
        account_id: str | None = None,
        text: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return await send_message.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class AsyncMessagesWithRawResponse(AsyncResource):
    """The `messages` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def list_chat(
        self,
        account_id: str,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[ChatMessageListResponse]:
        """List the messages of a chat, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        detailed = await list_chat_messages.asyncio_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
        )
        return RawResponse.of(detailed, list_chat_messages._unwrap(detailed))

    @overload
    async def send(
        self,
        *,
        body: SendMessageRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    @overload
    async def send(
        self,
        *,
        account_id: str,
        text: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    async def send(
        self,
        *,
        body: SendMessageRequest | None = None,
        account_id: str | None = None,
        text: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]:
        """Send a message, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = await send_message.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, send_message._unwrap(detailed))


__all__ = [
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "Messages",
    "MessagesWithRawResponse",
    "list_chat_messages",
    "send_message",
]
