"""``leeloo-mock`` whose worker 1 starts ``LATE_WORKER_S`` seconds late, as on a loaded machine.

Run as a script by ``test_workers`` (``in_child_process(command=...)``): worker 1 sleeps before it
builds its app, so that the test can edit the spec while only worker 0 serves.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import mock_server.workers.supervisor as supervisor
from mock_server.cli import main

LATE_WORKER_S = float(os.environ.get("LEELOO_TEST_LATE_WORKER_S", "4"))
_worker_app = supervisor._worker_app


def _late_worker_app(index: int, *args: Any) -> Any:
    if index == 1:
        time.sleep(LATE_WORKER_S)
    return _worker_app(index, *args)


if __name__ == "__main__":
    supervisor._worker_app = _late_worker_app  # type: ignore[assignment]
    sys.exit(main())
