from typing import Literal

TunnelInclude = Literal["leadgentools"]

TUNNEL_INCLUDE_VALUES: set[TunnelInclude] = {
    "leadgentools",
}


def check_tunnel_include(value: str) -> TunnelInclude:
    if value in TUNNEL_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TUNNEL_INCLUDE_VALUES!r}")
