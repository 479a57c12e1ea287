"""Where the Leeloo spec is when no spec is named: the checkout's ``spec/``, else the wheel's copy.

In this repository (and an editable install of it) ``spec/`` beside the package is the one
source. A wheel carries a copy of ``openapi.yaml`` and ``mock-resources.yaml`` in
``mock_server/_data`` (``setup.py`` copies them at build time), so an installed ``leeloo-mock``
serves Leeloo, stateful mode included, without this checkout.
"""

from __future__ import annotations

from pathlib import Path

SPEC_FILE_NAME = "openapi.yaml"
MOCK_PACKAGE_DIR = Path(__file__).resolve().parents[1]
PACKAGE_DATA_DIR = MOCK_PACKAGE_DIR / "_data"
CHECKOUT_SPEC_DIR = MOCK_PACKAGE_DIR.parent / "spec"


def leeloo_spec_dir() -> Path:
    """The folder holding Leeloo's ``openapi.yaml`` and ``mock-resources.yaml``."""
    if (CHECKOUT_SPEC_DIR / SPEC_FILE_NAME).is_file():
        return CHECKOUT_SPEC_DIR
    return PACKAGE_DATA_DIR


def leeloo_spec_path() -> Path:
    """Leeloo's OpenAPI document, as this installation has it."""
    return leeloo_spec_dir() / SPEC_FILE_NAME
