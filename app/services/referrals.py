"""Consent, referral and escalation, feedback (DOMAIN.md §5.7, §2.2).

No referral or escalation letter leaves without a valid consent for that recipient: given,
partial, by the guardian, or a koordinator override with a written reason (the Primero rule
``consent_given_or_overridden``). A child's consent is given by a parent or guardian
(UU PDP Pasal 25) — or, when the guardian may be the perpetrator, by a best-interest override.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.domain import deadlines as clocks
from app.domain import validation
from app.domain import workflow as rules
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    Priority,
    RecipientKind,
    ReferralKind,
    ReferralOutcome,
)
from app.domain.models import Case, ConsentInput, ConsentRecord, ReferralInput
from app.domain.settings import OfficeSettings
from app.errors import ErrorCode, FieldError, NotFound, ValidationError, WorkflowError
from app.services import letters
from app.services import settings as settings_store
from app.services.access import Action, require_case, role_allows
from app.services.context import Context
from app.services.guards import ensure_writable
from app.store import case_repo
from app.store.tx import write_transaction

#: Outcomes that allow disclosure.
DISCLOSING = frozenset({ConsentOutcome.DIBERIKAN, ConsentOutcome.SEBAGIAN, ConsentOutcome.WALI,
                        ConsentOutcome.OVERRIDE})


def allowed_items(record: ConsentRecord) -> frozenset[DataItem]:
    """Items the letter may print: all when given in full, else the ones listed."""
    outcome = record.consent.outcome
    if outcome not in DISCLOSING:
        return frozenset()
    if outcome is ConsentOutcome.SEBAGIAN or record.consent.data_items:
        return record.consent.data_items
    return frozenset(DataItem)


def valid_consent(case: Case, purpose: ConsentPurpose, recipient: str | None,
                  moment: datetime) -> ConsentRecord | None:
    """The newest consent for that purpose and recipient that still allows disclosure."""
    for record in reversed(case.consents):
        consent = record.consent
        if consent.purpose is purpose and consent.recipient == recipient:
            if record.valid_on(moment) and consent.outcome in DISCLOSING:
                return record
            return None  # the newest decision wins, even a refusal
    return None


class ReferralService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def record_consent(self, case_id: int, consent: ConsentInput) -> int:
        ctx = self._ctx
        code = require_case(ctx, Action.CONSENT_RECORD, case_id)
        cleaned = validation.clean(consent, ConsentInput)
        # The role decides before the content: an incomplete override attempt is still denied.
        if cleaned.outcome is ConsentOutcome.OVERRIDE and not role_allows(
                ctx.user.role, Action.CONSENT_OVERRIDE):
            require_case(ctx, Action.CONSENT_OVERRIDE, case_id)
        ensure_writable(ctx.conn, case_id)
        case = case_repo.load_case(ctx.conn, case_id)
        office = settings_store.load(ctx.conn)
        validation.check(_consent_rules(cleaned, case, office, ctx.clock.now()))
        with write_transaction(ctx.conn):
            consent_id = case_repo.insert_consent(ctx.conn, case_id, cleaned, ctx.clock.now(),
                                                  ctx.user.id)
            ctx.audit.append("consent.record", actor=ctx.user.id, case_code=code,
                             detail={"purpose": cleaned.purpose.value,
                                     "outcome": cleaned.outcome.value,
                                     "recipient": cleaned.recipient})
        return consent_id

    def revoke_consent(self, consent_id: int, reason: str | None = None) -> None:
        """Revocation blocks new disclosures; letters already handed over stay handed over."""
        ctx = self._ctx
        case_id = case_repo.consent_case(ctx.conn, consent_id)
        if case_id is None:
            raise NotFound(ErrorCode.CONSENT_NOT_FOUND)
        code = require_case(ctx, Action.CONSENT_RECORD, case_id)
        text = validation.clean_single(reason, "reason", multiline=True,
                                       limit=validation.LONG_TEXT)
        record = next(r for r in case_repo.load_consents(ctx.conn, case_id) if r.id == consent_id)
        if record.revoked_at is not None:
            return
        with write_transaction(ctx.conn):
            case_repo.revoke_consent(ctx.conn, consent_id, record.consent, text, ctx.clock.now(),
                                     ctx.user.id)
            ctx.audit.append("consent.revoke", actor=ctx.user.id, case_code=code,
                             detail={"purpose": record.consent.purpose.value,
                                     "recipient": record.consent.recipient})

    def refer(self, case_id: int, referral: ReferralInput) -> int:
        """Register a referral (or escalation) handed over now; starts its feedback clock.

        Raises:
            WorkflowError: ``CONSENT_REQUIRED`` (with ``recipient``), ``ILLEGAL_TRANSITION``.
            ValidationError: unknown or inactive recipient, kind not matching the recipient.
        """
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_REFER, case_id)
        case = case_repo.load_case(ctx.conn, case_id)
        cleaned, target, consent_id = self._checked_referral(case, referral)
        priority = cleaned.priority or Priority.BIASA
        now = ctx.clock.now()
        with write_transaction(ctx.conn):
            referral_id = case_repo.insert_referral(
                ctx.conn, case_id, cleaned, now, clocks.feedback_due(now, priority),
                ctx.user.id, consent_id)
            if case.status is not target:
                case_repo.set_status(ctx.conn, case_id, case.status, target, now, ctx.user.id,
                                     None)
            if cleaned.letter_number is not None:  # the number the administration gave
                letters.issue(ctx.conn, ctx.audit, settings_store.load(ctx.conn),
                              referral_id=referral_id, case_id=case_id, case_code=code,
                              kind=cleaned.kind.value, now=now, user_id=ctx.user.id,
                              manual=cleaned.letter_number)
            ctx.audit.append("case.refer", actor=ctx.user.id, case_code=code,
                             detail={"recipient": cleaned.recipient, "kind": cleaned.kind.value,
                                     "priority": priority.value,
                                     "from": case.status.value, "to": target.value})
        return referral_id

    def _checked_referral(self, case: Case, referral: ReferralInput
                          ) -> tuple[ReferralInput, CaseStatus, int]:
        """The cleaned referral (priority filled in), its target status and its consent id."""
        cleaned = validation.clean(referral, ReferralInput)
        if cleaned.letter_number is not None:
            cleaned = replace(cleaned, letter_number=letters.clean_manual(cleaned.letter_number))
        if cleaned.priority is None:
            cleaned = replace(cleaned, priority=case.intake.triage.priority or Priority.BIASA)
        office = settings_store.load(self._ctx.conn)
        _check_recipient(cleaned, office)
        target = (CaseStatus.DITERUSKAN if cleaned.kind is ReferralKind.PENERUSAN
                  else CaseStatus.DIRUJUK)
        if case.status is not target and not rules.is_legal(case.status, target):
            raise WorkflowError(ErrorCode.ILLEGAL_TRANSITION, source=case.status.value,
                                target=target.value)
        # Expiry is an office-local date.
        local_now = self._ctx.clock.now().astimezone(clocks.zone(office.timezone))
        consent = valid_consent(case, ConsentPurpose.RUJUKAN, cleaned.recipient, local_now)
        if consent is None:
            raise WorkflowError(ErrorCode.CONSENT_REQUIRED, recipient=cleaned.recipient)
        return cleaned, target, consent.id

    def record_feedback(self, referral_id: int, outcome: ReferralOutcome,
                        note: str | None = None) -> None:
        """The returned slip (lembar umpan balik); a referred case moves to pemantauan."""
        ctx = self._ctx
        case_id, code = self._referral_case(referral_id)
        if not isinstance(outcome, ReferralOutcome):
            raise ValidationError.single("outcome", "required")
        text = validation.clean_single(note, "note", multiline=True, limit=validation.LONG_TEXT)
        ensure_writable(ctx.conn, case_id)
        referral = next(r for r in case_repo.load_referrals(ctx.conn, case_id)
                        if r.id == referral_id)
        status = case_repo.case_status(ctx.conn, case_id)
        now = ctx.clock.now()
        with write_transaction(ctx.conn):
            case_repo.record_feedback(ctx.conn, referral, now, outcome, text)
            if status in (CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN):
                case_repo.set_status(ctx.conn, case_id, status, CaseStatus.PEMANTAUAN, now,
                                     ctx.user.id, None)
            ctx.audit.append("case.feedback", actor=ctx.user.id, case_code=code,
                             detail={"referral_id": referral_id, "outcome": outcome.value})

    def confirm_police_report(self, referral_id: int) -> None:
        """Dinsos P3A / UPTD PPA confirmed its UU TPKS Pasal 41 report to the police."""
        ctx = self._ctx
        case_id, code = self._referral_case(referral_id)
        ensure_writable(ctx.conn, case_id)
        with write_transaction(ctx.conn):
            case_repo.confirm_police_report(ctx.conn, referral_id, ctx.clock.now())
            ctx.audit.append("case.police_report_confirmed", actor=ctx.user.id, case_code=code,
                             detail={"referral_id": referral_id})

    def _referral_case(self, referral_id: int) -> tuple[int, str]:
        case_id = case_repo.referral_case(self._ctx.conn, referral_id)
        if case_id is None:
            raise NotFound(ErrorCode.REFERRAL_NOT_FOUND)
        return case_id, require_case(self._ctx, Action.CASE_REFER, case_id)


def _check_recipient(referral: ReferralInput, office: OfficeSettings) -> None:
    recipient = office.recipient(referral.recipient)
    if recipient is None or not recipient.active:
        raise ValidationError.single("recipient", ErrorCode.RECIPIENT_UNKNOWN.value)
    escalation = recipient.kind is RecipientKind.SATGAS_KPU_PROVINSI
    if escalation != (referral.kind is ReferralKind.PENERUSAN):
        raise ValidationError.single("kind", "kind_recipient_mismatch")


def _consent_rules(consent: ConsentInput, case: Case, office: OfficeSettings,
                   now: datetime) -> list[FieldError | None]:
    tz = clocks.zone(office.timezone)
    child = rules.victim_is_child(case, tz)
    today = now.astimezone(tz).date()
    outcome = consent.outcome
    needs_recipient = consent.purpose is ConsentPurpose.RUJUKAN
    return [
        FieldError("recipient", "required") if needs_recipient and not consent.recipient
        else None,
        FieldError("recipient", ErrorCode.RECIPIENT_UNKNOWN.value)
        if consent.recipient and office.recipient(consent.recipient) is None else None,
        FieldError("outcome", "child_needs_guardian")
        if child and outcome in (ConsentOutcome.DIBERIKAN, ConsentOutcome.SEBAGIAN) else None,
        FieldError("guardian_name", "required")
        if outcome is ConsentOutcome.WALI and not consent.guardian_name else None,
        FieldError("guardian_relation", "required")
        if outcome is ConsentOutcome.WALI and not consent.guardian_relation else None,
        FieldError("override_reason", "required")
        if outcome is ConsentOutcome.OVERRIDE and not consent.override_reason else None,
        FieldError("data_items", "required")
        if outcome is ConsentOutcome.SEBAGIAN and not consent.data_items else None,
        FieldError("expires_on", "date_range")
        if consent.expires_on is not None and consent.expires_on < today else None,
    ]
