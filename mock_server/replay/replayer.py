"""The replay's handler: a recorded answer where the capture has one, else the inner handler's
(the proxy's, the recorder's) or the pipeline's."""

from __future__ import annotations

from mock_server.replay.recordings import Recordings
from mock_server.server.app import Handler
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline


class Replayer:
    """An async handler answering from ``recordings`` first.

    ``pipeline`` is the app's current one (hot reload replaces it, on the inner handler too).
    """

    def __init__(self, pipeline: Pipeline, recordings: Recordings, inner: Handler | None = None) -> None:
        self._pipeline = pipeline
        self.recordings = recordings
        self.inner = inner

    @property
    def pipeline(self) -> Pipeline:
        return self._pipeline

    @pipeline.setter
    def pipeline(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        if self.inner is not None and hasattr(self.inner, "pipeline"):
            self.inner.pipeline = pipeline

    async def __call__(self, request: MockRequest) -> MockResponse:
        recorded = self.recordings.answer(request)
        if recorded is not None:
            return recorded
        if self.inner is not None:
            return await self.inner(request)
        return self._pipeline.handle(request)
