"""The `communication_channels` operations: the resources `CommunicationChannels` (`client.communication_channels`) and `AsyncCommunicationChannels`, and one module per operation."""

import builtins
import datetime
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.communication_channel import CommunicationChannel
from ...models.communication_channel_list_response import CommunicationChannelListResponse
from ...models.create_email_accounts_request import CreateEmailAccountsRequest
from ...models.email_contact import EmailContact
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.manual_subscribe_form import ManualSubscribeForm
from ...models.person_response import PersonResponse
from ...models.sms_processing_response import SmsProcessingResponse
from ...types import UNSET, Unset
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
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return CommunicationChannelsWithRawResponse(self._client)

    @overload
    def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return create_email_accounts.sync(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )

    def get_person_by_account(
        self,
        account_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return get_person_by_account.sync(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        return list_communication_channels.sync(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
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
        return list_communication_channels.iterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
        )

    @overload
    def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return manual_subscribe.sync(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class CommunicationChannelsWithRawResponse(SyncResource):
    """The `communication_channels` operations returning a `RawResponse`: `client.communication_channels.with_raw_response`."""

    @overload
    def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[SmsProcessingResponse]: ...

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
    ) -> RawResponse[SmsProcessingResponse]: ...

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
    ) -> RawResponse[SmsProcessingResponse]:
        """Add people reached by e-mail, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = create_email_accounts.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, create_email_accounts._unwrap(detailed))

    def get_person_by_account(
        self,
        account_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[PersonResponse]:
        """Get the person behind a communication channel, with the answer's status, headers, request id and time.

        Obtain information about a person via a communication channel (get the person id knowing the
        account id).

        `GET /communication-channels/{account_id}/person` (operation `get_person_by_account`).

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
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
        detailed = get_person_by_account.sync_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_person_by_account._unwrap(detailed))

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
    ) -> RawResponse[CommunicationChannelListResponse]:
        """List communication channels, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        detailed = list_communication_channels.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
        )
        return RawResponse.of(detailed, list_communication_channels._unwrap(detailed))

    @overload
    def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

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
    ) -> RawResponse[EmptyResponse]: ...

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
    ) -> RawResponse[EmptyResponse]:
        """Subscribe a communication channel to a tunnel block, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = manual_subscribe.sync_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, manual_subscribe._unwrap(detailed))


class AsyncCommunicationChannels(AsyncResource):
    """The `communication_channels` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncCommunicationChannelsWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncCommunicationChannelsWithRawResponse(self._client)

    @overload
    async def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    @overload
    async def create_email_accounts(
        self,
        *,
        data: builtins.list[EmailContact | EmailContactParam],
        connection_id: str,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    async def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest | None = None,
        data: builtins.list[EmailContact | EmailContactParam] | None = None,
        connection_id: str | None = None,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return await create_email_accounts.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )

    async def get_person_by_account(
        self,
        account_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        return await get_person_by_account.asyncio(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    async def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        return await list_communication_channels.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
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
    ) -> AsyncIterator[CommunicationChannel]:
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
        return list_communication_channels.aiterate(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
        )

    aiterate = iterate

    @overload
    async def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    async def manual_subscribe(
        self,
        account_id: str,
        *,
        tunnel_id: str,
        tunnel_block_id: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    async def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm | None = None,
        tunnel_id: str | None = None,
        tunnel_block_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return await manual_subscribe.asyncio(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class AsyncCommunicationChannelsWithRawResponse(AsyncResource):
    """The `communication_channels` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    @overload
    async def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[SmsProcessingResponse]: ...

    @overload
    async def create_email_accounts(
        self,
        *,
        data: builtins.list[EmailContact | EmailContactParam],
        connection_id: str,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[SmsProcessingResponse]: ...

    async def create_email_accounts(
        self,
        *,
        body: CreateEmailAccountsRequest | None = None,
        data: builtins.list[EmailContact | EmailContactParam] | None = None,
        connection_id: str | None = None,
        tags: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[SmsProcessingResponse]:
        """Add people reached by e-mail, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = await create_email_accounts.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, create_email_accounts._unwrap(detailed))

    async def get_person_by_account(
        self,
        account_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[PersonResponse]:
        """Get the person behind a communication channel, with the answer's status, headers, request id and time.

        Obtain information about a person via a communication channel (get the person id knowing the
        account id).

        `GET /communication-channels/{account_id}/person` (operation `get_person_by_account`).

        Args:
            account_id: Id of the communication channel (a person's account in a messenger).
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
        detailed = await get_person_by_account.asyncio_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, get_person_by_account._unwrap(detailed))

    async def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[CommunicationChannelListResponse]:
        """List communication channels, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        detailed = await list_communication_channels.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            limit=limit,
            offset=offset,
            filter_last_message_from=UNSET if filter_last_message_from is None else filter_last_message_from,
            filter_last_message_to=UNSET if filter_last_message_to is None else filter_last_message_to,
        )
        return RawResponse.of(detailed, list_communication_channels._unwrap(detailed))

    @overload
    async def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    @overload
    async def manual_subscribe(
        self,
        account_id: str,
        *,
        tunnel_id: str,
        tunnel_block_id: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    async def manual_subscribe(
        self,
        account_id: str,
        *,
        body: ManualSubscribeForm | None = None,
        tunnel_id: str | None = None,
        tunnel_block_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]:
        """Subscribe a communication channel to a tunnel block, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = await manual_subscribe.asyncio_detailed(
            account_id,
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, manual_subscribe._unwrap(detailed))


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
