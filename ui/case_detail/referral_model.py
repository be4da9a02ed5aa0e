"""Referrals and escalations of a case with their feedback and Pasal 41 clocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtGui import QColor

from app.domain.models import Referral
from ui.case_detail.texts import CTX, tr, when
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.row_table import ALERT, RowTableModel


class ReferralTableModel(RowTableModel[Referral]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Penerima"),
        QT_TRANSLATE_NOOP(CTX, "Jenis"),
        QT_TRANSLATE_NOOP(CTX, "Prioritas"),
        QT_TRANSLATE_NOOP(CTX, "Dikirim"),
        QT_TRANSLATE_NOOP(CTX, "Tenggat umpan balik"),
        QT_TRANSLATE_NOOP(CTX, "Umpan balik"),
        QT_TRANSLATE_NOOP(CTX, "Konfirmasi laporan polisi"),
    )
    RECIPIENT, KIND, PRIORITY, SENT, DUE, FEEDBACK, POLICE = range(7)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._recipients: Mapping[str, str] = {}
        self._pasal41: frozenset[str] = frozenset()
        self._tz: tzinfo = UTC
        self._now = datetime.now(UTC)

    def set_referrals(self, referrals: Sequence[Referral], recipients: Mapping[str, str],
                      pasal41: frozenset[str], tz: tzinfo, now: datetime) -> None:
        self._recipients, self._pasal41, self._tz, self._now = recipients, pasal41, tz, now
        self.set_rows(sorted(referrals, key=lambda r: (r.sent_at, r.id), reverse=True))

    def display(self, row: Referral, column: int) -> str:
        data = row.referral
        if column == self.RECIPIENT:
            return self._recipients.get(data.recipient, data.recipient)
        if column == self.KIND:
            return label_text(data.kind)
        if column == self.PRIORITY:
            return label_text(data.priority) if data.priority else "—"
        if column in (self.SENT, self.DUE):
            return when(row.sent_at if column == self.SENT else row.due_at, self._tz)
        if column == self.FEEDBACK:
            return self._feedback_text(row)
        return self._police_text(row)

    def _feedback_text(self, row: Referral) -> str:
        if row.outcome is None:
            return tr("Terlambat") if self.feedback_overdue(row) else tr("Belum")
        return f"{label_text(row.outcome)}, {when(row.feedback_at, self._tz)}"

    def _police_text(self, row: Referral) -> str:
        if not self.needs_police_report(row):
            return tr("Tidak berlaku")
        if row.police_report_confirmed_at is None:
            return tr("Belum dikonfirmasi")
        return when(row.police_report_confirmed_at, self._tz)

    def sort_key(self, row: Referral, column: int) -> str | float:
        if column == self.SENT:
            return row.sent_at.timestamp()
        if column == self.DUE:
            return row.due_at.timestamp()
        return super().sort_key(row, column)

    def row_id(self, row: Referral) -> int:
        return row.id

    def color(self, row: Referral, column: int) -> QColor | None:
        if column in (self.DUE, self.FEEDBACK) and self.feedback_overdue(row):
            return ALERT
        return None

    def tooltip(self, row: Referral, column: int) -> str | None:
        if column == self.FEEDBACK and row.feedback_note:
            return row.feedback_note
        return None

    def feedback_overdue(self, row: Referral) -> bool:
        return row.feedback_at is None and self._now > row.due_at

    def needs_police_report(self, row: Referral) -> bool:
        """UU TPKS Pasal 41: Dinsos P3A / UPTD PPA report to the police within 3×24 hours."""
        return row.referral.recipient in self._pasal41

    def referral(self, referral_id: int) -> Referral | None:
        return next((r for r in self._rows if r.id == referral_id), None)
