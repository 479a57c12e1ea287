from typing import Literal

CustomFieldType = Literal["DATE", "EMAIL", "KEYWORD", "NUMBER", "PHONE"]

CUSTOM_FIELD_TYPE_VALUES: set[CustomFieldType] = {
    "DATE",
    "EMAIL",
    "KEYWORD",
    "NUMBER",
    "PHONE",
}


def check_custom_field_type(value: str) -> CustomFieldType:
    if value in CUSTOM_FIELD_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOM_FIELD_TYPE_VALUES!r}")
