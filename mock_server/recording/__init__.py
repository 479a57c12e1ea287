"""The mock's and the proxy's ``--record FILE``: every exchange to a HAR 1.2 file, secrets redacted.

``options.add_arguments(parser)`` / ``options.from_args(parser, args)`` are the CLI's flags;
``RecordingConfig`` is MockConfig's ``recording``; ``Recorder`` wraps the app's handler;
``entry_of_httpx`` records a client's own exchange (``make contract-live``).
"""

from typing import TYPE_CHECKING, Any

from mock_server.recording.config import RecordingConfig

if TYPE_CHECKING:
    from mock_server.recording.recorder import Recorder, entry_of_httpx, open_writer

__all__ = ["Recorder", "RecordingConfig", "entry_of_httpx", "open_writer"]


def __getattr__(name: str) -> Any:
    """The recorder's names, imported when first used: it needs httpx, which the command line's
    ``--record`` option alone does not (a start without ``--record`` does not pay for it)."""
    if name in ("Recorder", "entry_of_httpx", "open_writer"):
        from mock_server.recording import recorder

        return getattr(recorder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
