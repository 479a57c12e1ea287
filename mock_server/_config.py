"""The settings of one mock server, as the CLI (or a test) gives them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_server.faults.config import FaultsConfig
    from mock_server.recording.config import RecordingConfig
    from mock_server.replay.config import ReplayConfig

from mock_server.proxy.config import ProxyConfig
from mock_server.server.config import AccessRules, ServerLimits
from mock_server.stateful.config import StoreLimits
from mock_server.stores.config import StoreConfig
from openapi_document._yaml_positions import DEFAULT_BOUNDS, DocumentBounds

DEFAULT_WATCH_INTERVAL = 1.0  # seconds between looks at the spec's file for changes (see server/reload.py)
# the groups whose fields MockConfig.from_options also takes one by one, by their own names
_GROUPS: tuple[tuple[str, type[Any]], ...] = (
    ("limits", ServerLimits),
    ("access", AccessRules),
    ("store_limits", StoreLimits),
)
_PROXY_OPTIONS = frozenset(each.name for each in fields(ProxyConfig)) - {"upstream"}


@dataclass(frozen=True)
class MockConfig:
    """How the mock answers; the defaults are Prism's. Each room's settings are one field
    holding its own frozen value (``limits``, ``access``, ``proxy``, ``store_limits``, ``faults``...)."""

    spec_path: Path
    dynamic: bool = False
    seed: int | None = None
    stateful: bool = False
    tokens: frozenset[str] | None = None  # None: any non-empty token passes
    log_requests: bool = True
    error_status: int | None = None  # send Leeloo's error envelopes with this status (e.g. 200)
    allow_refs_under: Path | None = None  # the directory a $ref may name files under (none: refused)
    limits: ServerLimits = field(default_factory=ServerLimits)  # connections, requests, journal
    access: AccessRules = field(default_factory=AccessRules)  # CORS, Host names (see server.guard)
    proxy: ProxyConfig | None = None  # --proxy UPSTREAM and its bounds (see mock_server.proxy)
    store_limits: StoreLimits = field(default_factory=StoreLimits)  # --stateful: how much the store keeps
    faults: FaultsConfig | None = None  # --delay, --fail, --rate-limit, --faults (see mock_server.faults)
    recording: RecordingConfig | None = None  # --record FILE (see mock_server.recording)
    replay: ReplayConfig | None = None  # --replay FILE (see mock_server.replay)
    store: StoreConfig | None = None  # --stateful: where the records live (None: this process's memory)
    spec_bounds: DocumentBounds = DEFAULT_BOUNDS  # --max-spec-size (see mock_server.spec.options)

    @classmethod
    def from_options(cls, spec_path: Path, **options: Any) -> MockConfig:
        """A configuration from keywords as a test writes them: MockConfig's own fields, and each
        group's fields by their own names (``max_records=3``, ``cors_origins=(...)``); ``proxy``
        is the upstream's URL (or a ProxyConfig), with ``errors``, ``max_upstream_size``... beside it.

        TypeError for a keyword that is no field, as a dataclass's constructor raises it.
        """
        for group, group_type in _GROUPS:
            names = {each.name for each in fields(group_type)}
            given = {name: options.pop(name) for name in names & options.keys()}
            if given and group in options:
                raise TypeError(f"{group}= and {', '.join(sorted(given))}= are given together: give one")
            if given:
                options[group] = group_type(**given)
        proxy_options = {name: options.pop(name) for name in _PROXY_OPTIONS & options.keys()}
        upstream = options.get("proxy")
        if isinstance(upstream, str):
            options["proxy"] = ProxyConfig(upstream, **proxy_options)
        elif proxy_options:
            raise TypeError(f"{', '.join(sorted(proxy_options))}= need proxy=UPSTREAM_URL")
        return cls(spec_path=spec_path, **options)
