"""``--replay FILE``: answer what a capture (HAR 1.2, NDJSON of HAR entries) recorded.

- ``config``: ``ReplayConfig`` (``MockConfig.replay``).
- ``recordings``: the recorded answers by request (method, path, query, the body of a write),
  served in order, the last one repeating; each checked against the spec once, at start-up.
- ``replayer``: the async handler answering from them, passing other requests on.
- ``options``: the command line's ``--replay``.

The capture is read by ``mock_server.har``, the one HAR reader.
"""

from typing import TYPE_CHECKING, Any

from mock_server.replay.config import ReplayConfig

if TYPE_CHECKING:
    from mock_server.replay.recordings import Recordings, load_recordings
    from mock_server.replay.replayer import Replayer

__all__ = ["Recordings", "ReplayConfig", "Replayer", "load_recordings"]


def __getattr__(name: str) -> Any:
    """The replay's handler and recordings, imported when first used: they need the proxy's
    header rules and so httpx, which the command line's ``--replay`` option alone does not."""
    if name in ("Recordings", "load_recordings"):
        from mock_server.replay import recordings

        return getattr(recordings, name)
    if name == "Replayer":
        from mock_server.replay.replayer import Replayer

        return Replayer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
