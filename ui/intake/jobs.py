"""Vault jobs of the intake page (run in the DB thread; they return plain data, never widgets).

Every save writes the raw form draft last, in a ``finally``: whatever the core says about the
intake, what was typed is in the vault. The case is created on the first save with just its
reception data, so a half-typed victim record can never stop the draft from being kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.enums import CaseStatus
from app.domain.models import Case, ConsentInput, Intake
from app.errors import AccessDenied, AppError, ValidationError, WorkflowError
from app.services.drafts import FormDraft
from app.services.session import Session
from ui.backend import Backend
from ui.intake.consent_mapping import (
    RECORDED,
    ConsentSlot,
    fingerprint,
    recorded_from_raw,
    recorded_to_raw,
)
from ui.intake.form_state import RawForm


@dataclass
class CaseHolder:
    """The intake's case, filled in by the job that creates it.

    Shared with later jobs: they run in order in the DB thread, so a save queued while the
    creating job is still running (a lock right after leaving step 1) finds the new case.
    """

    case_id: int | None = None
    code: str | None = None


@dataclass
class ConsentFailure:
    slot: ConsentSlot
    error: AppError


@dataclass
class Saved:
    case_id: int | None
    code: str | None
    #: The intake this save belongs to (the page may have started another one meanwhile).
    holder: CaseHolder | None = None
    created: bool = False
    error: ValidationError | None = None
    consent_failure: ConsentFailure | None = None
    recorded: dict[str, str] = field(default_factory=dict)


@dataclass
class Finished:
    saved: Saved
    workflow_error: WorkflowError | None = None
    done: bool = False


@dataclass(frozen=True)
class Loaded:
    case: Case
    draft: FormDraft | None


Pending = Sequence[tuple[ConsentSlot, ConsentInput]]


def office_now(backend: Backend) -> datetime:
    """The vault's clock (the office's "now"), for the default reception time."""
    return backend.vault.clock.now()


def load_case(case_id: int) -> Callable[[Backend], Loaded]:
    def job(backend: Backend) -> Loaded:
        session = backend.require()
        return Loaded(session.cases.get(case_id), session.drafts.load(case_id))

    return job


def _ensure_case(session: Session, holder: CaseHolder, intake: Intake | None) -> Saved | None:
    """Create the case on first save (reception only); ``None`` when there is none yet."""
    if holder.case_id is None:
        if intake is None:
            return None
        ref = session.cases.create(Intake(reception=intake.reception))
        holder.case_id, holder.code = ref.id, ref.code
        return Saved(ref.id, ref.code, holder, created=True)
    return Saved(holder.case_id, holder.code, holder)


def _record(session: Session, case_id: int, pending: Pending, result: Saved) -> None:
    """Record each changed consent; stop at the first one the core refuses."""
    for slot, consent in pending:
        try:
            session.referrals.record_consent(case_id, consent)
        except (ValidationError, AccessDenied) as error:
            result.consent_failure = ConsentFailure(slot, error)
            return
        result.recorded[slot.key] = fingerprint(consent)


def _save_draft(session: Session, result: Saved, raw: RawForm) -> None:
    """The raw form, with the consents just recorded added to those it already lists."""
    assert result.case_id is not None
    raw[RECORDED] = recorded_to_raw({**recorded_from_raw(raw), **result.recorded})
    session.drafts.save(result.case_id, raw)


def _saving(session: Session, holder: CaseHolder, intake: Intake | None) -> Saved | None:
    try:
        return _ensure_case(session, holder, intake)
    except ValidationError as error:
        return Saved(None, None, holder, error=error)


def save_form(holder: CaseHolder, raw: RawForm, intake: Intake | None, *, validate: bool,
              pending: Pending = ()) -> Callable[[Backend], Saved | None]:
    """Save the draft; with ``validate``, also update the case and record pending consents."""

    def job(backend: Backend) -> Saved | None:
        session = backend.require()
        result = _saving(session, holder, intake)
        if result is None or result.case_id is None:
            return result
        try:
            if validate and intake is not None:
                session.cases.update(result.case_id, intake)
                _record(session, result.case_id, pending, result)
        except ValidationError as error:
            result.error = error
        finally:
            _save_draft(session, result, raw)
        return result

    return job


def _close_intake(session: Session, case_id: int, intake: Intake, draft: bool) -> None:
    """Receive the case (and start the assessment when a priority is set)."""
    if draft:
        session.workflow.transition(case_id, CaseStatus.DITERIMA)
        if intake.triage.priority is not None:
            session.workflow.transition(case_id, CaseStatus.ASESMEN)
    session.drafts.discard(case_id)


def finish_intake(holder: CaseHolder, raw: RawForm, intake: Intake, *, draft: bool,
                  pending: Pending) -> Callable[[Backend], Finished]:
    """Selesai: final update, remaining consents, status moves, the draft discarded."""

    def job(backend: Backend) -> Finished:
        session = backend.require()
        saved = _saving(session, holder, intake)
        assert saved is not None
        finished = Finished(saved)
        if saved.case_id is None:
            return finished
        try:
            session.cases.update(saved.case_id, intake)
            _record(session, saved.case_id, pending, saved)
            if saved.consent_failure is None:
                _close_intake(session, saved.case_id, intake, draft)
                finished.done = True
        except ValidationError as error:
            saved.error = error
        except WorkflowError as error:
            finished.workflow_error = error
        finally:
            if not finished.done:
                _save_draft(session, saved, raw)
        return finished

    return job
