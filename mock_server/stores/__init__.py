"""Where ``--stateful`` keeps its records: one seam (``seam``), three backends.

``memory`` (the default: the engine's own memory, one process), ``sqlite`` (one file, any
number of workers on one host, kept across restarts) and ``redis`` (many hosts). ``config``
reads a ``--store`` URL and opens its backend under the spec's namespace; ``options`` adds
``--store`` to the command line.
"""

from mock_server.stores.config import StoreConfig, StoreUrlError, parse_store_url, spec_namespace
from mock_server.stores.seam import Attached, StoreBackend, StoreError, StoreState

__all__ = [
    "Attached",
    "StoreBackend",
    "StoreConfig",
    "StoreError",
    "StoreState",
    "StoreUrlError",
    "parse_store_url",
    "spec_namespace",
]
