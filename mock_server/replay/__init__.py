"""``--replay FILE``: answer what a capture (HAR 1.2, NDJSON of HAR entries) recorded.

- ``config``: ``ReplayConfig`` (``MockConfig.replay``).
- ``recordings``: the recorded answers by request (method, path, query, the body of a write),
  served in order, the last one repeating; each checked against the spec once, at start-up.
- ``replayer``: the async handler answering from them, passing other requests on.
- ``options``: the command line's ``--replay``.

The capture is read by ``mock_server.har``, the one HAR reader.
"""

from mock_server.replay.config import ReplayConfig
from mock_server.replay.recordings import Recordings, load_recordings
from mock_server.replay.replayer import Replayer

__all__ = ["Recordings", "ReplayConfig", "Replayer", "load_recordings"]
