"""The bit-flip corpus (SECURITY.md R6): a vault caught mid-session, copied, one bit flipped.

:func:`make_pristine` leaves a vault as a crash would: the database, a WAL holding committed
transactions that were never checkpointed, older frames of an earlier log generation behind
them (the WAL restarted after a checkpoint, as SQLite's auto-checkpoint does every 1,000
pages), and the ``-shm`` index — copied while the writing session still holds them open.
:func:`attempt` flips one bit in a fresh copy and tries what an officer would: unlock as the
desktop app does (the whole-file ``quick_check`` beside the new session), then the full check
behind ``posko-admin verify``.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from random import Random

from app.backup.digest import content_digest
from app.errors import AppError, ErrorCode
from app.services.session import Session
from tests import helpers
from tests.core import backup_support

#: Copied like a crash leaves them; the lock file and lock-out counter are not vault content.
FILES = ("posko.db", "posko.db-wal", "posko.db-shm", "posko.keys", "posko.keys.bak")
#: What must stay byte-identical when the damage is found at unlock (the -shm index is
#: SQLite's scratch space, rebuilt by every first reader).
KEPT = ("posko.db", "posko.db-wal", "posko.keys", "posko.keys.bak")
WAL_HEADER, FRAME = 32, 24 + 4096
DETECTED_AT_OPEN = {ErrorCode.INTEGRITY_FAILED, ErrorCode.NOT_A_VAULT_DB}


class Outcome(StrEnum):
    OPEN = "refused at unlock"
    BESIDE = "found beside the unlock"  # the quick_check beside the new session: locked again
    VERIFY = "found by verify"
    HARMLESS = "harmless"  # unlock and verify pass and the content equals the original's
    SILENT = "SILENT"      # unlock and verify pass, yet the content differs: never allowed


class Region(StrEnum):
    DATABASE = "database"
    WAL_HEADER = "wal header"
    WAL_COMMITTED = "wal committed frame"
    WAL_STALE = "wal stale frame"  # an earlier generation's frame SQLite never replays


@dataclass(frozen=True)
class Pristine:
    root: Path
    reference: str         # content digest after a clean unlock of an undamaged copy
    committed_frames: int  # frames of the current WAL generation (all committed)


@dataclass(frozen=True)
class Flip:
    file: str
    offset: int
    bit: int
    region: Region


@dataclass(frozen=True)
class Result:
    flip: Flip
    outcome: Outcome
    code: str = ""
    kept: bool = True          # the damaged files were left exactly as they were
    data_intact: bool = True   # the content equals the original's


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _snapshot(root: Path) -> dict[str, str]:
    return {name: _sha(root / name) for name in KEPT}


def make_pristine(folder: Path) -> Pristine:
    live = folder / "live"
    session, _ = helpers.create_vault(helpers.new_vault(live))
    with session:
        backup_support.fill(session)  # one of everything a case can hold
    session = helpers.new_vault(live).unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    with session:
        _write(session, "Angsana", 12)
        session.ctx.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        _write(session, "Bungur", 6)  # restarts the log: the frames behind it are stale
        pristine = folder / "pristine"
        pristine.mkdir()
        for name in FILES:
            shutil.copyfile(live / name, pristine / name)
    return Pristine(pristine, _reference(pristine, folder / "reference"),
                    _current_frames(pristine / "posko.db-wal"))


def _write(session: Session, tag: str, count: int) -> None:
    for number in range(count):
        session.cases.create(helpers.full_intake(tag=f"{tag}{number}"))


def _reference(pristine: Path, scratch: Path) -> str:
    shutil.copytree(pristine, scratch)
    with helpers.new_vault(scratch).unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD,
                                           check_beside=True) as session:
        assert session.unlock_check_passed(timeout=300)  # audited, as in every attempt
        digest = content_digest(session.ctx.conn).sha256
        assert session.integrity.check().ok
    shutil.rmtree(scratch)
    return digest


def _current_frames(wal: Path) -> int:
    """Frames carrying the header's salts, from the start (the current generation)."""
    data = wal.read_bytes()
    salts, count = data[16:24], 0
    while WAL_HEADER + (count + 1) * FRAME <= len(data):
        start = WAL_HEADER + count * FRAME
        if data[start + 8:start + 16] != salts:
            break
        count += 1
    commit = struct.unpack(">I", data[WAL_HEADER + (count - 1) * FRAME + 4:][:4])[0]
    assert count > 0 and commit != 0, "the copied log must end on a commit"
    assert WAL_HEADER + count * FRAME < len(data), "the log must hold older frames too"
    return count


def choose(rng: Random, pristine: Pristine, number: int) -> Flip:
    """A random bit, in turn anywhere in the database, in the WAL's header or committed
    frames, and in the WAL's older frames (so even a short run covers all three)."""
    name = "posko.db" if number % 3 == 0 else "posko.db-wal"
    size = (pristine.root / name).stat().st_size
    committed_end = WAL_HEADER + pristine.committed_frames * FRAME
    start, end = {0: (0, size), 1: (0, committed_end), 2: (committed_end, size)}[number % 3]
    offset, bit = rng.randrange(start, end), rng.randrange(8)
    return Flip(name, offset, bit, _region(name, offset, pristine.committed_frames))


def _region(name: str, offset: int, committed: int) -> Region:
    if name == "posko.db":
        return Region.DATABASE
    if offset < WAL_HEADER:
        return Region.WAL_HEADER
    frame = (offset - WAL_HEADER) // FRAME
    return Region.WAL_COMMITTED if frame < committed else Region.WAL_STALE


def attempt(pristine: Pristine, flip: Flip, copy: Path) -> Result:
    shutil.copytree(pristine.root, copy)
    target = copy / flip.file
    data = bytearray(target.read_bytes())
    data[flip.offset] ^= 1 << flip.bit
    target.write_bytes(bytes(data))
    damaged = _snapshot(copy)
    log_found = _committed_log(copy, pristine)
    try:
        session = helpers.new_vault(copy).unlock(
            helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD, check_beside=True)
    except AppError as error:
        return Result(flip, Outcome.OPEN, error.code.value, _snapshot(copy) == damaged, False)
    if session.unlock_check_passed(timeout=300) is False:
        session.close()
        kept = (all(_sha(copy / name) == damaged[name] for name in KEPT if name != "posko.db-wal")
                and _committed_log(copy, pristine) == log_found)
        return Result(flip, Outcome.BESIDE, "", kept, False)
    with session:
        intact = content_digest(session.ctx.conn).sha256 == pristine.reference
        report = session.integrity.check()
        # Until the lock, every write goes to the WAL: the database file is as it was found.
        kept = _sha(copy / "posko.db") == damaged["posko.db"]
    if not report.ok:
        return Result(flip, Outcome.VERIFY, "verify", kept, intact)
    return Result(flip, Outcome.HARMLESS if intact else Outcome.SILENT, "", kept, intact)


def _committed_log(copy: Path, pristine: Pristine) -> bytes:
    """The WAL's header and committed frames. After damage found beside the unlock, the
    unlock's own audit rows follow them in the log; what was found must be left as it was."""
    return (copy / "posko.db-wal").read_bytes()[:WAL_HEADER + pristine.committed_frames * FRAME]
