"""Child process for the R2 power-loss test: a fixed number of saves, traced from outside.

Usage: ``python -m tests.reliability.power_child VAULT_DIR SAVES [normal]``. Unlocks the vault
and saves ``SAVES`` cases (tagged in their chronology), every third one also a follow-up note,
then locks the vault (checkpoint, WAL removed) and exits. Each stdout line is written *after*
the service call returned, i.e. after COMMIT: ``C <id> <tag>`` or ``N <case id> <tag>`` — the
parent finds these writes in the system-call trace, so it knows exactly which saves were
acknowledged before any given call.

``normal`` re-issues ``PRAGMA synchronous = NORMAL`` after the product opened the database with
FULL: the negative control of the test, never a product setting.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests import acknowledged, helpers


def main(root: Path, saves: int, synchronous: str) -> None:
    vault = helpers.new_vault(root)
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        if synchronous == "normal":
            session.ctx.conn.execute("PRAGMA synchronous = NORMAL")
        base = helpers.minimal_intake()
        for index in range(saves):
            acknowledged.save(session, base, "Kronologi uji listrik padam", f"p{index}",
                              f"n{index}" if index % 3 == 0 else None)

if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "full")
