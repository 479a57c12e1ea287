"""Add a comment to a person: `PUT /people/{person_id}/add-comment` (operation `add_comment_to_person`).

The resource method `people.add_comment` of `LeelooClient` documents its arguments. Below it,
`sync(...)` returns the 2xx model or raises, `sync_detailed(...)` returns the `Response` whatever
its status, `asyncio` / `asyncio_detailed` are their async twins;
all take the arguments of `request()`.
"""

from ..._base_client import BaseClient
from ..._operation import Endpoint, Request
from ..._resource import path_segment
from ...models.add_comment_request import AddCommentRequest
from ...models.comment_response import CommentResponse
from ...models.error_envelope import ErrorEnvelope

OPERATION = "add_comment_to_person"
# Whether a request that may have acted (a read timeout, a 5xx) may be sent again.
IDEMPOTENT = False
# The resource method that calls this operation.
RESOURCE_METHOD = "people.add_comment"


def request(
    person_id: str,
    *,
    client: BaseClient,
    body: AddCommentRequest,
) -> Request:
    """The request of `add_comment_to_person`, sent through `client`; an argument left None is not sent."""
    return Request(
        client,
        method="put",
        url="/people/{person_id}/add-comment".format(
            person_id=path_segment(person_id, "person_id"),
        ),
        json=body.to_dict(),
    )


ENDPOINT = Endpoint(
    OPERATION,
    request,
    CommentResponse,
    idempotent=IDEMPOTENT,
    responses=(
        (200, 200, CommentResponse.from_dict),
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
