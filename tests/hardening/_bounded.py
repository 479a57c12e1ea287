"""Run a risky command in a child process that cannot take the machine down with it.

The child gets an address-space cap (``RLIMIT_AS``) and a wall-clock timeout; code that would
expand an alias bomb or recurse without end fails the test (a ``MemoryError``, a kill) instead
of exhausting the machine. The peak RSS comes from ``wait4`` on that very child.
"""

from __future__ import annotations

import os
import resource
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


def _limit_memory(cap: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [sys.executable, *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            preexec_fn=lambda: _limit_memory(memory_cap),
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
            peak_rss_mib=usage.ru_maxrss / 1024,
            timed_out=timed_out,
        )
