"""Serve an in-process ASGI app (e.g. a deliberately broken mock) on a free 127.0.0.1 port.

A name kept for the tests that import it: the server is ``mock_server.testing.serving_app``
(uvicorn in a background thread, always stopped), the one way tests run an app on a port.
"""

from __future__ import annotations

from mock_server.testing import serving_app as serving

__all__ = ["serving"]
