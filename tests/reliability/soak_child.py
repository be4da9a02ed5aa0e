"""Child process for ``test_soak`` (SECURITY.md R12): mixed work on one vault for a while.

Usage::

    python -m tests.reliability.soak_child VAULT_DIR BACKUP_DIR SECONDS BACKUP_EVERY SEED

Unlocks as the koordinator and, until ``SECONDS`` have passed, picks seeded operations as an
office day would: save a new case, correct one, search, open a case, render its intake form
(the bytes a print or preview gets), autosave a draft, now and then load the whole case list;
a backup every ``BACKUP_EVERY`` seconds (only the newest file is kept). About once a second
it prints a JSON sample: work done, this process's resident memory (``/proc/self/statm``) and
the WAL's size. Any exception ends the run with a traceback and a non-zero exit: the parent
counts that as an error. The last line holds the totals and what the WAL bound derives from:
the checkpoint settings and the most WAL frames one operation wrote (the ``-shm`` index's
frame count, read before and after each operation).
"""

from __future__ import annotations

import dataclasses
import json
import os
import struct
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from random import Random

from app.services.session import Session
from tests import helpers

PAGE = os.sysconf("SC_PAGE_SIZE")
#: What officers type into the search box: demo names (hundreds of hits in 100,000 cases),
#: and the soak's own cases.
WORDS = ("Ratna Kurnia", "Joko Saputra", "Wulan Hidayat", "Soak", "Soak1")


def wal_frames(session: Session) -> int:
    """Frames in the current WAL generation: ``mxFrame`` of the wal-index header
    (sqlite.org/walformat.html; native byte order), 0 before the log exists."""
    try:
        with session.paths.db.with_name("posko.db-shm").open("rb") as handle:
            header = handle.read(20)
    except FileNotFoundError:
        return 0
    return int(struct.unpack("=I", header[16:20])[0]) if len(header) == 20 else 0


def rss() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE


class Day:
    """The operations, each one officer action through the real services."""

    def __init__(self, session: Session, rng: Random, backups: Path) -> None:
        self.session, self.rng, self.backups = session, rng, backups
        self.all_ids = [summary.id for summary in session.cases.summaries()]
        self.own: list[int] = []
        self.made = 0

    def create(self) -> None:
        self.made += 1
        ref = self.session.cases.create(helpers.full_intake(tag=f"Soak{self.made}"))
        self.own.append(ref.id)
        self.all_ids.append(ref.id)

    def update(self) -> None:
        if not self.own:
            self.create()
        case_id = self.rng.choice(self.own)
        intake = self.session.cases.get(case_id).intake
        story = f"Kronologi diperbarui {self.rng.randrange(10**9)}."
        self.session.cases.update(case_id, dataclasses.replace(
            intake, incident=dataclasses.replace(intake.incident, chronology=story)))

    def search(self) -> None:
        self.session.cases.search(self.rng.choice(WORDS))

    def case_list(self) -> None:
        """Daftar Kasus: every visible case's summary (the heaviest read of the app)."""
        self.all_ids = [summary.id for summary in self.session.cases.summaries()]

    def view(self) -> None:
        self.session.cases.get(self.rng.choice(self.all_ids))

    def render(self) -> None:
        pdf = self.session.documents.intake_form(self.rng.choice(self.all_ids)).pdf
        assert pdf.startswith(b"%PDF-")

    def draft(self) -> None:
        if self.own:
            self.session.drafts.save(self.rng.choice(self.own),
                                     {"korban.nama": f"Draf {self.rng.randrange(1000)}"})

    def backup(self) -> None:
        old = list(self.backups.glob("*.poskobak"))
        self.session.backups.create(self.backups)
        for path in old:
            path.unlink()


def _operations(day: Day) -> list[tuple[str, Callable[[], None], int]]:
    """Name, action, weight: most work is reading; saving and correcting come next."""
    return [("create", day.create, 20), ("update", day.update, 15), ("search", day.search, 25),
            ("view", day.view, 25), ("render", day.render, 5), ("draft", day.draft, 10),
            ("list", day.case_list, 1)]


def _sample(session: Session, done: Counter[str], started: float) -> None:
    wal = session.paths.db.with_name("posko.db-wal")
    print(json.dumps({"t": round(time.monotonic() - started, 2), "ops": sum(done.values()),
                      "rss": rss(), "wal": wal.stat().st_size if wal.exists() else 0}),
          flush=True)


def run(root: Path, backups: Path, seconds: float, backup_every: float, seed: int) -> None:
    session = helpers.new_vault(root).unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    day = Day(session, Random(seed), backups)
    names, actions, weights = zip(*_operations(day), strict=True)
    done: Counter[str] = Counter()
    largest = 0  # most WAL frames one operation wrote
    started = time.monotonic()
    next_sample, next_backup = started, started + backup_every
    while (now := time.monotonic()) < started + seconds:
        if now >= next_backup:
            day.backup()
            done["backup"] += 1
            next_backup += backup_every
        index = day.rng.choices(range(len(actions)), weights)[0]
        before = wal_frames(session)
        actions[index]()
        after = wal_frames(session)
        largest = max(largest, after - before if after >= before else after)
        done[names[index]] += 1
        if now >= next_sample:
            _sample(session, done, started)
            next_sample += 1.0
    _sample(session, done, started)
    conn = session.ctx.conn
    print(json.dumps({"done": dict(done), "cases": len(day.all_ids), "largest_op": largest,
                      "autocheckpoint": conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
                      "page_size": conn.execute("PRAGMA page_size").fetchone()[0]}),
          flush=True)
    session.close()


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]),
        int(sys.argv[5]))
