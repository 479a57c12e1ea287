"""List message templates of a category: `GET /categories/templates/{category_id}` (operation `list_templates_in_category`).

The resource method `templates.list_in_category` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.error_envelope import ErrorEnvelope
from ...models.message_template_list_response import MessageTemplateListResponse

OPERATION = "list_templates_in_category"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "templates.list_in_category"


def request(
    category_id: str,
    *,
    client: BaseClient,
) -> Request:
    """The request of `list_templates_in_category`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/categories/templates/{category_id}".format(
            category_id=path_segment(category_id, "category_id"),
        ),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    MessageTemplateListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, MessageTemplateListResponse.from_dict),
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
