"""Run a risky command in a child process that cannot take the machine down with it.

The child gets an address-space cap (``RLIMIT_AS``) and a wall-clock timeout; code that would
expand an alias bomb or recurse without end fails the test (a ``MemoryError``, a kill) instead
of exhausting the machine. The peak RSS comes from ``wait4`` on that very child.

The child is started by a small launcher (a fresh interpreter that forks it and waits for it), not
forked from the test process: Linux counts a process's peak RSS from before its ``exec`` too, so a
child forked from a large pytest worker reported that worker's size (218 MiB for a run that peaked
at 55 MiB, under pytest-xdist).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MEMORY_CAP = 1536 << 20  # imports alone map ~500 MiB of address space; the spec needs little more
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Bounded:
    """What the child did: exit status (negative: killed by that signal), output, and cost."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mib: float
    timed_out: bool

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def summary(self) -> str:
        """A line for a failed assertion: the measured figures and the end of the output."""
        return (
            f"exit {self.returncode}{' (timed out)' if self.timed_out else ''}, {self.seconds:.1f} s, "
            f"peak RSS {self.peak_rss_mib:.0f} MiB, output {len(self.output)} chars: {self.output[-1500:]!r}"
        )


# argv: CAP REPORT ARGS...; runs ``python ARGS`` under the cap, writes its peak RSS (KiB) to REPORT
# and ends as it ended (the same exit status, or the same signal)
_LAUNCHER = """
import os, resource, signal, sys
cap, report, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.execv(sys.executable, [sys.executable, *args])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    out.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    if os.WTERMSIG(status) not in (signal.SIGKILL, signal.SIGSTOP):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.WEXITSTATUS(status))
"""


def run_bounded(
    args: Sequence[str],
    *,
    memory_cap: int = DEFAULT_MEMORY_CAP,
    timeout: float = DEFAULT_TIMEOUT,
    env: Mapping[str, str] | None = None,
    cwd: Path = ROOT,
) -> Bounded:
    """``python ARGS`` (this interpreter) under the memory cap, killed after ``timeout`` seconds."""
    started = time.monotonic()
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        report = Path(scratch) / "peak-rss-kib"
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(memory_cap), str(report), *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Bounded(
            returncode=process.returncode,
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
            seconds=seconds,
            peak_rss_mib=(int(report.read_text()) if report.is_file() else usage.ru_maxrss) / 1024,
            timed_out=timed_out,
        )
