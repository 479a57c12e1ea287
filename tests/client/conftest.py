"""Fixtures of the client tests; they live in `_fake_api` with the fake API they wire up."""

from ._fake_api import client, fake_api, in_process_mock, make_client, mock_base_url, sleeps

__all__ = ["client", "fake_api", "in_process_mock", "make_client", "mock_base_url", "sleeps"]
