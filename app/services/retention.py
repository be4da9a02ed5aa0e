"""Retention end and erasure: destroying a case so that no trace of its content remains.

After the retention period (settings, counted from closing) a koordinator may destroy closed or
archived cases; an erasure request (UU PDP) takes the same path at any time, with its reason.
Every row of the case goes (persons, consents, referrals, notes, rights, history, attachments,
drafts, corrections); ``secure_delete`` zeroes the freed pages, the search index is merged into
one segment in the same transaction (which drops every word of the case, including those of
text edited earlier), and a checkpoint plus ``VACUUM`` leave nothing in the WAL or in free
pages. What remains: the case code in the audit log and in ``destroyed_cases`` with
dates, legal basis, reason and who did it — the berita acara pemusnahan is printed from that.
A case also lives in every backup made before: the destruction is complete only when those
backups are gone (Beranda flags them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from app.domain import deadlines as clocks
from app.domain import validation
from app.domain.enums import CaseStatus
from app.errors import AppError, ErrorCode, ValidationError
from app.services import settings as settings_store
from app.services.access import Action, require, require_case
from app.services.context import Context
from app.store import case_repo, search_index
from app.store.codec import parse_ts, ts
from app.store.connection import checkpoint
from app.store.tx import write_transaction

CLOSED = (CaseStatus.DITUTUP.value, CaseStatus.DIARSIPKAN.value)


@dataclass(frozen=True)
class DestroyedCase:
    code: str
    received_on: date | None
    closed_on: date | None
    destroyed_at: datetime
    destroyed_by: int
    legal_basis: str
    reason: str


@dataclass(frozen=True)
class Eligible:
    case_id: int
    code: str
    closed_on: date


class RetentionService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def eligible(self) -> list[Eligible]:
        """Closed or archived cases whose retention period has ended (koordinator)."""
        ctx = self._ctx
        require(ctx, Action.CASE_DESTROY)
        office = settings_store.load(ctx.conn)
        tz = clocks.zone(office.timezone)
        cutoff = _years_before(ctx.clock.now().astimezone(tz).date(), office.retention_years)
        found = []
        for case_id, code in ctx.conn.execute(
                f"SELECT id, code FROM cases WHERE status IN ({','.join('?' * len(CLOSED))})"
                " ORDER BY id", CLOSED):
            closed = _closed_on(ctx, case_id, tz)
            if closed is not None and closed <= cutoff:
                found.append(Eligible(case_id, code, closed))
        return found

    def destroy_expired(self, case_ids: list[int]) -> list[DestroyedCase]:
        """Destroy cases whose retention has ended; refuses any that has not."""
        allowed = {e.case_id for e in self.eligible()}
        if not set(case_ids) <= allowed:
            raise AppError(ErrorCode.RETENTION_NOT_REACHED)
        basis = settings_store.load(self._ctx.conn).retention_legal_basis
        return self._destroy(case_ids, basis, "Akhir masa retensi", "retensi")

    def erase_on_request(self, case_id: int, reason: str) -> DestroyedCase:
        """UU PDP erasure at the data subject's request: the same path, at any time."""
        text = validation.clean_single(reason, "reason", multiline=True,
                                       limit=validation.LONG_TEXT)
        if text is None:
            raise ValidationError.single("reason", "required")
        basis = "UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi (hak penghapusan)"
        return self._destroy([case_id], basis, text, "permintaan_subjek")[0]

    def destroyed(self) -> list[DestroyedCase]:
        require(self._ctx, Action.CASE_DESTROY)
        rows = self._ctx.conn.execute(
            "SELECT code, received_on, closed_on, destroyed_at, destroyed_by, legal_basis,"
            " reason FROM destroyed_cases ORDER BY destroyed_at DESC, code")
        return [_destroyed(row) for row in rows]

    def _destroy(self, case_ids: list[int], basis: str, reason: str,
                 kind: str) -> list[DestroyedCase]:
        ctx = self._ctx
        codes = [require_case(ctx, Action.CASE_DESTROY, case_id) for case_id in case_ids]
        tz = clocks.zone(settings_store.load(ctx.conn).timezone)
        now = ctx.clock.now()
        records = [self._record(case_id, code, basis, reason, now, tz)
                   for case_id, code in zip(case_ids, codes, strict=True)]
        with write_transaction(ctx.conn):
            for case_id, record in zip(case_ids, records, strict=True):
                _store(ctx, record)
                ctx.conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
                ctx.audit.append("case.destroy", actor=ctx.user.id, case_code=record.code,
                                 detail={"basis": kind})
            search_index.purge(ctx.conn, case_ids)
        _scrub(ctx)
        return records

    def _record(self, case_id: int, code: str, basis: str, reason: str, now: datetime,
                tz: timezone) -> DestroyedCase:
        intake = case_repo.load_intake(self._ctx.conn, case_id)
        return DestroyedCase(code, intake.reception.received_at.astimezone(tz).date(),
                             _closed_on(self._ctx, case_id, tz), now, self._ctx.user.id, basis,
                             reason)


def _store(ctx: Context, record: DestroyedCase) -> None:
    ctx.conn.execute(
        "INSERT INTO destroyed_cases(code, received_on, closed_on, destroyed_at, destroyed_by,"
        " legal_basis, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record.code, _day(record.received_on), _day(record.closed_on), ts(record.destroyed_at),
         record.destroyed_by, record.legal_basis, record.reason))


def _scrub(ctx: Context) -> None:
    """No trace in the WAL or free pages (VACUUM needs no open transaction)."""
    checkpoint(ctx.conn)
    ctx.conn.execute("VACUUM")
    checkpoint(ctx.conn)


def _closed_on(ctx: Context, case_id: int, tz: timezone) -> date | None:
    row = ctx.conn.execute("SELECT max(at) FROM status_history WHERE case_id = ? AND"
                           " to_status = ?", (case_id, CaseStatus.DITUTUP.value)).fetchone()
    return None if row[0] is None else parse_ts(row[0]).astimezone(tz).date()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return (day - timedelta(days=1)).replace(year=day.year - years)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _destroyed(row: tuple[object, ...]) -> DestroyedCase:
    code, received, closed, at, by, basis, reason = row
    return DestroyedCase(str(code), None if received is None else date.fromisoformat(str(received)),
                         None if closed is None else date.fromisoformat(str(closed)),
                         parse_ts(str(at)), int(str(by)), str(basis), str(reason))
