from typing import Literal

ChannelSource = Literal["FACEBOOK", "MANUAL", "TELEGRAM", "VKONTAKTE"]

CHANNEL_SOURCE_VALUES: set[ChannelSource] = {
    "FACEBOOK",
    "MANUAL",
    "TELEGRAM",
    "VKONTAKTE",
}


def check_channel_source(value: str) -> ChannelSource:
    if value in CHANNEL_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_SOURCE_VALUES!r}")
