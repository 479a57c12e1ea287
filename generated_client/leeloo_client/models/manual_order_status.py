from typing import Literal

ManualOrderStatus = Literal["REJECTED", "RESOLVED"]

MANUAL_ORDER_STATUS_VALUES: set[ManualOrderStatus] = {
    "REJECTED",
    "RESOLVED",
}


def check_manual_order_status(value: str) -> ManualOrderStatus:
    if value in MANUAL_ORDER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANUAL_ORDER_STATUS_VALUES!r}")
