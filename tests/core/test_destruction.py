"""Destroying a case (SECURITY.md §6, C3; UU PDP Pasal 43–44): no trace of it remains.

Sentinels — unique words in the victim's name, NIK, chronology, a follow-up note, the attachment
bytes and file name, the corrected name kept in the history, the saved form draft — are FOUND in
the decrypted pages of ``posko.db`` and its WAL before (the negative control: the search works)
and NOT after, in any file of the vault folder; a second case keeps every one of its own. What
remains is the code with dates, legal basis, reason and who did it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    FollowUpKind,
    RightStatus,
    Role,
)
from app.domain.models import ConsentInput, Intake, ReferralInput
from app.domain.workflow import STARRED_RIGHTS
from app.errors import AccessDenied, AppError, ErrorCode, ValidationError
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers
from tests.core.backup_support import DINSOS, LETTER_NUMBER
from tests.sqlcipher_pages import plaintext_of

#: One word per place a case keeps text; the NIK is a sentinel of its own.
DOOMED = {"name": "Sentinama", "corrected": "Sentikoreksi", "nik": "3316015705904242",
          "chronology": "Sentikronologi", "note": "Senticatatan", "file": "Sentiberkas",
          "attachment": "SENTILAMPIRAN", "draft": "Sentidraf", "reporter": "Sentipelapor"}
KEPT = {"name": "Tetapnama", "nik": "3316015705901111", "chronology": "Tetapkronologi",
        "note": "Tetapcatatan", "attachment": "TETAPLAMPIRAN"}


def _intake(words: dict[str, str], received: datetime) -> Intake:
    base = helpers.full_intake(received, tag=words.get("reporter", words["name"]))
    return replace(base, victim=replace(base.victim, full_name=f"Korban {words['name']}",
                                        nik=words["nik"]),
                   incident=replace(base.incident,
                                    chronology=f"Kejadian {words['chronology']} di gudang."))


def _case_with_everything(session: Session, words: dict[str, str], letter: str) -> int:
    """A case holding text in every table a case has, closed-ready (rights recorded)."""
    intake = _intake(words, session.now())
    case_id = session.cases.create(intake).id
    session.drafts.save(case_id, {"catatan": f"isian {words.get('draft', 'draf')}"})
    session.referrals.record_consent(case_id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=DINSOS))
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    if "corrected" in words:  # the old name goes into the correction history
        session.cases.update(case_id, replace(intake, victim=replace(
            intake.victim, full_name=f"Korban {words['corrected']}")))
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    session.workflow.add_follow_up(case_id, FollowUpKind.CATATAN, f"{words['note']} ditelepon")
    session.attachments.add(case_id, f"{words.get('file', 'foto')}.jpg",
                            (words["attachment"] + "-").encode() * 600)
    session.referrals.refer(case_id, ReferralInput(DINSOS, letter_number=letter))
    for right in STARRED_RIGHTS:
        session.workflow.set_right(case_id, right, RightStatus.DIBERIKAN)
    return case_id


def _traces(session: Session, words: dict[str, str]) -> set[str]:
    """The sentinels found in the decrypted pages of the database and its WAL."""
    key = bytes(session.db_key_copy())
    text = plaintext_of(session.paths.root, key).lower()
    return {label for label, word in words.items() if word.lower().encode() in text}


def _raw_traces(folder: Path, words: dict[str, str]) -> set[str]:
    """Sentinels in any file of the folder as stored (UTF-8 and UTF-16LE, any case)."""
    found = set()
    for path in folder.rglob("*"):
        data = path.read_bytes().lower() if path.is_file() else b""
        for label, word in words.items():
            if word.lower().encode() in data or word.lower().encode("utf-16-le") in data:
                found.add(label)
    return found


def _destroy_by_retention(session: Session, clock: FakeClock, case_id: int) -> None:
    session.workflow.close(case_id, ClosureReason.KEBUTUHAN_TERPENUHI)
    session.workflow.archive(case_id)
    helpers.later(clock, days=5 * 366)
    session.retention.destroy_expired([case_id])


def _erase_on_request(session: Session, clock: FakeClock, case_id: int) -> None:
    session.retention.erase_on_request(case_id, "Permintaan tertulis korban, surat 12 Maret")


@pytest.mark.parametrize("destroy", [_destroy_by_retention, _erase_on_request],
                         ids=["retention", "request"])
def test_no_trace_of_a_destroyed_case_remains(session: Session, vault: Vault, clock: FakeClock,
                                              destroy: Callable[[Session, FakeClock, int],
                                                                None]) -> None:
    doomed = _case_with_everything(session, DOOMED, LETTER_NUMBER)
    kept = _case_with_everything(session, KEPT, "400.1/018/PPKS/III/2026")
    code = session.cases.get(doomed).code
    blobs = [a.id for a in session.attachments.for_case(doomed)]
    kept_before = session.cases.get(kept)
    assert _traces(session, DOOMED) == set(DOOMED)  # negative control: all of them are there
    assert [s.id for s in session.cases.search(DOOMED["chronology"])] == [doomed]
    destroy(session, clock, doomed)
    assert _traces(session, DOOMED) == set()
    assert _traces(session, KEPT) == set(KEPT)
    assert session.cases.search(DOOMED["chronology"]) == []
    assert session.cases.search(DOOMED["corrected"]) == []
    assert [s.id for s in session.cases.search(KEPT["chronology"])] == [kept]
    after = session.cases.get(kept)
    assert (after.intake, after.referrals, after.follow_ups) == (
        kept_before.intake, kept_before.referrals, kept_before.follow_ups)
    assert session.attachments.read(session.attachments.for_case(kept)[0].id) == \
        (KEPT["attachment"] + "-").encode() * 600
    assert session.integrity.check().ok
    _assert_register_and_audit(session, doomed, code, blobs)
    session.close()
    assert _raw_traces(vault.paths.root, DOOMED) == set()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert _traces(again, DOOMED) == set() and _traces(again, KEPT) == set(KEPT)


#: Chronology words of one case: typed in the draft, then written over while it was still a
#: draft (no history kept), then corrected after receipt (the old value goes to field_history).
#: No other indexed word starts with the same two letters: FTS5 stores a term after the prefix
#: it shares with the term before it (a one-letter word such as "x" shares the first letter).
EDITED = {"draft": "Qxawalkisah", "overwritten": "Vqtimpakisah", "current": "Zqkinikisah"}


def _with_chronology(intake: Intake, word: str) -> Intake:
    return replace(intake, incident=replace(intake.incident, chronology=f"Kejadian {word} ini."))


def _index_traces(session: Session, words: dict[str, str]) -> set[str]:
    """The words lying in the search index's own pages (its segments), found or not: all but
    the first letter, which a neighbouring term may share."""
    rows = session.ctx.conn.execute("SELECT block FROM case_search_data WHERE block IS NOT NULL")
    blocks = b"".join(bytes(row[0]) for row in rows).lower()
    return {label for label, word in words.items() if word[1:].lower().encode() in blocks}


@pytest.mark.parametrize("destroy", [_destroy_by_retention, _erase_on_request],
                         ids=["retention", "request"])
def test_edited_chronology_leaves_no_word_after_destruction(
        session: Session, vault: Vault, clock: FakeClock,
        destroy: Callable[[Session, FakeClock, int], None]) -> None:
    """FTS5 secure-delete is off (it made every edit slow): an edit leaves the old words in an
    older index segment, cancelled for search; destroying the case must drop them all."""
    intake = helpers.full_intake(session.now(), tag="Suntingan")
    case_id = session.cases.create(_with_chronology(intake, EDITED["draft"])).id
    session.cases.update(case_id, _with_chronology(intake, EDITED["overwritten"]))
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.cases.update(case_id, _with_chronology(intake, EDITED["current"]))
    for right in STARRED_RIGHTS:
        session.workflow.set_right(case_id, right, RightStatus.DIBERIKAN)
    assert {label for label, word in EDITED.items() if session.cases.search(word)} == {
        "current"}
    # Negative control: the written-over words are still in the index's pages (so this check
    # sees them), and in the decrypted file.
    assert _index_traces(session, EDITED) == set(EDITED)
    assert _traces(session, EDITED) == set(EDITED)
    destroy(session, clock, case_id)
    assert _index_traces(session, EDITED) == set()
    assert _traces(session, EDITED) == set()
    assert [session.cases.search(word) for word in EDITED.values()] == [[], [], []]
    session.ctx.conn.execute("INSERT INTO case_search(case_search, rank)"
                             " VALUES ('integrity-check', 1)")
    session.close()
    assert _raw_traces(vault.paths.root, EDITED) == set()


CASE_TABLES = ("persons", "consents", "referrals", "follow_ups", "rights", "status_history",
               "attachments", "form_drafts", "field_history", "case_restrictions")


def _assert_register_and_audit(session: Session, case_id: int, code: str,
                               blobs: list[int]) -> None:
    conn = session.ctx.conn
    letters = conn.execute("SELECT number_text, case_id, case_code, referral_id FROM"
                           " letter_numbers WHERE case_code = ?", (code,)).fetchall()
    assert letters == [(LETTER_NUMBER, None, code, None)]  # the number stays taken
    assert conn.execute("SELECT count(*) FROM cases WHERE code = ?", (code,)).fetchone() == (0,)
    for table in CASE_TABLES:
        left = conn.execute(f'SELECT count(*) FROM "{table}" WHERE case_id = ?', (case_id,))
        assert left.fetchone() == (0,), table
    left = conn.execute(f"SELECT count(*) FROM attachment_blobs WHERE attachment_id IN"
                        f" ({','.join('?' * len(blobs))})", blobs)
    assert left.fetchone() == (0,)
    destroyed = [e for e in session.ctx.audit.entries(case_code=code) if
                 e.action == "case.destroy"]
    assert len(destroyed) == 1 and set(destroyed[0].detail) == {"basis"}
    assert destroyed[0].actor_user_id == session.user.id


def test_the_destruction_record_keeps_code_dates_basis_reason_and_officer(
        session: Session, clock: FakeClock) -> None:
    case_id = _case_with_everything(session, DOOMED, LETTER_NUMBER)
    code = session.cases.get(case_id).code
    helpers.later(clock, hours=2)
    record = session.retention.erase_on_request(case_id, "  Permintaan korban\n(lisan)  ")
    assert (record.code, record.received_on, record.closed_on) == (code, helpers.START.date(),
                                                                   None)
    assert (record.destroyed_at, record.destroyed_by) == (clock.now(), session.user.id)
    assert "27 Tahun 2022" in record.legal_basis and record.reason == "Permintaan korban\n(lisan)"
    assert session.retention.destroyed() == [record]
    with pytest.raises(AppError) as info:
        session.cases.get(case_id)
    assert info.value.code is ErrorCode.CASE_NOT_FOUND


@pytest.mark.parametrize("reason", ["", "   ", None, "\n\t"])
def test_erasure_needs_a_reason(koord: Session, reason: str | None) -> None:
    case_id = koord.cases.create(helpers.minimal_intake()).id
    with pytest.raises(ValidationError) as info:
        koord.retention.erase_on_request(case_id, reason)  # type: ignore[arg-type]
    assert [(e.field, e.code) for e in info.value.errors] == [("reason", "required")]
    assert koord.cases.get(case_id).status is CaseStatus.DRAF  # still there


def _closed_on(session: Session, clock: FakeClock, day: datetime) -> int:
    clock.set(day)
    case_id = session.cases.create(helpers.minimal_intake(day)).id
    for right in STARRED_RIGHTS:
        session.workflow.set_right(case_id, right, RightStatus.TIDAK_RELEVAN)
    session.workflow.close(case_id, ClosureReason.DUPLIKAT)
    return case_id


def test_eligible_follows_the_retention_years(koord: Session, kclock: FakeClock) -> None:
    # Closed 10:00 WIB on 2 March 2026; the period counts in office-local days.
    closed = _closed_on(koord, kclock, datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    still_open = koord.cases.create(helpers.minimal_intake(kclock.now())).id

    def eligible() -> list[int]:
        return [e.case_id for e in koord.retention.eligible()]

    kclock.set(datetime(2031, 3, 1, 16, 59, tzinfo=UTC))  # 23:59 WIB, 1 March 2031
    assert closed not in eligible()
    with pytest.raises(AppError) as info:
        koord.retention.destroy_expired([closed])
    assert info.value.code is ErrorCode.RETENTION_NOT_REACHED
    assert koord.cases.get(closed).status is CaseStatus.DITUTUP  # nothing happened
    kclock.set(datetime(2031, 3, 1, 17, 0, tzinfo=UTC))  # 00:00 WIB, 2 March 2031
    assert closed in eligible() and still_open not in eligible()
    found = next(e for e in koord.retention.eligible() if e.case_id == closed)
    assert found.closed_on.isoformat() == "2026-03-02"
    with pytest.raises(AppError):
        koord.retention.destroy_expired([closed, still_open])  # all or nothing
    assert koord.cases.get(closed).status is CaseStatus.DITUTUP
    koord.settings.update(retention_years=10)
    assert closed not in eligible()
    koord.settings.update(retention_years=5)
    koord.retention.destroy_expired([closed])
    assert closed not in eligible()


def test_reopened_cases_count_from_their_last_closing(koord: Session, kclock: FakeClock) -> None:
    case_id = _closed_on(koord, kclock, datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    kclock.set(datetime(2027, 6, 1, 3, 0, tzinfo=UTC))
    koord.workflow.reopen(case_id, "laporan lanjutan")
    koord.workflow.close(case_id, ClosureReason.KEBUTUHAN_TERPENUHI)
    kclock.set(datetime(2031, 3, 3, 3, 0, tzinfo=UTC))
    assert case_id not in [e.case_id for e in koord.retention.eligible()]
    kclock.set(datetime(2032, 6, 1, 3, 0, tzinfo=UTC))
    assert case_id in [e.case_id for e in koord.retention.eligible()]


@pytest.mark.parametrize("role", [Role.PETUGAS, Role.PIMPINAN])
def test_only_a_koordinator_destroys(session: Session, vault: Vault, role: Role) -> None:
    name = "lain1"
    officer = key_helpers.add_officer(session, name, helpers.PETUGAS_PASSWORD, role)
    case_id = session.cases.create(helpers.minimal_intake()).id
    if role is Role.PETUGAS:  # their own case: visible to them, still not theirs to destroy
        session.cases.assign(case_id, officer)
    session.close()
    with vault.unlock(name, helpers.PETUGAS_PASSWORD) as other:
        calls: list[Callable[[], object]] = [
            other.retention.eligible, other.retention.destroyed,
            lambda: other.retention.erase_on_request(case_id, "permintaan"),
            lambda: other.retention.destroy_expired([case_id])]
        for call in calls:
            with pytest.raises(AccessDenied):
                call()
        denials = [e for e in other.ctx.audit.entries() if e.action == "access.denied"]
    assert len(denials) == len(calls)
    assert {e.detail["action"] for e in denials} == {"case.destroy"}
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        assert koord.cases.get(case_id).id == case_id
        assert koord.retention.destroyed() == []


def test_destroying_an_unknown_case_changes_nothing(koord: Session) -> None:
    before = koord.retention.destroyed()
    with pytest.raises(AppError) as info:
        koord.retention.erase_on_request(987_654, "permintaan korban")
    assert info.value.code is ErrorCode.CASE_NOT_FOUND
    assert koord.retention.destroyed() == before


def test_a_destroyed_code_is_never_issued_again(koord: Session, kclock: FakeClock) -> None:
    case_id = koord.cases.create(helpers.minimal_intake(kclock.now())).id
    code = koord.cases.get(case_id).code
    koord.retention.erase_on_request(case_id, "permintaan korban")
    fresh = koord.cases.create(helpers.minimal_intake(kclock.now())).code
    assert fresh != code and code in [d.code for d in koord.retention.destroyed()]
