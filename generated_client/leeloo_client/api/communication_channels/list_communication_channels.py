"""List communication channels: `GET /communication-channels` (operation `list_communication_channels`).

The resource method `communication_channels.list` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins, `iterate` / `aiterate` walk every page;
all take the arguments of `request()`.
"""

import datetime

from ..._base_client import BaseClient
from ..._operation import ListEndpoint, Request
from ...models.communication_channel import CommunicationChannel
from ...models.communication_channel_list_response import CommunicationChannelListResponse
from ...models.error_envelope import ErrorEnvelope

OPERATION = "list_communication_channels"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "communication_channels.list"


def request(
    *,
    client: BaseClient,
    limit: int | None = 20,
    offset: int | None = 0,
    filter_last_message_from: datetime.date | None = None,
    filter_last_message_to: datetime.date | None = None,
) -> Request:
    """The request of `list_communication_channels`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/communication-channels",
        params={
            "limit": limit,
            "offset": offset,
            "filter[last_message][from]": filter_last_message_from,
            "filter[last_message][to]": filter_last_message_to,
        },
    )


ENDPOINT = ListEndpoint(
    OPERATION,
    request,
    CommunicationChannelListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, CommunicationChannelListResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
    item=CommunicationChannel,
    default_limit=20,
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
iterate = ENDPOINT.iterate
aiterate = ENDPOINT.aiterate
