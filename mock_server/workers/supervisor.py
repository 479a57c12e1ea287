"""Fork N workers that serve one listening socket, and keep them running until told to stop.

The parent binds the port, checks and compiles the spec once, then forks: each worker builds
its own app (its own store connection: a SQLite connection or a Redis client must not cross a
fork) and serves the shared socket; the kernel hands each new connection to one of them. The
parent serves nothing: it forwards SIGTERM and Ctrl-C to the workers, waits for them, and
starts a worker again when one dies (a worker that dies within ``MIN_UPTIME_S`` of its start
three times in a row stops them all, exit 1: it would only die again).

The supervisor watches the spec (and the mapping beside it): once a change settled, it checks
the new document, once, in a child process (``mock_server.server.reload_child``), and when it
passes counts one more spec generation in a file of its folder. Each worker looks at that count
every watch interval and reloads when it moved (a worker started again after a crash too: it
was forked with the first spec); a worker whose reload fails says so, naming itself, and keeps
serving what it served. Before (issue 25), each worker watched the file itself and took what
the file looked like when its watcher started as the served version: a worker slow to start
(a loaded machine) could start it after an edit, serve the spec the supervisor had read before
the edit, and never reload it.

Each worker answers ``/__admin`` for all of them (``mock_server.workers.journal``), and with a
shared store sees every other worker's records (``mock_server.stores``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import NoReturn

from mock_server._config import MockConfig
from mock_server.server.app import MockApp
from mock_server.server.reload import RELOAD_TIMEOUT_S, ChangeDetector, reload_app
from mock_server.server.reload_child import child_command
from mock_server.spec.document import SpecError
from mock_server.stores.seam import StoreError
from mock_server.workers.journal import WorkerJournal
from mock_server.workers.options import WorkersConfig
from mock_server.workers.peers import Peers, share_admin_changes

MIN_UPTIME_S = 2.0
MAX_QUICK_DEATHS = 3
ORPHAN_CHECK_S = 0.5  # how often a worker looks whether its supervisor is still there
STOP_TIMEOUT_S = 15.0  # after it, workers that did not stop are killed
GENERATION_FILE = "spec-generation"  # in the supervisor's folder: how many changes passed the check


@dataclass(frozen=True)
class WorkerReloads:
    """How the spec is followed: ``detector`` says when its files changed (it has seen them as they
    were when the served spec was read), every ``interval`` seconds."""

    config: MockConfig
    interval: float
    detector: ChangeDetector


def fork_workers(
    workers: WorkersConfig,
    sock: socket.socket,
    make_app: Callable[[], MockApp],
    parent_app: MockApp,
    reloads: WorkerReloads | None = None,
) -> MockApp:
    """In each worker: its own app, to serve ``sock`` with. The parent never returns: it
    supervises the workers (and with ``reloads`` follows the spec for them) and exits with their
    status (0 after a clean stop)."""
    store = parent_app.pipeline.store
    close = getattr(store, "close", None)
    if callable(close):  # the parent's connection is not carried into the workers
        close()
    sys.stdout.flush()
    sys.stderr.flush()
    folder = Path(tempfile.mkdtemp(prefix="leeloo-mock-workers-"))
    sockets = [folder / f"worker-{index}.sock" for index in range(workers.count)]
    spec = _SpecGenerations(reloads, folder / GENERATION_FILE) if reloads is not None else None
    index = _Supervisor(workers.count, folder, spec).run()  # returns only in a forked worker
    app = _worker_app(index, sockets, make_app, parent_app.journal.capacity)
    if reloads is not None:
        threading.Thread(
            target=_follow_generations,
            args=(app, reloads, folder / GENERATION_FILE, index),
            name="leeloo-mock-reload",
            daemon=True,
        ).start()
    return app


def _worker_app(index: int, sockets: list[Path], make_app: Callable[[], MockApp], capacity: int) -> MockApp:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        app = make_app()
    except (SpecError, StoreError) as exc:
        print(f"leeloo-mock: worker {index}: {exc}", file=sys.stderr, flush=True)
        os._exit(1)
    peers = Peers(index, sockets)
    journal = WorkerJournal(capacity, peers)
    threading.Thread(
        target=_stop_when_orphaned, args=(os.getppid(),), name="leeloo-mock-orphan", daemon=True
    ).start()
    app.journal = app.admin.journal = journal
    share_admin_changes(app, peers)
    peers.serve()
    return app


def _stop_when_orphaned(parent: int) -> None:
    """Stop this worker (SIGTERM to itself: a clean stop) once the supervisor is gone, whatever
    killed it: a worker must never go on serving the port alone."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os.kill(os.getpid(), signal.SIGTERM)


def read_generation(path: Path) -> int:
    """The spec generation the supervisor wrote (0: the spec the workers were forked with)."""
    try:
        return int(path.read_text(encoding="ascii") or 0)
    except (OSError, ValueError):
        return 0


def _follow_generations(app: MockApp, reloads: WorkerReloads, path: Path, index: int) -> None:
    """In a worker: reload whenever the supervisor counted a new spec generation."""
    served = 0
    while True:
        time.sleep(reloads.interval)
        current = read_generation(path)
        if current == served:
            continue
        served = current
        try:
            reload_app(app, reloads.config, check=False, who=f"worker {index}")
        except Exception as exc:  # a failed reload must not stop the following
            print(
                f"leeloo-mock: worker {index}: reloading failed: {type(exc).__name__}: {exc}",
                file=sys.stderr,
                flush=True,
            )


class _SpecGenerations:
    """In the supervisor: watch the spec, check each settled change in a child process, count the
    changes that pass in ``path`` (written whole, by a rename) for the workers to follow."""

    def __init__(self, reloads: WorkerReloads, path: Path) -> None:
        self.reloads = reloads
        self.path = path
        self.generation = 0
        self.checking: subprocess.Popen[bytes] | None = None
        self.check_started = 0.0

    def tick(self) -> None:
        """One look at the files, or at the check under way; never waits."""
        if self.checking is not None:
            self._finish_check()
            if self.checking is not None:
                return
        if self.reloads.detector.settled_change():
            command = child_command(self.reloads.config, check=True, parse=False)
            self.checking = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
            self.check_started = time.monotonic()

    def _finish_check(self) -> None:
        assert self.checking is not None
        code = self.checking.poll()
        if code is None and time.monotonic() - self.check_started > RELOAD_TIMEOUT_S:
            self.checking.kill()
            code = self.checking.wait()
        if code is None:
            return
        self._close_stdin()
        self.checking = None
        spec_path = self.reloads.config.spec_path
        if code == 0:
            self.generation += 1
            written = self.path.with_suffix(".new")
            written.write_text(str(self.generation), encoding="ascii")
            written.replace(self.path)
            return
        said = "cannot be mocked" if code == 1 else f"could not be checked (its checker exited {code})"
        print(
            f"leeloo-mock: {spec_path} changed but {said}; still serving the previous version",
            file=sys.stderr,
            flush=True,
        )

    def _close_stdin(self) -> None:
        """The checker's stdin, held open while it runs (it stops when it closes: see reload_child)."""
        if self.checking is not None and self.checking.stdin is not None:
            self.checking.stdin.close()

    def stop(self) -> None:
        if self.checking is not None:
            self.checking.kill()
            self.checking.wait()
            self._close_stdin()


class _Supervisor:
    def __init__(self, count: int, folder: Path, spec: _SpecGenerations | None = None) -> None:
        self.count = count
        self.folder = folder
        self.spec = spec
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
                pid, wait_status = self._reap()
            except ChildProcessError:
                break
            if pid == 0 and self.spec is not None:  # no worker exited: look at the spec, then again
                if not self.stopping:
                    self.spec.tick()
                time.sleep(self.spec.reloads.interval)
                continue
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
        if self.spec is not None:
            self.spec.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
        print(f"leeloo-mock: stopped ({self.count} workers)", flush=True)
        _exit(status)

    def _reap(self) -> tuple[int, int]:
        """A worker that exited and its status; ``(0, 0)`` when none has, with a spec to follow
        (else it waits for one). Only workers are reaped: the spec's checker is a child too."""
        if self.spec is None:
            return os.waitpid(-1, 0)
        for pid in list(self.pids):
            exited, status = os.waitpid(pid, os.WNOHANG)
            if exited:
                return exited, status
        return 0, 0

    def _kill_all(self, signum: int, frame: FrameType | None) -> None:
        self._signal_all(signal.SIGKILL)


def _exit(status: int) -> NoReturn:
    raise SystemExit(status)
