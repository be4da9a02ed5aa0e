"""The verified backups as a table: date, file, size, cases — and which ones to destroy."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel
from PySide6.QtGui import QColor

from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone
from app.services.backup import BackupRecord
from ui.i18n import QT_TRANSLATE_NOOP, indonesian
from ui.models.formatting import format_moment
from ui.models.row_table import ALERT, RIGHT, RowTableModel, sorting_proxy

_CTX = "BackupHistoryModel"


class Column(IntEnum):
    CREATED = 0
    FILE = 1
    SIZE = 2
    CASES = 3
    NOTE = 4


HEADERS = {
    Column.CREATED: QT_TRANSLATE_NOOP(_CTX, "Tanggal"),
    Column.FILE: QT_TRANSLATE_NOOP(_CTX, "Berkas"),
    Column.SIZE: QT_TRANSLATE_NOOP(_CTX, "Ukuran"),
    Column.CASES: QT_TRANSLATE_NOOP(_CTX, "Kasus"),
    Column.NOTE: QT_TRANSLATE_NOOP(_CTX, "Keterangan"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def size_text(size: int) -> str:
    """``12,4 MB`` with the Indonesian decimal comma (never the PC's locale)."""
    if size < 1024 * 1024:
        return tr("%1 KB").replace("%1", indonesian().toString(max(1, round(size / 1024))))
    return tr("%1 MB").replace("%1", indonesian().toString(size / (1024 * 1024), "f", 1))


class BackupHistoryModel(RowTableModel[BackupRecord]):
    """Read-only; reloaded as a whole after every backup (one row per verified backup)."""

    #: True for a backup older than the retention period.
    StaleRole = RowTableModel.FirstCustomRole
    HEADERS = tuple(HEADERS[column] for column in Column)
    TR_CONTEXT = _CTX

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stale: frozenset[BackupRecord] = frozenset()
        self._tz: tzinfo = zone(IndonesianTimeZone.WIB)

    def set_records(self, records: Iterable[BackupRecord], stale: frozenset[BackupRecord],
                    tz: tzinfo) -> None:
        self._stale = stale
        self._tz = tz
        self.set_rows(list(records))

    def record_at(self, row: int) -> BackupRecord:
        return self.row_at(row)

    def display(self, row: BackupRecord, column: int) -> str:
        if column == Column.CREATED:
            return format_moment(row.created_at, self._tz)
        if column == Column.FILE:
            return row.file_name
        if column == Column.SIZE:
            return size_text(row.size)
        if column == Column.CASES:
            return str(row.cases)
        return tr("lebih tua dari masa retensi — musnahkan") if row in self._stale else ""

    def sort_key(self, row: BackupRecord, column: int) -> str | float:
        if column == Column.CREATED:
            return row.created_at.timestamp()
        if column == Column.SIZE:
            return row.size
        if column == Column.CASES:
            return row.cases
        return self.display(row, column).casefold()

    def color(self, row: BackupRecord, column: int) -> QColor | None:
        del column
        return ALERT if row in self._stale else None

    def alignment(self, column: int) -> int | None:
        return RIGHT if column in (Column.SIZE, Column.CASES) else None

    def custom(self, row: BackupRecord, role: int) -> object:
        return row in self._stale if role == self.StaleRole else None


def history_proxy(model: BackupHistoryModel,
                  parent: QObject | None = None) -> QSortFilterProxyModel:
    return sorting_proxy(model, parent)
