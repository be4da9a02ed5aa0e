"""SQL for cases and everything hanging off them. Only services call this module.

Functions take an open connection and run inside the caller's transaction; they never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import (
    CaseStatus,
    ConsentPurpose,
    FollowUpKind,
    Priority,
    ReferralOutcome,
    RightStatus,
    VictimRight,
)
from app.domain.models import (
    Case,
    Closure,
    ConsentInput,
    ConsentRecord,
    FieldChange,
    FollowUp,
    Incident,
    Intake,
    Needs,
    Perpetrator,
    Reception,
    Referral,
    ReferralInput,
    Reporter,
    RightEntry,
    StatusChange,
    Triage,
    Victim,
)
from app.errors import ErrorCode, NotFound
from app.store.codec import dumps, loads, opt_ts, parse_opt_ts, parse_ts, ts
from app.store.connection import Connection


@dataclass(frozen=True)
class _ConsentData:
    consent: ConsentInput
    revoked_reason: str | None = None


@dataclass(frozen=True)
class _ReferralData:
    referral: ReferralInput
    outcome: ReferralOutcome | None = None
    feedback_note: str | None = None


def case_code(conn: Connection, case_id: int) -> str:
    row = conn.execute("SELECT code FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.CASE_NOT_FOUND)
    return str(row[0])


def case_status(conn: Connection, case_id: int) -> CaseStatus:
    row = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.CASE_NOT_FOUND)
    return CaseStatus(row[0])


def code_exists(conn: Connection, code: str) -> bool:
    return conn.execute("SELECT 1 FROM cases WHERE code = ?", (code,)).fetchone() is not None


def next_number(conn: Connection, year: int) -> int:
    """Take the next number of the year's sequence; numbers only ever grow."""
    conn.execute("INSERT INTO case_counters(year, last_number) VALUES (?, 0)"
                 " ON CONFLICT(year) DO NOTHING", (year,))
    conn.execute("UPDATE case_counters SET last_number = last_number + 1 WHERE year = ?", (year,))
    return int(conn.execute("SELECT last_number FROM case_counters WHERE year = ?",
                            (year,)).fetchone()[0])


def insert_case(conn: Connection, *, code: str, year: int, number: int, now: datetime,
                user_id: int, intake: Intake) -> int:
    cursor = conn.execute(
        "INSERT INTO cases(code, year, number, status, created_at, updated_at, created_by,"
        " assigned_to, received_at, priority, reception, incident, triage, needs)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (code, year, number, CaseStatus.DRAF.value, ts(now), ts(now), user_id, user_id,
         ts(intake.reception.received_at), _priority(intake), dumps(intake.reception),
         dumps(intake.incident), dumps(intake.triage), dumps(intake.needs)),
    )
    case_id = int(cursor.lastrowid)
    _write_persons(conn, case_id, intake)
    return case_id


def _priority(intake: Intake) -> str | None:
    priority = intake.triage.priority
    return None if priority is None else priority.value


def write_intake(conn: Connection, case_id: int, intake: Intake, now: datetime) -> None:
    conn.execute(
        "UPDATE cases SET updated_at = ?, received_at = ?, priority = ?, reception = ?,"
        " incident = ?, triage = ?, needs = ? WHERE id = ?",
        (ts(now), ts(intake.reception.received_at), _priority(intake), dumps(intake.reception),
         dumps(intake.incident), dumps(intake.triage), dumps(intake.needs), case_id),
    )
    conn.execute("DELETE FROM persons WHERE case_id = ?", (case_id,))
    _write_persons(conn, case_id, intake)


def _write_persons(conn: Connection, case_id: int, intake: Intake) -> None:
    rows: list[tuple[int, str, int, str]] = [
        (case_id, "pelapor", 0, dumps(intake.reporter)),
        (case_id, "korban", 0, dumps(intake.victim)),
    ]
    rows += [(case_id, "terlapor", index, dumps(person))
             for index, person in enumerate(intake.perpetrators)]
    conn.executemany("INSERT INTO persons(case_id, role, position, data) VALUES (?, ?, ?, ?)",
                     rows)


def touch(conn: Connection, case_id: int, now: datetime) -> None:
    conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (ts(now), case_id))


def set_status(conn: Connection, case_id: int, source: CaseStatus | None, target: CaseStatus,
               now: datetime, user_id: int, reason: str | None) -> None:
    conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                 (target.value, ts(now), case_id))
    conn.execute("INSERT INTO status_history(case_id, from_status, to_status, at, by_user,"
                 " reason) VALUES (?, ?, ?, ?, ?, ?)",
                 (case_id, None if source is None else source.value, target.value, ts(now),
                  user_id, reason))


def set_closure(conn: Connection, case_id: int, closure: Closure | None) -> None:
    conn.execute("UPDATE cases SET closure = ? WHERE id = ?",
                 (None if closure is None else dumps(closure), case_id))


def set_assignee(conn: Connection, case_id: int, user_id: int, now: datetime) -> None:
    conn.execute("UPDATE cases SET assigned_to = ?, updated_at = ? WHERE id = ?",
                 (user_id, ts(now), case_id))


def set_restrictions(conn: Connection, case_id: int, user_ids: frozenset[int]) -> None:
    conn.execute("DELETE FROM case_restrictions WHERE case_id = ?", (case_id,))
    conn.executemany("INSERT INTO case_restrictions(case_id, user_id) VALUES (?, ?)",
                     [(case_id, uid) for uid in sorted(user_ids)])


def insert_consent(conn: Connection, case_id: int, consent: ConsentInput, now: datetime,
                   user_id: int) -> int:
    cursor = conn.execute(
        "INSERT INTO consents(case_id, purpose, recipient, outcome, recorded_at, recorded_by,"
        " data) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, consent.purpose.value, consent.recipient, consent.outcome.value, ts(now),
         user_id, dumps(_ConsentData(consent))),
    )
    return int(cursor.lastrowid)


def revoke_consent(conn: Connection, consent_id: int, consent: ConsentInput, reason: str | None,
                   now: datetime, user_id: int) -> None:
    conn.execute("UPDATE consents SET revoked_at = ?, revoked_by = ?, data = ? WHERE id = ?",
                 (ts(now), user_id, dumps(_ConsentData(consent, reason)), consent_id))


def consent_case(conn: Connection, consent_id: int) -> int | None:
    row = conn.execute("SELECT case_id FROM consents WHERE id = ?", (consent_id,)).fetchone()
    return None if row is None else int(row[0])


def insert_referral(conn: Connection, case_id: int, referral: ReferralInput, sent_at: datetime,
                    due_at: datetime, user_id: int, consent_id: int | None) -> int:
    cursor = conn.execute(
        "INSERT INTO referrals(case_id, kind, recipient, priority, sent_at, due_at, consent_id,"
        " created_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, referral.kind.value, referral.recipient,
         (referral.priority or Priority.BIASA).value, ts(sent_at),
         ts(due_at), consent_id, user_id, dumps(_ReferralData(referral))),
    )
    return int(cursor.lastrowid)


def referral_case(conn: Connection, referral_id: int) -> int | None:
    row = conn.execute("SELECT case_id FROM referrals WHERE id = ?", (referral_id,)).fetchone()
    return None if row is None else int(row[0])


def record_feedback(conn: Connection, referral: Referral, at: datetime,
                    outcome: ReferralOutcome, note: str | None) -> None:
    data = _ReferralData(referral.referral, outcome, note)
    conn.execute("UPDATE referrals SET feedback_at = ?, data = ? WHERE id = ?",
                 (ts(at), dumps(data), referral.id))


def confirm_police_report(conn: Connection, referral_id: int, at: datetime) -> None:
    conn.execute("UPDATE referrals SET police_report_confirmed_at = ? WHERE id = ?",
                 (ts(at), referral_id))


def insert_follow_up(conn: Connection, case_id: int, at: datetime, user_id: int,
                     kind: FollowUpKind, note: str) -> int:
    cursor = conn.execute("INSERT INTO follow_ups(case_id, at, officer_id, kind, note)"
                          " VALUES (?, ?, ?, ?, ?)", (case_id, ts(at), user_id, kind.value, note))
    return int(cursor.lastrowid)


def upsert_right(conn: Connection, case_id: int, entry: RightEntry) -> None:
    conn.execute(
        "INSERT INTO rights(case_id, item, status, at, officer_id, note) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(case_id, item) DO UPDATE SET status = excluded.status, at = excluded.at,"
        " officer_id = excluded.officer_id, note = excluded.note",
        (case_id, entry.right.value, entry.status.value, ts(entry.at), entry.officer_id,
         entry.note),
    )


# --- reading -------------------------------------------------------------------------------

def load_intake(conn: Connection, case_id: int) -> Intake:
    row = conn.execute("SELECT reception, incident, triage, needs FROM cases WHERE id = ?",
                       (case_id,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.CASE_NOT_FOUND)
    reporter, victim, perpetrators = _load_persons(conn, case_id)
    return Intake(reception=loads(row[0], Reception), reporter=reporter, victim=victim,
                  perpetrators=perpetrators, incident=loads(row[1], Incident),
                  triage=loads(row[2], Triage), needs=loads(row[3], Needs))


def _load_persons(conn: Connection, case_id: int
                  ) -> tuple[Reporter, Victim, tuple[Perpetrator, ...]]:
    reporter, victim = Reporter(), Victim()
    perpetrators: list[Perpetrator] = []
    for role, data in conn.execute("SELECT role, data FROM persons WHERE case_id = ?"
                                   " ORDER BY role, position", (case_id,)):
        if role == "pelapor":
            reporter = loads(data, Reporter)
        elif role == "korban":
            victim = loads(data, Victim)
        else:
            perpetrators.append(loads(data, Perpetrator))
    return reporter, victim, tuple(perpetrators)


def load_consents(conn: Connection, case_id: int) -> tuple[ConsentRecord, ...]:
    rows = conn.execute("SELECT id, recorded_at, recorded_by, revoked_at, revoked_by, data"
                        " FROM consents WHERE case_id = ? ORDER BY id", (case_id,))
    result = []
    for cid, recorded_at, recorded_by, revoked_at, revoked_by, data in rows:
        stored = loads(data, _ConsentData)
        result.append(ConsentRecord(cid, stored.consent, parse_ts(recorded_at), recorded_by,
                                    parse_opt_ts(revoked_at), revoked_by, stored.revoked_reason))
    return tuple(result)


def load_referrals(conn: Connection, case_id: int) -> tuple[Referral, ...]:
    rows = conn.execute("SELECT r.id, r.sent_at, r.due_at, r.created_by, r.consent_id,"
                        " r.feedback_at, r.police_report_confirmed_at, r.data, n.number_text"
                        " FROM referrals r LEFT JOIN letter_numbers n ON n.referral_id = r.id"
                        " WHERE r.case_id = ? ORDER BY r.id", (case_id,))
    return tuple(_referral(row) for row in rows)


def _referral(row: tuple[object, ...]) -> Referral:
    rid, sent_at, due_at, created_by, consent_id, feedback_at, police_at, data, number = row
    stored = loads(str(data), _ReferralData)
    return Referral(id=int(str(rid)), referral=stored.referral, sent_at=parse_ts(str(sent_at)),
                    due_at=parse_ts(str(due_at)), created_by=int(str(created_by)),
                    consent_id=None if consent_id is None else int(str(consent_id)),
                    feedback_at=parse_opt_ts(None if feedback_at is None else str(feedback_at)),
                    outcome=stored.outcome, feedback_note=stored.feedback_note,
                    police_report_confirmed_at=parse_opt_ts(
                        None if police_at is None else str(police_at)),
                    letter_number=None if number is None else str(number))


def referrals_for_cases(conn: Connection, case_ids: list[int]) -> dict[int, list[Referral]]:
    """Referrals of many cases at once (lists and deadline queries)."""
    result: dict[int, list[Referral]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT r.case_id, r.id, r.sent_at, r.due_at, r.created_by, r.consent_id,"
            " r.feedback_at, r.police_report_confirmed_at, r.data, n.number_text FROM referrals r"
            " LEFT JOIN letter_numbers n ON n.referral_id = r.id"
            f" WHERE r.case_id IN ({marks}) ORDER BY r.id", chunk)
        for row in rows:
            result.setdefault(int(row[0]), []).append(_referral(row[1:]))
    return result


def load_case(conn: Connection, case_id: int) -> Case:
    row = conn.execute("SELECT code, status, created_at, updated_at, created_by, assigned_to,"
                       " closure FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.CASE_NOT_FOUND)
    code, status, created_at, updated_at, created_by, assigned_to, closure = row
    return Case(
        id=case_id, code=code, status=CaseStatus(status), created_at=parse_ts(created_at),
        updated_at=parse_ts(updated_at), created_by=created_by, assigned_to=assigned_to,
        intake=load_intake(conn, case_id), consents=load_consents(conn, case_id),
        referrals=load_referrals(conn, case_id), follow_ups=_load_follow_ups(conn, case_id),
        rights=_load_rights(conn, case_id),
        closure=None if closure is None else loads(closure, Closure),
        history=_load_history(conn, case_id), restricted_from=restrictions(conn, case_id),
    )


def _load_follow_ups(conn: Connection, case_id: int) -> tuple[FollowUp, ...]:
    rows = conn.execute("SELECT id, at, officer_id, kind, note FROM follow_ups WHERE case_id = ?"
                        " ORDER BY at, id", (case_id,))
    return tuple(FollowUp(fid, parse_ts(at), officer, FollowUpKind(kind), note)
                 for fid, at, officer, kind, note in rows)


def _load_rights(conn: Connection, case_id: int) -> tuple[RightEntry, ...]:
    rows = conn.execute("SELECT item, status, at, officer_id, note FROM rights WHERE case_id = ?"
                        " ORDER BY item", (case_id,))
    return tuple(RightEntry(VictimRight(item), RightStatus(status), parse_ts(at), officer, note)
                 for item, status, at, officer, note in rows)


def _load_history(conn: Connection, case_id: int) -> tuple[StatusChange, ...]:
    rows = conn.execute("SELECT from_status, to_status, at, by_user, reason FROM status_history"
                        " WHERE case_id = ? ORDER BY id", (case_id,))
    return tuple(StatusChange(None if src is None else CaseStatus(src), CaseStatus(dst),
                              parse_ts(at), by_user, reason)
                 for src, dst, at, by_user, reason in rows)


def restrictions(conn: Connection, case_id: int) -> frozenset[int]:
    rows = conn.execute("SELECT user_id FROM case_restrictions WHERE case_id = ?", (case_id,))
    return frozenset(int(r[0]) for r in rows)


def consent_exists(conn: Connection, case_id: int, purpose: ConsentPurpose) -> bool:
    return conn.execute("SELECT 1 FROM consents WHERE case_id = ? AND purpose = ?"
                        " AND revoked_at IS NULL", (case_id, purpose.value)).fetchone() is not None


def opt_ts_text(moment: datetime | None) -> str | None:
    return opt_ts(moment)


def add_field_history(conn: Connection, case_id: int, changes: list[tuple[str, str]],
                      now: datetime, user_id: int) -> None:
    conn.executemany("INSERT INTO field_history(case_id, field, old_value, changed_at,"
                     " changed_by) VALUES (?, ?, ?, ?, ?)",
                     [(case_id, field, old, ts(now), user_id) for field, old in changes])


def field_history(conn: Connection, case_id: int) -> list[FieldChange]:
    rows = conn.execute("SELECT field, old_value, changed_at, changed_by FROM field_history"
                        " WHERE case_id = ? ORDER BY changed_at DESC, id DESC", (case_id,))
    return [FieldChange(field, old, parse_ts(at), by) for field, old, at, by in rows]
