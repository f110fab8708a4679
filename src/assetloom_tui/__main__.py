"""`python -m assetloom_tui` runs the `assetloom` command."""

import sys

from assetloom_tui.cli import main

sys.exit(main())
