"""List the messages of a chat: `GET /communication-channels/{account_id}/chat-messages` (operation `list_chat_messages`).

The resource method `messages.list_chat` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins, `iterate` / `aiterate` walk every page;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import ListEndpoint, Request
from ..._resource import path_segment
from ...models.chat_message import ChatMessage
from ...models.chat_message_list_response import ChatMessageListResponse
from ...models.error_envelope import ErrorEnvelope

OPERATION = "list_chat_messages"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "messages.list_chat"


def request(
    account_id: str,
    *,
    client: BaseClient,
    limit: int | None = 20,
    offset: int | None = 0,
) -> Request:
    """The request of `list_chat_messages`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/communication-channels/{account_id}/chat-messages".format(
            account_id=path_segment(account_id, "account_id"),
        ),
        params={
            "limit": limit,
            "offset": offset,
        },
    )


ENDPOINT = ListEndpoint(
    OPERATION,
    request,
    ChatMessageListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, ChatMessageListResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (404, 404, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
    item=ChatMessage,
    default_limit=20,
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
iterate = ENDPOINT.iterate
aiterate = ENDPOINT.aiterate
