"""Add a call to a communication channel: `POST /calls` (operation `create_call`).

The resource method `calls.create` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.call_response import CallResponse
from ...models.create_call_request import CreateCallRequest
from ...models.error_envelope import ErrorEnvelope

OPERATION = "create_call"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "calls.create"


def request(
    *,
    client: BaseClient,
    body: CreateCallRequest,
) -> Request:
    """The request of `create_call`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/calls",
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    CallResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, CallResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
