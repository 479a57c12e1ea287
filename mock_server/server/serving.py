"""Binding and serving: the listening socket, uvicorn with the mock's bounded protocol, the spec
watcher and the workers, until SIGTERM or Ctrl-C. Next to :func:`create_app`, which builds what is
served; the command line only wires the two (``mock_server.cli``)."""

from __future__ import annotations

import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType

from mock_server._config import MockConfig
from mock_server.server.app import MockApp
from mock_server.workers.options import WorkersConfig

LISTEN_BACKLOG = 2048  # connections that wait in the kernel until uvicorn accepts them


@dataclass(frozen=True)
class Listening:
    """A bound, listening socket and the URL it answers on."""

    sock: socket.socket
    url: str


def bind(host: str, port: int) -> Listening:
    """Listen on ``host:port`` (0: a free port); OSError when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(LISTEN_BACKLOG)  # from here a client's connection waits in the backlog
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    return Listening(sock, f"http://{shown}:{sock.getsockname()[1]}")


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def serve(
    app: MockApp,
    config: MockConfig,
    listening: Listening,
    *,
    log_level: str,
    workers: WorkersConfig,
    new_app: Callable[[], MockApp],
    watch_interval: float | None,
) -> None:
    """Serve ``app`` on ``listening`` until SIGTERM or Ctrl-C (in ``workers.count`` processes, each
    serving an app ``new_app`` builds); the spec is watched every ``watch_interval`` seconds (by
    the supervisor with workers, which tells each worker to reload)."""
    import uvicorn

    from mock_server.server.http import bounded_protocol
    from mock_server.server.reload import ChangeDetector, watched_paths
    from mock_server.workers import WorkerReloads, fork_workers

    # what the files look like now, before any worker starts: a change from here on is a change
    detector = ChangeDetector(watched_paths(config)) if watch_interval else None
    if workers.count > 1:  # the parent supervises (and exits there); each worker serves from here on
        reloads = WorkerReloads(config, watch_interval, detector) if watch_interval and detector else None
        app = fork_workers(workers, listening.sock, new_app, app, reloads)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            loop="uvloop",
            http=bounded_protocol(config.limits, app),
            timeout_keep_alive=max(1, round(config.limits.idle_timeout)),
            access_log=False,
            log_level=max(logging.WARNING, logging.getLevelName(log_level.upper())),
            server_header=False,
            date_header=False,
        )
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    watcher = None
    if watch_interval and detector is not None and workers.count == 1:
        from mock_server.server.reload import SpecWatcher, reload_app

        # as Prism: the spec (and the mapping beside it in stateful mode) reloaded when it changes
        watcher = SpecWatcher(detector, lambda: reload_app(app, config, check=True), watch_interval).start()
    try:
        server.run(sockets=[listening.sock])
    except (KeyboardInterrupt, SystemExit):  # uvicorn re-raises the signal once it has shut down
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        sys.stderr.flush()
