"""Shared setup for the backup, restore and destruction tests.

* :func:`fill` gives a vault one of everything a case can hold (officers of every role, a
  corrected received case with a note, an attachment, consents and a numbered referral; a draft
  with its saved form; a closed case; a breach);
* :func:`tables` dumps every table (the search index apart: it is derived) row by row, the
  plainest way to say "the same content";
* :func:`rewrite_member` rebuilds a ``.poskobak`` with one member changed and the ZIP's own CRC
  recomputed — what a careful tamperer (or a stick returning other bytes) does, so the checks
  behind the CRC are reached.
"""

from __future__ import annotations

import contextlib
import hashlib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    FollowUpKind,
    RightStatus,
    Role,
)
from app.domain.models import ConsentInput, ReferralInput
from app.domain.workflow import STARRED_RIGHTS
from app.services.breaches import BreachInput
from app.services.session import Session
from app.store.connection import Connection, open_database
from tests import helpers
from tests.core import key_helpers

DINSOS = "dinsos_p3a_blora"
LETTER_NUMBER = "400.1/017/PPKS/III/2026"
Rows = dict[str, list[tuple[object, ...]]]

_TABLES = ("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
           " AND name NOT LIKE 'case_search%' ORDER BY name")


@dataclass(frozen=True)
class Filled:
    """What :func:`fill` made: ids, attachment bytes, and a word only each case holds."""

    received: int
    draft: int
    closed: int
    attachments: dict[int, bytes]
    words: dict[str, int]


def fill(session: Session) -> Filled:
    key_helpers.add_officer(session)
    key_helpers.add_officer(session, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD, Role.PIMPINAN)
    received = _received_case(session)
    content = bytes(range(256)) * 40 + b"lampiran Kenanga"
    attachment = session.attachments.add(received, "bukti-pesan.png", content,
                                         captured_at=datetime(2026, 2, 27, 7, 0, tzinfo=UTC))
    draft = session.cases.create(helpers.full_intake(tag="Flamboyan")).id
    session.drafts.save(draft, {"korban.nama": "Korban Flamboyan", "jumlah": 3,
                                "bukti": ["foto", "pesan"]})
    closed = session.cases.create(helpers.minimal_intake(name="Korban Teratai")).id
    for right in STARRED_RIGHTS:
        session.workflow.set_right(closed, right, RightStatus.TIDAK_RELEVAN)
    session.workflow.close(closed, ClosureReason.DUPLIKAT)
    session.breaches.record(BreachInput(helpers.START, "Laptop posko hilang",
                                        subjects_estimate=4))
    return Filled(received, draft, closed, {attachment.id: content},
                  {"Kenanga": received, "Flamboyan": draft, "Teratai": closed})


def _received_case(session: Session) -> int:
    intake = helpers.full_intake(tag="Kenanga")
    case_id = session.cases.create(intake).id
    for consent in (ConsentInput(ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN,
                                 recipient=DINSOS),
                    ConsentInput(ConsentPurpose.STATISTIK, ConsentOutcome.DIBERIKAN)):
        session.referrals.record_consent(case_id, consent)
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.cases.update(case_id, replace(intake, victim=replace(
        intake.victim, full_name="Korban Kenanga Sesudah Koreksi")))
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    session.workflow.add_follow_up(case_id, FollowUpKind.KONTAK, "Korban dihubungi lewat posko.")
    session.referrals.refer(case_id, ReferralInput(DINSOS, letter_number=LETTER_NUMBER))
    return case_id


@contextlib.contextmanager
def raw(database: Path, key: bytes | bytearray) -> Iterator[Connection]:
    """A plain connection to an encrypted database file (no session, no audit row)."""
    conn = open_database(database, key)
    try:
        yield conn
    finally:
        conn.close()


def tables(conn: Connection) -> Rows:
    names = [row[0] for row in conn.execute(_TABLES)]
    return {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY 1, rowid').fetchall()
            for name in names}


def counts(rows: Rows) -> dict[str, int]:
    return {name: len(found) for name, found in rows.items()}


def rewrite_member(source: Path, target: Path, name: str,
                   change: Callable[[bytes], bytes]) -> None:
    """Copy a backup with member ``name`` changed; every CRC in the new file is right."""
    with zipfile.ZipFile(source) as old, \
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == name else data)


def flip(offset: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        damaged = bytearray(data)
        damaged[offset % len(damaged)] ^= 0x04
        return bytes(damaged)

    return change


def member_offset(path: Path, name: str) -> int:
    """Where a member's bytes start inside the archive (to flip raw bytes on disk)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    with path.open("rb") as handle:
        handle.seek(info.header_offset + 26)
        lengths = handle.read(4)
    return info.header_offset + 30 + int.from_bytes(lengths[:2], "little") + \
        int.from_bytes(lengths[2:], "little")


def flip_on_disk(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (relative names), to prove nothing changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())

