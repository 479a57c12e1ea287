"""The workers-and-stores bench measures what the issue asks: 1 and 2 workers, each store."""

from __future__ import annotations

from pathlib import Path

from bench._stores import _configurations, redis_command


def test_rows_cover_one_and_two_workers_on_every_store_and_memory_only_alone(tmp_path: Path) -> None:
    rows = _configurations(tmp_path, "redis://127.0.0.1:6399/0")
    assert [(store, workers) for store, workers, _ in rows] == [
        ("-", 1),
        ("-", 2),
        ("memory", 1),
        ("sqlite", 1),
        ("sqlite", 2),
        ("redis", 1),
        ("redis", 2),
    ]
    for store, workers, flags in rows:
        assert ("--stateful" in flags) is (store != "-")
        assert (f"--workers {workers}" in " ".join(flags)) is (workers > 1 or store in ("sqlite", "redis"))
    assert all(store != "redis" for store, _, _ in _configurations(tmp_path, None))


def test_the_benchs_redis_keeps_nothing_on_disk(tmp_path: Path) -> None:
    command = redis_command("redis-server", tmp_path)(6399)
    assert command[command.index("--save") + 1] == "" and command[command.index("--dir") + 1] == str(tmp_path)
    assert command[command.index("--bind") + 1] == "127.0.0.1"
