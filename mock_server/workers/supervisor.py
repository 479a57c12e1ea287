"""Fork N workers that serve one listening socket, and keep them running until told to stop.

The parent binds the port, checks and compiles the spec once, then forks: each worker builds
its own app (its own store connection: a SQLite connection or a Redis client must not cross a
fork) and serves the shared socket; the kernel hands each new connection to one of them. The
parent serves nothing: it forwards SIGTERM and Ctrl-C to the workers, waits for them, and
starts a worker again when one dies (a worker that dies within ``MIN_UPTIME_S`` of its start
three times in a row stops them all, exit 1: it would only die again).

Each worker reloads the spec itself when it changes (its own watcher), answers ``/__admin``
for all of them (``mock_server.workers.journal``), and with a shared store sees every other
worker's records (``mock_server.stores``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import NoReturn

from mock_server.server.app import MockApp
from mock_server.spec.document import SpecError
from mock_server.stores.seam import StoreError
from mock_server.workers.journal import WorkerJournal
from mock_server.workers.options import WorkersConfig

MIN_UPTIME_S = 2.0
MAX_QUICK_DEATHS = 3
ORPHAN_CHECK_S = 0.5  # how often a worker looks whether its supervisor is still there
STOP_TIMEOUT_S = 15.0  # after it, workers that did not stop are killed


def fork_workers(
    workers: WorkersConfig, sock: socket.socket, make_app: Callable[[], MockApp], parent_app: MockApp
) -> MockApp:
    """In each worker: its own app, to serve ``sock`` with. The parent never returns: it
    supervises the workers and exits with their status (0 after a clean stop)."""
    store = parent_app.pipeline.store
    close = getattr(store, "close", None)
    if callable(close):  # the parent's connection is not carried into the workers
        close()
    sys.stdout.flush()
    sys.stderr.flush()
    folder = Path(tempfile.mkdtemp(prefix="leeloo-mock-workers-"))
    sockets = [folder / f"worker-{index}.sock" for index in range(workers.count)]
    index = _Supervisor(workers.count, folder).run()  # returns only in a forked worker
    return _worker_app(index, sockets, make_app, parent_app.journal.capacity)


def _worker_app(index: int, sockets: list[Path], make_app: Callable[[], MockApp], capacity: int) -> MockApp:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        app = make_app()
    except (SpecError, StoreError) as exc:
        print(f"leeloo-mock: worker {index}: {exc}", file=sys.stderr, flush=True)
        os._exit(1)
    journal = WorkerJournal(capacity, index, sockets).serve()
    threading.Thread(
        target=_stop_when_orphaned, args=(os.getppid(),), name="leeloo-mock-orphan", daemon=True
    ).start()
    app.journal = app.admin.journal = journal
    return app


def _stop_when_orphaned(parent: int) -> None:
    """Stop this worker (SIGTERM to itself: a clean stop) once the supervisor is gone, whatever
    killed it: a worker must never go on serving the port alone."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os.kill(os.getpid(), signal.SIGTERM)


class _Supervisor:
    def __init__(self, count: int, folder: Path) -> None:
        self.count = count
        self.folder = folder
        self.pids: dict[int, tuple[int, float]] = {}  # pid -> (worker index, started at)
        self.stopping = False
        self.quick_deaths = 0

    def _fork(self, index: int) -> bool:
        """Start worker ``index``; True in the new worker itself."""
        pid = os.fork()
        if pid == 0:
            return True
        self.pids[pid] = (index, time.monotonic())
        return False

    def _signal_all(self, signum: int) -> None:
        for pid in self.pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        self._signal_all(signal.SIGTERM)

    def run(self) -> int:
        """Fork the workers and watch them; returns a worker's index in that worker, else exits."""
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        for index in range(self.count):
            if self._fork(index):
                return index
        print(
            f"leeloo-mock: {self.count} workers serving (pids {', '.join(map(str, self.pids))})", flush=True
        )
        status = 0
        armed = False
        while self.pids:
            if self.stopping and not armed:  # workers that do not stop in time are killed
                signal.signal(signal.SIGALRM, self._kill_all)
                signal.alarm(int(STOP_TIMEOUT_S))
                armed = True
            try:
                pid, wait_status = os.waitpid(-1, 0)
            except ChildProcessError:
                break
            index, started = self.pids.pop(pid, (-1, 0.0))
            if index < 0 or self.stopping:
                continue
            code = os.waitstatus_to_exitcode(wait_status)
            quick = time.monotonic() - started < MIN_UPTIME_S
            self.quick_deaths = self.quick_deaths + 1 if quick else 0
            if self.quick_deaths >= MAX_QUICK_DEATHS:
                print(
                    f"leeloo-mock: worker {index} exited ({code}) right after starting "
                    f"{MAX_QUICK_DEATHS} times; stopping",
                    file=sys.stderr,
                    flush=True,
                )
                status = 1
                self._stop(signal.SIGTERM, None)
                continue
            print(
                f"leeloo-mock: worker {index} exited ({code}); starting it again", file=sys.stderr, flush=True
            )
            if self._fork(index):
                return index
        signal.alarm(0)
        shutil.rmtree(self.folder, ignore_errors=True)
        print(f"leeloo-mock: stopped ({self.count} workers)", flush=True)
        _exit(status)

    def _kill_all(self, signum: int, frame: FrameType | None) -> None:
        self._signal_all(signal.SIGKILL)


def _exit(status: int) -> NoReturn:
    raise SystemExit(status)
