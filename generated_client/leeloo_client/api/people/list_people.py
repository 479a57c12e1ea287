"""List people: `GET /people` (operation `list_people`).

The resource method `people.list` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins, `iterate` / `aiterate` walk every page;
all take the arguments of `request()`.
"""

import datetime

from ..._base_client import BaseClient
from ..._operation import ListEndpoint, Request
from ...models.error_envelope import ErrorEnvelope
from ...models.person_list_response import PersonListResponse
from ...models.person_summary import PersonSummary

OPERATION = "list_people"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "people.list"


def request(
    *,
    client: BaseClient,
    limit: int | None = 20,
    offset: int | None = 0,
    filter_tags: list[str] | None = None,
    filter_last_message_from: datetime.date | None = None,
    filter_last_message_to: datetime.date | None = None,
    filter_phone: str | None = None,
    filter_email: str | None = None,
) -> Request:
    """The request of `list_people`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/people",
        params={
            "limit": limit,
            "offset": offset,
            "filter[tags]": filter_tags,
            "filter[last_message][from]": filter_last_message_from,
            "filter[last_message][to]": filter_last_message_to,
            "filter[phone]": filter_phone,
            "filter[email]": filter_email,
        },
    )


ENDPOINT = ListEndpoint(
    OPERATION,
    request,
    PersonListResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, PersonListResponse.from_dict),
        (400, 400, ErrorEnvelope.from_dict),
        (401, 401, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
    item=PersonSummary,
    default_limit=20,
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
iterate = ENDPOINT.iterate
aiterate = ENDPOINT.aiterate
