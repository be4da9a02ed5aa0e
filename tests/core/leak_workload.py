"""Child process for the L1–L3 sentinel sweep (``test_no_plaintext.py``).

Usage: ``python -m tests.core.leak_workload product|control FOLDER`` with ``TMPDIR`` and
``SQLITE_TMPDIR`` pointing at a fresh folder. At each stage the child prints ``STAGE <name>``
and waits for a line on stdin, so the parent can sweep the folders *and the child's open files*
(SQLite unlinks its temp files right after creating them on POSIX, so only an open descriptor
still shows them). Finally it prints ``READY`` and waits to be killed.

``product`` runs the real services on cases full of sentinels; ``control`` is the negative
control: a raw connection with ``temp_store = FILE`` and the same spilling sort, plus a wrong-key
open with SQLCipher's logging left on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import secrets
import sys
from pathlib import Path

import sqlcipher3

from app.domain.enums import FollowUpKind
from app.domain.models import Intake
from app.errors import AppError
from app.services.session import Session
from app.store.connection import Connection, open_database
from tests import helpers

PREFIX = "ZqSent"  # every text sentinel starts with this
NIK_PREFIX = "33169876"  # every sentinel NIK starts with this
CASES = 40
#: Sorts ~3,200 rows of victim data plus padding (~2 MB). With the cache made small the sorter
#: must spill: into a temp *file* under temp_store=FILE, into memory under MEMORY.
SPILL_SQL = ("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 80)"
             " SELECT p.data || hex(randomblob(300)) AS v FROM r"
             " CROSS JOIN (SELECT data FROM persons WHERE role = 'korban') AS p ORDER BY v")
SMALL_CACHE = "PRAGMA cache_size = 64"


def sentinel(kind: str, index: int) -> str:
    return f"{PREFIX}{kind}{index:03d}"


def nik(index: int) -> str:
    return f"{NIK_PREFIX}{index:08d}"


def stage(name: str) -> None:
    print(f"STAGE {name}", flush=True)
    sys.stdin.readline()


def intake(index: int) -> Intake:
    base = helpers.full_intake(tag=sentinel("Tag", index))
    victim = dataclasses.replace(base.victim, full_name=f"{sentinel('Victim', index)} Mawarwati",
                                 alias=sentinel("Alias", index), nik=nik(index),
                                 address=f"Jl. {sentinel('Street', index)} 7")
    perpetrator = dataclasses.replace(base.perpetrators[0],
                                      full_name=f"{sentinel('Perp', index)} Santoso")
    incident = dataclasses.replace(base.incident,
                                   chronology=f"{sentinel('Chrono', index)} di ruang arsip.",
                                   evidence=(sentinel("Evidence", index),))
    return dataclasses.replace(
        base, victim=victim, perpetrators=(perpetrator, *base.perpetrators[1:]),
        incident=incident,
        reporter=dataclasses.replace(base.reporter, full_name=sentinel("Reporter", index)),
        needs=dataclasses.replace(base.needs, expectations=sentinel("Hope", index)))


def _cases(session: Session) -> None:
    for index in range(CASES):
        ref = session.cases.create(intake(index))
        content = (sentinel("Attach", index) + " bukti foto ").encode() * 2000
        info = session.attachments.add(ref.id, f"{sentinel('File', index)}.txt", content)
        changed = intake(index)
        changed = dataclasses.replace(changed, incident=dataclasses.replace(
            changed.incident, chronology=f"{sentinel('Updated', index)} diperbarui."))
        session.cases.update(ref.id, changed)
        session.workflow.add_follow_up(ref.id, FollowUpKind.CATATAN,
                                       f"{sentinel('Note', index)} korban dihubungi.")
        session.cases.get(ref.id)
        session.cases.reveal_victim_name(ref.id)
        assert session.attachments.read(info.id) == content
    assert len(session.cases.search(sentinel("Victim", 5).lower())) == 1
    assert len(session.cases.search(sentinel("Note", 7))) == 1
    assert len(session.cases.summaries()) == CASES


def _spill(conn: Connection) -> None:
    conn.execute(SMALL_CACHE)
    cursor = conn.execute(SPILL_SQL)
    assert cursor.fetchone() is not None
    stage("sorting")  # the sort is still open: any temp file is still held
    assert len(cursor.fetchall()) == 80 * CASES - 1


def product(root: Path) -> None:
    vault = helpers.new_vault(root / "vault")
    session, _code = helpers.create_vault(vault)
    _cases(session)
    _spill(session.ctx.conn)
    session.close()
    stage("locked")
    with contextlib.suppress(AppError):
        vault.unlock(helpers.KOORDINATOR, "kata sandi yang keliru sekali")
    with contextlib.suppress(AppError):
        open_database(vault.paths.db, secrets.token_bytes(32))  # would log "hmac check failed"
    session = vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    ref = session.cases.create(intake(CASES))
    session.workflow.add_follow_up(ref.id, FollowUpKind.CATATAN, sentinel("AfterNote", 1))
    stage("reopened")
    print("READY", flush=True)
    sys.stdin.readline()  # killed here, with the session open and the WAL unflushed


def control(root: Path) -> None:
    path = root / "vault" / "control.db"
    path.parent.mkdir(parents=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute("PRAGMA temp_store = FILE")
    conn.execute("CREATE TABLE persons (role TEXT, data TEXT)")
    conn.executemany("INSERT INTO persons VALUES ('korban', ?)",
                     [(f'{{"full_name": "{sentinel("Control", i)}"}}',) for i in range(CASES)])
    _spill(conn)
    conn.close()
    wrong = sqlcipher3.connect(str(path), isolation_level=None)
    wrong.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    with contextlib.suppress(sqlcipher3.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    print("READY", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    {"product": product, "control": control}[sys.argv[1]](Path(sys.argv[2]))
