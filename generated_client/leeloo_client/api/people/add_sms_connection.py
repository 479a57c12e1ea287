"""Add an SMS connection to people: `POST /people/sms` (operation `add_sms_connection`).

The resource method `people.add_sms_connection` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.add_sms_connection_request import AddSmsConnectionRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.sms_processing_response import SmsProcessingResponse

OPERATION = "add_sms_connection"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "people.add_sms_connection"


def request(
    *,
    client: BaseClient,
    body: AddSmsConnectionRequest,
) -> Request:
    """The request of `add_sms_connection`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/people/sms",
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    SmsProcessingResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, SmsProcessingResponse.from_dict),
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
