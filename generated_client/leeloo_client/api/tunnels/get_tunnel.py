"""Get a tunnel: `GET /tunnels/{tunnel_id}` (operation `get_tunnel`).

The resource method `tunnels.get` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.error_envelope import ErrorEnvelope
from ...models.tunnel_include import TunnelInclude
from ...models.tunnel_response import TunnelResponse

OPERATION = "get_tunnel"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "tunnels.get"


def request(
    tunnel_id: str,
    *,
    client: BaseClient,
    include: TunnelInclude | None = None,
) -> Request:
    """The request of `get_tunnel`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/tunnels/{tunnel_id}".format(
            tunnel_id=path_segment(tunnel_id, "tunnel_id"),
        ),
        params={
            "include": include,
        },
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    TunnelResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, TunnelResponse.from_dict),
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
