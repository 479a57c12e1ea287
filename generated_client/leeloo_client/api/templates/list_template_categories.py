"""List message template categories: `GET /categories/templates` (operation `list_template_categories`).

The resource method `templates.list_categories` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ...models.error_envelope import ErrorEnvelope
from ...models.template_category_list_response import TemplateCategoryListResponse

OPERATION = "list_template_categories"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "templates.list_categories"


def request(
    *,
    client: BaseClient,
) -> Request:
    """The request of `list_template_categories`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/categories/templates",
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    TemplateCategoryListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, TemplateCategoryListResponse.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
