"""The real-startup section's table: medians of every start, the goal judged from them."""

from __future__ import annotations

from bench._real_startup import StartupComparison, StartupRun, startup_table


def _runs(*figures: tuple[float | None, float | None]) -> list[StartupRun]:
    return [StartupRun(seconds, rss, load_average=2.0) for seconds, rss in figures]


def test_the_goal_is_judged_on_the_medians() -> None:
    met = StartupComparison(
        "met.json",
        _runs((1.0, 100.0), (9.0, 100.0), (2.0, 100.0)),
        _runs((5.0, 200.0), (4.0, 200.0), (6.0, 90.0)),
    )
    slow = StartupComparison("slow.json", _runs((3.0, 100.0)), _runs((5.0, 200.0)))
    table = startup_table([met, slow]).splitlines()
    assert table[1].split()[:7] == ["met.json", "2.0", "s", "/", "100", "MiB", "5.0"]
    assert table[1].endswith(" met") and "0.40" in table[1]
    assert table[2].endswith("NOT met") and "0.60" in table[2]
    assert met.as_dict()["mock_median"] == {"seconds": 2.0, "peak_rss_mib": 100.0, "load_average": 2.0}


def test_a_server_that_did_not_start_is_said_so_and_judged_on_nothing() -> None:
    down = StartupComparison("down.json", _runs((None, None)), _runs((5.0, 200.0)))
    row = startup_table([down]).splitlines()[1]
    assert "did not start" in row and row.rstrip().endswith("-")
