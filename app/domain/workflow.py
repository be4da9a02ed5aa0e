"""The case state machine as data (DOMAIN.md §6), tested exhaustively.

Moves not in :data:`TRANSITIONS` are illegal. Some legal moves have preconditions checked by
:func:`precondition`; the services add the role and consent checks. Referral and escalation
moves are only made by the referral action (which needs consent), closing only by the closing
action (which needs a reason and the starred rights), so :data:`ACTION_ONLY` lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, tzinfo

from app.domain import taxonomy
from app.domain.enums import CaseStatus, VictimRight
from app.domain.models import Case, Intake

S = CaseStatus

_ACTIVE = (S.DITERIMA, S.ASESMEN, S.DIRUJUK, S.DITERUSKAN, S.LAYANAN_INTERNAL, S.PEMANTAUAN)

TRANSITIONS: frozenset[tuple[CaseStatus, CaseStatus]] = frozenset({
    (S.DRAF, S.DITERIMA),
    (S.DITERIMA, S.ASESMEN),
    (S.ASESMEN, S.DIRUJUK),
    (S.ASESMEN, S.DITERUSKAN),
    (S.ASESMEN, S.LAYANAN_INTERNAL),
    (S.DIRUJUK, S.DITERUSKAN),       # an insider case may take both letters
    (S.DITERUSKAN, S.DIRUJUK),
    (S.LAYANAN_INTERNAL, S.DIRUJUK),  # the survivor changed her mind
    (S.DIRUJUK, S.PEMANTAUAN),
    (S.DITERUSKAN, S.PEMANTAUAN),
    (S.LAYANAN_INTERNAL, S.PEMANTAUAN),
    (S.PEMANTAUAN, S.DIRUJUK),        # a further referral during follow-up
    (S.PEMANTAUAN, S.DITERUSKAN),
    (S.DRAF, S.DITUTUP),              # e.g. a duplicate opened by mistake
    *((active, S.DITUTUP) for active in _ACTIVE),
    (S.DITUTUP, S.DIARSIPKAN),
    (S.DITUTUP, S.ASESMEN),           # reopen
    (S.DIARSIPKAN, S.ASESMEN),        # reopen
})

#: Targets reachable only through their own action (refer / escalate / close / reopen).
ACTION_ONLY: Mapping[CaseStatus, str] = {
    S.DIRUJUK: "refer",
    S.DITERUSKAN: "refer",
    S.DITUTUP: "close",
}

REOPEN_FROM = frozenset({S.DITUTUP, S.DIARSIPKAN})
READ_ONLY = frozenset({S.DITUTUP, S.DIARSIPKAN})
CLOSED = frozenset({S.DITUTUP, S.DIARSIPKAN})

#: Rights that must be recorded (in any status) before a case can close (DOMAIN.md §3.3 ★).
STARRED_RIGHTS: frozenset[VictimRight] = frozenset({
    VictimRight.INFORMASI_PROSES,
    VictimRight.DOKUMEN_HASIL,
    VictimRight.INFORMASI_PELINDUNGAN,
    VictimRight.KERAHASIAAN_IDENTITAS,
})


def is_legal(source: CaseStatus, target: CaseStatus) -> bool:
    return (source, target) in TRANSITIONS


def allowed_targets(source: CaseStatus) -> frozenset[CaseStatus]:
    return frozenset(target for (start, target) in TRANSITIONS if start == source)


def minimum_intake_missing(intake: Intake) -> list[str]:
    """What a draft still lacks before it can be received: a victim record and a description."""
    missing = []
    victim = intake.victim
    if not (victim.full_name or victim.alias or victim.sex or victim.age_years is not None
            or victim.birth_date):
        missing.append("victim")
    incident = intake.incident
    if not (incident.chronology or incident.tpks_types):
        missing.append("incident")
    return missing


def precondition(case: Case, target: CaseStatus, today: date) -> list[str]:
    """Unmet preconditions of a move (empty = may proceed). Names are codes, not sentences."""
    if target is S.DITERIMA and case.status is S.DRAF:
        return minimum_intake_missing(case.intake)
    if target is S.ASESMEN and case.status is S.DITERIMA:
        return [] if case.intake.triage.priority is not None else ["priority"]
    if target is S.PEMANTAUAN and case.status in (S.DIRUJUK, S.DITERUSKAN):
        return [] if case.referrals else ["referral"]
    return []


def missing_rights(case: Case) -> frozenset[VictimRight]:
    return STARRED_RIGHTS - {entry.right for entry in case.rights}


def victim_is_child(case: Case, tz: tzinfo | None = None) -> bool:
    """Under 18 on the reception date (in the office's zone ``tz``).

    With no birth date and no age recorded, the officer's triage flag decides.
    """
    received = case.intake.reception.received_at
    on = received.astimezone(tz).date() if tz is not None else received.date()
    if taxonomy.victim_age(case.intake.victim, on) is None:
        return case.intake.triage.child is True
    return taxonomy.is_child(case.intake.victim, on)
