"""``python -m mock_server.pages``: see :mod:`mock_server.pages.static`."""

import sys

from mock_server.pages.static import main

sys.exit(main())
