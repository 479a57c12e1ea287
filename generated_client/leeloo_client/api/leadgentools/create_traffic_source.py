"""Create a traffic source in a lead-gen tool: `POST /leadgentools/{leadgentool_id}/create-traffic-source` (operation `create_traffic_source`).

The resource method `leadgentools.create_traffic_source` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.create_traffic_source_request import CreateTrafficSourceRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.traffic_source_response import TrafficSourceResponse

OPERATION = "create_traffic_source"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "leadgentools.create_traffic_source"


def request(
    leadgentool_id: str,
    *,
    client: BaseClient,
    body: CreateTrafficSourceRequest,
) -> Request:
    """The request of `create_traffic_source`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/leadgentools/{leadgentool_id}/create-traffic-source".format(
            leadgentool_id=path_segment(leadgentool_id, "leadgentool_id"),
        ),
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    TrafficSourceResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, TrafficSourceResponse.from_dict),
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
