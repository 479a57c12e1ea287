"""The ceiling: the least a starlette app can do on our server stack, for "fraction of ceiling".

Routes answering the same static JSON as the mock does for the bench's GET /api/v2/tags, JSON
POST send-message and form PUT add-tag, served by uvicorn with uvloop and httptools and no access
log, exactly as ``leeloo-mock`` is served. The POST and PUT routes read the request body, as any
server must; they neither parse nor validate it. Whatever the mock does beyond this (matching,
parsing, validating, choosing an example) shows up as the gap to these figures, request by request.

Usage: ``python -m bench.ceiling_app --port PORT``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

TAGS_BODY = json.dumps({"status": 1, "data": [{"id": "595f5d522a934035decc093d", "name": "Tag #1"}]}).encode()
DONE_BODY = json.dumps({"status": 1, "data": {}}).encode()


async def _tags(request: Request) -> Response:
    return Response(TAGS_BODY, media_type="application/json")


async def _done(request: Request) -> Response:
    await request.body()
    return Response(DONE_BODY, media_type="application/json")


def build_app() -> Starlette:
    """The minimal app: the bench's GET, POST and PUT, and nothing else."""
    return Starlette(
        routes=[
            Route("/api/v2/tags", _tags, methods=["GET"]),
            Route("/api/v2/messages/send-message", _done, methods=["POST"]),
            Route("/api/v2/people/{person_id}/add-tag", _done, methods=["PUT"]),
        ]
    )


def serve(host: str, port: int) -> None:
    uvicorn.run(
        build_app(),
        host=host,
        port=port,
        loop="uvloop",
        http="httptools",
        log_level="warning",
        access_log=False,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ceiling_app", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    serve(args.host, args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
