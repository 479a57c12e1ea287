"""List connections: `GET /connections` (operation `list_connections`).

The resource method `connections.list` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.connection_list_response import ConnectionListResponse
from ...models.error_envelope import ErrorEnvelope

OPERATION = "list_connections"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "connections.list"


def request(
    *,
    client: BaseClient,
) -> Request:
    """The request of `list_connections`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/connections",
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    ConnectionListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, ConnectionListResponse.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
