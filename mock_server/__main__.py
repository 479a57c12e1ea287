"""``python -m mock_server``: the same as ``leeloo-mock``."""

import sys

from mock_server.cli import main

sys.exit(main())
