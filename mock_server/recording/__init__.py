"""The mock's and the proxy's ``--record FILE``: every exchange to a HAR 1.2 file, secrets redacted.

``options.add_arguments(parser)`` / ``options.from_args(parser, args)`` are the CLI's flags;
``RecordingConfig`` is MockConfig's ``recording``; ``Recorder`` wraps the app's handler;
``entry_of_httpx`` records a client's own exchange (``make contract-live``).
"""

from mock_server.recording.config import RecordingConfig
from mock_server.recording.recorder import Recorder, entry_of_httpx, open_writer

__all__ = ["Recorder", "RecordingConfig", "entry_of_httpx", "open_writer"]
