"""Record the exchanges the mock or its proxy answers, each as one HAR entry when it completes.

``Recorder`` wraps the app's handler (the proxy, or the pipeline itself): it passes the request
on, then writes the request and the answer sent back to the HarWriter. In proxy mode the entry's
URL is the upstream's, so the capture reads as traffic to the real API. ``entry_of_httpx``
turns an httpx exchange into an entry, for clients that record their own traffic
(``make contract-live``).
"""

from __future__ import annotations

import dataclasses
import http
import logging
import time

import httpx

from mock_server.har import Body, Entry, HarWriter, Request, Response, iso_time
from mock_server.proxy.forwarder import ForeignTarget, ProxyHandler
from mock_server.recording.config import RecordingConfig
from mock_server.server.app import Handler, WrappingHandler
from mock_server.stages.pipeline import MockRequest, MockResponse, Pipeline

logger = logging.getLogger("leeloo_mock")


def _status_text(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _body(data: bytes, media_type: str | None) -> Body | None:
    return Body(media_type or "", data) if data or media_type else None


def open_writer(config: RecordingConfig) -> HarWriter:
    """The HarWriter ``config`` describes (the file created or emptied)."""
    return HarWriter(
        config.path, config.max_bytes, redact=config.redact, max_body_bytes=config.max_body_bytes
    )


class Recorder(WrappingHandler):
    """An async handler: answers with ``inner`` (or the pipeline) and records each exchange.

    ``pipeline`` is the app's current one (hot reload replaces it, on the inner handler too).
    """

    def __init__(
        self, pipeline: Pipeline, writer: HarWriter, inner: Handler | None = None, upstream: str | None = None
    ) -> None:
        super().__init__(pipeline, inner)
        self.writer = writer
        self.upstream = upstream.rstrip("/") if upstream else None

    async def __call__(self, request: MockRequest) -> MockResponse:
        started = time.time()
        clock = time.perf_counter()
        response = await self.pass_on(request)
        elapsed_ms = (time.perf_counter() - clock) * 1000
        try:
            self.writer.write(self._entry(request, response, started, elapsed_ms))
        except OSError as exc:  # a full disk must not stop the serving
            logger.warning("recording to %s failed: %s; serving goes on", self.writer.path, exc.strerror)
            return response
        return dataclasses.replace(response, source="recorded")  # a copy: an answer may be shared

    def _url(self, request: MockRequest) -> str:
        query = f"?{request.query_string}" if request.query_string else ""
        if self.upstream is not None:
            if isinstance(self.inner, ProxyHandler):
                try:
                    return str(self.inner.target(request))
                except ForeignTarget:  # a path the proxy refused to forward: the path as it came
                    pass
            return self.upstream + request.path + query
        host = request.headers.get("host", "localhost")
        return f"http://{host}{request.path}{query}"

    def _entry(self, request: MockRequest, response: MockResponse, started: float, ms: float) -> Entry:
        answer_headers = list(response.headers)
        if response.media_type is not None:
            answer_headers.append(("content-type", response.media_type))
        return Entry(
            Request(
                request.method,
                self._url(request),
                tuple(request.headers.items()),
                _body(request.body, request.headers.get("content-type")),
            ),
            Response(
                response.status,
                tuple(answer_headers),
                _body(response.body, response.media_type),
                _status_text(response.status),
            ),
            iso_time(started),
            round(ms, 3),
        )

    async def aclose(self) -> None:
        """Close the file (at server shutdown); it is valid HAR already."""
        self.writer.close()


def entry_of_httpx(response: httpx.Response, started: float | None = None) -> Entry:
    """An httpx exchange (its body read) as a HAR entry."""
    request = response.request
    try:
        elapsed = response.elapsed.total_seconds()
    except RuntimeError:  # not closed yet: httpx has no duration for it
        elapsed = 0.0
    began = started if started is not None else time.time() - elapsed
    return Entry(
        Request(
            request.method,
            str(request.url),
            tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw),
            _body(request.content, request.headers.get("content-type")),
            response.http_version,
        ),
        Response(
            response.status_code,
            tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw),
            _body(response.content, response.headers.get("content-type")),
            response.reason_phrase,
            response.http_version,
        ),
        iso_time(began),
        round(elapsed * 1000, 3),
    )
