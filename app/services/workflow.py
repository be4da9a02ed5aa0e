"""Moving a case through its states, closing, reopening, follow-ups and the rights checklist."""

from __future__ import annotations

from app.domain import validation
from app.domain import workflow as rules
from app.domain.enums import CaseStatus, ClosureReason, FollowUpKind, RightStatus, VictimRight
from app.domain.models import Closure, RightEntry
from app.errors import ErrorCode, ValidationError, WorkflowError
from app.services.access import Action, require_case
from app.services.context import Context
from app.services.guards import ensure_writable
from app.store import case_repo, search_index
from app.store.tx import write_transaction


class WorkflowService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def transition(self, case_id: int, target: CaseStatus, reason: str | None = None) -> None:
        """A plain state move. Referral, escalation and closing have their own actions.

        Raises:
            WorkflowError: ``ILLEGAL_TRANSITION`` (with ``source``/``target``) or
                ``TRANSITION_PRECONDITION`` (with ``missing``).
        """
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_TRANSITION, case_id)
        reason = validation.clean_single(reason, "reason", multiline=True,
                                         limit=validation.LONG_TEXT)
        if not isinstance(target, CaseStatus):
            raise ValidationError.single("target", "type")
        case = case_repo.load_case(ctx.conn, case_id)
        _check_move(case.status, target)
        if target in rules.ACTION_ONLY or case.status in rules.REOPEN_FROM:
            raise WorkflowError(ErrorCode.ILLEGAL_TRANSITION, source=case.status.value,
                                target=target.value, use=rules.ACTION_ONLY.get(target, "reopen"))
        if target is CaseStatus.LAYANAN_INTERNAL and reason is None:
            raise WorkflowError(ErrorCode.TRANSITION_PRECONDITION, missing=["reason"])
        missing = rules.precondition(case, target, ctx.clock.now().date())
        if missing:
            raise WorkflowError(ErrorCode.TRANSITION_PRECONDITION, missing=missing)
        self._move(case_id, code, case.status, target, reason)

    def _move(self, case_id: int, code: str, source: CaseStatus, target: CaseStatus,
              reason: str | None, extra: dict[str, str] | None = None) -> None:
        ctx = self._ctx
        with write_transaction(ctx.conn):
            case_repo.set_status(ctx.conn, case_id, source, target, ctx.clock.now(), ctx.user.id,
                                 reason)
            ctx.audit.append("case.status", actor=ctx.user.id, case_code=code,
                             detail={"from": source.value, "to": target.value, **(extra or {})})

    def close(self, case_id: int, reason: ClosureReason, note: str | None = None) -> None:
        """Close with a reason; the starred victims' rights must all be recorded first."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_CLOSE, case_id)
        if not isinstance(reason, ClosureReason):
            raise ValidationError.single("reason", "required")
        note = validation.clean_single(note, "note", multiline=True, limit=validation.LONG_TEXT)
        case = case_repo.load_case(ctx.conn, case_id)
        _check_move(case.status, CaseStatus.DITUTUP)
        missing = rules.missing_rights(case)
        if missing:
            raise WorkflowError(ErrorCode.TRANSITION_PRECONDITION,
                                missing=sorted(r.value for r in missing))
        closure = Closure(reason, note, ctx.clock.now(), ctx.user.id)
        with write_transaction(ctx.conn):
            case_repo.set_closure(ctx.conn, case_id, closure)
            case_repo.set_status(ctx.conn, case_id, case.status, CaseStatus.DITUTUP,
                                 closure.closed_at, ctx.user.id, note)
            ctx.audit.append("case.close", actor=ctx.user.id, case_code=code,
                             detail={"from": case.status.value, "reason": reason.value})

    def reopen(self, case_id: int, reason: str) -> None:
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_REOPEN, case_id)
        text = validation.clean_single(reason, "reason", multiline=True,
                                       limit=validation.LONG_TEXT)
        if text is None:
            raise ValidationError.single("reason", "required")
        status = case_repo.case_status(ctx.conn, case_id)
        if status not in rules.REOPEN_FROM:
            raise WorkflowError(ErrorCode.ILLEGAL_TRANSITION, source=status.value,
                                target=CaseStatus.ASESMEN.value)
        with write_transaction(ctx.conn):
            case_repo.set_closure(ctx.conn, case_id, None)
            case_repo.set_status(ctx.conn, case_id, status, CaseStatus.ASESMEN, ctx.clock.now(),
                                 ctx.user.id, text)
            ctx.audit.append("case.reopen", actor=ctx.user.id, case_code=code,
                             detail={"from": status.value})

    def archive(self, case_id: int) -> None:
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_ARCHIVE, case_id)
        status = case_repo.case_status(ctx.conn, case_id)
        _check_move(status, CaseStatus.DIARSIPKAN)
        self._move(case_id, code, status, CaseStatus.DIARSIPKAN, None)

    def add_follow_up(self, case_id: int, kind: FollowUpKind, note: str) -> int:
        """A timeline entry (contact, returned slip, service, police confirmation, note)."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_EDIT, case_id)
        if not isinstance(kind, FollowUpKind):
            raise ValidationError.single("kind", "required")
        text = validation.clean_single(note, "note", multiline=True, limit=validation.LONG_TEXT)
        if text is None:
            raise ValidationError.single("note", "required")
        ensure_writable(ctx.conn, case_id)
        with write_transaction(ctx.conn):
            entry_id = case_repo.insert_follow_up(ctx.conn, case_id, ctx.clock.now(),
                                                  ctx.user.id, kind, text)
            case_repo.touch(ctx.conn, case_id, ctx.clock.now())
            search_index.reindex_case(ctx.conn, case_id)
            ctx.audit.append("case.follow_up", actor=ctx.user.id, case_code=code,
                             detail={"kind": kind.value})
        return entry_id

    def set_right(self, case_id: int, right: VictimRight, status: RightStatus,
                  note: str | None = None) -> None:
        """Record one item of the UU TPKS Pasal 66–70 rights checklist."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_EDIT, case_id)
        if not isinstance(right, VictimRight) or not isinstance(status, RightStatus):
            raise ValidationError.single("right", "required")
        text = validation.clean_single(note, "note", multiline=True, limit=validation.LONG_TEXT)
        ensure_writable(ctx.conn, case_id)
        entry = RightEntry(right, status, ctx.clock.now(), ctx.user.id, text)
        with write_transaction(ctx.conn):
            case_repo.upsert_right(ctx.conn, case_id, entry)
            case_repo.touch(ctx.conn, case_id, entry.at)
            ctx.audit.append("case.right", actor=ctx.user.id, case_code=code,
                             detail={"right": right.value, "status": status.value})


def _check_move(source: CaseStatus, target: CaseStatus) -> None:
    if not rules.is_legal(source, target):
        raise WorkflowError(ErrorCode.ILLEGAL_TRANSITION, source=source.value,
                            target=target.value)
