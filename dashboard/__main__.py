"""``python -m dashboard`` starts the dashboard (see ``dashboard.launcher``)."""

import sys

from dashboard.launcher import main

sys.exit(main())
