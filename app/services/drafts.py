"""Raw intake-form state, autosaved inside the encrypted vault.

The intake screens save what the officer typed — valid or not yet — so nothing is lost when the
app locks, the PC loses power or the program crashes. The state is an opaque mapping of widget
names to plain values; the UI owns its meaning. The validated case lives in its own tables and
is only changed through :class:`app.services.cases.CaseService`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.domain.models import CaseRef
from app.errors import ValidationError
from app.services.access import Action, require, require_case, visibility_sql
from app.services.context import Context
from app.services.guards import ensure_writable
from app.store.codec import parse_ts, ts
from app.store.tx import write_transaction

FormValue = str | int | bool | None | list[str]
MAX_FIELDS = 1000
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class FormDraft:
    case_id: int
    updated_at: datetime
    updated_by: int
    data: dict[str, FormValue]


def _encoded(data: Mapping[str, FormValue]) -> str:
    """Check the shape and size, then encode; lone surrogates cannot be stored."""
    if not isinstance(data, Mapping) or len(data) > MAX_FIELDS:
        raise ValidationError.single("form", "type")
    for key, value in data.items():
        plain = value is None or isinstance(value, (str, int, bool))
        listed = isinstance(value, list) and all(isinstance(item, str) for item in value)
        if not isinstance(key, str) or not (plain or listed):
            raise ValidationError.single("form", "type")
    try:
        text = json.dumps(dict(data), ensure_ascii=False, sort_keys=True)
        size = len(text.encode("utf-8"))
    except (TypeError, ValueError, UnicodeEncodeError):
        raise ValidationError.single("form", "invalid_chars") from None
    if size > MAX_BYTES:
        raise ValidationError.single("form", "too_long", MAX_BYTES)
    return text


class DraftService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def save(self, case_id: int, data: Mapping[str, FormValue]) -> None:
        """Replace the case's form draft (audited without content)."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_EDIT, case_id)
        text = _encoded(data)
        ensure_writable(ctx.conn, case_id)
        with write_transaction(ctx.conn):
            ctx.conn.execute(
                "INSERT INTO form_drafts(case_id, updated_at, updated_by, data) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(case_id) DO UPDATE SET updated_at = excluded.updated_at,"
                " updated_by = excluded.updated_by, data = excluded.data",
                (case_id, ts(ctx.clock.now()), ctx.user.id, text))
            ctx.audit.append("case.form_draft_saved", actor=ctx.user.id, case_code=code,
                             detail={"fields": len(data)})

    def load(self, case_id: int) -> FormDraft | None:
        """The unfinished form; reading it is a case view (UU PDP Pasal 31) and audited so."""
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_VIEW, case_id)
        row = ctx.conn.execute("SELECT updated_at, updated_by, data FROM form_drafts"
                               " WHERE case_id = ?", (case_id,)).fetchone()
        if row is None:
            return None
        with write_transaction(ctx.conn):
            ctx.audit.append("case.view", actor=ctx.user.id, case_code=code,
                             detail={"part": "form_draft"})
        return FormDraft(case_id, parse_ts(row[0]), row[1], json.loads(row[2]))

    def discard(self, case_id: int) -> None:
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_EDIT, case_id)
        with write_transaction(ctx.conn):
            deleted = ctx.conn.execute("DELETE FROM form_drafts WHERE case_id = ?",
                                       (case_id,)).rowcount
            if deleted:
                ctx.audit.append("case.form_draft_discarded", actor=ctx.user.id, case_code=code)

    def pending(self) -> list[CaseRef]:
        """Visible cases with a saved form draft, newest first ("Lanjutkan pengisian")."""
        ctx = self._ctx
        require(ctx, Action.CASE_LIST)
        condition, params = visibility_sql(ctx, "c")
        rows = ctx.conn.execute(
            "SELECT c.id, c.code FROM form_drafts d JOIN cases c ON c.id = d.case_id"
            f" WHERE {condition} ORDER BY d.updated_at DESC", params)
        return [CaseRef(int(r[0]), str(r[1])) for r in rows]
