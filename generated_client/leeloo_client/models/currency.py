from typing import Literal

Currency = Literal["EUR", "RUB", "UAH", "USD"]

CURRENCY_VALUES: set[Currency] = {
    "EUR",
    "RUB",
    "UAH",
    "USD",
}


def check_currency(value: str) -> Currency:
    if value in CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENCY_VALUES!r}")
