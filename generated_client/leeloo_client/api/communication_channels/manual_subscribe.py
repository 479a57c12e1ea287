"""Subscribe a communication channel to a tunnel block: `POST /communication-channels/{account_id}/manual-subscribe` (operation `manual_subscribe`).

The resource method `communication_channels.manual_subscribe` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.manual_subscribe_form import ManualSubscribeForm

OPERATION = "manual_subscribe"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "communication_channels.manual_subscribe"


def request(
    account_id: str,
    *,
    client: BaseClient,
    body: ManualSubscribeForm,
) -> Request:
    """The request of `manual_subscribe`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/communication-channels/{account_id}/manual-subscribe".format(
            account_id=path_segment(account_id, "account_id"),
        ),
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    EmptyResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, EmptyResponse.from_dict),
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
