"""Evidence files of a case: name, size, short SHA-256, when and by whom they were added."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, tzinfo

from app.domain.models import AttachmentInfo
from ui.case_detail.texts import CTX, size_text, when
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.row_table import RowTableModel

#: Hex digits of the SHA-256 shown in the table; the tooltip has all 64.
SHORT_HASH = 12


class AttachmentTableModel(RowTableModel[AttachmentInfo]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Nama berkas"),
        QT_TRANSLATE_NOOP(CTX, "Ukuran"),
        QT_TRANSLATE_NOOP(CTX, "SHA-256"),
        QT_TRANSLATE_NOOP(CTX, "Ditambahkan"),
        QT_TRANSLATE_NOOP(CTX, "Oleh"),
    )
    NAME, SIZE, HASH, ADDED, BY = range(5)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}
        self._tz: tzinfo = UTC

    def set_attachments(self, items: Sequence[AttachmentInfo], names: Mapping[int, str],
                        tz: tzinfo) -> None:
        self._names, self._tz = names, tz
        self.set_rows(items)

    def display(self, row: AttachmentInfo, column: int) -> str:
        if column == self.NAME:
            return row.filename
        if column == self.SIZE:
            return size_text(row.size)
        if column == self.HASH:
            return row.sha256[:SHORT_HASH]
        if column == self.ADDED:
            return when(row.added_at, self._tz)
        return self._names.get(row.added_by, f"#{row.added_by}")

    def sort_key(self, row: AttachmentInfo, column: int) -> str | float:
        if column == self.SIZE:
            return float(row.size)
        if column == self.ADDED:
            return row.added_at.timestamp()
        return super().sort_key(row, column)

    def row_id(self, row: AttachmentInfo) -> int:
        return row.id

    def tooltip(self, row: AttachmentInfo, column: int) -> str | None:
        return row.sha256 if column == self.HASH else None

    def attachment(self, attachment_id: int) -> AttachmentInfo | None:
        return next((a for a in self._rows if a.id == attachment_id), None)
