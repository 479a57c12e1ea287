from typing import Literal

LeadGenToolType = Literal["DEFAULT", "FB_AD", "FORM", "LINK", "POPUP", "QR", "WIDGET"]

LEAD_GEN_TOOL_TYPE_VALUES: set[LeadGenToolType] = {
    "DEFAULT",
    "FB_AD",
    "FORM",
    "LINK",
    "POPUP",
    "QR",
    "WIDGET",
}


def check_lead_gen_tool_type(value: str) -> LeadGenToolType:
    if value in LEAD_GEN_TOOL_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAD_GEN_TOOL_TYPE_VALUES!r}")
