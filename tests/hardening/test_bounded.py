"""The runner the attack tests measure with: its peak RSS is the child's own."""

from __future__ import annotations

from tests.hardening._bounded import run_bounded


def test_the_peak_rss_is_the_childs_own_whatever_the_size_of_the_test_process() -> None:
    """Linux counts a process's peak RSS from before its exec: forked from a large pytest worker,
    an idle child reported the worker's size (the gzip bomb test read 218 MiB for a 55 MiB run)."""
    ballast = bytearray(300 << 20)  # this process is now 300 MiB larger, every page touched
    for offset in range(0, len(ballast), 4096):
        ballast[offset] = 1
    result = run_bounded(["-c", "pass"])
    assert result.returncode == 0, result.summary()
    assert result.peak_rss_mib < 100, result.summary()
    del ballast


def test_the_exit_status_and_a_kill_come_through_the_launcher() -> None:
    assert run_bounded(["-c", "raise SystemExit(3)"]).returncode == 3
    killed = run_bounded(["-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"])
    assert killed.returncode == -9, killed.summary()
    short = run_bounded(["-c", "import time; time.sleep(30)"], timeout=1)
    assert short.timed_out and short.seconds < 10, short.summary()
