"""PyInstaller entry script for ``posko`` (build.spec): the same ``ui.main:main`` as the
console script pip installs, run as a plain script so the package keeps its real name."""

import sys

from ui.main import main

sys.exit(main())
