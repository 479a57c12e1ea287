"""The store-memory bench: past the record cap every create is refused and nothing is kept."""

from __future__ import annotations

from bench._store_memory import current_rss_mib, run_creates


def test_current_rss_is_a_plausible_size() -> None:
    assert 1 < current_rss_mib() < 4096


def test_creates_past_the_cap_are_507_and_the_samples_cover_the_run() -> None:
    result = run_creates(creates=40, max_records=10)
    seeded = 10 - result["statuses"]["200"]  # the people of the spec's examples fill part of the cap
    assert seeded >= 1
    assert result["statuses"] == {"200": 10 - seeded, "507": 30 + seeded}
    assert [sample["creates"] for sample in result["samples"]] == [0, *range(4, 41, 4)]
