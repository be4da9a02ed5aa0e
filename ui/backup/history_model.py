"""The verified backups as a table: date, file, size, cases — and which ones to destroy."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone
from app.services.backup import BackupRecord
from ui.i18n import QT_TRANSLATE_NOOP, indonesian
from ui.models.formatting import format_moment

_CTX = "BackupHistoryModel"
_ROOT = QModelIndex()
#: The error colour of resources/style.qss.
STALE_COLOUR = QColor("#a11d21")


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


class BackupHistoryModel(QAbstractTableModel):
    """Read-only; reloaded as a whole after every backup (one row per verified backup)."""

    #: A comparable value for sorting.
    SortRole = Qt.ItemDataRole.UserRole
    #: True for a backup older than the retention period.
    StaleRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[BackupRecord] = []
        self._stale: frozenset[BackupRecord] = frozenset()
        self._tz: tzinfo = zone(IndonesianTimeZone.WIB)

    def set_records(self, records: Iterable[BackupRecord], stale: frozenset[BackupRecord],
                    tz: tzinfo) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._stale = stale
        self._tz = tz
        self.endResetModel()

    def record_at(self, row: int) -> BackupRecord:
        return self._records[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == self.SortRole:
            return self._sort_key(record, column)
        if role == self.StaleRole:
            return record in self._stale
        if role == Qt.ItemDataRole.ForegroundRole and record in self._stale:
            return QBrush(STALE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.SIZE, Column.CASES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: BackupRecord, column: Column) -> str:
        if column is Column.CREATED:
            return format_moment(record.created_at, self._tz)
        if column is Column.FILE:
            return record.file_name
        if column is Column.SIZE:
            return size_text(record.size)
        if column is Column.CASES:
            return str(record.cases)
        return tr("lebih tua dari masa retensi — musnahkan") if record in self._stale else ""

    def _sort_key(self, record: BackupRecord, column: Column) -> str | int | float:
        if column is Column.CREATED:
            return record.created_at.timestamp()
        if column is Column.SIZE:
            return record.size
        if column is Column.CASES:
            return record.cases
        return self._display(record, column).casefold()


def history_proxy(model: BackupHistoryModel,
                  parent: QObject | None = None) -> QSortFilterProxyModel:
    """Sorting on the model's native keys."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(BackupHistoryModel.SortRole)
    return proxy
