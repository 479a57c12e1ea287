"""The `templates` operations: the resources `Templates` (`client.templates`) and `AsyncTemplates`, and one module per operation."""

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
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.message_template_list_response import MessageTemplateListResponse
from ...models.send_template_request import SendTemplateRequest
from ...models.template_category_list_response import TemplateCategoryListResponse
from ...models.template_variables import TemplateVariables
from . import (
    list_template_categories,
    list_templates_in_category,
    send_template_message,
)


class Templates(SyncResource):
    """The `templates` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "TemplatesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return TemplatesWithRawResponse(self)

    def list_categories(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> TemplateCategoryListResponse:
        """List message template categories.

        Get a list of message template categories.

        `GET /categories/templates` (operation `list_template_categories`).

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
            list_template_categories.ENDPOINT,
            list_template_categories.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    def list_in_category(
        self,
        category_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> MessageTemplateListResponse:
        """List message templates of a category.

        Get a list of message templates within a category.

        `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

        Args:
            category_id: Id of the message template category.
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
            list_templates_in_category.ENDPOINT,
            list_templates_in_category.request(
                category_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    @overload
    def send_message(
        self,
        *,
        body: SendTemplateRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    def send_message(
        self,
        *,
        account_id: str,
        template_id: str,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    def send_message(
        self,
        *,
        body: SendTemplateRequest | None = None,
        account_id: str | None = None,
        template_id: str | None = None,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> EmptyResponse:
        """Send a message template.

        Send a message template through a communication channel, filling its variables.

        `POST /messages/send-template` (operation `send_template_message`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `SendTemplateRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            account_id: Required. A 24-hex-digit object id, as every id on the page is.
            template_id: Required. A 24-hex-digit object id, as every id on the page is.
            variables: Values of the template's variables, by variable name (a real map).
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
            if account_id is None or template_id is None:
                raise missing_arguments(
                    account_id=account_id,
                    template_id=template_id,
                )
            body = SendTemplateRequest(
                account_id=account_id,
                template_id=template_id,
                variables=None
                if variables is None
                else variables
                if isinstance(variables, TemplateVariables)
                else TemplateVariables.from_dict(variables),
            )
        return self._call(
            send_template_message.ENDPOINT,
            send_template_message.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncTemplates(AsyncResource):
    """The `templates` operations of `AsyncLeelooClient`: the methods of `Templates`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncTemplatesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncTemplatesWithRawResponse(self)

    list_categories = awaitable(Templates.list_categories)
    list_in_category = awaitable(Templates.list_in_category)
    send_message = awaitable(Templates.send_message)


class TemplatesWithRawResponse:
    """The `templates` operations returning a `RawResponse`: `client.templates.with_raw_response`."""

    def __init__(self, resource: Templates) -> None:
        self._resource = resource
        self.list_categories = to_raw_response_wrapper(resource.list_categories)
        self.list_in_category = to_raw_response_wrapper(resource.list_in_category)
        self.send_message = to_raw_response_wrapper(resource.send_message)


class AsyncTemplatesWithRawResponse:
    """The `templates` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncTemplates) -> None:
        self._resource = resource
        self.list_categories = async_to_raw_response_wrapper(resource.list_categories)
        self.list_in_category = async_to_raw_response_wrapper(resource.list_in_category)
        self.send_message = async_to_raw_response_wrapper(resource.send_message)


__all__ = [
    "AsyncTemplates",
    "AsyncTemplatesWithRawResponse",
    "Templates",
    "TemplatesWithRawResponse",
    "list_template_categories",
    "list_templates_in_category",
    "send_template_message",
]
