"""Serve the spec as it is now: reload it when its file (or its ``mock-resources.yaml``) changes.

Prism watches its document and serves the new one without a restart; so does ``leeloo-mock``.
A daemon thread looks at the files' modification time and size once per ``interval`` (a
``stat`` each, nothing more); after a change it waits for the file to stay the same for one more
look (an editor writing it in pieces), then checks, loads and compiles the new document off the
event loop and swaps the app's pipeline in one assignment. Requests keep being answered by the
old pipeline until then.

- A spec that no longer loads is reported (``file:line: reason``) and the old one keeps serving.
- With ``--stateful``, the new store takes over the records of every collection the new mapping
  still has (created and changed ones included), so a test's data survives an edit of an
  unrelated operation; collections the mapping dropped go, new ones start with their seed.
  A write answered by the old pipeline while the swap happens may be lost.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from mock_server._config import DEFAULT_WATCH_INTERVAL as DEFAULT_INTERVAL_S
from mock_server._config import MockConfig
from mock_server.server.app import MockApp
from mock_server.server.assembly import build_pipeline, load_compiled
from mock_server.spec.document import SpecError

MIN_INTERVAL_S = 0.05
Fingerprint = tuple[int, int] | None  # (mtime_ns, size), None: the file cannot be read


def fingerprint(path: Path) -> Fingerprint:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def reload_app(
    app: MockApp, config: MockConfig, check: Callable[[Path], bool] | None = None, out: TextIO | None = None
) -> bool:
    """Load ``config``'s spec again and serve it from ``app``; False (old spec kept) when it fails.

    ``check`` is the semantic check the command line runs before serving (it prints its problems).
    """
    out = out if out is not None else sys.stderr
    spec_path = config.spec_path
    if check is not None and not check(spec_path):
        print(
            f"leeloo-mock: {spec_path} changed but cannot be mocked; still serving the previous version",
            file=out,
            flush=True,
        )
        return False
    try:
        compiled = load_compiled(config)
        pipeline = build_pipeline(config, compiled)
    except SpecError as exc:  # the mapping's errors are SpecErrors too
        print(exc, file=out)
        print(
            f"leeloo-mock: {spec_path} changed but cannot be mocked; still serving the previous version",
            file=out,
            flush=True,
        )
        return False
    kept: list[str] = []
    previous = app.pipeline.store
    adopt = getattr(pipeline.store, "adopt", None)
    if previous is not None and callable(adopt):
        kept = list(adopt(previous))
    app.replace_pipeline(pipeline)
    records = f"; records kept in {', '.join(kept)}" if kept else ""
    print(
        f"leeloo-mock: reloaded {spec_path} ({len(compiled.operations)} operations{records})",
        file=out,
        flush=True,
    )
    return True


class SpecWatcher:
    """Polls ``paths`` and calls ``on_change`` (in the watcher's thread) once they changed and settled."""

    def __init__(
        self, paths: Sequence[Path], on_change: Callable[[], object], interval: float = DEFAULT_INTERVAL_S
    ) -> None:
        self.paths = tuple(paths)
        self.on_change = on_change
        self.interval = max(MIN_INTERVAL_S, interval)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="leeloo-mock-watch", daemon=True)
        self._seen = self._look()

    def _look(self) -> tuple[Fingerprint, ...]:
        return tuple(fingerprint(path) for path in self.paths)

    def _run(self) -> None:
        pending: tuple[Fingerprint, ...] | None = None
        while not self._stop.wait(self.interval):
            now = self._look()
            if now == self._seen:
                pending = None
                continue
            if pending != now:  # changed since the last look: wait until it stays the same
                pending = now
                continue
            self._seen, pending = now, None
            try:
                self.on_change()
            except Exception as exc:  # a failed reload must not stop the watching
                print(
                    f"leeloo-mock: reloading failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True
                )

    def start(self) -> SpecWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=max(5.0, 2 * self.interval))
