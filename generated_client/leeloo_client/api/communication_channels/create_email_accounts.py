"""Add people reached by e-mail: `POST /accounts/email` (operation `create_email_accounts`).

The resource method `communication_channels.create_email_accounts` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.create_email_accounts_request import CreateEmailAccountsRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.sms_processing_response import SmsProcessingResponse

OPERATION = "create_email_accounts"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "communication_channels.create_email_accounts"


def request(
    *,
    client: BaseClient,
    body: CreateEmailAccountsRequest,
) -> Request:
    """The request of `create_email_accounts`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="post",
        url="/accounts/email",
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
