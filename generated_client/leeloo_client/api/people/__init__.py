"""The `people` operations: the resources `People` (`client.people`) and `AsyncPeople`, and one module per operation."""

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
from ...models.add_comment_request import AddCommentRequest
from ...models.add_sms_connection_request import AddSmsConnectionRequest
from ...models.comment_response import CommentResponse
from ...models.create_person_request import CreatePersonRequest
from ...models.created_person_response import CreatedPersonResponse
from ...models.custom_field import CustomField
from ...models.custom_field_type import CustomFieldType
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.person_list_response import PersonListResponse
from ...models.person_response import PersonResponse
from ...models.person_summary import PersonSummary
from ...models.sms_contact import SmsContact
from ...models.sms_processing_response import SmsProcessingResponse
from ...models.tag_form import TagForm
from ...models.update_person_request import UpdatePersonRequest
from . import (
    add_comment_to_person,
    add_sms_connection,
    add_tag_to_person,
    create_person,
    get_person,
    list_people,
    remove_tag_from_person,
    update_person,
)


class CustomFieldParam(TypedDict, total=False):
    """`CustomField` as a plain dict of its wire names, for a body's keyword arguments."""

    type: Required[CustomFieldType]
    name: Required[str]
    value: Required[str]


class SmsContactParam(TypedDict, total=False):
    """`SmsContact` as a plain dict of its wire names, for a body's keyword arguments."""

    phone: Required[str]
    name: str
    email: str


class People(SyncResource):
    """The `people` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "PeopleWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return PeopleWithRawResponse(self)

    @overload
    def add_comment(
        self,
        person_id: str,
        *,
        body: AddCommentRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CommentResponse: ...

    @overload
    def add_comment(
        self,
        person_id: str,
        *,
        comment: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CommentResponse: ...

    def add_comment(
        self,
        person_id: str,
        *,
        body: AddCommentRequest | None = None,
        comment: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CommentResponse:
        """Add a comment to a person.

        Add a comment to a person's card. Each call adds one more comment although the method is
        PUT, so this operation is not idempotent (`x-idempotent: false`): the client repeats it
        only when the request provably did not act, as it does a POST.

        `PUT /people/{person_id}/add-comment` (operation `add_comment_to_person`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `AddCommentRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            person_id: Id of the person on the platform.
            body: The whole request body, instead of the keyword arguments below.
            comment: Required.
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
            if comment is None:
                raise missing_arguments(
                    comment=comment,
                )
            body = AddCommentRequest(
                comment=comment,
            )
        return self._call(
            add_comment_to_person.ENDPOINT,
            add_comment_to_person.request(
                person_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    @overload
    def add_sms_connection(
        self,
        *,
        body: AddSmsConnectionRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    @overload
    def add_sms_connection(
        self,
        *,
        data: builtins.list[SmsContact | SmsContactParam],
        connection_id: str,
        leadgentool_id: str,
        tags: builtins.list[str] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse: ...

    def add_sms_connection(
        self,
        *,
        body: AddSmsConnectionRequest | None = None,
        data: builtins.list[SmsContact | SmsContactParam] | None = None,
        connection_id: str | None = None,
        leadgentool_id: str | None = None,
        tags: builtins.list[str] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> SmsProcessingResponse:
        """Add an SMS connection to people.

        Add people reached by SMS through a connection; the answer counts the people queued for
        processing.

        `POST /people/sms` (operation `add_sms_connection`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `AddSmsConnectionRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            data: Required.
            connection_id: Required. A 24-hex-digit object id, as every id on the page is.
            leadgentool_id: Required. A 24-hex-digit object id, as every id on the page is.
            tags: Ids of tags to put on the people.
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
            if data is None or connection_id is None or leadgentool_id is None:
                raise missing_arguments(
                    data=data,
                    connection_id=connection_id,
                    leadgentool_id=leadgentool_id,
                )
            body = AddSmsConnectionRequest(
                data=[item if isinstance(item, SmsContact) else SmsContact.from_dict(item) for item in data],
                connection_id=connection_id,
                leadgentool_id=leadgentool_id,
                tags=tags,
            )
        return self._call(
            add_sms_connection.ENDPOINT,
            add_sms_connection.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    @overload
    def add_tag(
        self,
        person_id: str,
        *,
        body: TagForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    def add_tag(
        self,
        person_id: str,
        *,
        tag_id: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    def add_tag(
        self,
        person_id: str,
        *,
        body: TagForm | None = None,
        tag_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Add a tag to a person.

        Add a tag to a person. The body is JSON, as the page's general rule says, the newer
        print's example shows and every public v2 client sends; the form encoding the headings
        name is accepted as a second media type.

        `PUT /people/{person_id}/add-tag` (operation `add_tag_to_person`).
        Pass the body's fields as keyword arguments, or a whole `TagForm` as `body=`; a field
        left out (None) is not sent.

        Args:
            person_id: Id of the person on the platform.
            body: The whole request body, instead of the keyword arguments below.
            tag_id: Required. A 24-hex-digit object id, as every id on the page is.
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
            if tag_id is None:
                raise missing_arguments(
                    tag_id=tag_id,
                )
            body = TagForm(
                tag_id=tag_id,
            )
        return self._call(
            add_tag_to_person.ENDPOINT,
            add_tag_to_person.request(
                person_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    @overload
    def create(
        self,
        *,
        body: CreatePersonRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CreatedPersonResponse: ...

    @overload
    def create(
        self,
        *,
        name: str,
        email: str,
        phone: str,
        leadgentool_id: str,
        connected_users_ids: builtins.list[str] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CreatedPersonResponse: ...

    def create(
        self,
        *,
        body: CreatePersonRequest | None = None,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        leadgentool_id: str | None = None,
        connected_users_ids: builtins.list[str] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> CreatedPersonResponse:
        """Add a person.

        Add a person on the platform. The answer is the person's new MANUAL communication
        channel: its `id` is the channel's id and `person_id` the new person's id.

        The page notes that only `connected_users_ids` is not required.

        `POST /people` (operation `create_person`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `CreatePersonRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            name: Required.
            email: Required.
            phone: Required.
            leadgentool_id: Required. A 24-hex-digit object id, as every id on the page is.
            connected_users_ids: Platform users to connect the person to.
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
            if name is None or email is None or phone is None or leadgentool_id is None:
                raise missing_arguments(
                    name=name,
                    email=email,
                    phone=phone,
                    leadgentool_id=leadgentool_id,
                )
            body = CreatePersonRequest(
                name=name,
                email=email,
                phone=phone,
                leadgentool_id=leadgentool_id,
                connected_users_ids=connected_users_ids,
            )
        return self._call(
            create_person.ENDPOINT,
            create_person.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    def get(
        self,
        person_id: str,
        *,
        include: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> PersonResponse:
        """Get a person.

        Get information about a specific person. `include` asks for the linked users and
        orders in the `included` block.

        `include` is a comma-separated list (`include=contactedUsers,orders`), as the page's URL
        shows; it is declared as a string with a pattern because the generated client sends an
        array as repeated parameters, not joined with commas.

        `GET /people/{person_id}` (operation `get_person`).

        Args:
            person_id: Id of the person on the platform.
            include: Comma-separated related resources to embed in `included`; any of
                `contactedUsers`, `orders`.
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
            get_person.ENDPOINT,
            get_person.request(
                person_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                include=include,
            ),
        )

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_tags: builtins.list[str] | None = None,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        filter_phone: str | None = None,
        filter_email: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> PersonListResponse:
        """List people.

        Get a list of people.

        The page marks `filter[last_message]` as required, but public clients list people
        without it (one pages through all 5,607 people of an account that way), so both bounds
        are optional here. The page shows them as `{ from: 'js_date', to: 'js_date' }` and its
        example URL sends plain dates (`2015-04-02`), so they are `format: date`.

        `GET /people` (operation `list_people`).

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            filter_tags: Only people with these tags; repeat the parameter for several tags
                (`filter[tags]=vip&filter[tags]=tag2`).
            filter_last_message_from: Only people whose last message is on or after this date (UTC).
            filter_last_message_to: Only people whose last message is on or before this date (UTC).
            filter_phone: Only people with this phone number.
            filter_email: Only people with this e-mail address.
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
            list_people.ENDPOINT,
            list_people.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                limit=limit,
                offset=offset,
                filter_tags=filter_tags,
                filter_last_message_from=filter_last_message_from,
                filter_last_message_to=filter_last_message_to,
                filter_phone=filter_phone,
                filter_email=filter_email,
            ),
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        filter_tags: builtins.list[str] | None = None,
        filter_last_message_from: datetime.date | None = None,
        filter_last_message_to: datetime.date | None = None,
        filter_phone: str | None = None,
        filter_email: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Iterator[PersonSummary]:
        """List people: every item of every page.

        Get a list of people.

        The page marks `filter[last_message]` as required, but public clients list people
        without it (one pages through all 5,607 people of an account that way), so both bounds
        are optional here. The page shows them as `{ from: 'js_date', to: 'js_date' }` and its
        example URL sends plain dates (`2015-04-02`), so they are `format: date`.

        `GET /people` (operation `list_people`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            filter_tags: Only people with these tags; repeat the parameter for several tags
                (`filter[tags]=vip&filter[tags]=tag2`).
            filter_last_message_from: Only people whose last message is on or after this date (UTC).
            filter_last_message_to: Only people whose last message is on or before this date (UTC).
            filter_phone: Only people with this phone number.
            filter_email: Only people with this e-mail address.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Yields:
            Each `PersonSummary` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        filter_last_message_from = plain_date(filter_last_message_from, "filter_last_message_from")
        filter_last_message_to = plain_date(filter_last_message_to, "filter_last_message_to")
        build = functools.partial(
            list_people.request,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
            filter_tags=filter_tags,
            filter_last_message_from=filter_last_message_from,
            filter_last_message_to=filter_last_message_to,
            filter_phone=filter_phone,
            filter_email=filter_email,
        )
        return self._iterate(list_people.ENDPOINT, build, offset, limit)

    @overload
    def remove_tag(
        self,
        person_id: str,
        *,
        body: TagForm,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    def remove_tag(
        self,
        person_id: str,
        *,
        tag_id: str,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    def remove_tag(
        self,
        person_id: str,
        *,
        body: TagForm | None = None,
        tag_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Remove a tag from a person.

        Remove a tag from a person. The body is JSON, as the page's general rule says, the
        newer print's example shows and every public v2 client sends; the form encoding the
        old page's heading names is accepted as a second media type.

        `PUT /people/{person_id}/remove-tag` (operation `remove_tag_from_person`).
        Pass the body's fields as keyword arguments, or a whole `TagForm` as `body=`; a field
        left out (None) is not sent.

        Args:
            person_id: Id of the person on the platform.
            body: The whole request body, instead of the keyword arguments below.
            tag_id: Required. A 24-hex-digit object id, as every id on the page is.
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
            if tag_id is None:
                raise missing_arguments(
                    tag_id=tag_id,
                )
            body = TagForm(
                tag_id=tag_id,
            )
        return self._call(
            remove_tag_from_person.ENDPOINT,
            remove_tag_from_person.request(
                person_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    def update(
        self,
        person_id: str,
        *,
        body: UpdatePersonRequest | None = None,
        phone: str | None = None,
        email: str | None = None,
        custom_fields: builtins.list[CustomField | CustomFieldParam] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Update a person.

        Update information in the customer card.

        The page shows no response for this endpoint; the spec assumes the `{status, data: {}}`
        envelope that the page's other updates (add-tag, remove-tag) answer with (**guess**).
        The page's `//` comment lists the custom field types, which became an enum.

        `PUT /people/{person_id}` (operation `update_person`).
        Pass the body's fields as keyword arguments, or a whole `UpdatePersonRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            person_id: Id of the person on the platform.
            body: The whole request body, instead of the keyword arguments below.
            phone:
            email:
            custom_fields:
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
            body = UpdatePersonRequest(
                phone=phone,
                email=email,
                custom_fields=None
                if custom_fields is None
                else [
                    item if isinstance(item, CustomField) else CustomField.from_dict(item)
                    for item in custom_fields
                ],
            )
        return self._call(
            update_person.ENDPOINT,
            update_person.request(
                person_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncPeople(AsyncResource):
    """The `people` operations of `AsyncLeelooClient`: the methods of `People`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncPeopleWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncPeopleWithRawResponse(self)

    add_comment = awaitable(People.add_comment)
    add_sms_connection = awaitable(People.add_sms_connection)
    add_tag = awaitable(People.add_tag)
    create = awaitable(People.create)
    get = awaitable(People.get)
    list = awaitable(People.list)
    iterate = async_iterator(People.iterate)
    aiterate = iterate
    remove_tag = awaitable(People.remove_tag)
    update = awaitable(People.update)


class PeopleWithRawResponse:
    """The `people` operations returning a `RawResponse`: `client.people.with_raw_response`."""

    def __init__(self, resource: People) -> None:
        self._resource = resource
        self.add_comment = to_raw_response_wrapper(resource.add_comment)
        self.add_sms_connection = to_raw_response_wrapper(resource.add_sms_connection)
        self.add_tag = to_raw_response_wrapper(resource.add_tag)
        self.create = to_raw_response_wrapper(resource.create)
        self.get = to_raw_response_wrapper(resource.get)
        self.list = to_raw_response_wrapper(resource.list)
        self.remove_tag = to_raw_response_wrapper(resource.remove_tag)
        self.update = to_raw_response_wrapper(resource.update)


class AsyncPeopleWithRawResponse:
    """The `people` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncPeople) -> None:
        self._resource = resource
        self.add_comment = async_to_raw_response_wrapper(resource.add_comment)
        self.add_sms_connection = async_to_raw_response_wrapper(resource.add_sms_connection)
        self.add_tag = async_to_raw_response_wrapper(resource.add_tag)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.remove_tag = async_to_raw_response_wrapper(resource.remove_tag)
        self.update = async_to_raw_response_wrapper(resource.update)


__all__ = [
    "CustomFieldParam",
    "SmsContactParam",
    "AsyncPeople",
    "AsyncPeopleWithRawResponse",
    "People",
    "PeopleWithRawResponse",
    "add_comment_to_person",
    "add_sms_connection",
    "add_tag_to_person",
    "create_person",
    "get_person",
    "list_people",
    "remove_tag_from_person",
    "update_person",
]
