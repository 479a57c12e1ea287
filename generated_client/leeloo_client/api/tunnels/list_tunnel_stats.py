"""Get statistics for all tunnels: `GET /tunnels/stats` (operation `list_tunnel_stats`).

The resource method `tunnels.list_stats` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.error_envelope import ErrorEnvelope
from ...models.tunnel_stats_list_response import TunnelStatsListResponse

OPERATION = "list_tunnel_stats"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "tunnels.list_stats"


def request(
    *,
    client: BaseClient,
) -> Request:
    """The request of `list_tunnel_stats`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/tunnels/stats",
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    TunnelStatsListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, TunnelStatsListResponse.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
