"""Get a person: `GET /people/{person_id}` (operation `get_person`).

The resource method `people.get` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.error_envelope import ErrorEnvelope
from ...models.person_response import PersonResponse

OPERATION = "get_person"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "people.get"


def request(
    person_id: str,
    *,
    client: BaseClient,
    include: str | None = None,
) -> Request:
    """The request of `get_person`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="get",
        url="/people/{person_id}".format(
            person_id=path_segment(person_id, "person_id"),
        ),
        params={
            "include": include,
        },
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    PersonResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, PersonResponse.from_dict),
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
