"""The `communication_channels` operations: the resources `CommunicationChannels` (`client.communication_channels`) and `AsyncCommunicationChannels`, and one module per operation."""

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
from ...models.communication_channel import CommunicationChannel
from ...models.communication_channel_list_response import CommunicationChannelListResponse
from ...models.create_email_accounts_request import CreateEmailAccountsRequest
from ...models.email_contact import EmailContact
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.manual_subscribe_form import ManualSubscribeForm
from ...models.person_response import PersonResponse
from ...models.sms_processing_response import SmsProcessingResponse
from . import (
    create_email_accounts,
    get_person_by_account,
    list_communication_channels,
    manual_subscribe,
)


class EmailContactParam(TypedDict, total=False):
    """`EmailContact` as a plain dict of its wire names, for a body's keyword arguments."""

    email: Required[str]
    name: str
    phone: str


class CommunicationChannels(SyncResource):
    """The `communication_channels` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "CommunicationChannelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return CommunicationChannelsWithRawResponse(self)

    @overload
    def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    @overload
    def create_email_accounts(
        self,
        *,
        data: builtins.list[EmailContact | EmailContactParam],
        connection_id: str,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest | None = None,
        data: builtins.list[EmailContact | EmailContactParam] | None = None,
        connection_id: str | None = None,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse:
        """Add people reached by e-mail.

        Create e-mail communication channels ("accounts") on an e-mail connection (SendGrid,
        Mandrill), one per item of `data`, optionally with a tag. Only `email` is required of an
        item; without a name the person is named after the address; a phone that does not
        validate is not recorded; an address that does not validate is refused with
        `FORMAT_ERROR` naming `data/N/email`; an address already linked on the same connection is
        skipped. Unlike POST /people/sms, `tags` is a single tag id, not a list.

        Documented on the vendor's wiki page for this endpoint, not on the API page.

        `POST /accounts/email` (operation `create_email_accounts`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `CreateEmailAccountsRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            data: Required.
            connection_id: Required. A 24-hex-digit object id, as every id on the page is.
            tags: A 24-hex-digit object id, as every id on the page is.
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
            if data is None or connection_id is None:
                raise missing_arguments(
                    data=data,
                    connection_id=connection_id,
                )
            body = CreateEmailAccountsRequest(
                data=[
                    item if isinstance(item, EmailContact) else EmailContact.from_dict(item) for item in data
                ],
                connection_id=connection_id,
                tags=tags,
            )
        return self._call(
            create_email_accounts.ENDPOINT,
            create_email_accounts.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    def get_person_by_account(
        self,
        account_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> PersonResponse:
        """Get the person behind a communication channel.

        Obtain information about a person via a communication channel (get the person id knowing the
        account id).

        `GET /communication-channels/{account_id}/person` (operation `get_person_by_account`).

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
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
            get_person_by_account.ENDPOINT,
            get_person_by_account.request(
                account_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CommunicationChannelListResponse:
        """List communication channels.

        Get a list of communication channels, with their external UTM tags.

        `GET /communication-channels` (operation `list_communication_channels`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            filter_last_message_from: Only channels whose last message is on or after this date
                (UTC).
            filter_last_message_to: Only channels whose last message is on or before this date
                (UTC).
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
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        return self._call(
            list_communication_channels.ENDPOINT,
            list_communication_channels.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                limit=limit,
                offset=offset,
                filter_last_message_from=filter_last_message_from,
                filter_last_message_to=filter_last_message_to,
            ),
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Iterator[CommunicationChannel]:
        """List communication channels: every item of every page.

        Get a list of communication channels, with their external UTM tags.

        `GET /communication-channels` (operation `list_communication_channels`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            filter_last_message_from: Only channels whose last message is on or after this date
                (UTC).
            filter_last_message_to: Only channels whose last message is on or before this date
                (UTC).
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Yields:
            Each `CommunicationChannel` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        build = functools.partial(
            list_communication_channels.request,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
            filter_last_message_from=filter_last_message_from,
            filter_last_message_to=filter_last_message_to,
        )
        return self._iterate(list_communication_channels.ENDPOINT, build, offset, limit)

    @overload
    def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    def manual_subscribe(
        self,
        account_id: str,
        *,
        tunnel_id: str,
        tunnel_block_id: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm | None = None,
        tunnel_id: str | None = None,
        tunnel_block_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Subscribe a communication channel to a tunnel block.

        Subscribe a communication channel to a tunnel and a block of that tunnel.

        The page says "Request Body(form-data)" for this endpoint, against its general rule
        that requests are JSON. The newer print shows a JSON example under the same heading,
        so the body is JSON; `application/x-www-form-urlencoded` is accepted as a second media
        type (**guess** that the API still takes it).

        `POST /communication-channels/{account_id}/manual-subscribe` (operation `manual_subscribe`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `ManualSubscribeForm` as `body=`; a field
        left out (None) is not sent.

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
            body: The whole request body, instead of the keyword arguments below.
            tunnel_id: Required. A 24-hex-digit object id, as every id on the page is.
            tunnel_block_id: Required. A 24-hex-digit object id, as every id on the page is.
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
            if tunnel_id is None or tunnel_block_id is None:
                raise missing_arguments(
                    tunnel_id=tunnel_id,
                    tunnel_block_id=tunnel_block_id,
                )
            body = ManualSubscribeForm(
                tunnel_id=tunnel_id,
                tunnel_block_id=tunnel_block_id,
            )
        return self._call(
            manual_subscribe.ENDPOINT,
            manual_subscribe.request(
                account_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncCommunicationChannels(AsyncResource):
    """The `communication_channels` operations of `AsyncLeelooClient`: the methods of `CommunicationChannels`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncCommunicationChannelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncCommunicationChannelsWithRawResponse(self)

    create_email_accounts = awaitable(CommunicationChannels.create_email_accounts)
    get_person_by_account = awaitable(CommunicationChannels.get_person_by_account)
    list = awaitable(CommunicationChannels.list)
    iterate = async_iterator(CommunicationChannels.iterate)
    aiterate = iterate
    manual_subscribe = awaitable(CommunicationChannels.manual_subscribe)


class CommunicationChannelsWithRawResponse:
    """The `communication_channels` operations returning a `RawResponse`: `client.communication_channels.with_raw_response`."""

    def __init__(self, resource: CommunicationChannels) -> None:
        self._resource = resource
        self.create_email_accounts = to_raw_response_wrapper(resource.create_email_accounts)
        self.get_person_by_account = to_raw_response_wrapper(resource.get_person_by_account)
        self.list = to_raw_response_wrapper(resource.list)
        self.manual_subscribe = to_raw_response_wrapper(resource.manual_subscribe)


class AsyncCommunicationChannelsWithRawResponse:
    """The `communication_channels` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncCommunicationChannels) -> None:
        self._resource = resource
        self.create_email_accounts = async_to_raw_response_wrapper(resource.create_email_accounts)
        self.get_person_by_account = async_to_raw_response_wrapper(resource.get_person_by_account)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.manual_subscribe = async_to_raw_response_wrapper(resource.manual_subscribe)


__all__ = [
    "EmailContactParam",
    "AsyncCommunicationChannels",
    "AsyncCommunicationChannelsWithRawResponse",
    "CommunicationChannels",
    "CommunicationChannelsWithRawResponse",
    "create_email_accounts",
    "get_person_by_account",
    "list_communication_channels",
    "manual_subscribe",
]
