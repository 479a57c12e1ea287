"""The `templates` operations: the resources `Templates` (`client.templates`) and `AsyncTemplates`, and one module per operation."""

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Required, TypedDict, cast, overload

from ..._base_client import TimeoutTypes
from ..._resource import AsyncResource, RawResponse, SyncResource, missing_arguments, plain_date
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.message_template_list_response import MessageTemplateListResponse
from ...models.send_template_request import SendTemplateRequest
from ...models.template_category_list_response import TemplateCategoryListResponse
from ...models.template_variables import TemplateVariables
from ...types import UNSET, Unset
from . import (
    list_template_categories,
    list_templates_in_category,
    send_template_message,
)


class Templates(SyncResource):
    """The `templates` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "TemplatesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return TemplatesWithRawResponse(self._client)

    def list_categories(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TemplateCategoryListResponse:
        """List message template categories.

        Get a list of message template categories.

        `GET /categories/templates` (operation `list_template_categories`).

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
        return list_template_categories.sync(
            client=self._with(timeout, extra_headers, extra_query),
        )

    def list_in_category(
        self,
        category_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> MessageTemplateListResponse:
        """List message templates of a category.

        Get a list of message templates within a category.

        `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

        Args:
            category_id: Id of the message template category.
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
        return list_templates_in_category.sync(
            category_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    @overload
    def send_message(
        self,
        *,
        body: SendTemplateRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return send_template_message.sync(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class TemplatesWithRawResponse(SyncResource):
    """The `templates` operations returning a `RawResponse`: `client.templates.with_raw_response`."""

    def list_categories(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TemplateCategoryListResponse]:
        """List message template categories, with the answer's status, headers, request id and time.

        Get a list of message template categories.

        `GET /categories/templates` (operation `list_template_categories`).

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
        detailed = list_template_categories.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_template_categories._unwrap(detailed))

    def list_in_category(
        self,
        category_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[MessageTemplateListResponse]:
        """List message templates of a category, with the answer's status, headers, request id and time.

        Get a list of message templates within a category.

        `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

        Args:
            category_id: Id of the message template category.
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
        detailed = list_templates_in_category.sync_detailed(
            category_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_templates_in_category._unwrap(detailed))

    @overload
    def send_message(
        self,
        *,
        body: SendTemplateRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

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
    ) -> RawResponse[EmptyResponse]: ...

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
    ) -> RawResponse[EmptyResponse]:
        """Send a message template, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = send_template_message.sync_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, send_template_message._unwrap(detailed))


class AsyncTemplates(AsyncResource):
    """The `templates` operations of `AsyncLeelooClient`; each awaits the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "AsyncTemplatesWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, time)."""
        return AsyncTemplatesWithRawResponse(self._client)

    async def list_categories(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> TemplateCategoryListResponse:
        """List message template categories.

        Get a list of message template categories.

        `GET /categories/templates` (operation `list_template_categories`).

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
        return await list_template_categories.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
        )

    async def list_in_category(
        self,
        category_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> MessageTemplateListResponse:
        """List message templates of a category.

        Get a list of message templates within a category.

        `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

        Args:
            category_id: Id of the message template category.
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
        return await list_templates_in_category.asyncio(
            category_id,
            client=self._with(timeout, extra_headers, extra_query),
        )

    @overload
    async def send_message(
        self,
        *,
        body: SendTemplateRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    @overload
    async def send_message(
        self,
        *,
        account_id: str,
        template_id: str,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> EmptyResponse: ...

    async def send_message(
        self,
        *,
        body: SendTemplateRequest | None = None,
        account_id: str | None = None,
        template_id: str | None = None,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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

        Returns:
            The model of the 2xx answer.

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
        return await send_template_message.asyncio(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )


class AsyncTemplatesWithRawResponse(AsyncResource):
    """The `templates` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    async def list_categories(
        self,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[TemplateCategoryListResponse]:
        """List message template categories, with the answer's status, headers, request id and time.

        Get a list of message template categories.

        `GET /categories/templates` (operation `list_template_categories`).

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
        detailed = await list_template_categories.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_template_categories._unwrap(detailed))

    async def list_in_category(
        self,
        category_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[MessageTemplateListResponse]:
        """List message templates of a category, with the answer's status, headers, request id and time.

        Get a list of message templates within a category.

        `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

        Args:
            category_id: Id of the message template category.
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
        detailed = await list_templates_in_category.asyncio_detailed(
            category_id,
            client=self._with(timeout, extra_headers, extra_query),
        )
        return RawResponse.of(detailed, list_templates_in_category._unwrap(detailed))

    @overload
    async def send_message(
        self,
        *,
        body: SendTemplateRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    @overload
    async def send_message(
        self,
        *,
        account_id: str,
        template_id: str,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]: ...

    async def send_message(
        self,
        *,
        body: SendTemplateRequest | None = None,
        account_id: str | None = None,
        template_id: str | None = None,
        variables: TemplateVariables | Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> RawResponse[EmptyResponse]:
        """Send a message template, with the answer's status, headers, request id and time.

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

        Returns:
            The 2xx model as `parsed`, with `status_code`, `headers`, `request_id` and `elapsed`.

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
        detailed = await send_template_message.asyncio_detailed(
            client=self._with(timeout, extra_headers, extra_query),
            body=body,
        )
        return RawResponse.of(detailed, send_template_message._unwrap(detailed))


__all__ = [
    "AsyncTemplates",
    "AsyncTemplatesWithRawResponse",
    "Templates",
    "TemplatesWithRawResponse",
    "list_template_categories",
    "list_templates_in_category",
    "send_template_message",
]
