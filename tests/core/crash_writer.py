"""Child process for the R1 crash test: saves forever until killed.

Usage: ``python -m tests.core.crash_writer VAULT_DIR RUN``. Unlocks the vault and loops: create
a case (tagged in its chronology), and every third case add a follow-up note. Each line on
stdout is printed *after* the service call returned, i.e. after COMMIT: ``C <id> <tag>`` for a
case, ``N <case id> <tag>`` for a note. The parent SIGKILLs this process at a random moment.
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from tests import acknowledged, helpers


def main(root: Path, run: str) -> None:
    vault = helpers.new_vault(root)
    session = vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    base = helpers.minimal_intake()
    for index in count():
        acknowledged.save(session, base, "Kronologi uji tabrakan", f"r{run}-c{index}",
                          f"n{run}-{index}" if index % 3 == 0 else None)

if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
