from typing import Literal

PaymentMethod = Literal["ASSET_PAYMENT", "MANUAL", "WAYFORPAY", "YANDEX_MONEY"]

PAYMENT_METHOD_VALUES: set[PaymentMethod] = {
    "ASSET_PAYMENT",
    "MANUAL",
    "WAYFORPAY",
    "YANDEX_MONEY",
}


def check_payment_method(value: str) -> PaymentMethod:
    if value in PAYMENT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_METHOD_VALUES!r}")
