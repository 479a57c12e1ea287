"""`LeelooClient` and `AsyncLeelooClient`: one attribute per group of operations (tag of the spec).

Both share the settings and connection handling of `BaseClient`; the sync client's resources
return models, the async client's resources return coroutines:

    client.people.list(filter_email="a@example.com")           # LeelooClient
    await client.people.list(filter_email="a@example.com")     # AsyncLeelooClient
"""

from ._base_client import (
    AUTH_HEADER_NAME,
    BASE_URL_ENV_VAR,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TOKEN_ENV_VAR,
    AsyncRetryTransport,
    BaseClient,
    RetryPolicy,
    RetryTransport,
)
from .api.calls import AsyncCalls, Calls
from .api.communication_channels import AsyncCommunicationChannels, CommunicationChannels
from .api.connections import AsyncConnections, Connections
from .api.leadgentools import AsyncLeadgentools, Leadgentools
from .api.messages import AsyncMessages, Messages
from .api.orders import AsyncOrders, Orders
from .api.people import AsyncPeople, People
from .api.tags import AsyncTags, Tags
from .api.templates import AsyncTemplates, Templates
from .api.tunnels import AsyncTunnels, Tunnels
from .api.users import AsyncUsers, Users


class LeelooClient(BaseClient):
    """The client of the Leeloo.ai API; its resources' methods return models or raise.

    Use it as a context manager (`with LeelooClient.from_env() as client:`) or call `close()`.
    Settings are those of `BaseClient` (token, base_url, timeout, max_retries, retry_policy,
    headers, verify_ssl, follow_redirects, max_response_size, transport, http_client, sleep).
    """

    @property
    def calls(self) -> Calls:
        """The `calls` operations: `create`."""
        return Calls(self)

    @property
    def communication_channels(self) -> CommunicationChannels:
        """The `communication_channels` operations: `list`, `get_person_by_account`, `manual_subscribe`, `create_email_accounts`."""
        return CommunicationChannels(self)

    @property
    def connections(self) -> Connections:
        """The `connections` operations: `list`."""
        return Connections(self)

    @property
    def leadgentools(self) -> Leadgentools:
        """The `leadgentools` operations: `create_traffic_source`."""
        return Leadgentools(self)

    @property
    def messages(self) -> Messages:
        """The `messages` operations: `list_chat`, `send`."""
        return Messages(self)

    @property
    def orders(self) -> Orders:
        """The `orders` operations: `list`, `create`, `get`, `update`."""
        return Orders(self)

    @property
    def people(self) -> People:
        """The `people` operations: `list`, `create`, `get`, `update`, `add_sms_connection`, `add_comment`, `remove_tag`, `add_tag`."""
        return People(self)

    @property
    def tags(self) -> Tags:
        """The `tags` operations: `list`."""
        return Tags(self)

    @property
    def templates(self) -> Templates:
        """The `templates` operations: `list_categories`, `list_in_category`, `send_message`."""
        return Templates(self)

    @property
    def tunnels(self) -> Tunnels:
        """The `tunnels` operations: `list`, `get`, `list_stats`, `get_stats`."""
        return Tunnels(self)

    @property
    def users(self) -> Users:
        """The `users` operations: `list`, `get`."""
        return Users(self)


class AsyncLeelooClient(BaseClient):
    """The async twin of `LeelooClient`: its resources' methods are coroutines.

    Use it as an async context manager (`async with AsyncLeelooClient.from_env() as client:`) or
    await `aclose()`.
    """

    @property
    def calls(self) -> AsyncCalls:
        """The `calls` operations, awaited: `create`."""
        return AsyncCalls(self)

    @property
    def communication_channels(self) -> AsyncCommunicationChannels:
        """The `communication_channels` operations, awaited: `list`, `get_person_by_account`, `manual_subscribe`, `create_email_accounts`."""
        return AsyncCommunicationChannels(self)

    @property
    def connections(self) -> AsyncConnections:
        """The `connections` operations, awaited: `list`."""
        return AsyncConnections(self)

    @property
    def leadgentools(self) -> AsyncLeadgentools:
        """The `leadgentools` operations, awaited: `create_traffic_source`."""
        return AsyncLeadgentools(self)

    @property
    def messages(self) -> AsyncMessages:
        """The `messages` operations, awaited: `list_chat`, `send`."""
        return AsyncMessages(self)

    @property
    def orders(self) -> AsyncOrders:
        """The `orders` operations, awaited: `list`, `create`, `get`, `update`."""
        return AsyncOrders(self)

    @property
    def people(self) -> AsyncPeople:
        """The `people` operations, awaited: `list`, `create`, `get`, `update`, `add_sms_connection`, `add_comment`, `remove_tag`, `add_tag`."""
        return AsyncPeople(self)

    @property
    def tags(self) -> AsyncTags:
        """The `tags` operations, awaited: `list`."""
        return AsyncTags(self)

    @property
    def templates(self) -> AsyncTemplates:
        """The `templates` operations, awaited: `list_categories`, `list_in_category`, `send_message`."""
        return AsyncTemplates(self)

    @property
    def tunnels(self) -> AsyncTunnels:
        """The `tunnels` operations, awaited: `list`, `get`, `list_stats`, `get_stats`."""
        return AsyncTunnels(self)

    @property
    def users(self) -> AsyncUsers:
        """The `users` operations, awaited: `list`, `get`."""
        return AsyncUsers(self)


AuthenticatedClient = LeelooClient
"""The name openapi-python-client's documentation uses for the same class."""

__all__ = [
    "AUTH_HEADER_NAME",
    "BASE_URL_ENV_VAR",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV_VAR",
    "AsyncLeelooClient",
    "AsyncRetryTransport",
    "AuthenticatedClient",
    "BaseClient",
    "LeelooClient",
    "RetryPolicy",
    "RetryTransport",
]
