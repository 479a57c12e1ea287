"""The `orders` operations: the resources `Orders` (`client.orders`) and `AsyncOrders`, and one module per operation."""

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
from ...models.boolean_string import BooleanString, check_boolean_string
from ...models.create_order_request import CreateOrderRequest
from ...models.currency import Currency, check_currency
from ...models.error_envelope import ErrorEnvelope
from ...models.manual_order_status import ManualOrderStatus, check_manual_order_status
from ...models.order import Order
from ...models.order_details_response import OrderDetailsResponse
from ...models.order_list_response import OrderListResponse
from ...models.order_ref_response import OrderRefResponse
from ...models.order_response import OrderResponse
from ...models.update_order_form import UpdateOrderForm
from . import (
    create_order,
    get_order,
    list_orders,
    update_order,
)


class Orders(SyncResource):
    """The `orders` operations of `LeelooClient`; each returns the 2xx model or raises."""

    @property
    def with_raw_response(self) -> "OrdersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return OrdersWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        body: CreateOrderRequest,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderResponse: ...

    @overload
    def create(
        self,
        *,
        payment_credits_id: str,
        email: str,
        phone: str,
        transaction_date: str,
        offer_id: str,
        is_notify_account: bool | BooleanString,
        person_id: str,
        manager_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderResponse: ...

    def create(
        self,
        *,
        body: CreateOrderRequest | None = None,
        payment_credits_id: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        transaction_date: str | None = None,
        offer_id: str | None = None,
        is_notify_account: bool | BooleanString | None = None,
        person_id: str | None = None,
        manager_id: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderResponse:
        """Create a manual order.

        Create a manual order for a person.

        The page's example sends `"isNotifyAccount": "false"` as a string while its text says
        the field "can be true or false"; every public client sends the string too, so both the
        JSON booleans and the strings `"true"`/`"false"` are accepted (`BooleanFlag`).
        `transactionDate` is accepted as an RFC 3339 date-time (the page's format) and as
        `YYYY-MM-DD HH:MM`, which public clients send (`LeelooDateTime`).

        `POST /orders` (operation `create_order`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `CreateOrderRequest` as `body=`; a field
        left out (None) is not sent.

        Args:
            body: The whole request body, instead of the keyword arguments below.
            payment_credits_id: Required. A 24-hex-digit object id, as every id on the page is.
            email: Required.
            phone: Required.
            transaction_date: Required. A moment in UTC, as an RFC 3339 date-time
                (`2020-02-04T11:46:48.803Z`, the create-order
                section's format) or as `YYYY-MM-DD HH:MM` (`2018-06-27 07:32`, the update form's
                format,
                and what public clients send for both). One pattern rather than `anyOf` of the two,
                because
                the client generator would parse `2018-06-27 07:32` into a datetime without a time zone
                and
                write it back as neither form.
            offer_id: Required. A 24-hex-digit object id, as every id on the page is.
            is_notify_account: Required. A yes/no flag: a JSON boolean, or the string `"true"` or
                `"false"`. The page's example
                and every public client send the string (`"isNotifyAccount": "false"`), the page's text
                says true or false; both are accepted (**verified** that the string is sent; whether
                the API also takes a JSON boolean is a **guess**).
            person_id: Required. A 24-hex-digit object id, as every id on the page is.
            manager_id: A 24-hex-digit object id, as every id on the page is.
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
            if (
                payment_credits_id is None
                or email is None
                or phone is None
                or transaction_date is None
                or offer_id is None
                or is_notify_account is None
                or person_id is None
            ):
                raise missing_arguments(
                    payment_credits_id=payment_credits_id,
                    email=email,
                    phone=phone,
                    transaction_date=transaction_date,
                    offer_id=offer_id,
                    is_notify_account=is_notify_account,
                    person_id=person_id,
                )
            body = CreateOrderRequest(
                payment_credits_id=payment_credits_id,
                email=email,
                phone=phone,
                transaction_date=transaction_date,
                offer_id=offer_id,
                is_notify_account=is_notify_account,
                person_id=person_id,
                manager_id=manager_id,
            )
        return self._call(
            create_order.ENDPOINT,
            create_order.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )

    def get(
        self,
        order_id: str,
        *,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderDetailsResponse:
        """Get an order.

        Get information on a separate order.

        The page's example carries `//` comments listing the allowed values of `currency`,
        `status` and `paymentMethod`; they became enums. Its timestamps
        (`2015-04-02T14:20Z`) lack seconds, which RFC 3339 requires; the example here adds `:00`.

        `GET /orders/{order_id}` (operation `get_order`).

        Args:
            order_id: Id of the order.
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
            get_order.ENDPOINT,
            get_order.request(
                order_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
            ),
        )

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderListResponse:
        """List orders.

        Get a list of orders.

        `GET /orders` (operation `list_orders`).

        Args:
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
            list_orders.ENDPOINT,
            list_orders.request(
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                limit=limit,
                offset=offset,
            ),
        )

    def iterate(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Iterator[Order]:
        """List orders: every item of every page.

        Get a list of orders.

        `GET /orders` (operation `list_orders`).
        Pages from `offset` on, `limit` items at a time, until a page is short or empty; each page is
        asked for once.

        Args:
            limit: How many results to return. The page warns against large pages but gives no
                default or cap; the default 20 is the one its examples use and the maximum 100 is a
                **guess** (a public client pages with 50; none asks for more than 100). Default: 20.
            offset: How many results to skip (default 0). Default: 0.
            timeout: This call's timeout (seconds or an `httpx.Timeout`); the client's by default.
            extra_headers: Headers added to this call's request.
            extra_query: Query parameters added to this call's request.
            extra_body: Fields added to (or replacing those of) this call's JSON body.

        Yields:
            Each `Order` of each page.

        Raises:
            APIStatusError: A failure, by the status or Leeloo's `status: 0` envelope in any answer
                (AuthenticationError, NotFoundError, ValidationError, RateLimitError, ServerError).
            APIConnectionError: No answer after the retries (APITimeoutError on a timeout).
            ResponseValidationError: A 2xx answer whose body does not match the spec.
        """
        build = functools.partial(
            list_orders.request,
            client=self._with(timeout, extra_headers, extra_query, extra_body),
            limit=limit,
        )
        return self._iterate(list_orders.ENDPOINT, build, offset, limit)

    def update(
        self,
        order_id: str,
        *,
        body: UpdateOrderForm | None = None,
        status: ManualOrderStatus | None = None,
        payment_date: str | None = None,
        currency: Currency | None = None,
        price: float | str | None = None,
        user_comments: str | None = None,
        timeout: TimeoutTypes | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> OrderRefResponse:
        """Update a manual order.

        Update information in a MANUAL order. The order cannot be one with partial payments.

        The page says "Request Body(form-data)", against its own rule that requests are JSON;
        public v2 clients send this update as JSON, so JSON is the body and the form encoding is
        accepted as a second media type. The page lists the fields with examples but marks
        none as required, so none is.

        `POST /orders/{order_id}` (operation `update_order`, not repeated after a failure that may have acted).
        Pass the body's fields as keyword arguments, or a whole `UpdateOrderForm` as `body=`; a field
        left out (None) is not sent.

        Args:
            order_id: Id of the order.
            body: The whole request body, instead of the keyword arguments below.
            status: The new status of the manual order; the page allows these two.
            payment_date: A moment in UTC, as an RFC 3339 date-time (`2020-02-04T11:46:48.803Z`, the
                create-order
                section's format) or as `YYYY-MM-DD HH:MM` (`2018-06-27 07:32`, the update form's
                format,
                and what public clients send for both). One pattern rather than `anyOf` of the two,
                because
                the client generator would parse `2018-06-27 07:32` into a datetime without a time zone
                and
                write it back as neither form.
            currency: The values listed in the `//` comment of the page's GET /orders/{order_id}
                example.
            price: A sum of money: a JSON number, or a string of digits. The page gives the update
                form's
                price as `'100'` and public clients send `sprintf('%d', ...)`, a numeric string
                (**verified**); a JSON number is accepted too.
            user_comments:
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
            body = UpdateOrderForm(
                status=status,
                payment_date=payment_date,
                currency=currency,
                price=price,
                user_comments=user_comments,
            )
        return self._call(
            update_order.ENDPOINT,
            update_order.request(
                order_id,
                client=self._with(timeout, extra_headers, extra_query, extra_body),
                body=body,
            ),
        )


class AsyncOrders(AsyncResource):
    """The `orders` operations of `AsyncLeelooClient`: the methods of `Orders`, awaited."""

    @property
    def with_raw_response(self) -> "AsyncOrdersWithRawResponse":
        """The same methods, returning a `RawResponse` (model, status, headers, request id, body, time)."""
        return AsyncOrdersWithRawResponse(self)

    create = awaitable(Orders.create)
    get = awaitable(Orders.get)
    list = awaitable(Orders.list)
    iterate = async_iterator(Orders.iterate)
    aiterate = iterate
    update = awaitable(Orders.update)


class OrdersWithRawResponse:
    """The `orders` operations returning a `RawResponse`: `client.orders.with_raw_response`."""

    def __init__(self, resource: Orders) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)
        self.get = to_raw_response_wrapper(resource.get)
        self.list = to_raw_response_wrapper(resource.list)
        self.update = to_raw_response_wrapper(resource.update)


class AsyncOrdersWithRawResponse:
    """The `orders` operations of `AsyncLeelooClient` returning a `RawResponse`."""

    def __init__(self, resource: AsyncOrders) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.update = async_to_raw_response_wrapper(resource.update)


__all__ = [
    "AsyncOrders",
    "AsyncOrdersWithRawResponse",
    "Orders",
    "OrdersWithRawResponse",
    "create_order",
    "get_order",
    "list_orders",
    "update_order",
]
