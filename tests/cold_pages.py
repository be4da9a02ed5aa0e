"""A vault with pages no unlock reads, and damage placed in one of them.

Long chronologies fill the middle of the file with overflow pages that only opening those cases
(or a whole-file check) reads — where a failing disk's damage stays unseen by the unlock.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests import helpers

PAGE = 4096


def make_vault(root: Path, cases: int = 24) -> Path:
    """A closed vault at ``root`` whose middle pages hold long chronologies."""
    session, _ = helpers.create_vault(helpers.new_vault(root))
    with session:
        for number in range(cases):
            intake = helpers.minimal_intake(name=f"Korban Nomor {number}")
            words = " ".join(f"kata{number}x{index}" for index in range(600))
            incident = dataclasses.replace(intake.incident, chronology=words)
            session.cases.create(dataclasses.replace(intake, incident=incident))
    # A new vault builds its search index at its first unlock, reading every case: done here.
    helpers.new_vault(root).unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD).close()
    return root


def flip_middle_page(db: Path) -> None:
    """One bit of the file's middle page, as a failing disk would."""
    data = bytearray(db.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    data[middle + 1000] ^= 0x10
    db.write_bytes(bytes(data))
