"""Against the real Leeloo API: runs only when LEELOO_AUTH_TOKEN is set (and says so when skipped)."""

from __future__ import annotations

import os

import pytest
from leeloo_client import LeelooClient
from leeloo_client.api.orders import list_orders
from leeloo_client.api.tags import list_tags

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not os.environ.get("LEELOO_AUTH_TOKEN"),
        reason="needs the real API: set LEELOO_AUTH_TOKEN (and LEELOO_BASE_URL for another server)",
    ),
]


def test_list_tags_parses_the_real_answer() -> None:
    with LeelooClient.from_env() as client:
        tags = list_tags.sync(client=client)
    assert tags.status == 1
    assert all(tag.id and isinstance(tag.name, str) for tag in tags.data)


def test_first_page_of_orders_is_consistent_with_its_meta() -> None:
    with LeelooClient.from_env() as client:
        page = list_orders.sync(client=client, limit=5)
    assert len(page.data) <= 5
    assert page.meta.filtered_count <= page.meta.total_count
