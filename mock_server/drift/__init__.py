"""``leeloo-drift``: recorded traffic against the spec, tied to the evidence register, with a proposed patch.

``check_capture(entries, load_spec(path))`` returns a :class:`Report` (``to_text()``,
``to_json()``, ``findings``, ``evidence``); the checks are the small named functions of
``mock_server.drift.checks``; ``propose.write_proposal`` writes the unified diff.
"""

from mock_server.drift.model import KINDS, Finding, Observation
from mock_server.drift.report import EvidenceVerdict, Report
from mock_server.drift.run import DriftRun, check_capture
from mock_server.drift.spec import DriftSpec, load_spec

__all__ = [
    "KINDS",
    "DriftRun",
    "DriftSpec",
    "EvidenceVerdict",
    "Finding",
    "Observation",
    "Report",
    "check_capture",
    "load_spec",
]
