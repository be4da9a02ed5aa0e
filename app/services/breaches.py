"""The breach register (UU PDP Pasal 46): a suspected breach, its 3×24-hour notice deadline.

The office must notify the data subjects and the supervisory body in writing within 3×24 hours
of discovering a breach; the notice states the data disclosed, when and how, and what was done
to handle and recover (Pasal 46(2); article numbers to confirm with the office). The record
fills the notice letter; Beranda shows every breach whose deadline is running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain import validation
from app.errors import ErrorCode, NotFound, ValidationError
from app.services.access import Action, require
from app.services.context import Context
from app.store.codec import dumps, loads, parse_opt_ts, parse_ts, ts
from app.store.tx import write_transaction

NOTICE_WINDOW = timedelta(hours=72)
#: Tolerance for a PC clock a little off when a time is typed in.
SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class BreachInput:
    discovered_at: datetime
    description: str
    data_affected: str | None = None
    how: str | None = None
    subjects_estimate: int | None = None
    handling: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Breach:
    id: int
    breach: BreachInput
    recorded_at: datetime
    recorded_by: int
    notified_at: datetime | None

    @property
    def notice_due(self) -> datetime:
        return self.breach.discovered_at + NOTICE_WINDOW


LONG = ("description", "data_affected", "how", "handling")


class BreachService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def record(self, breach: BreachInput) -> int:
        ctx = self._ctx
        require(ctx, Action.BREACH_MANAGE)
        cleaned = _clean(breach, ctx.clock.now())
        with write_transaction(ctx.conn):
            cursor = ctx.conn.execute(
                "INSERT INTO breaches(discovered_at, recorded_at, recorded_by, data)"
                " VALUES (?, ?, ?, ?)",
                (ts(cleaned.discovered_at), ts(ctx.clock.now()), ctx.user.id, dumps(cleaned)))
            breach_id = int(cursor.lastrowid)
            ctx.audit.append("breach.record", actor=ctx.user.id, obj=f"breach:{breach_id}")
        return breach_id

    def mark_notified(self, breach_id: int, at: datetime | None = None) -> None:
        """Record when the notices went out (default: now) — not before the discovery, not
        in the future."""
        ctx = self._ctx
        require(ctx, Action.BREACH_MANAGE)
        found = self.get(breach_id)
        moment = at or ctx.clock.now()
        if not isinstance(moment, datetime) or moment.tzinfo is None:
            raise ValidationError.single("notified_at", "type")
        if not found.breach.discovered_at - SKEW <= moment <= ctx.clock.now() + SKEW:
            raise ValidationError.single("notified_at", "date_range")
        with write_transaction(ctx.conn):
            ctx.conn.execute("UPDATE breaches SET notified_at = ? WHERE id = ?",
                             (ts(moment), breach_id))
            ctx.audit.append("breach.notified", actor=ctx.user.id, obj=f"breach:{breach_id}")

    def get(self, breach_id: int) -> Breach:
        require(self._ctx, Action.BREACH_MANAGE)
        row = self._ctx.conn.execute(f"SELECT {_COLUMNS} FROM breaches WHERE id = ?",
                                     (breach_id,)).fetchone()
        if row is None:
            raise NotFound(ErrorCode.CASE_NOT_FOUND)
        return _breach(row)

    def all(self) -> list[Breach]:
        require(self._ctx, Action.BREACH_MANAGE)
        rows = self._ctx.conn.execute(f"SELECT {_COLUMNS} FROM breaches"
                                      " ORDER BY discovered_at DESC")
        return [_breach(row) for row in rows]

    def open_notices(self) -> list[Breach]:
        """Breaches not yet notified: their deadline runs (or has passed)."""
        return [b for b in self.all() if b.notified_at is None]


_COLUMNS = "id, recorded_at, recorded_by, notified_at, data"


def _breach(row: tuple[object, ...]) -> Breach:
    breach_id, recorded_at, recorded_by, notified_at, data = row
    return Breach(int(str(breach_id)), loads(str(data), BreachInput), parse_ts(str(recorded_at)),
                  int(str(recorded_by)),
                  parse_opt_ts(None if notified_at is None else str(notified_at)))


def _clean(breach: BreachInput, now: datetime) -> BreachInput:
    cleaned = validation.clean(breach, BreachInput)
    rules = [
        None if cleaned.discovered_at <= now + SKEW else
        validation.FieldError("discovered_at", "date_range"),
        validation.int_range_error(cleaned.subjects_estimate, "subjects_estimate", 0, 10**7),
    ]
    if not cleaned.description:
        raise ValidationError.single("description", "required")
    validation.check(rules)
    return cleaned
