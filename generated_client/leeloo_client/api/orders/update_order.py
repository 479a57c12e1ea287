"""Update a manual order: `POST /orders/{order_id}` (operation `update_order`).

The resource method `orders.update` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.error_envelope import ErrorEnvelope
from ...models.order_ref_response import OrderRefResponse
from ...models.update_order_form import UpdateOrderForm

OPERATION = "update_order"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "orders.update"


def request(
    order_id: str,
    *,
    client: BaseClient,
    body: UpdateOrderForm,
) -> Request:
    """The request of `update_order`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/orders/{order_id}".format(
            order_id=path_segment(order_id, "order_id"),
        ),
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    OrderRefResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, OrderRefResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (404, 404, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
