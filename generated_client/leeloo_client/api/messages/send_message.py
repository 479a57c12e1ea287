"""Send a message: `POST /messages/send-message` (operation `send_message`).

The resource method `messages.send` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.send_message_request import SendMessageRequest

OPERATION = "send_message"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "messages.send"


def request(
    *,
    client: BaseClient,
    body: SendMessageRequest,
) -> Request:
    """The request of `send_message`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/messages/send-message",
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
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
