"""List tags: `GET /tags` (operation `list_tags`).

The resource method `tags.list` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.error_envelope import ErrorEnvelope
from ...models.tag_list_response import TagListResponse

OPERATION = "list_tags"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "tags.list"


def request(
    *,
    client: BaseClient,
) -> Request:
    """The request of `list_tags`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/tags",
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    TagListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, TagListResponse.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
