"""Which actions a case allows right now, and why not: pure functions of the case data.

Kept free of Qt so the decisions are plain to test; the widgets turn the reason codes into
Indonesian tooltips. The core checks everything again (the UI only avoids offering moves that
would be refused).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain import workflow
from app.domain.deadlines import case_deadlines, zone
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    RecipientKind,
    ReferralKind,
)
from app.domain.models import Case, ConsentRecord, Deadline
from app.domain.settings import OfficeSettings, Recipient
from app.services.referrals import valid_consent

REFERRAL_TARGETS = {ReferralKind.RUJUKAN: CaseStatus.DIRUJUK,
                    ReferralKind.PENERUSAN: CaseStatus.DITERUSKAN}


class CaseAction(StrEnum):
    STATUS = "status"
    REFER = "refer"
    CONSENT = "consent"
    FOLLOW_UP = "follow_up"
    ATTACHMENT = "attachment"
    EDIT_INTAKE = "edit_intake"
    PRINT = "print"
    CLOSE = "close"
    REOPEN = "reopen"
    ARCHIVE = "archive"
    ASSIGN = "assign"
    RESTRICT = "restrict"


class Blocked(StrEnum):
    """Why an action is not offered now (mapped to a tooltip)."""

    READ_ONLY = "read_only"
    KOORDINATOR_ONLY = "koordinator_only"
    NO_PLAIN_MOVE = "no_plain_move"
    REFER_NOT_YET = "refer_not_yet"
    NOT_CLOSABLE = "not_closable"
    NOT_CLOSED = "not_closed"
    NOT_REOPENABLE = "not_reopenable"


#: Actions only a koordinator may take (DOMAIN.md §8).
KOORDINATOR_ACTIONS = frozenset({CaseAction.CLOSE, CaseAction.REOPEN, CaseAction.ARCHIVE,
                                 CaseAction.ASSIGN, CaseAction.RESTRICT})
#: Actions that change a case's content, so a closed or archived case refuses them.
WRITING_ACTIONS = frozenset({CaseAction.STATUS, CaseAction.REFER, CaseAction.CONSENT,
                             CaseAction.FOLLOW_UP, CaseAction.ATTACHMENT,
                             CaseAction.EDIT_INTAKE})


def plain_moves(status: CaseStatus) -> frozenset[CaseStatus]:
    """Targets the "Ubah status" dialog may offer: legal, not owned by another action."""
    if status in workflow.REOPEN_FROM:
        return frozenset()
    return workflow.allowed_targets(status) - frozenset(workflow.ACTION_ONLY)


def referral_kinds(status: CaseStatus) -> frozenset[ReferralKind]:
    """Letters that may go out from this status (a case already referred may refer again)."""
    return frozenset(kind for kind, target in REFERRAL_TARGETS.items()
                     if status is target or workflow.is_legal(status, target))


def kind_for(recipient: Recipient) -> ReferralKind:
    """Satgas KPU Provinsi receives a forwarding letter; everyone else a referral."""
    if recipient.kind is RecipientKind.SATGAS_KPU_PROVINSI:
        return ReferralKind.PENERUSAN
    return ReferralKind.RUJUKAN


def referral_recipients(settings: OfficeSettings, status: CaseStatus) -> list[Recipient]:
    """Active directory entries whose letter kind is allowed from this status."""
    kinds = referral_kinds(status)
    return [r for r in settings.directory if r.active and kind_for(r) in kinds]


def blocked(action: CaseAction, status: CaseStatus, koordinator: bool) -> Blocked | None:
    """``None`` when the action may be offered, else the reason it may not.

    Printing is offered in every status (a closed case's documents are still handed over);
    the core refuses it for a restricted officer.
    """
    if action in KOORDINATOR_ACTIONS and not koordinator:
        return Blocked.KOORDINATOR_ONLY
    if action in WRITING_ACTIONS and status in workflow.READ_ONLY:
        return Blocked.READ_ONLY
    return _status_block(action, status)


def _status_block(action: CaseAction, status: CaseStatus) -> Blocked | None:
    if action is CaseAction.STATUS and not plain_moves(status):
        return Blocked.NO_PLAIN_MOVE
    if action is CaseAction.REFER and not referral_kinds(status):
        return Blocked.REFER_NOT_YET
    if action is CaseAction.CLOSE and not workflow.is_legal(status, CaseStatus.DITUTUP):
        return Blocked.NOT_CLOSABLE
    if action is CaseAction.REOPEN and status not in workflow.REOPEN_FROM:
        return Blocked.NOT_REOPENABLE
    if action is CaseAction.ARCHIVE and not workflow.is_legal(status, CaseStatus.DIARSIPKAN):
        return Blocked.NOT_CLOSED
    return None


class ConsentGap(StrEnum):
    """Why no valid referral consent exists for a recipient."""

    NONE_RECORDED = "none_recorded"
    REFUSED = "refused"
    REVOKED = "revoked"
    EXPIRED = "expired"


@dataclass(frozen=True)
class ConsentBlock:
    gap: ConsentGap
    record: ConsentRecord | None = None


def consent_block(case: Case, recipient: str, moment: datetime) -> ConsentBlock | None:
    """``None`` when a referral to ``recipient`` is covered by consent, else why not.

    ``moment`` is office-local time: consent expiry is an office date.
    """
    if valid_consent(case, ConsentPurpose.RUJUKAN, recipient, moment) is not None:
        return None
    newest = next((r for r in reversed(case.consents)
                   if r.consent.purpose is ConsentPurpose.RUJUKAN
                   and r.consent.recipient == recipient), None)
    if newest is None:
        return ConsentBlock(ConsentGap.NONE_RECORDED)
    if newest.revoked_at is not None:
        return ConsentBlock(ConsentGap.REVOKED, newest)
    if newest.consent.outcome is ConsentOutcome.DITOLAK:
        return ConsentBlock(ConsentGap.REFUSED, newest)
    return ConsentBlock(ConsentGap.EXPIRED, newest)


def is_insider(case: Case) -> bool:
    """An alleged perpetrator within the institution, or the officer marked it so at triage."""
    return case.intake.triage.insider is True or any(p.insider for p in case.intake.perpetrators)


def is_child(case: Case, settings: OfficeSettings) -> bool:
    return workflow.victim_is_child(case, zone(settings.timezone))


def open_deadlines(case: Case, settings: OfficeSettings) -> list[Deadline]:
    """Clocks still running, soonest first; a closed case has none (as in the case list)."""
    if case.status in workflow.CLOSED:
        return []
    items = case_deadlines(case.id, case.code, case.intake, case.referrals,
                           settings.pasal41_recipients(), zone(settings.timezone))
    return sorted((d for d in items if not d.met), key=lambda d: d.due_at)
