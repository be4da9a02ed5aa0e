"""Creating, editing, listing and searching cases (petugas and koordinator)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.audit import AuditEntry
from app.domain import deadlines as clocks
from app.domain import taxonomy
from app.domain.case_numbers import format_code
from app.domain.enums import CaseStatus, Priority, Role, TpksType
from app.domain.models import (
    Case,
    CaseRef,
    CaseSummary,
    Deadline,
    FieldChange,
    Incident,
    Intake,
    Needs,
    Reception,
    Referral,
    Victim,
)
from app.domain.settings import OfficeSettings
from app.errors import AccessDenied, ValidationError
from app.services import settings as settings_store
from app.services.access import (
    Action,
    deny,
    require,
    require_case,
    visibility_sql,
    visible_among,
)
from app.services.context import Context
from app.services.guards import ensure_writable
from app.services.intake_rules import changed_fields, old_values, validate_intake
from app.store import case_repo, search_index, user_repo
from app.store.codec import loads, parse_ts
from app.store.tx import write_transaction

DUE_SOON = timedelta(hours=48)
SUMMARY_CHUNK = 1000


@dataclass(frozen=True)
class CaseFilter:
    statuses: frozenset[CaseStatus] = frozenset()
    tpks_type: TpksType | None = None
    year: int | None = None
    overdue_only: bool = False
    text: str | None = None


class CaseService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # --- writing -------------------------------------------------------------------------

    def create(self, intake: Intake) -> CaseRef:
        """Open a case as a draft, assigned to its creator, with a fresh code at once."""
        ctx = self._ctx
        require(ctx, Action.CASE_CREATE)
        office = settings_store.load(ctx.conn)
        now = ctx.clock.now()
        cleaned = validate_intake(intake, office, now)
        local_now = now.astimezone(clocks.zone(office.timezone))
        with write_transaction(ctx.conn):
            number, code = _fresh_code(ctx, office, local_now)
            case_id = case_repo.insert_case(ctx.conn, code=code, year=local_now.year,
                                            number=number, now=now, user_id=ctx.user.id,
                                            intake=cleaned)
            case_repo.set_status(ctx.conn, case_id, None, CaseStatus.DRAF, now, ctx.user.id,
                                 None)
            search_index.reindex_case(ctx.conn, case_id)
            ctx.audit.append("case.create", actor=ctx.user.id, case_code=code)
        return CaseRef(case_id, code)

    def update(self, case_id: int, intake: Intake) -> list[str]:
        """Replace the intake sections; returns the changed field names (also audited)."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_EDIT, case_id)
        ensure_writable(ctx.conn, case_id)
        office = settings_store.load(ctx.conn)
        now = ctx.clock.now()
        cleaned = validate_intake(intake, office, now)
        before = case_repo.load_intake(ctx.conn, case_id)
        changed = changed_fields(before, cleaned)
        if not changed:
            return []
        received = case_repo.case_status(ctx.conn, case_id) is not CaseStatus.DRAF
        with write_transaction(ctx.conn):
            if received:  # a correction of a received complaint keeps the old values
                case_repo.add_field_history(ctx.conn, case_id, old_values(before, changed), now,
                                            ctx.user.id)
            case_repo.write_intake(ctx.conn, case_id, cleaned, now)
            search_index.reindex_case(ctx.conn, case_id)
            ctx.audit.append("case.update", actor=ctx.user.id, case_code=code,
                             detail={"fields": changed})
        return changed

    def assign(self, case_id: int, user_id: int) -> None:
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_ASSIGN, case_id)
        target = user_repo.by_id(ctx.conn, user_id)
        if not target.active or target.role is Role.PIMPINAN:
            raise ValidationError.single("assigned_to", "not_assignable")
        if user_id in case_repo.restrictions(ctx.conn, case_id):
            raise ValidationError.single("assigned_to", "restricted")
        with write_transaction(ctx.conn):
            case_repo.set_assignee(ctx.conn, case_id, user_id, ctx.clock.now())
            ctx.audit.append("case.assign", actor=ctx.user.id, case_code=code,
                             detail={"user_id": user_id})

    def restrict(self, case_id: int, user_ids: frozenset[int]) -> None:
        """Hide a case from named officers (recusal); they lose it from lists and search."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_RESTRICT, case_id)
        known = {u.id for u in user_repo.all_users(ctx.conn)}
        row = ctx.conn.execute("SELECT assigned_to FROM cases WHERE id = ?",
                               (case_id,)).fetchone()
        if not set(user_ids) <= known:
            raise ValidationError.single("restricted_from", "unknown_user")
        if ctx.user.id in user_ids or row[0] in user_ids:
            raise ValidationError.single("restricted_from", "cannot_restrict_self_or_assignee")
        with write_transaction(ctx.conn):
            case_repo.set_restrictions(ctx.conn, case_id, frozenset(user_ids))
            ctx.audit.append("case.restrict", actor=ctx.user.id, case_code=code,
                             detail={"user_ids": sorted(user_ids)})

    # --- reading -------------------------------------------------------------------------

    def get(self, case_id: int) -> Case:
        """The whole case; opening it is audited (reads are processing too, UU PDP Pasal 31)."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_VIEW, case_id)
        with write_transaction(ctx.conn):
            ctx.audit.append("case.view", actor=ctx.user.id, case_code=code)
        return case_repo.load_case(ctx.conn, case_id)

    def history(self, case_id: int) -> list[AuditEntry]:
        """The case's own audit trail (koordinator); looking at it is audited too."""
        ctx = self._ctx
        code = require_case(ctx, Action.AUDIT_VIEW, case_id)
        with write_transaction(ctx.conn):
            ctx.audit.append("audit.view", actor=ctx.user.id, case_code=code)
        return ctx.audit.entries(case_code=code, limit=10_000)

    def corrections(self, case_id: int) -> list[FieldChange]:
        """Earlier values of corrected fields (who, when, old value) — koordinator only
        (UU PDP: correction keeps the history); looking at them is audited."""
        ctx = self._ctx
        code = require_case(ctx, Action.AUDIT_VIEW, case_id)
        with write_transaction(ctx.conn):
            ctx.audit.append("case.view_corrections", actor=ctx.user.id, case_code=code)
        return case_repo.field_history(ctx.conn, case_id)

    def reveal_victim_name(self, case_id: int) -> str | None:
        """The unmasked victim name for one list row; audited."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_REVEAL_NAME, case_id)
        with write_transaction(ctx.conn):
            ctx.audit.append("case.reveal_name", actor=ctx.user.id, case_code=code)
        return case_repo.load_intake(ctx.conn, case_id).victim.full_name

    def summaries(self, filters: CaseFilter | None = None,
                  limit: int | None = None) -> list[CaseSummary]:
        """Summaries of every visible case matching the filters, newest first (search hits:
        best first); with ``limit``, only the first ``limit`` of them — the case list's first
        screen, which a 100,000-case vault would otherwise keep waiting for seconds."""
        ctx = self._ctx
        filters = filters or CaseFilter()
        if not _may_list(ctx):
            raise deny(ctx, Action.CASE_LIST)
        ids: list[int] | None = None
        if filters.text:
            ids = search_index.matching_ids(ctx.conn, filters.text)
        # Filters applied in Python come after the SQL, so only a plain listing stops early.
        plain = ids is None and filters.tpks_type is None and not filters.overdue_only
        summaries = self._summaries(filters, ids, limit if plain else None)
        if filters.overdue_only:
            summaries = [s for s in summaries if s.overdue]
        return summaries if limit is None else summaries[:limit]

    def search_ids(self, text: str) -> list[int]:
        """Ids of the visible cases matching the text, in id order (not ranked) — what a list
        that already holds the summaries needs to filter them (much cheaper than
        :meth:`search` on a large vault)."""
        ctx = self._ctx
        if not _may_list(ctx):
            raise deny(ctx, Action.CASE_LIST)
        found = search_index.matching_ids(ctx.conn, text, ranked=False)
        if found is not None:
            return visible_among(ctx, found)
        condition, params = visibility_sql(ctx, "c")
        return [int(row[0]) for row in ctx.conn.execute(
            f"SELECT c.id FROM cases c WHERE {condition} ORDER BY c.id", params)]

    def search(self, text: str) -> list[CaseSummary]:
        """Full-text search (code, names, chronology, notes) within the visible cases."""
        return self.summaries(CaseFilter(text=text))

    def _summaries(self, filters: CaseFilter, ids: list[int] | None,
                   limit: int | None) -> list[CaseSummary]:
        ctx = self._ctx
        office = settings_store.load(ctx.conn)
        tz = clocks.zone(office.timezone)
        names = user_repo.display_names(ctx.conn)
        now = ctx.clock.now()
        pasal41 = office.pasal41_recipients()
        cursor = ctx.conn.execute(*self._summary_query(filters, ids, limit))
        result = []
        # In chunks: the raw rows of a 100,000-case vault held at once took ~250 MB.
        while rows := cursor.fetchmany(SUMMARY_CHUNK):
            referrals = case_repo.referrals_for_cases(ctx.conn, [r[0] for r in rows])
            for row in rows:
                summary = _summary(row, referrals.get(row[0], []), names, now, tz, pasal41)
                if filters.tpks_type is None or filters.tpks_type in summary.tpks_types:
                    result.append(summary)
        if ids is not None:
            rank = {case_id: index for index, case_id in enumerate(ids)}
            result.sort(key=lambda s: rank[s.id])
        return result

    def _summary_query(self, filters: CaseFilter, ids: list[int] | None,
                       limit: int | None) -> tuple[str, list[object]]:
        condition, params = visibility_sql(self._ctx, "c")
        sql = ("SELECT c.id, c.code, c.status, c.received_at, c.assigned_to, c.priority,"
               " c.reception, c.incident, c.needs, p.data,"
               " EXISTS (SELECT 1 FROM case_restrictions r WHERE r.case_id = c.id),"
               " c.updated_at, EXISTS (SELECT 1 FROM form_drafts d WHERE d.case_id = c.id)"
               " FROM cases c LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'korban'"
               f" WHERE {condition}")
        args: list[object] = list(params)
        if filters.statuses:
            sql += f" AND c.status IN ({','.join('?' * len(filters.statuses))})"
            args += sorted(s.value for s in filters.statuses)
        if filters.year is not None:
            sql += " AND c.year = ?"
            args.append(filters.year)
        if ids is not None:  # search hits only: never read every case to keep a few
            sql += " AND c.id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(ids))
        sql += " ORDER BY c.received_at DESC, c.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return sql, args

    def deadlines(self, within: timedelta = DUE_SOON) -> list[Deadline]:
        """Open clocks of visible, not-closed cases that are overdue or due within ``within``."""
        ctx = self._ctx
        require(ctx, Action.DEADLINES_VIEW)
        office = settings_store.load(ctx.conn)
        tz = clocks.zone(office.timezone)
        condition, params = visibility_sql(ctx, "cases")
        # Drafts are open cases: the 72-hour medical window matters most during intake.
        rows = ctx.conn.execute(
            f"SELECT id FROM cases WHERE {condition} AND status NOT IN (?, ?)",
            (*params, CaseStatus.DITUTUP.value, CaseStatus.DIARSIPKAN.value)).fetchall()
        ids = [r[0] for r in rows]
        referrals = case_repo.referrals_for_cases(ctx.conn, ids)
        horizon = ctx.clock.now() + within
        found: list[Deadline] = []
        for case_id in ids:
            intake = case_repo.load_intake(ctx.conn, case_id)
            code = case_repo.case_code(ctx.conn, case_id)
            for item in clocks.case_deadlines(case_id, code, intake,
                                              tuple(referrals.get(case_id, [])),
                                              office.pasal41_recipients(), tz):
                if not item.met and item.due_at <= horizon:
                    found.append(item)
        return sorted(found, key=lambda d: d.due_at)


def _fresh_code(ctx: Context, office: OfficeSettings, local_now: datetime) -> tuple[int, str]:
    """The next number of the year whose code is not taken yet.

    Numbers only grow, but a changed template or a corrected PC clock can still format a new
    number into an old code (``{nomor}{bulan}``: 1+11 == 11+1); such numbers are skipped.
    """
    while True:
        number = case_repo.next_number(ctx.conn, local_now.year)
        code = format_code(office.case_number_template, number=number, year=local_now.year,
                           region_code=office.institution.region_code, month=local_now.month)
        if not case_repo.code_exists(ctx.conn, code):
            return number, code


def _may_list(ctx: Context) -> bool:
    return ctx.user.role in (Role.KOORDINATOR, Role.PETUGAS)


def _summary(row: tuple[object, ...], referrals: list[Referral], names: dict[int, str],
             now: datetime, tz: timezone, pasal41: frozenset[str]) -> CaseSummary:
    (case_id, code, status, received_at, assigned_to, priority, reception, incident, needs,
     victim_data, restricted, updated_at, has_form_draft) = row
    intake = Intake(reception=loads(str(reception), Reception),
                    incident=loads(str(incident), Incident),
                    needs=loads(str(needs), Needs))
    victim = loads(str(victim_data), Victim) if victim_data is not None else Victim()
    closed = CaseStatus(str(status)) in (CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN)
    items = [] if closed else clocks.case_deadlines(int(str(case_id)), str(code), intake,
                                                    tuple(referrals), pasal41, tz)
    upcoming = clocks.next_open(items)
    assignee = None if assigned_to is None else int(str(assigned_to))
    return CaseSummary(
        id=int(str(case_id)), code=str(code), status=CaseStatus(str(status)),
        received_at=parse_ts(str(received_at)), tpks_types=intake.incident.tpks_types,
        assigned_to=assignee, assigned_name=None if assignee is None else names.get(assignee),
        victim_name_masked=taxonomy.mask_name(victim.full_name or victim.alias),
        priority=None if priority is None else Priority(str(priority)),
        next_deadline=None if upcoming is None else upcoming.due_at,
        overdue=any(item.overdue(now) for item in items),
        restricted=bool(restricted),
        updated_at=parse_ts(str(updated_at)),
        has_form_draft=bool(has_form_draft),
    )


__all__ = ["AccessDenied", "CaseFilter", "CaseService"]
