"""``MockConfig``: its defaults, its groups, and the keywords a test writes (``mock_server._config``)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from mock_server import AccessRules, MockConfig, ProxyConfig, ServerLimits, StoreLimits
from mock_server.proxy.config import DEFAULT_UPSTREAM_TIMEOUT
from mock_server.server.config import DEFAULT_CORS_ORIGINS
from mock_server.testing import mock_config

SPEC = Path("spec/openapi.yaml")


def test_a_config_of_a_spec_alone_has_every_default() -> None:
    config = MockConfig(spec_path=SPEC)
    assert (config.limits, config.access, config.store_limits) == (
        ServerLimits(),
        AccessRules(),
        StoreLimits(),
    )
    assert config.proxy is None
    assert config.access.cors_origins == DEFAULT_CORS_ORIGINS


def test_the_groups_are_frozen_and_slotted() -> None:
    for group in (ServerLimits(), AccessRules(), StoreLimits(), ProxyConfig("http://a.example")):
        assert not hasattr(group, "__dict__"), type(group).__name__
        with pytest.raises(FrozenInstanceError):
            group.__setattr__(type(group).__slots__[0], 1)


def test_a_groups_fields_are_taken_by_their_own_names() -> None:
    config = MockConfig.from_options(
        SPEC, max_records=3, journal_size=0, cors=False, allowed_hosts=("a.example",), dynamic=True
    )
    assert config.store_limits == StoreLimits(max_records=3)
    assert config.limits == ServerLimits(journal_size=0)
    assert config.access == AccessRules(cors=False, allowed_hosts=("a.example",))
    assert config.dynamic


def test_proxy_is_the_upstream_url_with_its_bounds_beside_it() -> None:
    config = MockConfig.from_options(SPEC, proxy="http://a.example", errors=True, upstream_timeout=2.0)
    assert config.proxy == ProxyConfig("http://a.example", errors=True, upstream_timeout=2.0)
    plain = MockConfig.from_options(SPEC, proxy="http://a.example")
    assert plain.proxy is not None and plain.proxy.upstream_timeout == DEFAULT_UPSTREAM_TIMEOUT
    given = ProxyConfig("http://b.example")
    assert MockConfig.from_options(SPEC, proxy=given).proxy is given


def test_the_testing_helper_takes_the_same_keywords() -> None:
    config = mock_config(max_body_size=64, proxy="http://a.example", cors_origins=("*",))
    assert (config.limits.max_body_size, config.access.cors_origins) == (64, ("*",))
    assert config.proxy == ProxyConfig("http://a.example")
    assert config.stateful and not config.log_requests


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"no_such_option": 1}, "no_such_option"),
        ({"errors": True}, "errors= need proxy=UPSTREAM_URL"),
        ({"proxy": ProxyConfig("http://a.example"), "errors": True}, "errors= need proxy=UPSTREAM_URL"),
        ({"limits": ServerLimits(), "max_body_size": 1}, "limits= and max_body_size= are given together"),
    ],
)
def test_a_keyword_that_fits_nowhere_is_a_type_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        MockConfig.from_options(SPEC, **options)
