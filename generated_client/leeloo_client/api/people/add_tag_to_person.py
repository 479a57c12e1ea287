"""Add a tag to a person: `PUT /people/{person_id}/add-tag` (operation `add_tag_to_person`).

The resource method `people.add_tag` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.empty_response import EmptyResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.tag_form import TagForm

OPERATION = "add_tag_to_person"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = True
# The resource method that calls this operation.
RESOURCE_METHOD = "people.add_tag"


def request(
    person_id: str,
    *,
    client: BaseClient,
    body: TagForm,
) -> Request:
    """The request of `add_tag_to_person`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="put",
        url="/people/{person_id}/add-tag".format(
            person_id=path_segment(person_id, "person_id"),
        ),
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
        (404, 404, ErrorEnvelope.from_dict),
        (429, 429, None),
        (500, 599, ErrorEnvelope.from_dict),
    ),
)
sync = ENDPOINT.sync
sync_detailed = ENDPOINT.sync_detailed
asyncio = ENDPOINT.asyncio
asyncio_detailed = ENDPOINT.asyncio_detailed
