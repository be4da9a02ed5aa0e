"""The case's own audit trail (koordinator): when, which officer, what was done."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, tzinfo

from PySide6.QtGui import QColor

from app.audit import AuditEntry
from ui.case_detail.texts import CTX, NONE_TEXT, parse_utc, tr, when
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.row_table import ALERT, RowTableModel

#: Audit action codes that concern one case, in the words of the posko.
ACTIONS: Mapping[str, str] = {
    "case.create": QT_TRANSLATE_NOOP(CTX, "Membuat kasus"),
    "case.update": QT_TRANSLATE_NOOP(CTX, "Mengubah data pengaduan"),
    "case.view": QT_TRANSLATE_NOOP(CTX, "Membuka detail kasus"),
    "case.reveal_name": QT_TRANSLATE_NOOP(CTX, "Menampilkan nama korban"),
    "case.assign": QT_TRANSLATE_NOOP(CTX, "Menugaskan petugas"),
    "case.restrict": QT_TRANSLATE_NOOP(CTX, "Mengatur pembatasan akses"),
    "case.status": QT_TRANSLATE_NOOP(CTX, "Mengubah status"),
    "case.close": QT_TRANSLATE_NOOP(CTX, "Menutup kasus"),
    "case.reopen": QT_TRANSLATE_NOOP(CTX, "Membuka kembali kasus"),
    "case.follow_up": QT_TRANSLATE_NOOP(CTX, "Menambah catatan tindak lanjut"),
    "case.right": QT_TRANSLATE_NOOP(CTX, "Mencatat pemenuhan hak korban"),
    "case.refer": QT_TRANSLATE_NOOP(CTX, "Merujuk / meneruskan kasus"),
    "case.feedback": QT_TRANSLATE_NOOP(CTX, "Mencatat umpan balik rujukan"),
    "case.police_report_confirmed": QT_TRANSLATE_NOOP(
        CTX, "Mencatat konfirmasi laporan polisi (Pasal 41)"),
    "case.form_draft_saved": QT_TRANSLATE_NOOP(CTX, "Menyimpan isian sementara"),
    "case.form_draft_discarded": QT_TRANSLATE_NOOP(CTX, "Membuang isian sementara"),
    "consent.record": QT_TRANSLATE_NOOP(CTX, "Mencatat persetujuan"),
    "consent.revoke": QT_TRANSLATE_NOOP(CTX, "Mencabut persetujuan"),
    "attachment.add": QT_TRANSLATE_NOOP(CTX, "Menambah lampiran"),
    "attachment.view": QT_TRANSLATE_NOOP(CTX, "Melihat lampiran"),
    "audit.view": QT_TRANSLATE_NOOP(CTX, "Melihat riwayat audit kasus"),
    "access.denied": QT_TRANSLATE_NOOP(CTX, "Akses ditolak"),
}


def action_label(action: str) -> str:
    """The posko's words for an audit action; an unknown code is shown as it is."""
    text = ACTIONS.get(action)
    return action if text is None else tr(text)


class AuditTableModel(RowTableModel[AuditEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Waktu"),
        QT_TRANSLATE_NOOP(CTX, "Petugas"),
        QT_TRANSLATE_NOOP(CTX, "Tindakan"),
    )
    TIME, OFFICER, ACTION = range(3)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}
        self._tz: tzinfo = UTC

    def set_entries(self, entries: Sequence[AuditEntry], names: Mapping[int, str],
                    tz: tzinfo) -> None:
        self._names, self._tz = names, tz
        self.set_rows(sorted(entries, key=lambda e: e.seq, reverse=True))

    def display(self, row: AuditEntry, column: int) -> str:
        if column == self.TIME:
            return when(parse_utc(row.ts_utc), self._tz)
        if column == self.OFFICER:
            actor = row.actor_user_id
            return NONE_TEXT if actor is None else self._names.get(actor, f"#{actor}")
        return action_label(row.action)

    def sort_key(self, row: AuditEntry, column: int) -> str | float:
        if column == self.TIME:
            return float(row.seq)
        return super().sort_key(row, column)

    def row_id(self, row: AuditEntry) -> int:
        return row.seq

    def color(self, row: AuditEntry, column: int) -> QColor | None:
        return ALERT if row.action == "access.denied" else None
