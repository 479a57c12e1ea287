from typing import Literal

CallStatus = Literal["CLOSED_BY_SYSTEM", "NO_ANSWER", "SUCCESS", "TALKING"]

CALL_STATUS_VALUES: set[CallStatus] = {
    "CLOSED_BY_SYSTEM",
    "NO_ANSWER",
    "SUCCESS",
    "TALKING",
}


def check_call_status(value: str) -> CallStatus:
    if value in CALL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_STATUS_VALUES!r}")
