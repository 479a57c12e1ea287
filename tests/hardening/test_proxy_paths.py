"""``--proxy`` and paths that climb out of the upstream's base path ("Hard to break, round 3", issue 21).

Before: ``..`` and ``%2e%2e`` segments were refused, but ``%2F..%2F``, ``..;`` (a path parameter,
``..`` to Tomcat and Spring) and backslashes (``/`` to IIS) were forwarded unchanged. Now every
spelling is a 400 problem and nothing reaches the upstream (here a closed port: a forwarded
request would come back as a 502).
"""

from __future__ import annotations

from typing import Any

import pytest

from mock_server import CompiledSpec, MockConfig, create_app
from mock_server.proxy.config import ProxyConfig
from mock_server.proxy.forwarder import origin_form_path
from tests.hardening._asgi import asgi_request
from tests.hardening.conftest import SPEC_PATH

CLIMBING = [
    "/api/v2%2F..%2F..%2Fadmin",
    "/api/v2/%2f..%2f..%2fadmin",
    "/api/v2/..;/..;/admin",
    "/api/v2/..;jsessionid=1/admin",
    "/api/v2/%2e%2e;x/admin",
    "/api/v2/%252e%252e/%252e%252e/admin",
    "/api/v2\\..\\..\\admin",
    "/api/v2/%5c..%5c..%5cadmin",
    "/api/v2/tags\\",
]


@pytest.fixture(scope="module")
def proxy_app(compiled_spec: CompiledSpec) -> Any:
    return create_app(
        MockConfig(spec_path=SPEC_PATH, log_requests=False, proxy=ProxyConfig("http://127.0.0.1:9/base")),
        compiled_spec,
    )


@pytest.mark.parametrize("path", CLIMBING)
def test_every_spelling_of_a_dot_segment_is_refused(path: str) -> None:
    assert origin_form_path(path) is None


@pytest.mark.parametrize("path", ["/api/v2/tags", "/api/v2/people/a..b", "/api/v2/files/report.v2;x=1"])
def test_ordinary_paths_are_still_forwarded(path: str) -> None:
    assert origin_form_path(path) == path


@pytest.mark.parametrize("path", CLIMBING)
async def test_the_proxy_answers_400_and_asks_no_upstream(proxy_app: Any, path: str) -> None:
    answer = await asgi_request(proxy_app, "GET", path)
    assert answer.status == 400, answer
    assert answer.headers["content-type"] == "application/problem+json"
    assert "no backslash" in answer.json()["detail"]
