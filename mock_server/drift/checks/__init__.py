"""The drift checks: one small named function per kind of departure, each in its own module.

Each takes an :class:`~mock_server.drift.exchange.Exchange` (an exchange matched to its operation)
and yields :class:`~mock_server.drift.model.Observation` values; ``undeclared_operation`` takes
the exchanges no operation matched.
"""

from mock_server.drift.checks.failure_envelope_on_success import failure_envelope_on_success
from mock_server.drift.checks.refused_value_accepted import refused_value_accepted
from mock_server.drift.checks.response_schema_mismatch import response_schema_mismatch
from mock_server.drift.checks.undeclared_media_type import undeclared_media_type
from mock_server.drift.checks.undeclared_operation import path_template, undeclared_operation
from mock_server.drift.checks.undeclared_query_parameter import undeclared_query_parameter
from mock_server.drift.checks.undeclared_request_field import undeclared_request_field
from mock_server.drift.checks.undeclared_response_field import undeclared_response_field
from mock_server.drift.checks.undeclared_status import undeclared_status

EXCHANGE_CHECKS = (
    undeclared_query_parameter,
    undeclared_request_field,
    refused_value_accepted,
    undeclared_status,
    undeclared_media_type,
    response_schema_mismatch,
    undeclared_response_field,
    failure_envelope_on_success,
)

__all__ = ["EXCHANGE_CHECKS", "path_template", "undeclared_operation"]
