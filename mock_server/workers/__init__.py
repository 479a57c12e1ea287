"""``--workers N``: N processes serving one port, the same mock whatever N is.

``options`` adds the flag, ``supervisor`` forks and watches the workers (and the spec for them),
``journal`` makes ``/__admin/requests`` (and its reset) answer for every worker, whichever one is asked.
"""

from mock_server.workers.options import WorkersConfig
from mock_server.workers.supervisor import WorkerReloads, fork_workers

__all__ = ["WorkerReloads", "WorkersConfig", "fork_workers"]
