"""The replay's handler: a recorded answer where the capture has one, else the inner handler's
(the proxy's, the recorder's) or the pipeline's."""

from __future__ import annotations

from mock_server.replay.recordings import Recordings
from mock_server.server.app import Handler, WrappingHandler
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline


class Replayer(WrappingHandler):
    """An async handler answering from ``recordings`` first, then passing the request on."""

    def __init__(self, pipeline: Pipeline, recordings: Recordings, inner: Handler | None = None) -> None:
        super().__init__(pipeline, inner)
        self.recordings = recordings

    def reset(self) -> None:
        """Back to the capture's first answers, and the handlers inside too."""
        self.recordings.rewind()
        super().reset()

    async def __call__(self, request: MockRequest) -> MockResponse:
        recorded = self.recordings.answer(request)
        return recorded if recorded is not None else await self.pass_on(request)
