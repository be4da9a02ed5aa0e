"""The consents recorded for a case: purpose, recipient, outcome, items, expiry, revocation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtGui import QColor

from app.domain.enums import DataItem
from app.domain.models import ConsentRecord
from app.services.referrals import DISCLOSING, allowed_items
from ui.case_detail.texts import CTX, NONE_TEXT, day, labels, plain, tr, when
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.row_table import MUTED, RowTableModel


class ConsentTableModel(RowTableModel[ConsentRecord]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Tujuan"),
        QT_TRANSLATE_NOOP(CTX, "Penerima"),
        QT_TRANSLATE_NOOP(CTX, "Hasil"),
        QT_TRANSLATE_NOOP(CTX, "Data yang boleh dibagikan"),
        QT_TRANSLATE_NOOP(CTX, "Berlaku sampai"),
        QT_TRANSLATE_NOOP(CTX, "Dicabut"),
    )
    PURPOSE, RECIPIENT, OUTCOME, ITEMS, EXPIRY, REVOKED = range(6)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._recipients: Mapping[str, str] = {}
        self._tz: tzinfo = UTC
        self._now: datetime | None = None

    def set_consents(self, records: Sequence[ConsentRecord], recipients: Mapping[str, str],
                     tz: tzinfo, now: datetime) -> None:
        """Newest first: the newest decision for a recipient is the one that counts."""
        self._recipients, self._tz, self._now = recipients, tz, now
        self.set_rows(sorted(records, key=lambda r: (r.recorded_at, r.id), reverse=True))

    def display(self, row: ConsentRecord, column: int) -> str:
        consent = row.consent
        if column == self.PURPOSE:
            return label_text(consent.purpose)
        if column == self.RECIPIENT:
            key = consent.recipient
            return NONE_TEXT if key is None else self._recipients.get(key, key)
        if column == self.OUTCOME:
            return label_text(consent.outcome)
        if column == self.ITEMS:
            return _items_text(row)
        if column == self.EXPIRY:
            return tr("Tanpa batas") if consent.expires_on is None else day(consent.expires_on)
        return self._revoked_text(row)

    def _revoked_text(self, row: ConsentRecord) -> str:
        if row.revoked_at is None:
            return NONE_TEXT
        return tr("Ya, %1").replace("%1", when(row.revoked_at, self._tz))

    def sort_key(self, row: ConsentRecord, column: int) -> str | float:
        if column == self.EXPIRY:
            return row.consent.expires_on.toordinal() if row.consent.expires_on else 10**7
        if column == self.REVOKED:
            return row.revoked_at.timestamp() if row.revoked_at else 0.0
        return super().sort_key(row, column)

    def row_id(self, row: ConsentRecord) -> int:
        return row.id

    def color(self, row: ConsentRecord, column: int) -> QColor | None:
        """Consents that no longer allow disclosure are greyed."""
        del column
        usable = self._now is not None and row.valid_on(self._now)
        return None if usable else MUTED

    def tooltip(self, row: ConsentRecord, column: int) -> str | None:
        if column == self.REVOKED and row.revoked_reason:
            return tr("Alasan: %1").replace("%1", row.revoked_reason)
        if column == self.OUTCOME and row.consent.override_reason:
            return tr("Alasan pengecualian: %1").replace("%1", row.consent.override_reason)
        return None

    def record(self, consent_id: int) -> ConsentRecord | None:
        return next((r for r in self._rows if r.id == consent_id), None)


def _items_text(record: ConsentRecord) -> str:
    if record.consent.outcome not in DISCLOSING:
        return NONE_TEXT
    items = allowed_items(record)
    if items == frozenset(DataItem):
        return tr("Semua data")
    return labels(items) if items else plain(None)
