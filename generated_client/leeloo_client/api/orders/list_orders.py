"""List orders: `GET /orders` (operation `list_orders`).

The resource method `orders.list` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins, `iterate` / `aiterate` walk every page;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import ListEndpoint, Request
from ...models.error_envelope import ErrorEnvelope
from ...models.order import Order
from ...models.order_list_response import OrderListResponse

OPERATION = "list_orders"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "orders.list"


def request(
    *,
    client: BaseClient,
    limit: int | None = 20,
    offset: int | None = 0,
) -> Request:
    """The request of `list_orders`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/orders",
        params={
            "limit": limit,
            "offset": offset,
        },
    )


ENDPOINT = ListEndpoint(
    OPERATION,
    request,
    OrderListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, OrderListResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
    item=Order,
    default_limit=20,
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
iterate = ENDPOINT.iterate
aiterate = ENDPOINT.aiterate
