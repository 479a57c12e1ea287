"""See the mock in a browser: the spec as an API reference (``/__docs``, ``make docs``), the
request journal as a live page (``/__admin/ui``), and the drift report as one HTML page
(``leeloo-drift --format html``).

Every page is one document with its style and script inline (it works offline, and nothing is
fetched from elsewhere), every value is escaped, and a hash-based ``Content-Security-Policy``
lets only the page's own style and script run.
"""

from mock_server.pages.inspector import INSPECTOR_PATH, InspectorEndpoint, render_inspector
from mock_server.pages.reference import DOCS_PATH, ReferenceEndpoint, is_docs_path, render_reference

__all__ = [
    "DOCS_PATH",
    "INSPECTOR_PATH",
    "InspectorEndpoint",
    "ReferenceEndpoint",
    "is_docs_path",
    "render_inspector",
    "render_reference",
]
