"""Serve the spec as it is now: reload it when its file (or its ``mock-resources.yaml``) changes.

Prism watches its document and serves the new one without a restart; so does ``leeloo-mock``.
A daemon thread looks at the files' modification time and size once per ``interval`` (a
``stat`` each, nothing more); after a change it waits for the file to stay the same for one more
look (an editor writing it in pieces), then has a child process check and parse the new
document (:mod:`mock_server.server.reload_child`: the parts that hold the interpreter lock for
seconds on a large spec, and most of its memory), takes the parsed data in, compiles it off
the event loop and swaps the app's pipeline in one assignment. Requests keep being answered by
the old pipeline until then.

- A spec that no longer loads is reported (``file:line: reason``) and the old one keeps serving;
  so does a child that dies or runs past ``RELOAD_TIMEOUT_S`` (said in one line).
- With ``--stateful``, the new store takes over the records of every collection the new mapping
  still has (created and changed ones included), so a test's data survives an edit of an
  unrelated operation; collections the mapping dropped go, new ones start with their seed.
  A write answered by the old pipeline while the swap happens may be lost.
- The cyclic garbage collector is held while the new spec is built (its full collections
  stalled the event loop for seconds on a large spec), and the memory the old one held is
  given back to the system afterwards (``malloc_trim``, where glibc has it).
- With ``--workers N`` the supervisor watches and checks, once, and each worker reloads
  (``mock_server.workers.supervisor``).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from mock_server._config import DEFAULT_WATCH_INTERVAL as DEFAULT_INTERVAL_S
from mock_server._config import MockConfig
from mock_server.server.app import MockApp
from mock_server.server.assembly import build_pipeline
from mock_server.server.reload_child import ParsedStreamError, child_command, receive_parsed
from mock_server.spec.compiled import compile_spec
from mock_server.spec.document import SpecError, spec_from_parsed

MIN_INTERVAL_S = 0.05
RELOAD_TIMEOUT_S = 600.0  # a child that checks and parses the changed spec longer is killed
IN_USE_WAIT_S = 2.0  # how long the old pipeline's release waits for the requests still using it
Fingerprint = tuple[int, int] | None  # (mtime_ns, size), None: the file cannot be read


def fingerprint(path: Path) -> Fingerprint:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _return_freed_memory() -> None:
    """Give the heap memory freed with the old spec back to the system (glibc keeps it otherwise:
    a 2.3 MiB spec left ~60 MiB more resident after every reload). A no-op elsewhere."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)  # ctypes lets other threads run meanwhile


@contextlib.contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """Hold the cyclic garbage collector while a new spec is built.

    Building one allocates millions of objects, which sets off full collections; each walks every
    object of the process holding the interpreter lock, and the event loop waits: 2 s at a time
    on a 2.3 MiB spec (0.3-0.4 s without). A document is a tree, freed without the collector;
    what the event loop leaves meanwhile is collected once it runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # what was built meanwhile goes straight to the oldest generation (two list splices): left
        # in the youngest, the next young collection walked all of it, 0.5 s on a 13 MiB spec
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def reload_app(
    app: MockApp, config: MockConfig, check: bool = False, out: TextIO | None = None, who: str = ""
) -> bool:
    """Load ``config``'s spec again and serve it from ``app``; False (old spec kept) when it fails.

    ``check`` runs the semantic check the command line runs before serving (it prints its
    problems). The check and the parse happen in a child process (:mod:`.reload_child`); this
    process only takes the parsed data in and compiles it. ``who`` names the worker in its lines.
    The old pipeline, store and document are let go, and the memory they held returned.
    """
    with _no_cyclic_collection():
        reloaded = _reload(app, config, check, out if out is not None else sys.stderr, who)
    _return_freed_memory()
    return reloaded


def _reload(app: MockApp, config: MockConfig, check: bool, out: TextIO, who: str) -> bool:
    spec_path = config.spec_path
    said = f"leeloo-mock: {who}: " if who else "leeloo-mock: "
    compiled = pipeline = None
    try:
        data = parse_in_child(config, check=check, out=out)
        compiled = (
            compile_spec(spec_from_parsed(spec_path, data, config.spec_bounds)) if data is not None else None
        )
        pipeline = build_pipeline(config, compiled) if compiled is not None else None
    except SpecError as exc:  # the mapping's errors are SpecErrors too
        print(exc, file=out)
    except ReloadError as exc:
        print(
            f"{said}reloading {spec_path} failed: {exc}; still serving the previous version",
            file=out,
            flush=True,
        )
        return False
    if compiled is None or pipeline is None:
        print(
            f"{said}{spec_path} changed but cannot be mocked; still serving the previous version",
            file=out,
            flush=True,
        )
        return False
    kept: list[str] = []
    previous = app.pipeline.store
    adopt = getattr(pipeline.store, "adopt", None)
    if previous is not None and callable(adopt):
        kept = list(adopt(previous))
    del previous
    garbage: list[Any] = [app.pipeline, data]
    del data
    app.replace_pipeline(pipeline)
    records = f"; records kept in {', '.join(kept)}" if kept else ""
    print(
        f"{said}reloaded {spec_path} ({len(compiled.operations)} operations{records})",
        file=out,
        flush=True,
    )
    let_go_gradually(garbage)
    return True


def let_go_gradually(garbage: list[Any]) -> None:
    """Free the old pipeline and the parsed data (``garbage``, whose items only it holds) a small
    piece at a time, once no request uses the old pipeline any more (``IN_USE_WAIT_S`` at most; one
    that uses it longer keeps it whole, freed as before with the last request).

    Dropping the last reference to a large document frees it in one go, one deallocation per node,
    never letting go of the interpreter lock: 2.7 s on a 13 MiB spec on a loaded machine, while
    every request waited. Here each dict, list and tuple that nothing else holds is emptied item by
    item, so that the lock changes hands between the pieces; what something else still holds (a
    part the new spec shares, a record the new store adopted) is left whole and untouched.
    """
    probe: list[Any] = [object()]
    node = probe.pop()
    alone = sys.getrefcount(node)  # what an object popped here counts when nothing else holds it
    old = garbage[0]
    deadline = time.monotonic() + IN_USE_WAIT_S
    while sys.getrefcount(old) > alone + 1 and time.monotonic() < deadline:  # + the list ``garbage``
        time.sleep(0.05)  # a request still answers from it
    compiled = old.compiled
    spec = compiled.spec
    # taken from the end: the pipeline (and what only it holds), the operations one by one (they
    # hold the spec), the spec's caches, and its document last, once nothing else holds it
    garbage[:0] = [spec.document, getattr(spec, "_resolved", None), spec.validators, compiled.operations]
    del spec, compiled, old
    while garbage:
        node = garbage.pop()
        if sys.getrefcount(node) > alone:  # held elsewhere too: left whole
            continue
        kind = type(node)
        if kind is dict:
            while node:
                garbage.append(node.popitem()[1])
        elif kind is list or kind is tuple:
            garbage.extend(node)
            if kind is list:
                node.clear()
        # anything else goes when ``node`` is bound again, with what only it holds


class ReloadError(Exception):
    """The child process that checks and parses the changed spec failed (not the spec: the process)."""


def parse_in_child(config: MockConfig, *, check: bool, out: TextIO) -> Any:
    """The parsed data of ``config``'s spec, read and (with ``check``) checked in a child process;
    None when the spec cannot be mocked (the child's reasons are copied to ``out``).

    :class:`ReloadError` when the child dies, or takes longer than ``RELOAD_TIMEOUT_S`` (it is killed).
    """
    command = child_command(config, check=check, parse=True)
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        copying = threading.Thread(
            target=_copy_lines, args=(child.stderr, out), name="leeloo-mock-reload-log"
        )
        copying.start()
        timer = threading.Timer(RELOAD_TIMEOUT_S, child.kill)
        timer.start()
        try:
            data = receive_parsed(child.stdout)
        except ParsedStreamError as exc:
            child.kill()
            data, problem = None, str(exc)
        else:
            problem = ""
        finally:
            timer.cancel()
            code = child.wait()
            copying.join()
    if code == 0 and not problem:
        return data
    if code == 1:
        return None
    if code < 0:
        raise ReloadError(
            f"its loader process was stopped by signal {-code} (at most {RELOAD_TIMEOUT_S:g} s)"
        )
    raise ReloadError(f"its loader process exited ({code}){': ' + problem if problem else ''}")


def _copy_lines(source: IO[bytes], out: TextIO) -> None:
    for line in source:
        out.write(line.decode("utf-8", errors="replace"))
        out.flush()


def watched_paths(config: MockConfig) -> list[Path]:
    """The files a reload follows: the spec, and in stateful mode the mapping beside it."""
    from mock_server.stateful.mapping import RESOURCES_FILE_NAME

    paths = [config.spec_path]
    if config.stateful:
        paths.append(config.spec_path.parent / RESOURCES_FILE_NAME)
    return paths


class ChangeDetector:
    """Says, one look at a time, when ``paths`` changed and then stayed the same for one more look.

    ``seen`` is what the files looked like when the served spec was read; by default, now. Take it
    before reading the spec: a change made while the spec is read is then a change.
    """

    def __init__(self, paths: Sequence[Path], seen: tuple[Fingerprint, ...] | None = None) -> None:
        self.paths = tuple(paths)
        self._seen = seen if seen is not None else self.look()
        self._pending: tuple[Fingerprint, ...] | None = None

    def look(self) -> tuple[Fingerprint, ...]:
        return tuple(fingerprint(path) for path in self.paths)

    def settled_change(self) -> bool:
        """One look (a ``stat`` a file): True once a change stayed the same for a whole interval."""
        now = self.look()
        if now == self._seen:
            self._pending = None
            return False
        if self._pending != now:  # changed since the last look: wait until it stays the same
            self._pending = now
            return False
        self._seen, self._pending = now, None
        return True


class SpecWatcher:
    """Polls ``watching`` (files, or a :class:`ChangeDetector` on them) and calls ``on_change`` (in
    the watcher's thread) once they changed and settled."""

    def __init__(
        self,
        watching: Sequence[Path] | ChangeDetector,
        on_change: Callable[[], object],
        interval: float = DEFAULT_INTERVAL_S,
    ) -> None:
        self.detector = watching if isinstance(watching, ChangeDetector) else ChangeDetector(watching)
        self.paths = self.detector.paths
        self.on_change = on_change
        self.interval = max(MIN_INTERVAL_S, interval)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="leeloo-mock-watch", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if not self.detector.settled_change():
                continue
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
