"""``python -m dashboard.export``: see :mod:`dashboard.export.cli`."""

import sys

from dashboard.export.cli import main

sys.exit(main())
