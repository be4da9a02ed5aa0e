"""Jobs for the DB thread used by the case-detail page and its dialogs.

Each factory returns ``job(backend)``, which runs in the DB-owner thread and returns plain data
(STYLE.md §3). None of them touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    FollowUpKind,
    ReferralOutcome,
    RightStatus,
    VictimRight,
)
from app.domain.models import AttachmentInfo, Case, ConsentInput, ReferralInput
from ui.backend import Backend
from ui.case_detail.data import CaseView

Job = Callable[[Backend], Any]


def load(case_id: int, with_history: bool) -> Callable[[Backend], CaseView]:
    """The whole case (opening is audited by the core) and what the screen needs around it."""
    def job(backend: Backend) -> CaseView:
        session = backend.require()
        case = session.cases.get(case_id)
        history = tuple(session.cases.history(case_id)) if with_history else None
        return CaseView(case=case, directory=tuple(session.users.directory()),
                        attachments=tuple(session.attachments.for_case(case_id)),
                        history=history, now=session.now())
    return job


def fetch_case(case_id: int) -> Callable[[Backend], Case]:
    def job(backend: Backend) -> Case:
        return backend.require().cases.get(case_id)
    return job


def transition(case_id: int, target: CaseStatus, reason: str | None) -> Job:
    def job(backend: Backend) -> None:
        backend.require().workflow.transition(case_id, target, reason)
    return job


def refer(case_id: int, referral: ReferralInput) -> Job:
    def job(backend: Backend) -> int:
        return backend.require().referrals.refer(case_id, referral)
    return job


def record_consent(case_id: int, consent: ConsentInput) -> Job:
    def job(backend: Backend) -> int:
        return backend.require().referrals.record_consent(case_id, consent)
    return job


def revoke_consent(consent_id: int, reason: str | None) -> Job:
    def job(backend: Backend) -> None:
        backend.require().referrals.revoke_consent(consent_id, reason)
    return job


def record_feedback(referral_id: int, outcome: ReferralOutcome, note: str | None) -> Job:
    def job(backend: Backend) -> None:
        backend.require().referrals.record_feedback(referral_id, outcome, note)
    return job


def confirm_police_report(referral_id: int) -> Job:
    def job(backend: Backend) -> None:
        backend.require().referrals.confirm_police_report(referral_id)
    return job


def add_follow_up(case_id: int, kind: FollowUpKind, note: str) -> Job:
    def job(backend: Backend) -> int:
        return backend.require().workflow.add_follow_up(case_id, kind, note)
    return job


def close(case_id: int, rights: Sequence[tuple[VictimRight, RightStatus]],
          reason: ClosureReason, note: str | None) -> Job:
    """Record the rights checklist first, then close (the core checks the starred rights)."""
    def job(backend: Backend) -> None:
        workflow = backend.require().workflow
        for right, status in rights:
            workflow.set_right(case_id, right, status)
        workflow.close(case_id, reason, note)
    return job


def reopen(case_id: int, reason: str) -> Job:
    def job(backend: Backend) -> None:
        backend.require().workflow.reopen(case_id, reason)
    return job


def archive(case_id: int) -> Job:
    def job(backend: Backend) -> None:
        backend.require().workflow.archive(case_id)
    return job


def restrict(case_id: int, user_ids: frozenset[int]) -> Job:
    def job(backend: Backend) -> None:
        backend.require().cases.restrict(case_id, user_ids)
    return job


def assign(case_id: int, user_id: int) -> Job:
    def job(backend: Backend) -> None:
        backend.require().cases.assign(case_id, user_id)
    return job


def add_attachment(case_id: int, filename: str, content: bytes) -> Job:
    def job(backend: Backend) -> AttachmentInfo:
        return backend.require().attachments.add(case_id, filename, content)
    return job


def read_attachment(attachment_id: int) -> Job:
    def job(backend: Backend) -> bytes:
        return backend.require().attachments.read(attachment_id)
    return job
